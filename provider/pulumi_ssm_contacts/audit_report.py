"""Old path of :mod:`pulumi_ssm_contacts.audit.report`
(importing it gives that module)."""

import sys

from .audit import report as _moved
from .audit.report import *  # noqa: F403

sys.modules[__name__] = _moved
