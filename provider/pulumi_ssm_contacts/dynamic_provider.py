"""Old path of :mod:`pulumi_ssm_contacts.dynamic.provider`
(importing it gives that module)."""

import sys

from .dynamic import provider as _moved
from .dynamic.provider import *  # noqa: F403

sys.modules[__name__] = _moved
