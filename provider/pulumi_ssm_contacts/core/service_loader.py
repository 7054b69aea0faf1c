"""botocore's data loader, with the check "is this service known?" made for that service only.

Before each model it loads (a service model, its endpoint rules), botocore's
``Loader.load_service_model`` asks ``service_name in self.list_available_services(type_name)``,
and that list is made by looking through every service directory of every search path: more
than 400 in botocore's own data, 0.02 s of the first client of a process (894 ``listdir`` and
2,721 ``stat`` calls, cProfile). :class:`QuickCheckLoader` answers the same question from the
service's own directories, with botocore's ``list_api_versions`` (the same search paths in the
same order, AWS_DATA_PATH first, and the same files: a ``type_name`` file in a version
directory). The full list is still there for whoever reads it, made the first time it is read.
Every other service loads as before: the credential chain makes its own clients (STS for a
role, SSO) from the session that holds this loader. Imported with the first client.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import overload

from botocore.exceptions import DataNotFoundError
from botocore.loaders import Loader


class KnownServices(Sequence[str]):
    """The services ``loader`` has a ``type_name`` file for, as botocore lists them, where
    ``name in`` looks in that one service's directories."""

    def __init__(self, loader: QuickCheckLoader, type_name: str) -> None:
        self._loader = loader
        self._type_name = type_name

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        try:
            self._loader.list_api_versions(name, self._type_name)
        except DataNotFoundError:
            return False
        return True

    def _all(self) -> list[str]:
        """botocore's own list (cached by the loader, as botocore caches it)."""
        return Loader.list_available_services(self._loader, self._type_name)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._all())

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())


class QuickCheckLoader(Loader):
    """botocore's ``Loader``; its known services are checked one service at a time."""

    # botocore's stubs say list; botocore itself only tests ``in``, joins and iterates it.
    def list_available_services(self, type_name: str) -> KnownServices:  # type: ignore[override]
        """The services with a ``type_name`` file: ``in`` is quick, reading lists them all."""
        return KnownServices(self, type_name)


def create_loader(data_path: str | None) -> QuickCheckLoader:
    """What botocore's ``create_loader`` makes of AWS_DATA_PATH, as a QuickCheckLoader."""
    if data_path is None:
        return QuickCheckLoader()
    paths = [os.path.expanduser(os.path.expandvars(p)) for p in data_path.split(os.pathsep)]
    return QuickCheckLoader(extra_search_paths=paths)
