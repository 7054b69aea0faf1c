"""Read a WSGI request body, refusing one larger than a limit without reading past it."""

from __future__ import annotations

import io
from typing import Any

from werkzeug.wsgi import get_input_stream


def read_at_most(environ: dict[str, Any], limit: int) -> bytes | None:
    """The body, or ``None`` when it is (or says it is) longer than ``limit`` bytes.

    The body read is put back as ``wsgi.input`` with its length, so the request can be
    parsed as if it had arrived with that ``Content-Length``.
    """
    try:
        declared = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > limit:
        return None
    stream = get_input_stream(environ)
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(limit + 1 - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        return None
    body = b"".join(chunks)
    environ["wsgi.input"] = io.BytesIO(body)
    environ["CONTENT_LENGTH"] = str(len(body))
    environ.pop("HTTP_TRANSFER_ENCODING", None)
    environ.pop("wsgi.input_terminated", None)
    return body
