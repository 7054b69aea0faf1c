"""Old path of :mod:`pulumi_ssm_contacts.resources.plan_rules`
(importing it gives that module)."""

import sys

from .resources import plan_rules as _moved
from .resources.plan_rules import *  # noqa: F403

sys.modules[__name__] = _moved
