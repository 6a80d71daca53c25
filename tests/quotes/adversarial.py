"""Hostile inputs for the quotation finder: texts that once took quadratic time.

Each case builds about ``size`` characters. The test suite checks that
analysis of each finishes; ``tests/bench/bench_quotes_speed.py`` measures how
fast. The said-quotes units are invented, about the length of a wire story's
one-line quotations.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.model import Paragraph

_SAID = (
    '"We will not back down," said Ana Ruiz. ',
    '"It is too early," said Mr Okafor. ',
    '"Yes," she said. ',
    '"The vote stands," Tom Hale said. ',
    "“Nobody told us,” said a resident. ",
    "“We are ready,” he added. ",
)


def only_marks(size: int) -> list[Paragraph]:
    return [Paragraph('"' * size)]


def alternating(size: int) -> list[Paragraph]:
    return [Paragraph(("'\"" * (size // 2 + 1))[:size])]


def mark_paragraphs(size: int) -> list[Paragraph]:
    return [Paragraph('"' * 1000) for _ in range(max(1, size // 1000))]


def said_quotes(size: int) -> list[Paragraph]:
    parts: list[str] = []
    n = 0
    while n < size:
        unit = _SAID[len(parts) % len(_SAID)]
        parts.append(unit)
        n += len(unit)
    return [Paragraph("".join(parts).rstrip())]


def new_speakers(size: int) -> list[Paragraph]:
    """Said-quotes where every speaker is someone new (no name repeats)."""
    parts: list[str] = []
    n = k = 0
    while n < size:
        name = "".join(chr(ord("a") + int(d)) for d in str(k)).capitalize()
        unit = f'"We are ready," said Jo {name}. '
        parts.append(unit)
        n += len(unit)
        k += 1
    return [Paragraph("".join(parts).rstrip())]


CASES: dict[str, Callable[[int], list[Paragraph]]] = {
    "only quotation marks": only_marks,
    "alternating ' and \"": alternating,
    "paragraphs of 1,000 marks": mark_paragraphs,
    "one paragraph of said-quotes": said_quotes,
    "said-quotes, all speakers new": new_speakers,
}
