"""Old path of :mod:`pulumi_ssm_contacts.oncall.shifts_table`
(importing it gives that module)."""

import sys

from .oncall import shifts_table as _moved
from .oncall.shifts_table import *  # noqa: F403

sys.modules[__name__] = _moved
