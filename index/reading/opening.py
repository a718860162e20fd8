"""The opening lines of a report, where it says its title, delivery and speaker, and the cue words
(`index/data/report_cues.tsv`) and date patterns that read them (index.reading.metadata)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from index import datafiles
from index.datafiles import INDEX_DATA

HEAD_CHARS = 600  # where a report states its title, delivery and speaker: its first lines
DATE = r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?"
ISO = r"((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})"
DAY = r"(\d{1,2})\s*月\s*(\d{1,2})\s*日"
STAMP = ISO + r"\s*\d{1,2}[:：]\d{2}"  # a page's date with its time of day ("2012-02-28 11:43"): when it was put up
BOUNDARY = r"(?:^|(?<=[\s年在—:：(（“\"]))"


@dataclass(frozen=True)
class Found:
    value: str
    source: str  # where it was read, in Chinese for staff


def cues() -> dict[str, tuple[str, ...]]:
    return datafiles.table(INDEX_DATA / "report_cues.tsv")


def dateline_words() -> tuple[str, ...]:
    """The words closing a news dateline after its day ("长春17日电", "大众网青岛2月19日讯")."""
    return cues().get("dateline", ())


def offices() -> tuple[str, ...]:
    """The offices of people who deliver reports (省长, 市长, 党工委书记…)."""
    return cues().get("office", ())


def alt(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def date(year: str, month: str, day: str | None) -> str:
    return f"{int(year):04d}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")


_CN_DATE = re.compile(r"[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?")
_COMPACT_DATE = re.compile(r"((?:19|20)\d{2})([01]\d)([0-3]\d)日")
_YEAR_LOST = re.compile(r"(?<!\d)((?:19|20)\d{2})(1[0-2]|[1-9])月(?=\s*[0-3]?\d\s*日)")  # "20142月25日": 年 dropped


def in_digits(text: str) -> str:
    """A date in Chinese numerals ("二〇二六年一月二十七日"), run together ("20231219日") or with its 年 dropped
    ("20142月25日") written the common way (2026年1月27日), so one pattern reads every delivery line."""
    import cn2an  # when a report's opening is read (adding or building), not on every import

    text = _CN_DATE.sub(lambda m: cn2an.transform(m[0], "cn2an"), text)
    text = _COMPACT_DATE.sub(lambda m: f"{m[1]}年{int(m[2])}月{int(m[3])}日", text)
    return _YEAR_LOST.sub(r"\1年\2月", text)


def head(text: str) -> str:  # a delivery line broken after its place ("…日在准格尔旗" / "第十六届…会议上") is one,
    meeting = alt(cues().get("meeting", ())) or "(?!)"  # blank lines between too ("…第十八届\n\n  人民代表大会…")
    return re.sub(rf"({DATE}\s*在[^。，,\n]{{0,30}})\s*\n\s*(?=[^。，,\n]{{0,30}}(?:{meeting})上)", r"\1", in_digits(text[:HEAD_CHARS]))


def head_lines(text: str) -> list[str]:
    lines = head(text).splitlines()
    if len(text) > HEAD_CHARS and text[HEAD_CHARS - 1] != "\n":
        lines = lines[:-1]  # cut off by HEAD_CHARS: a piece of a paragraph, not a title
    return [ln.strip().lstrip("#").strip() for ln in lines if ln.strip()]
