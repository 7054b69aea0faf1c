"""NextToken errors answered as AWS answers them."""

from __future__ import annotations

from typing import Any

from moto.core.exceptions import InvalidToken

from .exceptions import ValidationException


class token_errors:
    """Answer a NextToken the backend cannot use as AWS would: ValidationException."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, error: Any, tb: Any) -> None:
        if kind is not None and issubclass(kind, InvalidToken):
            raise ValidationException("Invalid NextToken", "OTHER") from error
