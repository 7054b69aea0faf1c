"""What the native plugin loads before its first hook: what every hook needs, no more."""

from __future__ import annotations

import os
import subprocess
import sys


def test_the_plugin_starts_without_what_a_refresh_never_uses() -> None:
    """botocore's session and client load with the first client (the first hook that calls
    AWS), regex with the first check of a pattern (a preview's): a refresh or a destroy never
    checks one, so its plugin start does not pay for it."""
    code = (
        "import sys\n"
        "from pulumi_ssm_contacts.native.plugin import make_provider\n"
        "make_provider()\n"
        "print(sorted(m for m in ('regex', 'botocore.session', 'botocore.client', 'boto3')"
        " if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=os.environ
    )
    assert done.stdout.split() == ["[]"]
