"""Importing files, folders and URLs into the library, parsing in parallel.

:func:`import_paths` is the one door, shared by ``byline import`` and the
app's import key (call it from a worker thread; ``progress(done, total)``
reports as files are parsed; ``cancelled()``, asked between batches, stops
it early, keeping what was parsed). Files are parsed in a process pool, in
chunks so that each task is worth sending; the parsed articles are stored in
batches by this process while the workers go on parsing. One bad file never
stops the rest: each failure is kept, with its reason, in the report.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from reader.errors import BylineError, SourceError, printable
from reader.gather.folders import URL_PREFIXES, expand
from reader.library import Library
from reader.library.batch import BatchWriter
from reader.model import Article

Progress = Callable[[int, int], None]
_MAX_CHUNK = 8


@dataclass
class ImportReport:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    subscribed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (source, what to know): imported

    @property
    def failed(self) -> int:
        return len(self.failures)

    def count(self, outcome: str, n: int = 1) -> None:
        setattr(self, outcome, getattr(self, outcome) + n)

    def summary(self) -> str:
        """One line: "imported 120, updated 2, unchanged 0, failed 1"."""
        parts = [
            f"imported {self.imported}",
            f"updated {self.updated}",
            f"unchanged {self.unchanged}",
        ]
        if self.subscribed:
            parts.append(f"subscribed {self.subscribed}")
        parts.append(f"failed {self.failed}")
        return ", ".join(parts)


Parsed = tuple[str, Article | None, str | None]  # (source, article, failure reason)


def parse_files(paths: list[str]) -> list[Parsed]:
    """Parse files with ``reader.ingest.load_path`` (runs in the worker processes)."""
    from reader.ingest import load_path

    out: list[Parsed] = []
    for path in paths:
        try:
            out.append((path, load_path(path), None))
        except SourceError as error:
            out.append((path, None, error.reason))
        except BylineError as error:
            out.append((path, None, str(error)))
        except Exception as error:  # a bug in a parser: report it, go on
            out.append((path, None, f"could not parse ({type(error).__name__}: {error})"))
    return out


def import_paths(
    library: Library,
    paths: Iterable[str | Path],
    jobs: int | None = None,
    progress: Progress | None = None,
    *,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import files, folders and http(s) URLs into ``library``.

    Once ``cancelled()`` returns True (it is asked after each batch of
    files and before each URL), files not yet parsed are skipped and what
    was parsed is stored; the report counts only what was done.
    """
    report = ImportReport()
    files, urls, failures = expand(paths)
    report.failures.extend(failures)
    total = len(files) + len(urls)
    done = 0

    def tick(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, total)

    if progress is not None:
        progress(0, total)
    store = _Store(library, report)
    chunks = _parsed_chunks([str(f) for f in files], jobs)
    try:
        for batch in chunks:
            store.take(batch)
            tick(len(batch))
            if cancelled is not None and cancelled():
                break
    finally:
        chunks.close()  # stopped early: the chunks not yet started are dropped
    store.flush()
    for url in urls:
        if cancelled is not None and cancelled():
            break
        _import_url(library, url, report)
        tick(1)
    return report


def _import_url(library: Library, url: str, report: ImportReport) -> None:
    from reader.gather import subscribe

    try:
        report.count(subscribe.import_url(library, url))
    except SourceError as error:
        report.failures.append((url, error.reason))
    except BylineError as error:
        report.failures.append((url, str(error)))


class _Store:
    """Collects parsed articles and stores them in batches (see BatchWriter)."""

    def __init__(self, library: Library, report: ImportReport) -> None:
        self.report = report
        self.writer = BatchWriter(library, self._stored)

    def _stored(self, counts: dict[str, int]) -> None:
        for outcome, n in counts.items():
            self.report.count(outcome, n)

    def take(self, parsed: list[Parsed]) -> None:
        articles = []
        for source, article, reason in parsed:
            if article is None:
                self.report.failures.append((printable(source), reason or "could not parse"))
            else:
                articles.append(article)
                if article.truncated:
                    self.report.notes.append((printable(source), article.truncated))
        self.writer.add(articles)

    def flush(self) -> None:
        self.writer.flush()


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _parsed_chunks(files: list[str], jobs: int | None) -> Iterator[list[Parsed]]:
    """Parsed files, a chunk at a time, in whatever order the workers finish."""
    workers = max(1, min(jobs or os.cpu_count() or 1, len(files)))
    if workers == 1 or len(files) < 4:
        for path in files:
            yield parse_files([path])
        return
    # Biggest files first, in small chunks: no worker is left with a long
    # tail while the others wait (longest-processing-time-first scheduling).
    files = sorted(files, key=_size, reverse=True)
    size = max(1, min(_MAX_CHUNK, len(files) // (workers * 16)))
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    import reader.ingest  # noqa: F401  (loaded once here, inherited by forked workers)
    from reader.gather.pool import exit_with_parent, process_context

    with ProcessPoolExecutor(
        max_workers=workers, mp_context=process_context(), initializer=exit_with_parent,
        initargs=(os.getpid(),)
    ) as pool:
        futures: dict[Future[list[Parsed]], list[str]] = {
            pool.submit(parse_files, chunk): chunk for chunk in chunks
        }
        try:
            for future in as_completed(futures):
                try:
                    yield future.result()
                except Exception as error:  # a worker died (killed, out of memory)
                    reason = f"the parser process failed ({type(error).__name__})"
                    yield [(path, None, reason) for path in futures[future]]
        finally:
            for future in futures:
                future.cancel()  # closed early: only the chunks being parsed finish
