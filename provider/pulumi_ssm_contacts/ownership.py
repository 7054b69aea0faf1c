"""Old path of :mod:`pulumi_ssm_contacts.core.ownership`
(importing it gives that module)."""

import sys

from .core import ownership as _moved
from .core.ownership import *  # noqa: F403

sys.modules[__name__] = _moved
