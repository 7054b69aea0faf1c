"""Old path of :mod:`pulumi_ssm_contacts.oncall.shifts`
(importing it gives that module)."""

import sys

from .oncall import shifts as _moved
from .oncall.shifts import *  # noqa: F403

sys.modules[__name__] = _moved
