"""Old path of :mod:`pulumi_ssm_contacts.core.stack_export`
(importing it gives that module)."""

import sys

from .core import stack_export as _moved
from .core.stack_export import *  # noqa: F403

sys.modules[__name__] = _moved
