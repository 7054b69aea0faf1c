"""Old path of :mod:`pulumi_ssm_contacts.core.service_model`
(importing it gives that module)."""

import sys

from .core import service_model as _moved
from .core.service_model import *  # noqa: F403

sys.modules[__name__] = _moved
