"""Old path of :mod:`pulumi_ssm_contacts.dynamic.rotation`
(importing it gives that module)."""

import sys

from .dynamic import rotation as _moved
from .dynamic.rotation import *  # noqa: F403

sys.modules[__name__] = _moved
