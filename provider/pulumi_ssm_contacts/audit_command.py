"""Old path of :mod:`pulumi_ssm_contacts.audit.command`
(importing it gives that module)."""

import sys

from .audit import command as _moved
from .audit.command import *  # noqa: F403

sys.modules[__name__] = _moved
