"""Old path of :mod:`pulumi_ssm_contacts.core.owned_create`
(importing it gives that module)."""

import sys

from .core import owned_create as _moved
from .core.owned_create import *  # noqa: F403

sys.modules[__name__] = _moved
