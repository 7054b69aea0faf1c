"""The test harness around the SSM Contacts emulator: everything that is not the service.

:mod:`pulumi_ssm_contacts.emulator` is the moto service (models, responses, urls,
exceptions); as in moto, its servers and test harnesses live elsewhere, here:

- :mod:`.server`, :mod:`.wsgi_body`: the HTTP server (``python -m pulumi_ssm_contacts.emulator``);
- :mod:`.control_api`, :mod:`.control`: the ``/_emulator/*`` routes and ``EmulatorControl``,
  their client; :mod:`.process`: ``EmulatorServer``, the server as a child process;
- :mod:`.state`: the process-wide call log and settings (:mod:`.settings`, :mod:`.faults`,
  :mod:`.preconditions`, :mod:`.tokens`), and :mod:`.interception`, which puts them in
  front of the service through :mod:`pulumi_ssm_contacts.emulator.hooks`;
- :mod:`.pytest_plugin`: fixtures for users' tests (the ``pytest11`` entry point).

Importing :mod:`.state` installs the interceptor and the token policy (see
:func:`.state.install`); the server, the control API and the in-process fixture do. The
package itself imports nothing, so that loading the pytest plugin costs a session that
uses none of its fixtures nothing (``state`` loads on first use). See docs/emulator.md.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import state as state
else:

    def __getattr__(name: str) -> Any:
        if name == "state":
            return importlib.import_module(".state", __name__)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
