"""Bases of comparison: the years and periods a clause compares its figures with ("比上年", "较“十三五”
时期", "2007年以来最好", "是“十一五”末的2.85倍": `comparison_bases.tsv`), or whose target it says they
met ("提前两年完成“十一五”目标"), not the time they speak of."""
from __future__ import annotations

import re

from index import datafiles
from index.datafiles import INDEX_DATA
from index.text.normalise import fold
from index.text.periods import periods
from index.text.vocabulary import load_vocab

_MULTIPLE = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十几多少]+)多?倍"  # "2.85倍", "十多倍", asked "几倍"


def without_bases(text: str) -> str:
    """`text` folded, without the years and periods it compares with ("快于2024年", "比上年",
    "较“十三五”时期", "2007年以来最好", "是“十一五”末的2.85倍"): they name the base of a comparison, not
    the time a figure speaks of, as do all of a series of them after one comparing word ("高于上年同期、
    2017年全年"). This year opening its clause with 以来 ("今年以来，…": this year so far) is the figures' own.
    A period whose target a clause says was met ("提前两年完成“十一五”目标") is left out too: the figures are
    of the year that met it, not of the period's end. Nor does a year opening an aside right after a figure ("引进项目
    19个(去年全年12个)"): the aside gives that year's figure beside it, to compare with."""
    return re.sub(_bases()[0], "", fold(text))


def without_multiple_bases(text: str) -> str:
    """`text` folded, without the periods and years it states a multiple of ("是十一五末的几倍", "是07年的几倍": the
    figure's, not 2010's or 2007's)."""
    return re.sub(_bases()[1], "", fold(text))


def base_years(text: str) -> tuple[int, ...]:
    """The years `text` compares with, each named after a `before` word of `comparison_bases.tsv`
    ("比2012年增长125.1%"; asked "比12年涨了多少")."""
    return tuple(_full(y) for y, _ in re.findall(_base_year(), fold(text)))


def onward_base(text: str) -> int | None:
    """The year `text` sets, last, as the base of every change said after it ("比2012年(下同)增长47.7%;固定资产投资
    353.7亿元,增长125.1%": an `onward` word of `comparison_bases.tsv` after the base); None where it sets none."""
    said = [y for y, onward in re.findall(_base_year(), fold(text)) if onward]
    return _full(said[-1]) if said else None


def _full(year: str) -> int:
    return int(year) if len(year) == 4 else 2000 + int(year)  # "比12年" as a question says it


def _base_year() -> str:
    bases = datafiles.table(INDEX_DATA / "comparison_bases.tsv")
    before, onward = ("|".join(re.escape(w) for w in bases.get(k, ())) or "(?!)" for k in ("before", "onward"))
    return rf"(?:{before})\s*((?:19|20)?\d{{2}})\s*年(\s*\(?\s*(?:{onward}))?"


def _bases() -> tuple[str, str]:
    """Patterns of the bases of comparison (`comparison_bases.tsv`): all of them, and those of a multiple."""
    bases = datafiles.table(INDEX_DATA / "comparison_bases.tsv")
    before, after, then, of, grew = ("|".join(re.escape(w) for w in bases.get(k, ())) or "(?!)"
                                     for k in ("before", "after", "qualifier", "multiple", "multiple_verb"))
    relative = load_vocab().relative_years
    now = "|".join(re.escape(w) for w, offset in relative if offset == 0)
    since = "|".join([r"(?:19|20)\d{2}\s*年"] + [re.escape(w) for w, offset in relative if offset]
                     + [re.escape(name) for name, _, _ in periods()])  # "2016年以来，累计…" counts from a base
    quote = r"[\"“”‘’「」]?"
    base = rf"{quote}(?:{since}|{now})(?:{then})?"
    # a period's or a year's ("地方财政收入6.02亿元，是2007年的2.3倍"; asked "是07年的几倍"): the figure is the later one's
    named = "|".join(re.escape(name) for name, _, _ in periods()) or "(?!)"
    multiple = rf"{quote}(?:{named}|(?:19|20)?\d{{2}}\s*年){quote}(?:{of})(?=(?:{grew})?{_MULTIPLE})"
    # an aside opening right after a figure and its unit, with a figure of its own: "19个(去年全年12个)" compares with
    # 去年, where "162亿元(2012年)" dates the figure
    unit = r"[^\d\s(（，,。；;]"
    aside = rf"(?:(?<=\d)|(?<=\d{unit})|(?<=\d{unit}{{2}})|(?<=\d{unit}{{3}}))[(（]\s*"
    return (rf"(?:{before}){base}(?:[、和]{base})*|{aside}(?:{since})(?=[^)）]*\d)|(?:{since}){quote}(?:{after})"
            rf"|(?:{now}){quote}(?:{after})(?![，,])|{multiple}|{_met_period(named, quote)}"), multiple


def _met_period(named: str, quote: str) -> str:
    """A period right after a verb saying a target was met, before the target's word: "完成“十一五”目标",
    "实现“十二五”规划目标" (the `met` verbs and `goal` words of `timecues.tsv`, their one home)."""
    cues = datafiles.rows(INDEX_DATA / "timecues.tsv", 3)
    met, goal = ("|".join(re.escape(fold(w)) for k, _, words in cues if k == kind for w in words.split("|") if w)
                 or "(?!)" for kind in ("met", "goal"))
    return rf"(?:{met})了?{quote}(?:{named}){quote}[^，,。；;：:\d]{{0,4}}?(?:{goal})"
