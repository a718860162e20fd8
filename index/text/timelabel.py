"""Time labels: which year a passage's figures refer to, and whether they are results or targets.

Derived from explicit years, relative years and cue words (data/timecues.tsv), falling back
to the enclosing paragraph, section and the report's own date: a report published in year Y
reports results for Y-1 and sets targets for Y.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from index import datafiles
from index.datafiles import INDEX_DATA
from index.text.normalise import fold
from index.text.vocabulary import load_vocab

RESULT, TARGET = "result", "target"
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")


@dataclass(frozen=True)
class TimeLabel:
    year: int | None
    kind: str | None  # RESULT, TARGET or None

    def describe(self) -> str:
        kind = {RESULT: "完成情况", TARGET: "目标"}.get(self.kind or "", "")
        return f"{self.year}年{kind}" if self.year else kind


DECISIVE_LEAD = 2


def load_cues(path: Path = INDEX_DATA / "timecues.tsv") -> tuple[tuple[str, int, str], ...]:
    """(kind, weight, cue word) triples, longest cue first."""
    cues = [(kind, int(weight), fold(w)) for kind, weight, words in datafiles.rows(path, 3)
            for w in words.split("|") if w]
    return tuple(sorted(cues, key=lambda c: len(c[2]), reverse=True))


def cue_scores(text: str) -> dict[str, int]:
    """Weighted cue counts per kind. A longer cue hides the shorter ones inside it."""
    text = fold(text)
    scores = {RESULT: 0, TARGET: 0}
    for kind, weight, word in load_cues():
        n = text.count(word)
        if n:
            scores[kind] = scores.get(kind, 0) + weight * n
            text = text.replace(word, "\0")
    return scores


def cue_kind(text: str) -> str | None:
    """RESULT or TARGET when the cue words lead clearly, else None."""
    scores = cue_scores(text)
    lead = scores[RESULT] - scores[TARGET]
    if abs(lead) < DECISIVE_LEAD:
        return None
    return RESULT if lead > 0 else TARGET


def years_in(text: str, doc_year: int) -> list[int]:
    """Absolute years named in `text`, relative ones resolved against the report's year."""
    text = fold(text)
    years = [int(y) for y in _YEAR.findall(text)]
    # "比上年增长" names the year compared with, not the year the figure belongs to.
    years += [doc_year + d for word, d in load_vocab().relative_years
              if re.search(rf"(?<![比较]){word}", text)]
    return years


def label(text: str, doc_year: int, context: TimeLabel | None = None) -> TimeLabel:
    """Label `text`; what the text leaves open is taken from `context` (its paragraph or section)."""
    own_kind = cue_kind(text)
    years = years_in(text, doc_year)
    # Cue words decide first; then a year the text names itself (a report of year Y looks back
    # on earlier years and plans Y onwards); only then the surrounding paragraph or section.
    kind = own_kind or (None if years else context.kind if context else None)
    if years:
        if kind == RESULT and any(y < doc_year for y in years):
            year = max(y for y in years if y < doc_year)
        elif kind == TARGET and any(y >= doc_year for y in years):
            year = min(y for y in years if y >= doc_year)
        else:
            year = years[0]
        kind = kind or (RESULT if year < doc_year else TARGET)
    elif context and context.year and (kind == context.kind or kind is None):
        year = context.year
    else:
        year = {RESULT: doc_year - 1, TARGET: doc_year}.get(kind or "")
    return TimeLabel(year, kind)
