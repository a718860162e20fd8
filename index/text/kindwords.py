"""Kind words (`kind_signals.tsv`): the words by which a sentence says itself whether its figures are results or
targets, read apart from its section numbers and enumerating words (`opening`) and its purpose clauses
(`without_purposes`). `index.text.timelabel` weighs them."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from index import datafiles
from index.datafiles import INDEX_DATA
from index.text.normalise import fold


def kind_signals(path: Path = INDEX_DATA / "kind_signals.tsv") -> dict[tuple[str, str], tuple[str, ...]]:
    """(kind, where) → words, folded: see the file's header."""
    return _kind_signals(datafiles.rows(path, 3))


@lru_cache(maxsize=4)
def _kind_signals(rows: tuple[tuple[str, ...], ...]) -> dict[tuple[str, str], tuple[str, ...]]:
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    for kind, where, words in rows:
        out[(kind, where)] = out.get((kind, where), ()) + tuple(fold(w) for w in words.split("|") if w)
    return out


def _numbering() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for _, p in datafiles.rows(INDEX_DATA / "sections.tsv", 2))


def opening(sentence: str) -> str:
    """A sentence without its section number and its enumerating words ("（三）", "一是", "同时")."""
    text, skip, numbers = fold(sentence).strip(), kind_signals().get(("skip", "opening"), ()), _numbering()
    while True:
        cut = next((m.end() for p in numbers if (m := p.match(text))), 0) \
            or next((len(w) for w in skip if text.startswith(w)), 0)
        if not cut:
            return text
        text = text[cut:].lstrip(" ，,！!：:")


def said_kinds(text: str) -> set[str]:
    """The kinds whose `words` (a `pledge` is one too) the text holds, outside its purpose clauses."""
    text, signals = without_purposes(fold(text)), kind_signals()
    return {kind for (kind, where), words in signals.items()
            if where in ("words", "pledge") and any(w in text for w in words)}


def without_purposes(text: str) -> str:
    """The text without its clauses saying what its actions are for (`purpose`, `kind_signals.tsv`: "为确保招商
    引资工作取得新突破，…落实财政扶持资金2.36亿元"), when they state no figure: the plan words of such a clause
    (确保) aim at the purpose, they say nothing of the figures' kind."""
    words = kind_signals().get(("skip", "purpose"), ())
    clauses = re.split(r"(?<=[，,；;。！？!?])", text)
    return "".join(c for c in clauses if not (c.lstrip().startswith(words or ("\0",)) and not re.search(r"\d", c)))
