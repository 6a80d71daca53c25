"""A small real HTTP server on 127.0.0.1 for the feed tests and benchmark.

Routes are set per test: a body with a status and headers, an optional delay,
ETag/Last-Modified validators answered with 304, gzip on request, or a body
sent without a Content-Length. A hostile route drips its headers or its body
a byte at a time, or says nothing at all. Every request is recorded.
"""

from __future__ import annotations

import gzip
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    etag: str | None = None
    last_modified: str | None = None
    gzip: bool = False
    no_length: bool = False
    drip: str = ""  # "headers", "body" or "silent": a hostile server
    drip_every: float = 0.02  # seconds between dripped bytes
    drip_for: float = 20.0  # how long a hostile route keeps going at most


@dataclass
class Seen:
    path: str
    headers: dict[str, str]


class WebServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Seen] = []
        self.active = self.most_active = 0  # requests being answered now, and at most
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server._serve(self)

        class Server(ThreadingHTTPServer):
            request_queue_size = 128  # the default 5 drops bursts of connections
            daemon_threads = True
            block_on_close = False

            def handle_error(self, request: object, client_address: object) -> None:
                pass  # clients that hang up mid-request are part of the tests

        self._httpd = Server(("127.0.0.1", 0), Handler)
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)

    def __enter__(self) -> WebServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, path: str, body: bytes | str = b"", **options: object) -> str:
        """Serve ``body`` at ``path`` (Route options as keywords); returns the URL."""
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.routes[path] = Route(body=body, **options)  # type: ignore[arg-type]
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        return self.add(path, status=status, headers={"Location": to})

    def hits(self, path: str) -> list[Seen]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def _serve(self, h: BaseHTTPRequestHandler) -> None:
        with self._lock:
            self.requests.append(Seen(h.path, {k.lower(): v for k, v in h.headers.items()}))
            self.active += 1
            self.most_active = max(self.most_active, self.active)
        try:
            self._answer(h)
        finally:
            with self._lock:
                self.active -= 1

    def _answer(self, h: BaseHTTPRequestHandler) -> None:
        route = self.routes.get(h.path)
        if route is None:
            route = Route(body=b"not here", status=404, content_type="text/plain")
        if route.delay:
            time.sleep(route.delay)
        if route.drip:
            self._drip(h, route)
            return
        validators = {}
        if route.etag:
            validators["ETag"] = route.etag
        if route.last_modified:
            validators["Last-Modified"] = route.last_modified
        fresh = (route.etag and h.headers.get("If-None-Match") == route.etag) or (
            route.last_modified and h.headers.get("If-Modified-Since") == route.last_modified
        )
        try:
            if fresh:
                h.send_response(304)
                for k, v in validators.items():
                    h.send_header(k, v)
                h.send_header("Content-Length", "0")
                h.end_headers()
                return
            body = route.body
            h.send_response(route.status)
            h.send_header("Content-Type", route.content_type)
            for k, v in {**validators, **route.headers}.items():
                h.send_header(k, v)
            if route.gzip and "gzip" in h.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body)
                h.send_header("Content-Encoding", "gzip")
            if route.no_length:
                h.send_header("Connection", "close")
                h.close_connection = True
            else:
                h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            h.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout or size cap under test)

    def _drip(self, h: BaseHTTPRequestHandler, route: Route) -> None:
        """Hold the client: a status line then endless header bytes, or an endless body."""
        h.close_connection = True
        end = time.monotonic() + route.drip_for
        try:
            if route.drip == "silent":
                while time.monotonic() < end:
                    time.sleep(route.drip_every)
                return
            h.wfile.write(b"HTTP/1.1 200 OK\r\n")
            if route.drip == "body":
                h.wfile.write(b"Content-Type: text/html\r\nContent-Length: 100000\r\n\r\n")
            h.wfile.flush()
            byte = b"x" if route.drip == "body" else b"X-Slow: a\r\n"
            while time.monotonic() < end:
                for b in byte:
                    h.wfile.write(bytes([b]))
                    h.wfile.flush()
                    time.sleep(route.drip_every)
        except (BrokenPipeError, ConnectionResetError):
            pass
