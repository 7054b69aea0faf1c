"""Old path of :mod:`pulumi_ssm_contacts.dynamic.inputs`
(importing it gives that module)."""

import sys

from .dynamic import inputs as _moved
from .dynamic.inputs import *  # noqa: F403

sys.modules[__name__] = _moved
