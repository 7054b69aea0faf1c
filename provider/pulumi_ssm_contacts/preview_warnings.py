"""Old path of :mod:`pulumi_ssm_contacts.dynamic.preview_warnings`
(importing it gives that module)."""

import sys

from .dynamic import preview_warnings as _moved
from .dynamic.preview_warnings import *  # noqa: F403

sys.modules[__name__] = _moved
