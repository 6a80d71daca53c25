"""Undoing a response's Content-Encoding in bounded pieces.

A compressed body can expand a thousandfold per layer, so nothing here
inflates a whole chunk at once: every layer hands on at most ``PIECE`` bytes
at a time, and :class:`Unpacker` counts the decoded bytes as they come, so a
size cap is enforced on what is produced, whatever the chain of encodings.
Only gzip, deflate and identity are asked for and understood; more than
``MAX_LAYERS`` stacked encodings are refused before any byte is decoded.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator

PIECE = 64 * 1024  # the most one layer hands on at a time
MAX_LAYERS = 2
ACCEPT_ENCODING = "gzip, deflate"
_GZIP = {"gzip", "x-gzip"}
_DEFLATE = {"deflate"}
_IDENTITY = {"", "identity"}


class UnpackError(Exception):
    """The body cannot be decoded: the message says why, in a few words."""


class TooLarge(Exception):
    """The decoded body passed the cap."""


def layers(header_values: Iterable[str]) -> list[str]:
    """The encodings to undo, outermost first (the header lists them innermost first)."""
    names = [
        name.strip().lower()
        for value in header_values
        for name in value.split(",")
        if name.strip().lower() not in _IDENTITY
    ]
    if len(names) > MAX_LAYERS:
        raise UnpackError(
            f"the server stacked {len(names)} content encodings ({', '.join(names)}); "
            f"byline undoes at most {MAX_LAYERS}"
        )
    for name in names:
        if name not in _GZIP | _DEFLATE:
            raise UnpackError(f"the server used an unsupported content encoding ({name})")
    return names[::-1]


class _Layer:
    """One zlib stream (gzip members one after another, or one deflate stream)."""

    def __init__(self, name: str) -> None:
        self.gzip = name in _GZIP
        self._z: zlib._Decompress | None = None
        self._started = False
        self._done = False

    def _new(self, first: bytes) -> zlib._Decompress:
        if self.gzip:
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        # "deflate" is meant to be zlib-wrapped, but many servers send it raw.
        wrapped = len(first) >= 2 and first[0] & 0x0F == 8 and (first[0] << 8 | first[1]) % 31 == 0
        return zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)

    def feed(self, data: bytes) -> Iterator[bytes]:
        while True:
            if self._done:
                if not (self.gzip and data.strip(b"\x00")):
                    return  # nothing more, or padding after the stream: ignored, as browsers do
                self._done, self._z = False, None  # another gzip member follows
            if self._z is None:
                if not data:
                    return
                self._z = self._new(data)
            try:
                out = self._z.decompress(data, PIECE)
            except zlib.error:
                raise UnpackError("the server sent a body that could not be decompressed") from None
            if out:
                yield out
            if self._z.eof:
                self._done = True
                data = self._z.unused_data
            else:
                data = self._z.unconsumed_tail
                if not data and not out:
                    return  # all taken in, nothing held back

    def finish(self) -> None:
        if self._z is not None and not self._done and not self._z.eof:
            raise UnpackError("the server sent a compressed body that ends too soon")


class Unpacker:
    """Feeds raw chunks through every layer, counting decoded bytes against ``limit``."""

    def __init__(self, names: list[str], limit: int) -> None:
        self._layers = [_Layer(name) for name in names]
        self.limit = limit
        self._parts: list[bytes] = []
        self.size = 0

    def feed(self, raw: bytes) -> None:
        for piece in self._through(raw, 0):
            self.size += len(piece)
            if self.size > self.limit:
                self._parts.clear()
                raise TooLarge
            self._parts.append(piece)

    def _through(self, data: bytes, depth: int) -> Iterator[bytes]:
        if depth == len(self._layers):
            yield data
            return
        for piece in self._layers[depth].feed(data):
            yield from self._through(piece, depth + 1)

    def result(self) -> bytes:
        for layer in self._layers:
            layer.finish()
        return b"".join(self._parts)


__all__ = ["ACCEPT_ENCODING", "MAX_LAYERS", "TooLarge", "UnpackError", "Unpacker", "layers"]
