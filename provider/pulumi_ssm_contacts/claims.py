"""Old path of :mod:`pulumi_ssm_contacts.dynamic.claims`
(importing it gives that module)."""

import sys

from .dynamic import claims as _moved
from .dynamic.claims import *  # noqa: F403

sys.modules[__name__] = _moved
