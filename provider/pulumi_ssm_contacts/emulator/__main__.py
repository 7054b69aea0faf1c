"""``python -m pulumi_ssm_contacts.emulator [--host 127.0.0.1] [--port 0]``: the HTTP server.

The server is part of the harness (:mod:`pulumi_ssm_contacts.emulator_harness`); this is
the command docs and scripts use to start it.
"""

from __future__ import annotations

from pulumi_ssm_contacts.emulator_harness.__main__ import main

if __name__ == "__main__":
    main()
