"""Fold text to one canonical form: half-width (NFKC), Simplified Chinese, lower-case Latin."""
from __future__ import annotations

import re
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


_FULL_FIGURE = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, "％": "%", "．": "."})
_GROUPED = re.compile(r"(?<=\d)，(?=\d{3}(?!\d))")  # 1，200: a thousands separator written full-width


def halfwidth(text: str) -> str:
    """Full-width digits, ％ and ．(５．１％ → 5.1%), and a full-width comma grouping thousands, as
    ASCII: one character for one, so a position in the result is the same position in `text`,
    and a figure read from the result is quoted from `text` as the report wrote it."""
    return _GROUPED.sub(",", text.translate(_FULL_FIGURE))
