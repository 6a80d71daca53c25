"""Fetching a URL with limits: one total deadline, a size cap, few redirects, public hops.

One :class:`Fetcher` holds one pooled ``httpx.Client`` and may be shared by
threads; it sends at most six requests at a time to any one host. Each fetch
has ``timeout`` seconds to connect and between bytes, and ``deadline``
seconds in all, from the first connect to the last byte of the last
redirect, headers included. The body is decoded here in bounded pieces
(:mod:`reader.ingest.unpack`), so the size cap holds on the decoded bytes
whatever the server sends. Redirects and links are followed to local
addresses only from a local start (:mod:`reader.ingest.netguard`).

Every failure is a :class:`FetchError` whose message names the URL and says
what went wrong in one line ("https://x/y: HTTP 404 Not Found").
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from reader import __version__
from reader.errors import FetchError
from reader.ingest import netguard
from reader.ingest.netguard import DeadlinePassed, Refused, Resolver
from reader.ingest.unpack import ACCEPT_ENCODING, TooLarge, Unpacker, UnpackError, layers

USER_AGENT = f"byline/{__version__} (+terminal news reader)"
DEFAULT_TIMEOUT = 10.0  # to connect, and between bytes
DEFAULT_DEADLINE = 30.0  # for the whole fetch, redirects included
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_REDIRECTS = 5
DEFAULT_PER_HOST = 6  # requests in flight to one host, as browsers allow
_REDIRECTS = {301, 302, 303, 307, 308}
_PERMANENT = {301, 308}
_RAW_CHUNK = 16 * 1024


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


class _Transport(httpx.HTTPTransport):
    """httpx's transport over :class:`netguard.GuardedBackend`."""

    def __init__(self, resolver: Resolver, limits: httpx.Limits) -> None:
        super().__init__(limits=limits, trust_env=False)
        # httpx takes no network backend, so its pool is made again with ours.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=netguard.GuardedBackend(resolver),
        )


class Fetcher:
    """A pooled HTTP client with byline's limits. Use as a context manager.

    ``resolver`` (host, port -> addresses) is the system's unless given (tests
    give one to make a name look public). ``transport`` replaces the network
    altogether (httpx.MockTransport in tests); the address checks still apply.
    """

    def __init__(
        self,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        deadline: float = DEFAULT_DEADLINE,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_redirects: int = DEFAULT_MAX_REDIRECTS,
        max_connections: int = 32,
        per_host: int = DEFAULT_PER_HOST,
        transport: httpx.BaseTransport | None = None,
        resolver: Resolver | None = None,
    ) -> None:
        self.timeout = timeout
        self.deadline = deadline
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.per_host = per_host
        self.resolver = resolver or netguard.system_resolver
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._hosts_lock = threading.Lock()
        limits = httpx.Limits(
            max_connections=max_connections, max_keepalive_connections=max_connections
        )
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout),
            limits=limits,
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": ACCEPT_ENCODING},
            transport=transport or _Transport(self.resolver, limits),
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
        origin: str | None = None,
    ) -> Response:
        """GET ``url``, following up to ``max_redirects`` redirects, within the deadline.

        With ``etag``/``last_modified`` the request is conditional and a 304
        comes back as a Response with ``not_modified`` set and no content.
        ``origin`` is the address the user gave when ``url`` came from
        elsewhere (a feed's entry link, a page's feed link): a local address
        is fetched only if the user's own address was local.
        """
        original = url = check_url(url)
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        if accept:
            headers["Accept"] = accept
        guard = _Guard(self.resolver, check_url(origin) if origin else url, original)
        seen = {url}
        moved: str | None = None
        permanent = True  # every redirect so far was permanent
        with netguard.deadline(self.deadline):
            for _ in range(self.max_redirects + 1):
                with self._host(url):
                    response = self._get(original, url, headers, guard)
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
                guard.redirected = True
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
        self, original: str, url: str, headers: dict[str, str], guard: _Guard
    ) -> Response | tuple[int, str]:
        """One request: a Response, or a redirect's status and Location."""
        try:
            guard.check(url)
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
        except (DeadlinePassed, httpx.TimeoutException) as error:
            raise FetchError(original, self._late(error)) from None
        except Refused as error:
            raise FetchError(original, str(error)) from None
        except UnpackError as error:
            raise FetchError(original, str(error)) from None
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

    def _late(self, error: Exception) -> str:
        """Which limit a timeout hit: the total deadline, or the time between bytes."""
        try:
            netguard.remaining()
        except DeadlinePassed:
            return f"timed out (no complete answer within {_seconds(self.deadline)})"
        return f"timed out after {_seconds(self.timeout)}"

    def _read(self, original: str, r: httpx.Response) -> bytes:
        too_large = f"larger than {_size(self.max_bytes)}"
        declared = r.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(original, too_large)
        unpacker = Unpacker(layers(r.headers.get_list("content-encoding")), self.max_bytes)
        try:
            for chunk in r.iter_raw(_RAW_CHUNK):  # decoded here, piece by piece, under the cap
                unpacker.feed(chunk)
                netguard.remaining()
        except TooLarge:
            raise FetchError(original, too_large) from None
        return unpacker.result()


class _Guard:
    """Checks each hop's addresses: local ones only if the user's own address was local."""

    def __init__(self, resolver: Resolver, origin: str, original: str) -> None:
        self.resolver = resolver
        self.origin = origin
        self.from_feed = origin != original
        self.redirected = False
        self._origin_local: bool | None = None

    def check(self, url: str) -> None:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        try:
            addresses = netguard.resolve(self.resolver, host, port)
        except OSError:
            raise httpx.ConnectError("name resolution failed: host not found") from None
        if not addresses:
            raise httpx.ConnectError("name resolution failed: host not found")
        local = [a for a in addresses if netguard.is_local(a)]
        if local and not self._local_allowed(url):
            how = "redirected" if self.redirected else "links"
            raise Refused(
                f"{how} to a local address ({host} is {local[0]}); byline goes to "
                "loopback, private and link-local addresses only from an address that is one"
            )
        netguard.pin(host, addresses)

    def _local_allowed(self, url: str) -> bool:
        if not self.redirected and not self.from_feed:
            return True  # the address the user gave
        if self._origin_local is None:
            parts = urlsplit(self.origin)
            host = parts.hostname or ""
            try:
                found = netguard.resolve(self.resolver, host, parts.port or 80)
            except OSError:
                found = []
            self._origin_local = any(netguard.is_local(a) for a in found)
        return self._origin_local


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
