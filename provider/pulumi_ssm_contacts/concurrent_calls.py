"""Old path of :mod:`pulumi_ssm_contacts.core.concurrent_calls`
(importing it gives that module)."""

import sys

from .core import concurrent_calls as _moved
from .core.concurrent_calls import *  # noqa: F403

sys.modules[__name__] = _moved
