"""Pulumi language host for `runtime: python` projects, started as `pulumi-language-python`.

The engine starts us with its address as the last argument and reads our port from the first line
of stdout; the service is project_language_server.py. SIGINT/SIGTERM are answered first, before
grpc and pulumi are imported, so a host the engine stops at any moment exits quietly
(pulumi_ssm_contacts/plugin_process/plugin_signals.py). Like Pulumi's Go plugins, we exit once the
engine is gone (`kill -9` of the CLI): see plugin_process/engine_watchdog.py.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # mypy reads the package's modules; the plugin loads the same files
    from pulumi_ssm_contacts.plugin_process.plugin_signals import StopSignals, leave
else:
    from plugin_process import StopSignals, leave


def main() -> None:
    parent = os.getppid()  # before the imports: the engine_watchdog compares it with later ones
    signals = StopSignals()
    if TYPE_CHECKING:
        from tools.plugins.project_language_server import serve
    else:
        from project_language_server import serve
    serve(sys.argv[1:], signals, parent)
    # Stopped (by the engine, or the engine is gone): a program still running on a server
    # thread is of no use to anyone, and the interpreter would wait for it at exit while the
    # engine waits 5 s to kill us (after every failed preview). So leave now.
    leave(0)


if __name__ == "__main__":
    main()
