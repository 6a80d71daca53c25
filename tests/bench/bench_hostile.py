"""Fetches from hostile servers: peak memory and time of each (run by hand).

    python tests/bench/bench_hostile.py [--deadline SECONDS]

A server on 127.0.0.1 in a child process (so its memory is not counted)
sends each hostile answer below; one Fetcher with byline's default limits
(10 MB, 10 s between bytes, DEADLINE in all: 30 s unless told) fetches
each. Printed per case: the error line, the seconds taken, and the peak of
the fetching process's memory above its baseline, both as traced Python
and zlib allocations (tracemalloc) and as resident memory (ru_maxrss grows
only, so each case runs in a fresh child process). Targets: peak <= 64 MB
above baseline, and every fetch ends within its deadline (plus 1 s).
"""

from __future__ import annotations

import argparse
import gzip
import multiprocessing
import os
import resource
import struct
import sys
import time
import tracemalloc
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))

MB = 1024 * 1024


def gzip_zeros(size: int) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = bytes(MB)
    once = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(size // MB):
        crc = zlib.crc32(block, crc)
    return (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff" + once * (size // MB) + c.flush()
            + struct.pack("<II", crc, size & 0xFFFFFFFF))


def routes() -> dict[str, dict]:
    inner = gzip_zeros(1024 * MB)
    deflate = zlib.compressobj(9, zlib.DEFLATED, 15)
    deflated = deflate.compress(bytes(256 * MB)) + deflate.flush()
    return {
        "/nested-gzip-bomb (gzip, gzip: 1 GiB inside)": dict(body=gzip.compress(inner), headers={"Content-Encoding": "gzip, gzip"}),
        "/gzip-bomb (1 GiB inside)": dict(body=inner, headers={"Content-Encoding": "gzip"}),
        "/deflate-bomb (256 MB inside)": dict(body=deflated, headers={"Content-Encoding": "deflate"}),
        "/triple-encoding": dict(body=gzip.compress(gzip.compress(gzip.compress(b"x" * 1000))), headers={"Content-Encoding": "gzip, gzip, gzip"}),
        "/endless-body (no length, 200 MB)": dict(body=b"x" * (200 * MB), no_length=True),
        "/header-drip": dict(drip="headers", drip_every=0.05, drip_for=120),
        "/body-drip": dict(drip="body", drip_every=0.05, drip_for=120),
        "/silent": dict(drip="silent", drip_for=120),
    }


def serve(port_box, ready) -> None:
    from tests.feeds.server import WebServer

    with WebServer() as web:
        for path, options in routes().items():
            web.add(path.split(" ")[0], **options)
        port_box.value = web.port
        ready.set()
        while True:
            time.sleep(1)


def one(url: str, deadline: float, out) -> None:
    from reader.errors import FetchError
    from reader.ingest.fetch import Fetcher

    with Fetcher(deadline=deadline) as fetcher:
        base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        tracemalloc.start()
        start = time.monotonic()
        try:
            fetcher.fetch(url)
            line = "fetched (!)"
        except FetchError as error:
            line = str(error).split(": ", 1)[1]
        took = time.monotonic() - start
        traced = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base_rss
    out.put((line, took, traced / MB, rss / 1024))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deadline", type=float, default=30.0)
    args = parser.parse_args()
    ctx = multiprocessing.get_context("fork")
    port, ready = ctx.Value("i", 0), ctx.Event()
    server = ctx.Process(target=serve, args=(port, ready), daemon=True)
    server.start()
    ready.wait(120)
    print(f"load average {os.getloadavg()[0]:.2f}; deadline {args.deadline:g} s, cap 10 MB")
    print(f"{'case':46} {'seconds':>8} {'traced MB':>10} {'rss MB':>8}  error line")
    worst_mem = worst_over = 0.0
    for name in routes():
        url = f"http://127.0.0.1:{port.value}{name.split(' ')[0]}"
        queue = ctx.Queue()
        child = ctx.Process(target=one, args=(url, args.deadline, queue))
        child.start()
        line, took, traced, rss = queue.get(timeout=args.deadline + 60)
        child.join()
        worst_mem = max(worst_mem, traced, rss)
        worst_over = max(worst_over, took - args.deadline)
        print(f"{name:46} {took:8.2f} {traced:10.1f} {rss:8.1f}  {line}")
    print(f"worst peak above baseline: {worst_mem:.1f} MB (target <= 64); "
          f"longest fetch past the deadline: {max(worst_over, 0):.2f} s")
    server.terminate()


if __name__ == "__main__":
    main()
