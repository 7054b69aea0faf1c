"""Old path of :mod:`pulumi_ssm_contacts.core.bag`
(importing it gives that module)."""

import sys

from .core import bag as _moved
from .core.bag import *  # noqa: F403

sys.modules[__name__] = _moved
