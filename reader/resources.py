"""Where the bundled ``styles/`` and ``seeds/`` live.

In a wheel they are packaged inside ``reader/``; in a source checkout they sit
beside the package at the top of the repository.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _PACKAGE.parent / name


def styles_dir() -> Path:
    return _bundled("styles")


def seeds_dir() -> Path:
    return _bundled("seeds")
