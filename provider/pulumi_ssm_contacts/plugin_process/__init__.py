"""The life of a plugin process the Pulumi engine starts: stopped quietly by its signals,
gone once the engine is (``plugin_signals``, ``engine_watchdog``).

The native provider plugin uses it, and so do this repository's language host and dynamic
provider host (tools/plugins), which find it in the source tree when the interpreter they run
in has no ``pulumi_ssm_contacts``. Standard library and grpc only, nothing at import.
"""
