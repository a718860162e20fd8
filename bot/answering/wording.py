"""How answers are worded in Chinese, and how any text is shortened for display."""
from __future__ import annotations


def clip(text: str, limit: int) -> str:
    """`text`, cut to at most `limit` characters with "…" marking the cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
