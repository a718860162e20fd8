"""The level of place a question asks about, and each place's own: "哪些省提到了低空经济" asks of
provinces only, "哪些开发区…" of zones, "各市…" of cities; "哪些地方…" of every place.

A question's level is named by a word of bot/data/place_levels.tsv just after a word asking for
places (`!before`: 哪些, 各) or just before one (`!after`: 省份有哪些); a place's level is the kind
of its longest ending in index/data/place_suffixes.tsv (index.text.places.level_of).
"""
from __future__ import annotations

import re

from bot.answering.vocabulary import alternation, place_levels
from index.text.places import level_of
from index.text.vocabulary import load_vocab


def _levels() -> dict[str, tuple[str, ...]]:
    return {k: v for k, v in place_levels().items() if not k.startswith("!")}


def asked(text: str) -> str | None:
    """The level of place the (folded) question asks about, or None when it names none."""
    table = place_levels()
    levels = _levels()
    words = alternation(tuple(w for ws in levels.values() for w in ws))
    before, after = alternation(table.get("!before", ())), alternation(table.get("!after", ()))
    m = re.search(f"(?:{before})({words})|({words})(?:{after})", text) if words else None
    if m is None:
        return None
    said = m.group(1) or m.group(2)
    return next(level for level, ws in levels.items() if said in ws)


def at_level(places: list[str], level: str | None) -> list[str]:
    """The places of `level`; every place when no level is asked."""
    vocab = load_vocab()
    return places if level is None else [p for p in places if level_of(p, vocab) == level]


def counted_as(places: list[str], level: str | None = None) -> str:
    """How a reply counts places: by the level asked, else by the one level all are of ("3个省"),
    else as 地方."""
    vocab = load_vocab()
    shared = {level_of(p, vocab) for p in places}
    level = level or (shared.pop() if len(shared) == 1 else None)
    return _levels().get(level or "", ("地方",))[0]
