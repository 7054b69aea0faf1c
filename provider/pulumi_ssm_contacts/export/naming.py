"""Resource names for an export: derived from aliases and channel names, unique, and valid
as Pulumi names, YAML names and (with ``_`` for ``-``) Python identifiers; and the config
key a project's region goes in."""

from __future__ import annotations

import keyword
import re

_NOT_NAME = re.compile(r"[^a-z0-9]+")
RESERVED = frozenset({"pulumi", "config", "Contact", "ContactChannel", "ContactPlan", "Rotation"})
"""Names the Python program uses itself."""


def slug(text: str, kind: str) -> str:
    """``"Akua's Phone"`` -> ``akua-s-phone``: lower-case letters and digits in runs joined by
    ``-``, starting with a letter (``kind`` goes first otherwise, and stands for an empty one)."""
    found = _NOT_NAME.sub("-", text.lower()).strip("-")
    if not found:
        return kind
    return found if found[0].isalpha() else f"{kind}-{found}"


def python_name(name: str) -> str:
    """The Python variable for a resource name: ``-`` as ``_``; a keyword gets a ``_``."""
    found = name.replace("-", "_")
    return f"{found}_" if keyword.iskeyword(found) or found in RESERVED else found


class Names:
    """One namespace for every name a project uses: resources and config keys alike (a YAML
    program shares one between them). A name taken already gets ``-2``, ``-3``, ..."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def take(self, base: str) -> str:
        """``base``, or the first free ``base-N``."""
        name, number = base, 1
        while name in self._taken:
            number += 1
            name = f"{base}-{number}"
        self._taken.add(name)
        return name


def region_key(language: str) -> str:
    """The stack config key of the region: the dynamic provider reads ``aws:region``, the
    native plugin only its own package's ``ssm-contacts:region``."""
    return "aws:region" if language == "python" else "ssm-contacts:region"
