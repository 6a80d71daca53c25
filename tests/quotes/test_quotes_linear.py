"""Hostile inputs finish: no step compares every quotation with every other.

Each case is 200,000 characters; before the indexes, the said-quotes case
took minutes. The limit is generous (a machine shared by many runs must
pass it easily): it catches quadratic time, not slowness, which
``tests/bench/bench_quotes_speed.py`` measures.
"""

from __future__ import annotations

import signal
from contextlib import contextmanager

import pytest

from reader.quotes import analyze
from tests.quotes.adversarial import CASES

_SIZE = 200_000
_LIMIT_S = 30


@contextmanager
def _deadline(seconds: int):
    def fail(signum, frame):
        raise TimeoutError(f"analysis took over {seconds} s")

    old = signal.signal(signal.SIGALRM, fail)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@pytest.mark.parametrize("case", list(CASES))
def test_adversarial_text_finishes(case):
    paragraphs = CASES[case](_SIZE)
    assert sum(len(p.text) for p in paragraphs) >= _SIZE
    with _deadline(_LIMIT_S):
        quotes, speakers = analyze(paragraphs)
    if "said" in case:
        # Every unit is one quotation with its speaker.
        units = paragraphs[0].text.count(" said") + paragraphs[0].text.count(" added")
        assert len(quotes) == units
        assert all(q.speaker for q in quotes)
    else:
        assert quotes == ()  # marks alone quote nothing
        assert speakers == ()


def test_said_quotes_keep_their_speakers():
    quotes, speakers = analyze(CASES["one paragraph of said-quotes"](2_000))
    names = {s.name for s in speakers}
    assert {"Ana Ruiz", "Okafor", "Tom Hale", "resident"} <= names
    assert quotes[0].text == "We will not back down," and quotes[0].speaker == "Ana Ruiz"
