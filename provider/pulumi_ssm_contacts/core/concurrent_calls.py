"""Two AWS calls at the same time, for hooks whose calls do not depend on each other.

At AWS's latency (50 to 150 ms a call) a hook takes as long as its round trips one after
the other. Reading a contact takes two that do not depend on each other (GetContact and
ListTagsForResource), so they go at once. boto3 clients are thread-safe; a thread per
extra call costs a fraction of a millisecond, and none outlives the hook.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TypeVar

_A = TypeVar("_A")
_B = TypeVar("_B")


def alongside(main: Callable[[], _A], side: Callable[[], _B]) -> tuple[_A, Future[_B]]:
    """Run ``side`` in a thread of its own while ``main`` runs in this one.

    Returns main's answer and side's finished Future, whose ``result()`` the caller takes
    only where the one-after-the-other code would have made the side call (so a failure of
    a call it would not have made is never seen). When ``main`` raises, that propagates
    once ``side`` has finished too.
    """
    future: Future[_B] = Future()

    def run_side() -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(side())
        except BaseException as error:
            future.set_exception(error)

    thread = threading.Thread(target=run_side, name="ssm-contacts-side-call", daemon=True)
    thread.start()
    try:
        return main(), future
    finally:
        thread.join()
