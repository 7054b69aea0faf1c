"""Old path of :mod:`pulumi_ssm_contacts.oncall.coverage`
(importing it gives that module)."""

import sys

from .oncall import coverage as _moved
from .oncall.coverage import *  # noqa: F403

sys.modules[__name__] = _moved
