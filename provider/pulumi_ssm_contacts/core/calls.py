"""One boto3 call at a time: "not found" and "conflict" as values, every other failure explained."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from botocore.exceptions import ClientError, HTTPClientError
from botocore.exceptions import ConnectionError as BotoConnectionError

from .aws_errors import (
    CallContext,
    ContactError,
    error_code,
    explain,
    explain_connection,
    not_found,
)

_T = TypeVar("_T")


class NotFound(ContactError):
    """The call answered ResourceNotFoundException: a value callers test for, and, should it
    reach the user, one paragraph naming what is missing and what to do."""

    def __init__(self, error: ClientError, ctx: CallContext) -> None:
        super().__init__(not_found(error, ctx))
        self.error = error


class Conflict(Exception):
    """The call answered ConflictException (the error is kept: it may name the resource)."""

    def __init__(self, error: ClientError) -> None:
        super().__init__(error_code(error))
        self.error = error


def call(ctx: CallContext, fn: Callable[[], _T], *, creates: bool = False) -> _T:
    """Run one boto3 call: NotFound and Conflict to test for, ContactErrors for the rest.

    ``creates`` says the call may have made something before its answer was lost.
    """
    try:
        return fn()
    except ClientError as error:
        code = error_code(error)
        if code == "ResourceNotFoundException":
            raise NotFound(error, ctx) from None
        if code == "ConflictException":
            raise Conflict(error) from None
        raise explain(error, ctx) from None
    except (BotoConnectionError, HTTPClientError) as error:
        raise explain_connection(error, ctx, creates=creates) from None


def find(ctx: CallContext, fn: Callable[[], _T]) -> _T | None:
    """Like :func:`call`, with a resource that is gone answered as None."""
    try:
        return call(ctx, fn)
    except NotFound:
        return None
