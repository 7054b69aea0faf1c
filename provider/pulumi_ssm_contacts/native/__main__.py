"""``pulumi-resource-ssm-contacts``: the plugin the Pulumi engine starts for ``ssm-contacts``.

Started once per deploy: the imports stay those of the server and the engines (botocore
loads with the first client, not here). SIGINT and SIGTERM, the engine's way to stop a
plugin at any moment, are answered before anything heavy is imported, and a watchdog
ends the process once the engine is gone (``kill -9`` of the CLI): ``plugin_process``.
"""

from __future__ import annotations

import gc
import os
import sys


def started() -> None:
    """The start is over (imports, the server, the first client): collect garbage again,
    leaving out what the start made, which lives as long as the process."""
    gc.freeze()
    gc.enable()


def main() -> None:
    """Serve the package's resources, functions and schema to the engine at ``argv[1]``."""
    # No garbage collection while the plugin starts: imports make objects by the hundred
    # thousand and free almost none, and the collector's passes over them were 13 to 20% of
    # the start (imports and the first client: 0.28-0.29 s against 0.32-0.36 s). `started` turns it
    # back on.
    gc.disable()
    parent = os.getppid()  # before the imports: the watchdog compares it with later ones
    from ..plugin_process.plugin_signals import StopSignals, leave, stop_by_signal

    signals = StopSignals()
    from .. import __version__
    from ..plugin_process.engine_watchdog import engine_address, watch_engine
    from .plugin import connect_engine, make_provider
    from .server import serve

    argv = sys.argv[1:]
    connect_engine(argv)
    watch_engine(engine_address(argv), stop=stop_by_signal, parent=parent)
    serve(argv, __version__, make_provider(started), signals)
    # Stopped: the engine is done with us, or gone. The interpreter's own exit (grpc, the hook
    # threads, every module torn down) took 0.15 s, which the engine waited for at the end of
    # every command, so leave now, as the repository's other plugins do.
    leave(0)


if __name__ == "__main__":
    main()
