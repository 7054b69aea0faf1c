"""Old path of :mod:`pulumi_ssm_contacts.core.aws_client`
(importing it gives that module)."""

import sys

from .core import aws_client as _moved
from .core.aws_client import *  # noqa: F403

sys.modules[__name__] = _moved
