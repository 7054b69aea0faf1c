"""Old path of :mod:`pulumi_ssm_contacts.dynamic.resource`
(importing it gives that module)."""

import sys

from .dynamic import resource as _moved
from .dynamic.resource import *  # noqa: F403

sys.modules[__name__] = _moved
