"""The life of a plugin process the Pulumi engine starts: stopped quietly by its signals,
gone once the engine is (``plugin_signals``, ``engine_watchdog``).

The native provider plugin uses it, and so do this repository's language host and dynamic
provider host, which load these files from the source tree (tools/plugins/plugin_process.py)
whatever interpreter they run in. Standard library and grpc only, nothing at import.
"""
