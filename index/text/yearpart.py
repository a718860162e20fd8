"""The part of its year a text or a clause speaks of: "前三季度", "1-9月", "今年以来".

News of part of a year reports on its year so far (`index.reading.metadata.part_of_year`); a
clause naming a part gone by speaks of months already past, so its figures are results, and its
label keeps the part (`index.text.timelabel`); an answer names the part, so no citizen takes it
for the whole year's (`bot.answering.evidence`). The words live in `index/data/report_cues.tsv`.
"""
from __future__ import annotations

import re

from index import datafiles
from index.datafiles import INDEX_DATA
from index.text.normalise import fold

# a month range from January: "1-9月", "1—6月", "1至9月" (through December is the whole year), or January
# itself as a month ("1月份", not the day "1月16日"): news of it reports on its year so far too
_MONTHS_SO_FAR = r"1\s*[-—–~至到]\s*(?:[1-9]|1[01])\s*月(?:份)?|(?<![\d.])1\s*月份"


def _cues() -> dict[str, tuple[str, ...]]:
    return datafiles.table(INDEX_DATA / "report_cues.tsv")


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def year_part(written=lambda word: word) -> str:
    """A pattern for the words naming part of a year ("前三季度", "上半年", "1-9月"), each as
    `written` writes it (a question's numerals as digits: "前3季度")."""
    cues = _cues()
    # "截至10月底": the months up to one's end (January to November; 12月底 is the whole year), not a deadline
    as_of = rf"(?:{_alt(cues.get('as_of', ()))})\s*(?:1[01]|[1-9])\s*(?:{_alt(cues.get('month_end', ()))})" \
        rf"(?!{_alt(cues.get('deadline', ())) or '(?!)'})"
    return rf"{_MONTHS_SO_FAR}|{as_of}|{_alt({written(w) for w in cues.get('part_year', ())})}"


def part_named(text: str) -> str:
    """The first part of a year `text` names ("1-8月", "上半年"), as written there (folded); else ""."""
    m = re.search(year_part(), fold(text))
    return m[0] if m else ""


def of_whole_year(said: str) -> bool:
    """Whether a sentence of a text on part of its year speaks of the whole year ("预期全年…"); pass it
    without its bases of comparison (`bases.without_bases`): a whole year it compares with
    ("增速高于2017年全年") is not the time of its figures."""
    return any(w in fold(said) for w in _cues().get("whole_year", ()))


def names_part(text: str) -> bool:
    """Whether a clause names a part of its year ("1至9月", "上半年") or the year so far ("今年以来")."""
    folded = fold(text)
    return bool(re.search(year_part(), folded)) or any(w in folded for w in _cues().get("so_far", ()))
