"""The answering vocabulary: how questions and report figures are read, from `bot/data/`.

- `question_cues.tsv`: intents, target/result words, unit cues of questions;
- `unit_groups.tsv`: which units answer which kind of question (几个 → 名/人/个…);
- `places.tsv`: places and their aliases (each report's own `place:` counts too);
- `figure_words.tsv`: how report sentences say a figure changed (增长, 同比, 分别);
- `metric_units.tsv`: the unit groups each metric is measured in;
- `headline_metrics.txt`: the metrics an overview question is answered with.

Read through `index.datafiles`, so an edited file is used by the next question.
"""
from __future__ import annotations

import re
from pathlib import Path

from index import datafiles

BOT_DATA = Path(__file__).resolve().parent.parent / "data"


def cues() -> dict[str, tuple[str, ...]]:
    return datafiles.table(BOT_DATA / "question_cues.tsv")


def unit_groups() -> dict[str, tuple[str, ...]]:
    return datafiles.table(BOT_DATA / "unit_groups.tsv")


def gazetteer() -> dict[str, tuple[str, ...]]:
    return datafiles.table(BOT_DATA / "places.tsv")


def figure_words() -> dict[str, tuple[str, ...]]:
    return datafiles.table(BOT_DATA / "figure_words.tsv")


def metric_units() -> dict[str, tuple[str, ...]]:
    return datafiles.table(BOT_DATA / "metric_units.tsv")


def headline_metrics() -> tuple[str, ...]:
    return datafiles.lines(BOT_DATA / "headline_metrics.txt")


def unit_group(unit: str) -> str | None:
    """The group of a figure's unit ("10名" → count); the longest unit listed wins."""
    best = max(((len(u), g) for g, units in unit_groups().items() for u in units if unit.endswith(u)),
               default=None)
    return best[1] if best else None


def change_words() -> tuple[str, ...]:
    """Verbs that introduce a change in a report ("增长7.1%"), also read as "asks for a change"
    in a question, together with the question-only words of `question_cues.tsv`."""
    return figure_words().get("change_verb", ())


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
