"""Numbers that are no figures of anything (`bot.answering.facts` passes them over): the months and days of calendar
dates, the hours and minutes of a time of day, and a measure bounding a class of things ("5000万元以上项目")."""
from __future__ import annotations

import re

from bot.answering.vocabulary import alternation, figure_words, unit_group
from index.reading.metadata import dateline_words

_TO_MONTH = re.compile(r"[—\-~至到]\d{1,2}月")
_TO_ITS_DAY = re.compile(r"[—\-~至到]\d{1,2}[日号]")  # "5月17至18日": the range's first day, its 日 left out
_COMPACT_DAY = re.compile(r"(?:19|20)\d{2}[01]\d[0-3]\d")  # 20231219日
# the end of a range of days: "11月6日至10日", "1月11日开始到16日", "5月17至18日" (the first day's 日 left out)
_TO_DAY = re.compile(r"(?:\d日[^，。；,;\d]{0,3}|\d月\d{1,2})[至到—-]$")
# news giving the day without its month: a dateline's ("长春17日电", report_cues.tsv), or a clause that is the day
# alone or with its hour (figure_words.tsv `day_part`), opening the text or after a reporter's bracketed byline
_NEWS_DAY_BEFORE, _NEWS_DAY_AFTER = re.compile(r"(?:^|[)]\s*)$"), re.compile(r"\s*(?:[,;。]|$)")


def _in_a_date(text: str, m: re.Match, unit: str) -> bool:
    """"2025年1月13日", "3月14日", "11月6日至10日", "1—11月", "9月底前", "20231219日": the months
    and days of calendar dates are not figures, while "3个月" or "用时15日" are. A month right
    after its number is always the calendar's: a count of months is "N个月"."""
    if unit == "月" or (not unit and _TO_MONTH.match(text, m.end())):  # "1—11月"
        return True
    if not unit and text[m.start() - 1:m.start()] == "月" and _TO_ITS_DAY.match(text, m.end()):
        return True
    return unit in ("日", "号") and (text[m.start() - 1:m.start()] == "月" or bool(_COMPACT_DAY.fullmatch(m[2]))
                                    or bool(_TO_DAY.search(text, max(0, m.start() - 8), m.start()))
                                    or text.startswith(dateline_words(), m.end())
                                    or bool(_NEWS_DAY_BEFORE.search(text[:m.start()]) and (_NEWS_DAY_AFTER.match(
                                        text, m.end()) or text.startswith(figure_words().get("day_part", ()), m.end()))))


def _of_clock(text: str, m: re.Match, unit: str) -> bool:
    """"上午9时30分", "下午3点半", "上午9:30": the hour and minutes of a time of day (figure_words.tsv `hour`,
    `hour_said` after a `day_part` or before its minutes, `minute` after an hour) are no figures."""
    words = figure_words()
    before, after = text[:m.start()], text[m.end():]
    day_part = before.rstrip().endswith(words.get("day_part", ()) or ("\0",))
    if unit or m.group(1) or m.group(4):
        return False
    if ":" in m.group(2) or "：" in m.group(2):
        return day_part  # "上午9:30"; else a ratio ("33:14:53")
    hour = next((w for w in words.get("hour", ()) + words.get("hour_said", ()) if after.startswith(w)), None)
    if hour is not None:
        minutes = re.match(rf"(?:\d+\s*)?(?:{alternation(words.get('minute', ()))})", after[len(hour):])
        return hour in words.get("hour", ()) or day_part or bool(minutes)
    return bool(re.search(rf"\d\s*(?:{alternation(words.get('hour', ()) + words.get('hour_said', ()))})$", before)) \
        and after.startswith(words.get("minute", ()) or ("\0",))


def _size_class(text: str, m: re.Match, unit: str) -> bool:
    """"5000万元以上项目投资", "亿元以上企业": a measure's figure with a mark of a bound (figure_words.tsv `size_class`)
    and a name right after it is a class of the things named, not an amount of anything."""
    words = figure_words()
    if unit_group(unit) not in words.get("size_class_group", ()):
        return False
    after = text[m.end(3) if m.group(3) else m.end(2):]
    mark = next((w for w in words.get("size_class", ()) if after.startswith(w)), None)
    return mark is not None and bool(re.match(r"[\u4e00-\u9fff“]", after[len(mark):]))


def no_figure(text: str, m: re.Match, unit: str) -> bool:
    """Whether the number `m` matched in `text` (groups: 第, the number, its unit, a bound such as 以上), of
    `unit`, is part of a date, a time of day or a class's name rather than a figure."""
    return _in_a_date(text, m, unit) or _of_clock(text, m, unit) or _size_class(text, m, unit)
