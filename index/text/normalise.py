"""Fold text to one canonical form: half-width (NFKC), Simplified Chinese, lower-case Latin."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import opencc


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def fold(text: str) -> str:
    """Full-width → half-width, Traditional → Simplified, Latin lower-cased.

    Used for matching only; chunk text keeps the report's own characters.
    """
    return _t2s().convert(unicodedata.normalize("NFKC", text)).lower()


def squeeze(text: str) -> str:
    """`fold` with all whitespace removed: for comparing text across line breaks."""
    return "".join(fold(text).split())
