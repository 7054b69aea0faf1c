"""Argument types and input reading the commands share (`shifts`, `page`)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path


def read_text(path: str, error: type[Exception]) -> str:
    """The file at ``path`` (``-``: standard input), or ``error`` saying why it cannot be read."""
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text()
    except OSError as failure:
        raise error(f"cannot read {path}: {failure.strerror}.") from None


def positive(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def moment(flag: str) -> Callable[[str], datetime]:
    """An argparse type for ``flag``: an ISO 8601 instant with its offset."""
    from .oncall import shifts

    def parse(text: str) -> datetime:
        try:
            return shifts.instant(text, flag)
        except shifts.RotationSpecError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    return parse
