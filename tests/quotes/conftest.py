"""Shared fixtures: the seed article's body, built by hand as paragraphs."""

from __future__ import annotations

import pytest

from reader.model import Paragraph
from tests.quotes.seed_body import SEED_BODY


@pytest.fixture
def seed_paragraphs() -> tuple[Paragraph, ...]:
    return tuple(
        Paragraph(p[0], p[1]) if isinstance(p, tuple) else Paragraph(p) for p in SEED_BODY
    )
