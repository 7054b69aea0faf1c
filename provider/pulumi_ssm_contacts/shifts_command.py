"""Old path of :mod:`pulumi_ssm_contacts.oncall.shifts_command`
(importing it gives that module)."""

import sys

from .oncall import shifts_command as _moved
from .oncall.shifts_command import *  # noqa: F403

sys.modules[__name__] = _moved
