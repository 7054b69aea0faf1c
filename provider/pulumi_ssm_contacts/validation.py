"""Old path of :mod:`pulumi_ssm_contacts.core.validation`
(importing it gives that module)."""

import sys

from .core import validation as _moved
from .core.validation import *  # noqa: F403

sys.modules[__name__] = _moved
