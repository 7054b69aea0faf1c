"""Old path of :mod:`pulumi_ssm_contacts.core.engine`
(importing it gives that module)."""

import sys

from .core import engine as _moved
from .core.engine import *  # noqa: F403

sys.modules[__name__] = _moved
