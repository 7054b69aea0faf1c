"""Old path of :mod:`pulumi_ssm_contacts.dynamic.contact_plan`
(importing it gives that module)."""

import sys

from .dynamic import contact_plan as _moved
from .dynamic.contact_plan import *  # noqa: F403

sys.modules[__name__] = _moved
