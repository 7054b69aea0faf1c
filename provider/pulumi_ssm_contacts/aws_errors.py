"""Old path of :mod:`pulumi_ssm_contacts.core.aws_errors`
(importing it gives that module)."""

import sys

from .core import aws_errors as _moved
from .core.aws_errors import *  # noqa: F403

sys.modules[__name__] = _moved
