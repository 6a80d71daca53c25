"""Fetching a URL with limits: timeouts, a size cap, few redirects, http(s) only.

One :class:`Fetcher` holds one pooled ``httpx.Client`` and may be shared by
threads; it sends at most six requests at a time to any one host. Every failure is a :class:`FetchError` whose message names the URL
and says what went wrong in one line ("https://x/y: HTTP 404 Not Found").
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, replace
from urllib.parse import urljoin, urlsplit

import httpx

from reader import __version__
from reader.errors import FetchError

USER_AGENT = f"byline/{__version__} (+terminal news reader)"
DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_REDIRECTS = 5
DEFAULT_PER_HOST = 6  # requests in flight to one host, as browsers allow
_REDIRECTS = {301, 302, 303, 307, 308}
_PERMANENT = {301, 308}


@dataclass(frozen=True, slots=True)
class Response:
    """What a fetch brought back. ``url`` is the URL after redirects.

    ``moved`` is where the URL asked for has moved for good: the last URL
    reached by permanent redirects (301, 308) alone, from the start. None if
    the first redirect was temporary (302, 303, 307), or there was none.
    """

    url: str
    status: int
    content: bytes
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    moved: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def check_url(url: str) -> str:
    """``url`` stripped, or FetchError if it is not an absolute http(s) URL."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        host = parts.hostname
        if host:
            host.encode("idna")  # "a..b" has an empty label
    except (ValueError, UnicodeError):  # "http://[bad", an unencodable host
        raise FetchError(url, "not a valid URL") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(url, "only http and https URLs can be fetched")
    if not host:
        raise FetchError(url, "not a valid URL (no host)")
    return url


def _size(n: int) -> str:
    if n >= 1024 * 1024 and n % (1024 * 1024) == 0:
        return f"{n // (1024 * 1024)} MB"
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n // 1024} KB"
    return f"{n} bytes"


def _seconds(t: float) -> str:
    return f"{t:g} s"


class Fetcher:
    """A pooled HTTP client with byline's limits. Use as a context manager."""

    def __init__(
        self,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_redirects: int = DEFAULT_MAX_REDIRECTS,
        max_connections: int = 32,
        per_host: int = DEFAULT_PER_HOST,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.per_host = per_host
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._hosts_lock = threading.Lock()
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout),
            limits=httpx.Limits(
                max_connections=max_connections, max_keepalive_connections=max_connections
            ),
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT},
            transport=transport,
            trust_env=False,
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str | None = None,
    ) -> Response:
        """GET ``url``, following up to ``max_redirects`` redirects.

        With ``etag``/``last_modified`` the request is conditional and a 304
        comes back as a Response with ``not_modified`` set and no content.
        """
        original = url = check_url(url)
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        if accept:
            headers["Accept"] = accept
        seen = {url}
        moved: str | None = None
        permanent = True  # every redirect so far was permanent
        for _ in range(self.max_redirects + 1):
            with self._host(url):
                response = self._get(original, url, headers)
            if isinstance(response, Response):
                return replace(response, moved=moved) if moved else response
            status, location = response
            url = check_url(urljoin(url, location))
            permanent = permanent and status in _PERMANENT
            if permanent:
                moved = url
            if url in seen:
                raise FetchError(original, "too many redirects (a redirect loop)")
            seen.add(url)
        raise FetchError(original, f"too many redirects (more than {self.max_redirects})")

    def _host(self, url: str) -> threading.BoundedSemaphore:
        """The semaphore that keeps requests to one host to ``per_host`` at a time."""
        host = (urlsplit(url).hostname or "").lower()
        with self._hosts_lock:
            gate = self._hosts.get(host)
            if gate is None:
                gate = self._hosts[host] = threading.BoundedSemaphore(self.per_host)
            return gate

    def _get(
        self, original: str, url: str, headers: dict[str, str]
    ) -> Response | tuple[int, str]:
        """One request: a Response, or a redirect's status and Location."""
        try:
            with self._client.stream("GET", url, headers=headers) as r:
                if r.status_code in _REDIRECTS:
                    location = r.headers.get("location")
                    if not location:
                        reason = f"HTTP {r.status_code} redirect without a Location"
                        raise FetchError(original, reason)
                    return r.status_code, location
                if r.status_code >= 400:
                    reason = r.reason_phrase or httpx.codes.get_reason_phrase(r.status_code)
                    raise FetchError(original, f"HTTP {r.status_code} {reason}".rstrip())
                meta = dict(
                    url=str(r.url),
                    status=r.status_code,
                    content_type=r.headers.get("content-type", ""),
                    etag=r.headers.get("etag"),
                    last_modified=r.headers.get("last-modified"),
                )
                if r.status_code == 304:
                    return Response(content=b"", **meta)
                return Response(content=self._read(original, r), **meta)
        except httpx.TimeoutException:
            raise FetchError(original, f"timed out after {_seconds(self.timeout)}") from None
        except httpx.ConnectError as error:
            raise FetchError(original, _connect_reason(error)) from None
        except httpx.DecodingError:
            reason = "the server sent a body that could not be decompressed"
            raise FetchError(original, reason) from None
        except httpx.RemoteProtocolError as error:
            raise FetchError(original, f"the server broke the connection ({error})") from None
        except (httpx.InvalidURL, UnicodeError) as error:
            raise FetchError(original, f"not a valid URL ({error})") from None
        except httpx.HTTPError as error:
            raise FetchError(original, f"{type(error).__name__}: {error}") from None

    def _read(self, original: str, r: httpx.Response) -> bytes:
        too_large = f"larger than {_size(self.max_bytes)}"
        declared = r.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(original, too_large)
        # A slow drip of bytes passes every read timeout: cap the whole body too.
        limit = max(3 * self.timeout, 30.0)
        deadline = time.monotonic() + limit
        chunks: list[bytes] = []
        total = 0
        for chunk in r.iter_bytes():  # decoded (gunzipped) bytes: the cap holds for bombs
            total += len(chunk)
            if total > self.max_bytes:
                raise FetchError(original, too_large)
            if time.monotonic() > deadline:
                raise FetchError(original, f"timed out (body took over {_seconds(limit)})")
            chunks.append(chunk)
        return b"".join(chunks)


def _connect_reason(error: httpx.ConnectError) -> str:
    text = str(error)
    low = text.lower()
    dns = ("name or service not known", "nodename nor servname", "getaddrinfo", "name resolution")
    if any(marker in low for marker in dns):
        return "host not found (DNS lookup failed)"
    if "refused" in low:
        return "connection refused"
    if "ssl" in low or "certificate" in low:
        return f"secure connection failed ({text})"
    return f"could not connect ({text})" if text else "could not connect"
