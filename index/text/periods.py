"""Named multi-year periods (十四五 …, `periods.tsv`), the words naming one year of one
("“十三五”规划的起步之年", "“十四五”顺利收官": `period_years.tsv`), and periods named by their
length ("四年来", "今后五年": `counted_periods.tsv`)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from index import datafiles
from index.datafiles import INDEX_DATA
from index.text.normalise import fold


def periods(path: Path = INDEX_DATA / "periods.tsv") -> tuple[tuple[str, int, int], ...]:
    """(name, first year, last year) of the named periods (十四五 …), names folded."""
    return _periods(datafiles.rows(path, 3))


@lru_cache(maxsize=4)
def _periods(rows: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, int, int], ...]:
    return tuple((fold(name), int(a), int(b)) for name, a, b in rows)


def period_years(text: str) -> str:
    """`text` folded, a period's first or last year named in words (`period_years.tsv`: "“十三五”规划的
    起步之年", "“十四五”顺利收官") written as that year ("2016年"): one year of it, not the period."""
    text, words = fold(text), datafiles.table(INDEX_DATA / "period_years.tsv")
    for name, first, last in periods():
        for which, year in (("first", first), ("last", last)):
            if words.get(which) and name in text:
                said = "|".join(re.escape(w) for w in sorted(words[which], key=len, reverse=True))
                text = re.sub(rf"{re.escape(name)}[\"“”‘’「」]?(?:规划|时期)?的?[^，,。；;：:、\d]{{0,4}}?(?:{said})",
                              f"{year}年", text)
    return text


_COUNTS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)} | {"两": 2}
_COUNT = r"(?<![\d一二两三四五六七八九十百])(\d{1,2}|[一二两三四五六七八九十])"  # not the 十 of 三十


def counted_periods(text: str, review: int, plan: int, asked: bool = False) -> list[tuple[tuple[int, int], str]]:
    """The periods `text` names by their length (`counted_periods.tsv`), each as (first, last) year with
    the words naming it: counted back from the year `review`ed ("四年来" → review−3…review) or on from
    the year `plan`ned ("今后五年" → plan…plan+4); in a question (`asked`), a bare count back too ("五年…投了多少").
    A count of one year is no period."""
    words = datafiles.table(INDEX_DATA / "counted_periods.tsv")
    out = []
    for which, first in (("back", None), ("ahead", plan)) + ((("bare", None),) if asked else ()):
        said = "|".join(re.escape(w).replace(r"\#", _COUNT) for w in words.get(which, ()))
        if said and which == "bare":
            said = _bare(said, words.get("bare_not_after", ()), words.get("bare_not_before", ()))
        for m in re.finditer(said or "(?!)", fold(text)):
            count = next(g for g in m.groups() if g)
            n = int(count) if count.isdigit() else _COUNTS[count]
            if n > 1:
                out.append(((review - n + 1, review) if first is None else (first, first + n - 1), m.group(0)))
    return out


def _bare(said: str, not_after: tuple[str, ...], not_before: tuple[str, ...]) -> str:
    """The pattern of a bare count (`said`) not right after nor before the words that make it another thing's."""
    after = "".join(f"(?<!{re.escape(w)})" for w in not_after)
    before = "|".join(re.escape(w) for w in sorted(not_before, key=len, reverse=True))
    return f"{after}(?:{said})" + (f"(?!{before})" if before else "")
