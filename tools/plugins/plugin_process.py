"""This repository's ``pulumi_ssm_contacts/plugin_process``, for the plugins in this directory.

They run in whatever interpreter the engine gives them: a project's virtualenv may have no
``pulumi_ssm_contacts``, or another copy of it. So the two modules are loaded from this
repository's files, under names of their own, never through the package. They need only the
standard library and grpc (the watchdog, loaded when first asked for).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

SOURCE = Path(__file__).resolve().parents[2] / "provider" / "pulumi_ssm_contacts" / "plugin_process"


def _load(name: str) -> ModuleType:
    """``SOURCE/<name>.py`` as the module ``ssm_contacts_<name>``."""
    spec = importlib.util.spec_from_file_location(f"ssm_contacts_{name}", SOURCE / f"{name}.py")
    assert spec is not None and spec.loader is not None, f"no {name}.py in {SOURCE}"
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


_signals = _load("plugin_signals")
StopSignals = _signals.StopSignals
leave = _signals.leave
stop_by_signal = _signals.stop_by_signal


def __getattr__(name: str) -> object:
    """``engine_address`` and ``watch_engine``, loaded on first use: the watchdog imports grpc,
    and a plugin answers its signals (``StopSignals``) before anything heavy is imported."""
    if name in ("engine_address", "watch_engine"):
        found = sys.modules.get("ssm_contacts_engine_watchdog") or _load("engine_watchdog")
        return getattr(found, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
