"""Old path of :mod:`pulumi_ssm_contacts.dynamic.contact`
(importing it gives that module)."""

import sys

from .dynamic import contact as _moved
from .dynamic.contact import *  # noqa: F403

sys.modules[__name__] = _moved
