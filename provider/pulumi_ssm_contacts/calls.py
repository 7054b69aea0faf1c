"""Old path of :mod:`pulumi_ssm_contacts.core.calls`
(importing it gives that module)."""

import sys

from .core import calls as _moved
from .core.calls import *  # noqa: F403

sys.modules[__name__] = _moved
