"""Old path of :mod:`pulumi_ssm_contacts.resources.channel_markers`
(importing it gives that module)."""

import sys

from .resources import channel_markers as _moved
from .resources.channel_markers import *  # noqa: F403

sys.modules[__name__] = _moved
