"""The answering vocabulary: how questions and report figures are read, from `bot/data/`.

- `question_cues.tsv`: intents, target/result words, unit cues of questions;
- `unit_groups.tsv`: which units answer which kind of question (几个 → 名/人/个…);
- `places.tsv`: places and their aliases (each report's own `place:` counts too);
- `place_shapes.tsv`: what is not a place though shaped like one, for names no list knows;
- `figure_words.tsv`: how report sentences say a figure changed (增长, 同比, 分别);
- `metric_units.tsv`: the unit groups each metric is measured in;
- `headline_metrics.txt`: the metrics an overview question is answered with;
- `everyday_words.tsv`: how people say what the reports call otherwise (城里人 → 城镇居民);
- `asked_names.tsv`: names of a metric questions use but sentences do not (粮食 → 粮食产量), and
  the loose names that ask a wider metric too (财政收入 → 财政总收入);
- `place_levels.tsv`: the words a question names a level of place by (哪些省, 各市).

Read through `index.datafiles`, so an edited file is used by the next question.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from index import datafiles
from index.text.normalise import fold
from index.text.vocabulary import load_vocab

BOT_DATA = Path(__file__).resolve().parent.parent / "data"


@lru_cache(maxsize=32)
def _file(folder: Path, name: str) -> Path:
    """folder / name, made once: every question looks its data files up a few hundred times."""
    return folder / name


def cues() -> dict[str, tuple[str, ...]]:
    return datafiles.table(_file(BOT_DATA, "question_cues.tsv"))


def place_levels() -> dict[str, tuple[str, ...]]:
    """Each level of place → the words a question names it by; !before/!after: the words beside them."""
    return datafiles.table(_file(BOT_DATA, "place_levels.tsv"))


def shape_exemplars() -> tuple[tuple[str, ...], ...]:
    """(shape, question) rows: the exemplars a question's meaning votes on its shape with."""
    return datafiles.rows(_file(BOT_DATA, "shape_exemplars.tsv"), 2)


def who_actions() -> dict[str, tuple[str, ...]]:
    """What a who-question asks a person did, with the words news says it with (who_actions.tsv)."""
    return datafiles.table(_file(BOT_DATA, "who_actions.tsv"))


def list_marks() -> dict[str, tuple[str, ...]]:
    """How a report marks a list's items and announces their count (bot/data/list_marks.tsv)."""
    return datafiles.table(_file(BOT_DATA, "list_marks.tsv"))


def unit_groups() -> dict[str, tuple[str, ...]]:
    return datafiles.table(_file(BOT_DATA, "unit_groups.tsv"))


def gazetteer() -> dict[str, tuple[str, ...]]:
    return datafiles.table(_file(BOT_DATA, "places.tsv"))


_namer: tuple[dict, Callable[[str], str]] | None = None  # (the gazetteer it was made from, namer)


def place_namer() -> Callable[[str], str]:
    """place → the gazetteer's name for it (the first row naming it or listing it as an alias,
    folded), else the place as written. Made once per version of `places.tsv`: every new index
    names the same reports' places again, and folding is what costs."""
    global _namer
    table = gazetteer()  # the same object until the file changes
    if _namer is None or _namer[0] is not table:
        _namer = (table, _namer_of(table))
    return _namer[1]


def _namer_of(table: dict[str, tuple[str, ...]]) -> Callable[[str], str]:
    names: dict[str, str] = {}
    for canonical, aliases in table.items():  # aliases come folded
        for name in (fold(canonical), *aliases):
            names.setdefault(name, canonical)
    named: dict[str, str] = {}  # every place asked, as written

    def canonical(place: str) -> str:
        if place not in named:
            named[place] = names.get(fold(place), place)
        return named[place]
    return canonical


def place_shapes() -> dict[str, tuple[str, ...]]:
    return datafiles.table(_file(BOT_DATA, "place_shapes.tsv"))


def figure_words() -> dict[str, tuple[str, ...]]:
    return datafiles.table(_file(BOT_DATA, "figure_words.tsv"))


def figure_words_version() -> tuple[int, int]:
    """Changes whenever figure_words.tsv does: a key for what is worked out from it."""
    return datafiles.signature(_file(BOT_DATA, "figure_words.tsv"))


def metric_units() -> dict[str, tuple[str, ...]]:
    return datafiles.table(_file(BOT_DATA, "metric_units.tsv"))


def asked_names() -> dict[str, tuple[str, ...]]:
    return datafiles.table(_file(BOT_DATA, "asked_names.tsv"))


def everyday_words() -> dict[str, tuple[str, ...]]:
    return datafiles.table(_file(BOT_DATA, "everyday_words.tsv"))


def headline_metrics() -> tuple[str, ...]:
    return datafiles.lines(_file(BOT_DATA, "headline_metrics.txt"))


def unit_in_english(unit: str) -> str | None:
    """"万吨" → "10,000 t": a unit's English name, from unit_names_en.tsv and the magnitudes of
    index/data/magnitudes.tsv; None when neither names it."""
    names = dict(datafiles.rows(_file(BOT_DATA, "unit_names_en.tsv"), 2))
    if unit in names:
        return names[unit]
    for word, _, english in load_vocab().magnitudes:
        if unit.startswith(word) and unit[len(word):] in names:
            return f"{english} {names[unit[len(word):]]}"
    return None


def unit_group(unit: str) -> str | None:
    """The group of a figure's unit ("10名" → count); the longest unit listed wins."""
    best = max(((len(u), g) for g, units in unit_groups().items() for u in units if unit.endswith(u)),
               default=None)
    return best[1] if best else None


def change_words() -> tuple[str, ...]:
    """Verbs that introduce a change in a report ("增长7.1%"), also read as "asks for a change"
    in a question, together with the question-only words of `question_cues.tsv`."""
    return figure_words().get("change_verb", ())


@lru_cache(maxsize=256)  # the same tuples until their file changes
def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
