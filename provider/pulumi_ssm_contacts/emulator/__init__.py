"""An offline SSM Contacts (``ssm-contacts``) service for moto, in-process and over HTTP.

Importing this package registers the service with moto, so that under
``moto.mock_aws()`` ``boto3.client("ssm-contacts")`` talks to it. Run
``python -m pulumi_ssm_contacts.emulator`` for an HTTP server. See docs/emulator.md.
Needs the ``emulator`` extra: ``pip install './pulumi-ssm-contacts[emulator]'`` (a checkout).
"""

from __future__ import annotations

import contextlib
import re
import sys
import threading
import types

SERVICE = "ssmcontacts"
"""moto's name for the service: ``moto.backends.get_backend`` imports ``moto.<SERVICE>``."""
URL_PATTERN = re.compile(r"https?://ssm-contacts\.(.+)\.amazonaws\.com")

_lock = threading.Lock()


def register() -> None:
    """Make moto serve ssm-contacts from this package (idempotent, thread-safe)."""
    try:
        from moto import backend_index
    except ModuleNotFoundError as error:
        raise ModuleNotFoundError(
            "the SSM Contacts emulator needs moto: install pulumi-ssm-contacts with its "
            "`emulator` extra, from a checkout (pip install './pulumi-ssm-contacts[emulator]') "
            "or its git URL (pip install 'pulumi-ssm-contacts[emulator] @ git+URL')"
        ) from error
    from . import urls
    from .models import ssmcontacts_backends

    with _lock:
        if f"moto.{SERVICE}" not in sys.modules:
            module = types.ModuleType(f"moto.{SERVICE}", "ssm-contacts, served by this package")
            module.ssmcontacts_backends = ssmcontacts_backends  # type: ignore[attr-defined]
            module.url_bases = urls.url_bases  # type: ignore[attr-defined]
            module.url_paths = urls.url_paths  # type: ignore[attr-defined]
            sys.modules[module.__name__] = module
        if all(name != SERVICE for name, _ in backend_index.backend_url_patterns):
            backend_index.backend_url_patterns.append((SERVICE, URL_PATTERN))


# Without the [emulator] extra, importing the pytest plugin must still work: its fixtures
# report the missing moto when a test asks for them.
with contextlib.suppress(ModuleNotFoundError):
    register()
