"""Python dynamic provider plugin: the SDK's `python -m pulumi.dynamic` server, plus a watchdog.

The server is the SDK's, run unchanged with `runpy` as `-m` would run it; this launcher only
starts `engine_watchdog` first, so the process exits when the engine that started it is gone
(after `kill -9` of the CLI, say) instead of serving nobody. It serves every Python dynamic
provider, so it imports nothing of any particular one.
"""

from __future__ import annotations

import os
import runpy
import signal
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # mypy sees tools/plugins as a namespace package; the plugin runs from it
    from tools.plugins.engine_watchdog import engine_address, watch_engine
else:
    from engine_watchdog import engine_address, watch_engine


def _interrupt_server() -> None:
    """The SDK's server stops itself on KeyboardInterrupt in the main thread: send one."""
    os.kill(os.getpid(), signal.SIGINT)


def main() -> None:
    # Look like `python -m pulumi.dynamic` started in this directory: the working directory
    # first on sys.path (user providers may be pickled by reference to the program's modules),
    # not this launcher's directory.
    sys.path[0] = os.getcwd()
    watch_engine(engine_address(sys.argv[1:]), stop=_interrupt_server)
    runpy.run_module("pulumi.dynamic", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
