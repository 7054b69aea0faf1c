"""``pulumi-resource-ssm-contacts``: the plugin the Pulumi engine starts for ``ssm-contacts``.

Started once per deploy: the imports stay those of the server and the engines (boto3
loads with the first client, not here).
"""

from __future__ import annotations

import sys


def main() -> None:
    """Serve the package's resources, functions and schema to the engine at ``argv[1]``."""
    from .. import __version__
    from .plugin import connect_engine, make_provider
    from .server import serve

    connect_engine(sys.argv[1:])
    serve(sys.argv[1:], __version__, make_provider())


if __name__ == "__main__":
    main()
