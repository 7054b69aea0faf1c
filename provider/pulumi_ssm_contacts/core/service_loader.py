"""botocore's data loader, with the check "is this service known?" made for that service only.

Before each model it loads (a service model, its endpoint rules), botocore's
``Loader.load_service_model`` asks ``service_name in self.list_available_services(type_name)``,
and that list is made by looking through every service directory of every search path: more
than 400 in botocore's own data, 0.02 s of the first client of a process (894 ``listdir`` and
2,721 ``stat`` calls, cProfile). :class:`QuickCheckLoader` answers the same question with
botocore's own test on the one service: a directory of that name listed in a search path
(AWS_DATA_PATH first), holding a version directory with a ``type_name`` file. A name botocore
does not know goes to botocore's own method, and its refusal. ``list_available_services`` is
botocore's, untouched. Every other service loads as before: the credential chain makes its own
clients (STS for a role, SSO) from the session that holds this loader. Imported with the first
client.
"""

from __future__ import annotations

import os
from typing import Any

from botocore.loaders import Loader, instance_cache


class QuickCheckLoader(Loader):
    """botocore's ``Loader``; a model's service is checked on its own, not among all."""

    def knows(self, service_name: str, type_name: str) -> bool:
        """``service_name in self.list_available_services(type_name)``, looking at that
        service only: what botocore's listing would find for it."""
        for path in self.search_paths:
            if not os.path.isdir(path) or service_name not in os.listdir(path):
                continue
            service_dir = os.path.join(path, service_name)
            if not os.path.isdir(service_dir):
                continue
            for version in os.listdir(service_dir):
                if self.file_loader.exists(os.path.join(service_dir, version, type_name)):
                    return True
        return False

    @instance_cache
    def load_service_model(
        self, service_name: str, type_name: str, api_version: str | None = None
    ) -> Any:
        """botocore's ``load_service_model``, the service checked by :meth:`knows`."""
        if not self.knows(service_name, type_name):
            return super().load_service_model(service_name, type_name, api_version)
        # The rest of botocore's method, as botocore 1.44 writes it (a test compares the two).
        if api_version is None:
            api_version = self.determine_latest_version(service_name, type_name)
        model = self.load_data(os.path.join(service_name, api_version, type_name))
        # Private in botocore's stubs, botocore's own steps all the same.
        extras = self._find_extras(service_name, type_name, api_version)  # type: ignore[attr-defined]
        self._extras_processor.process(model, extras)  # type: ignore[attr-defined]
        return model


def create_loader(data_path: str | None) -> QuickCheckLoader:
    """What botocore's ``create_loader`` makes of AWS_DATA_PATH, as a QuickCheckLoader."""
    if data_path is None:
        return QuickCheckLoader()
    paths = [os.path.expanduser(os.path.expandvars(p)) for p in data_path.split(os.pathsep)]
    return QuickCheckLoader(extra_search_paths=paths)
