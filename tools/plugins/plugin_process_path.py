"""Makes ``pulumi_ssm_contacts.plugin_process`` importable for the plugins in this directory.

They run in whatever interpreter the engine gives them (a project's virtualenv may not have
this package, or an older one without it), so then this repository's ``provider/`` directory
goes at the end of ``sys.path``.
``plugin_process`` needs only the standard library and grpc. Import it for its effect.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path


def _importable() -> bool:
    try:
        return importlib.util.find_spec("pulumi_ssm_contacts.plugin_process") is not None
    except ImportError:  # no pulumi_ssm_contacts at all
        return False


if not _importable():
    sys.path.append(str(Path(__file__).resolve().parents[2] / "provider"))
