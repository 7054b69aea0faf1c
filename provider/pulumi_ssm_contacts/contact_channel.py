"""Old path of :mod:`pulumi_ssm_contacts.dynamic.contact_channel`
(importing it gives that module)."""

import sys

from .dynamic import contact_channel as _moved
from .dynamic.contact_channel import *  # noqa: F403

sys.modules[__name__] = _moved
