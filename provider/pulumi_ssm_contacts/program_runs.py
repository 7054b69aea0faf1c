"""Old path of :mod:`pulumi_ssm_contacts.dynamic.program_runs`
(importing it gives that module)."""

import sys

from .dynamic import program_runs as _moved
from .dynamic.program_runs import *  # noqa: F403

sys.modules[__name__] = _moved
