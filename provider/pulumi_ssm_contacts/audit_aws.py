"""Old path of :mod:`pulumi_ssm_contacts.audit.live`
(importing it gives that module)."""

import sys

from .audit import live as _moved
from .audit.live import *  # noqa: F403

sys.modules[__name__] = _moved
