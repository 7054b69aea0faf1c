"""Pagination as every List operation here does it, and NextToken errors answered as AWS does."""

from __future__ import annotations

from typing import Any

from moto.core.exceptions import InvalidToken

from .exceptions import ValidationException


def paged(unique_attribute: str, *operations: str) -> dict[str, dict[str, Any]]:
    """moto's pagination model for ``operations``: ``NextToken``/``MaxResults`` (100 by default,
    as the API reference gives), items told apart by ``unique_attribute``."""
    return {
        name: {
            "input_token": "next_token",
            "limit_key": "max_results",
            "limit_default": 100,
            "unique_attribute": unique_attribute,
        }
        for name in operations
    }


class token_errors:
    """Answer a NextToken the backend cannot use as AWS would: ValidationException."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, error: Any, tb: Any) -> None:
        if kind is not None and issubclass(kind, InvalidToken):
            raise ValidationException("Invalid NextToken", "OTHER") from error
