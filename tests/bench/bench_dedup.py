"""One story, one article: what finding the same story costs in a big library.

Run by hand (never part of the test suite)::

    python tests/bench/bench_dedup.py --size 50000 --work /tmp/byline-dedup-bench [--n 1000]

Builds (once, under --work) a synthetic library of --size articles
(tests/bench/synthetic.py), then times, by CPU time (time.process_time):

* the check for one imported article (``Catalog._same_story``: URL, title and
  text keys looked up in ``stories.db``, candidates' documents read and
  compared), over --n articles: half new stories (another seed), half the
  library's own stories again under a tracking-parameter URL, or as a text
  dump (no URL) with the same title and text. It prints how many of each
  were found, so a fast check that finds nothing does not pass for one;
* the index being in step with the catalog (``StoryIndex.ensure``), once
  per batch;
* the one-time rebuild of ``stories.db`` from the catalog rows (a library
  made before the index, or one whose index was lost).

Target: <= 1 ms per imported article at 50,000 articles.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reader.library import Library  # noqa: E402
from reader.library.catalog import _BatchKeys  # noqa: E402
from reader.library.stories import FILE  # noqa: E402
from reader.model import article_id  # noqa: E402
from tests.bench.synthetic import build_library, synthetic_article  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=50_000)
    parser.add_argument("--n", type=int, default=1000, help="imported articles to check")
    parser.add_argument("--work", type=Path, default=Path("/tmp/byline-dedup-bench"))
    args = parser.parse_args()

    path = args.work / f"lib-{args.size}"
    started = time.perf_counter()
    build_library(path, args.size).close()
    print(f"library of {args.size} at {path} ({time.perf_counter() - started:.0f} s to build or open)")

    rng = random.Random(7)
    with Library.open(path, durable=False) as library:
        catalog = library.catalog
        ids = list(catalog.rows)
        again, new = [], []
        for k in range(args.n // 2):
            new.append(synthetic_article(k, seed=99))
            original = library.get(rng.choice(ids))
            if k % 2 and original.url:
                url = original.url + "?utm_source=rss&utm_medium=feed"
                copy = replace(original, url=url, source="feed")
            else:
                copy = replace(original, url=None, site=None, source="dump")
            again.append(replace(copy, id=article_id(copy.url, copy.title, copy.paragraphs)))
        docs = [(a.to_dict(), True) for a in again] + [(a.to_dict(), False) for a in new]
        rng.shuffle(docs)

        with catalog.lock:
            catalog._refresh()
            start = time.process_time()
            catalog.stories.ensure(catalog.rows, catalog._sig)
            ensure = time.process_time() - start
            found = {True: 0, False: 0}
            start = time.process_time()
            for doc, is_again in docs:
                if catalog._same_story(doc, {}, _BatchKeys()) is not None:
                    found[is_again] += 1
            check = time.process_time() - start
        print(f"check per imported article: {check / len(docs) * 1000:.3f} ms "
              f"({len(docs)} articles; found {found[True]} of {len(again)} again, "
              f"{found[False]} of {len(new)} new)")
        print(f"index in step with the catalog (once per batch): {ensure * 1000:.2f} ms")

        catalog.stories.close()
        (path / FILE).unlink()
        with catalog.lock:
            start = time.process_time()
            catalog.stories.ensure(catalog.rows, catalog._sig)
            rebuild = time.process_time() - start
        print(f"rebuilding {FILE} from {len(ids)} catalog rows (once): {rebuild:.2f} s")


if __name__ == "__main__":
    main()
