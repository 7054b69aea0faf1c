"""HTTP/1.1 keep-alive for the emulator's server, as AWS endpoints keep connections open.

werkzeug's development server closes every connection after one response, then waits up to
10 ms for more of the request to drain ("Always close the connection", werkzeug/serving.py).
So each call a client made against the emulator paid a TCP connect, a server thread and that
drain, and botocore's connection pool was never used as it is against AWS. The handler here
reads a request's body in full before the app runs, so the next request on the connection
cannot be mistaken for the rest of this one, and answers with a ``Content-Length``. Any other
request (chunked, ``Expect: 100-continue``, a body over the limit) takes werkzeug's own path,
which closes. A response the app marks ``Connection: close`` closes, as does a request that
asks to.
"""

from __future__ import annotations

import contextlib
import io
import logging
import socket
import threading
from typing import Any

from werkzeug.serving import ThreadedWSGIServer, WSGIRequestHandler
from werkzeug.test import run_wsgi_app  # werkzeug's whole-answer WSGI runner

log = logging.getLogger(__name__)

IDLE_TIMEOUT_S = 120.0
"""How long a connection may wait for its next request before the server closes it (AWS
closes idle connections too); botocore notices a closed pooled connection and opens another."""


class KeepAliveHandler(WSGIRequestHandler):
    """werkzeug's request handler, keeping the connection open after a whole-body request."""

    server: KeepAliveServer
    timeout = IDLE_TIMEOUT_S
    disable_nagle_algorithm = True
    """Headers and body go out as two writes; with Nagle's algorithm on, the body would wait
    for the client's delayed ACK of the headers (40 ms on Linux) on a kept connection."""

    def run_wsgi(self) -> None:
        """Serve one request; the connection stays open unless either side said close."""
        body = self._whole_body()
        if body is None:
            super().run_wsgi()
            self.close_connection = True
            return
        self.environ = environ = self.make_environ()
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        try:
            answer, status, sent = run_wsgi_app(self.server.app, environ, buffered=True)
            headers, payload = list(sent.items()), b"".join(answer)
        except ConnectionError:
            raise  # a dropped response: werkzeug's handle() ends the connection quietly
        except Exception:
            log.exception("emulator request %s %s failed", self.command, self.path)
            status, headers, payload = "500 INTERNAL SERVER ERROR", [("Connection", "close")], b""
        asked_to_close = self.close_connection  # http.server: the request said close
        code, _, reason = status.partition(" ")
        bodiless = self.command == "HEAD" or int(code) in (204, 304) or code.startswith("1")
        self.send_response(int(code), reason)
        for key, value in headers:
            name = key.lower()
            if name == "connection":
                asked_to_close = asked_to_close or value.lower() == "close"
            elif name == "transfer-encoding" or (name == "content-length" and not bodiless):
                continue  # the length of the body sent is written below
            else:
                self.send_header(key, value)  # a HEAD or 304 keeps the app's own length
        if asked_to_close:
            self.send_header("Connection", "close")  # and http.server closes after this answer
        if not bodiless:
            self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if not bodiless:
            self.wfile.write(payload)
        self.wfile.flush()

    def _whole_body(self) -> bytes | None:
        """The request's body, read in full; ``None`` when werkzeug's own path must serve it."""
        if self.headers.get("Transfer-Encoding") or self.headers.get("Expect"):
            return None
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            return None
        if length < 0 or length > self.server.max_body_bytes:
            return None
        body = self.rfile.read(length) if length else b""
        if len(body) < length:
            raise ConnectionResetError("the client closed the connection mid-request")
        return body

    def log_error(self, format: str, *args: Any) -> None:
        """Log as werkzeug does, except a kept connection that stayed idle past the timeout:
        that is the usual end of one, not an error."""
        if not format.startswith("Request timed out"):
            super().log_error(format, *args)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Log the request only when werkzeug's request log is on (``--verbose``): werkzeug
        formats each line before its logger drops it."""
        if logging.getLogger("werkzeug").isEnabledFor(logging.INFO):
            super().log_request(code, size)


class KeepAliveServer(ThreadedWSGIServer):
    """werkzeug's threaded server with :class:`KeepAliveHandler`; closing it also closes the
    connections it keeps open, so no thread goes on serving a stopped emulator."""

    def __init__(self, host: str, port: int, app: Any, max_body_bytes: int) -> None:
        self.max_body_bytes = max_body_bytes
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(host, port, app, handler=KeepAliveHandler)

    def process_request(self, request: Any, client_address: Any) -> None:
        """Remember the connection on the accepting thread, before its own thread starts:
        a server closed right after it accepted one still ends it."""
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        """Forget the connection, then close it."""
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def server_close(self) -> None:
        """Stop listening and end every open connection."""
        super().server_close()
        with self._open_lock:
            still_open = list(self._open)
        for connection in still_open:
            with contextlib.suppress(OSError):  # already gone
                connection.shutdown(socket.SHUT_RDWR)
