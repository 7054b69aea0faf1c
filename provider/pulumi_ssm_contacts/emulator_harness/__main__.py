"""The server's command line: ``python -m pulumi_ssm_contacts.emulator [--host H] [--port P]``.

(``python -m pulumi_ssm_contacts.emulator_harness`` runs the same.)
"""

from __future__ import annotations

import argparse
import logging

from .server import serve
from .settings import SettingError


def main(argv: list[str] | None = None) -> None:
    """Parse the command line and serve until SIGINT/SIGTERM."""
    parser = argparse.ArgumentParser(
        prog="python -m pulumi_ssm_contacts.emulator",
        description="Serve the offline SSM Contacts emulator over HTTP.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default %(default)s)")
    parser.add_argument("--port", type=int, default=0, help="port (default 0: any free port)")
    parser.add_argument("--verbose", action="store_true", help="log every request to stderr")
    args = parser.parse_args(argv)
    if not args.verbose:
        logging.getLogger("werkzeug").setLevel(logging.WARNING)
    try:
        serve(args.host, args.port)
    except SettingError as error:
        parser.exit(2, f"{parser.prog}: invalid setting in the environment: {error}\n")


if __name__ == "__main__":
    main()
