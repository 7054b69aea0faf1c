"""Creates whose IdempotencyToken is the owner's mark, for resources with no unique name.

A channel or a rotation has no name AWS keeps unique, so a random token would leave a
duplicate after a lost answer. Instead the token is a digest of the owner
(``ownership.owner_id``: ``<project>/<stack>/<resource name>``, with the parent type chain
under a component, so one name under two components gives two tokens; never an input
that may be secret) and a
generation: every run of one resource sends the same token, so a re-run after a lost
answer is answered with the resource the first run made. Each answer is verified with a
read: a resource that no longer exists is a token that an AWS remembering tokens after a
delete replayed, and the next generation is tried.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterator
from typing import TypeVar

MAX_GENERATIONS = 8
"""Tokens one create tries before giving up."""

_Live = TypeVar("_Live")


def owned_tokens(kind: str, owner: str | None) -> Iterator[str]:
    """The tokens a create of ``kind`` for ``owner`` tries, in order.

    ``sha256("pulumi-ssm-contacts/<kind>/<owner>/<generation>")``; with no owner (the
    provider used directly, not through a resource class), one random token.
    """
    if not owner:
        yield uuid.uuid4().hex
        return
    for generation in range(MAX_GENERATIONS):
        yield hashlib.sha256(
            f"pulumi-ssm-contacts/{kind}/{owner}/{generation}".encode()
        ).hexdigest()


def create_owned(
    tokens: Iterator[str],
    create: Callable[[str], str],
    find: Callable[[str], _Live | None],
    usable: Callable[[_Live], bool] = lambda live: True,
    discard: Callable[[str], None] = lambda arn: None,
) -> tuple[str, _Live] | None:
    """Create with each token until the answer is a live, usable resource of ours.

    ``create(token)`` answers an ARN; ``find(arn)`` reads it (None when gone). A live one
    that is not ``usable`` (ours, but made for a program whose replacing inputs changed
    since) is ``discard``-ed, and the next token tried. None when every token is spent.
    """
    for token in tokens:
        arn = create(token)
        live = find(arn)
        if live is None:
            continue
        if not usable(live):
            discard(arn)
            continue
        return arn, live
    return None
