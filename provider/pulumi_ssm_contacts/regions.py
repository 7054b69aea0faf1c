"""Old path of :mod:`pulumi_ssm_contacts.core.regions`
(importing it gives that module)."""

import sys

from .core import regions as _moved
from .core.regions import *  # noqa: F403

sys.modules[__name__] = _moved
