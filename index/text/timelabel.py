"""Time labels: the year (or span of years) a clause's figures speak of, and their kind.

Kinds: a result (achieved), a target (planned), an estimate (预计, before the year's statistics
are final). A figure said of a multi-year period (十四五, 年均, 累计, 到2030年) carries its span.
Every label says where it came from:
- `year`: a year the clause names itself (explicit years always win);
- `cue`: its own words: the kind words of `kind_signals.tsv`, read with its paragraph's
  (`sentence_kind`), else the weighted cue words of `timecues.tsv`;
- `section`: its section ("一、2024年工作回顾": `periods.tsv` and `section_scopes.tsv` in its titles);
- `context`: the paragraph or passage before it, where no section says anything; the sentence before it
  that names its year, where its own words are only weak cue words (完成, 新增);
- `date`: the report's date. One delivered in the first half of year Y reviews Y−1 and plans Y; one from
  October on (a year-end review) reviews Y and plans Y+1 (`Frame`).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from dataclasses import dataclass, replace
from pathlib import Path

from index import datafiles
from index.datafiles import INDEX_DATA
from index.text.bases import without_bases
from index.text.kindwords import kind_signals, opening, said_kinds, without_purposes
from index.text.normalise import fold
from index.text.periods import counted_periods, period_years, periods
from index.text.vocabulary import load_vocab
from index.text.yearpart import names_part, part_named

RESULT, TARGET, ESTIMATE = "result", "target", "estimate"
SPAN = "span"  # a cue kind only: the clause speaks of its section's period
MET, GOAL = "met", "goal"  # cue kinds only: a verb saying a target was met, and the target's word
# cue kinds only: words naming a section's period as a whole ("过去五年"), or one year ("过去一年")
WHOLE, ONE_YEAR = "whole", "one_year"
HEAD = "head"  # cue kind only: a kind word that, opening a sentence, speaks for all its clauses
REACH, TOTAL = "reach", "total"  # cue kinds only: a word before a level reached, and one saying a total
RECENT = "recent"  # cue kind only: words naming the years up to a report together ("近年来")
MET_REACH = 8  # characters between such a verb and its target word ("完成全年主要目标任务")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_CHINESE_YEAR = re.compile(r"([〇零一二三四五六七八九]{4})(?=\s*年)")  # 二〇三五年, as a report may write it
_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0"}
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.]|\s*[月日])")  # a figure, not a date
_FULL_STOP = re.compile(r"[。！？!?]+")  # a sentence's end; its clauses end at ；
_CLAUSE_STOP = re.compile(r"[；;]")
DECISIVE_LEAD = 2  # a clause's own cue words decide its kind when they lead by this much…
SECTION_LEAD = 4  # …and override what its section says only when they lead by this much
PARAGRAPH_SAYS = 2  # sentences of a paragraph whose kind words its other sentences take
YEAR_END_MONTH = 10  # a report dated from this month on reviews its own year
# "从11.37万亿元提高到14.58万亿元", "由2020年的10.5万元增加到2025年的14万元", "由2012年的14.6:53.1:32.3
# 调整为2016年的13.3:47.6:39.1": a change over a period, whose last figure is the state at the period's end
CHANGE_TO = "到至为"  # the words saying where a change went
FROM_TO = re.compile(rf"[从由][^，。；;]{{0,30}}?\d[^，。；;]{{0,30}}?[{CHANGE_TO}][^，。；;]{{0,20}}?\d[^，。；;]*")


HISTORY = 20  # years before the one a report reviews: a year named that long before is history, no context


@dataclass(frozen=True)
class Frame:
    """What "now" is for one report: the year it reviews and the year it plans."""

    year: int  # the report's own year, for 今年/去年 written in it
    review: int
    plan: int
    in_year: bool = False  # figures of part of its own year (前三季度): that year is still "now"

    @classmethod
    def of(cls, date: str, in_year: bool = False) -> "Frame":
        """`in_year`: it covers part of its own year ("1-9月"), or from October on still plans it."""
        y, month = _year_month(date)
        return cls(y, y, y + 1, in_year) if month >= YEAR_END_MONTH or in_year else cls(y, y - 1, y)

    @classmethod
    def of_report(cls, info: Mapping) -> "Frame":
        """A report's frame from its index entry (`Document.info()`: date, part_year, plans_own_year)."""
        return cls.of(info.get("date", ""), "part_year" in info or "plans_own_year" in info)

    @property
    def now(self) -> int:
        """The year a citizen reading the report means by 今年: the year it plans (a report of
        December 2023 reviews 2023 and plans 2024, asked about afterwards), or for a report on part
        of a year, that year."""
        return self.review if self.in_year else self.plan

    def year_of(self, kind: str | None) -> int | None:
        """A target's year is "now": a report on part of its year sets (or restates) that year's
        whole-year targets ("全年力争…") and plans no later year unless it names one."""
        return {RESULT: self.review, ESTIMATE: self.review, TARGET: self.now}.get(kind or "")


def _year_month(date: str) -> tuple[int, int]:
    year, _, rest = date.partition("-")
    return int(year), int(rest[:2]) if rest[:2].isdigit() else 1


def plans_own_year(text: str, date: str) -> bool:
    """Whether a text from October on still plans its own year, as news of an October meeting may
    ("力争2010年实现地区生产总值200亿元"): a sentence pledges a figure of that year (`pledged`) and
    the text names no later year. Like news of part of a year, it reports on its year under way,
    so its 今年 is that year (`Frame.in_year`), not the next."""
    year, month = _year_month(date)
    # a later period's start it looks to ("为“十二五”发展开好局") is no later year it plans
    if month < YEAR_END_MONTH or any(y > year for y in years_in(text, year, of_periods=False)):
        return False
    return any(pledged(s) and year in years_in(s, year) and _figure(s) for s in re.split(r"[。！？!?；;\n]", text))


def _figure(text: str) -> bool:
    return any(not _YEAR.match(text, m.start()) for m in _NUMBER.finditer(text))


@dataclass(frozen=True)
class TimeLabel:
    year: int | None  # None for a total over a past period
    kind: str | None  # RESULT, TARGET, ESTIMATE or None
    span: tuple[int, int] | None = None  # first and last year of a multi-year figure
    source: str = ""  # year | cue | section | context | date | meeting (a count of the meeting itself)
    # the part of the year a figure covers ("前三季度", "1-9月"), not the whole year: `_part_gone`, `evidence.in_part`
    part: str = ""

    def describe(self) -> str:
        kind = {RESULT: "完成情况", TARGET: "目标", ESTIMATE: "预计"}.get(self.kind or "", "")
        if self.span:
            return f"{self.span[0]}—{self.span[1]}年{kind}"
        return f"{self.year}年{self.part}{kind}" if self.year else kind


@dataclass(frozen=True)
class Scope:
    """What a section's titles say of the sentences under it."""

    kind: str | None = None
    year: int | None = None
    period: tuple[int, int] | None = None
    # a title naming a past period's review and a coming one's plan ("“十四五”时期发展成就和“十五五”
    # 时期主要目标任务"): a sentence's own kind says which of them its 年均/累计 speaks of
    periods: tuple[tuple[int, int], ...] = ()


def load_cues(path: Path = INDEX_DATA / "timecues.tsv") -> tuple[tuple[str, int, str], ...]:
    """(kind, weight, cue word) triples, longest cue first."""
    return _sorted_cues(datafiles.rows(path, 3))


@lru_cache(maxsize=4)
def _sorted_cues(rows: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, int, str], ...]:
    """Sorted once per version of the file (its rows), not once per clause labelled."""
    cues = [(kind, int(weight), fold(w)) for kind, weight, words in rows for w in words.split("|") if w]
    return tuple(sorted(cues, key=lambda c: len(c[2]), reverse=True))


def section_words() -> dict[str, tuple[str, ...]]:
    return datafiles.table(INDEX_DATA / "section_scopes.tsv")


def cue_scores(text: str) -> dict[str, int]:
    """Weighted cue counts per kind. A longer cue hides the shorter ones inside it; a target
    said to be met ("顺利完成全年主要目标任务") counts for a result, not its target words for a plan."""
    text = fold(text)
    scores = {RESULT: 0, TARGET: 0, ESTIMATE: 0, SPAN: 0}
    met = _met(load_cues())
    if met is not None:
        text, n = met[0].subn("\0", text)
        scores[RESULT] += met[1] * n
    for kind, weight, word in load_cues():
        if kind in (MET, GOAL, WHOLE, ONE_YEAR, HEAD, REACH, TOTAL, RECENT):
            continue
        n = text.count(word)
        if n:
            scores[kind] = scores.get(kind, 0) + weight * n
            text = text.replace(word, "\0")
    return scores


@lru_cache(maxsize=4)
def _met(cues: tuple[tuple[str, int, str], ...]) -> tuple[re.Pattern, int] | None:
    """The pattern of a target said to be met, a `met` verb then a `goal` word in its clause
    (`timecues.tsv`), and its weight; None when the file has none."""
    verbs = [w for kind, _, w in cues if kind == MET]
    goals = [w for kind, _, w in cues if kind == GOAL]
    if not verbs or not goals:
        return None
    weight = max(wt for kind, wt, _ in cues if kind == MET)
    verb, goal = ("|".join(map(re.escape, words)) for words in (verbs, goals))
    return re.compile(f"(?:{verb})[^，,。；;：:]{{0,{MET_REACH}}}?(?:{goal})+"), weight


def cue_kind(text: str, needed: int = DECISIVE_LEAD) -> str | None:
    """ESTIMATE when the clause says so; RESULT or TARGET when the cue words lead by `needed`."""
    scores = cue_scores(text)
    if scores[ESTIMATE]:
        return ESTIMATE
    lead = scores[RESULT] - scores[TARGET]
    if abs(lead) < needed:
        return None
    return RESULT if lead > 0 else TARGET


def pledged(text: str) -> bool:
    """Whether a clause says its figures are a target in words no review uses of a figure
    (`pledge`, `kind_signals.tsv`: 力争, 确保…), and no result's words."""
    folded = without_purposes(fold(text))
    return any(w in folded for w in kind_signals().get((TARGET, "pledge"), ())) and RESULT not in said_kinds(text)


def sentence_kind(sentence: str, paragraph: str = "") -> str | None:
    """RESULT or TARGET as a sentence tells on its own, with its paragraph, else None (see
    `kind_signals.tsv`): its own kind words; else its paragraph's; else, in a paragraph whose
    sentences mostly open with a plan's imperative verb, such an opening. Words that point both
    ways, or none, leave it unlabelled: a guess here is what an article without sections gets wrong."""
    own = said_kinds(sentence)
    if own:
        return own.pop() if len(own) == 1 else None
    sentences = [s for s in re.split(r"(?<=[。；;！!？?])", paragraph or sentence) if s.strip()]
    said = [kind for s in sentences for kind in said_kinds(s)]
    kinds = set(said)
    if len(kinds) > 1:
        return None
    if len(said) >= PARAGRAPH_SAYS:  # one word may be incidental ("累计" in a plan): a paragraph's kind needs two
        return kinds.pop()
    if RESULT in kinds:
        return None
    verbs = kind_signals().get((TARGET, "opening"), ())
    opens = [opening(s).startswith(verbs) for s in sentences]
    return TARGET if opening(sentence).startswith(verbs) and 2 * sum(opens) >= len(opens) else None


def announcement(head: str) -> str:
    """The clause announcing a list ("主要预期目标是：") that `head`, a sentence up to one of its
    clauses, ends in when it says its items' kind in kind words (`kind_signals.tsv`), with its
    colon; else "". Its items, cut apart at their semicolons, are read with it: "…实现10亿元，增长
    42.9%；" after "主要预期目标是：" is a target whatever its verbs."""
    m = re.search(r"([^，,；;。！!？?：:]*)[：:][^：:。！!？?]*$", fold(head))
    return m.group(1) + "：" if m and len(said_kinds(m.group(1))) == 1 else ""


def years_in(text: str, doc_year: int, of_periods: bool = True) -> list[int]:
    """Years named in `text`, relative ones from `doc_year`; with `of_periods`, a period's first or last in words."""
    text = period_years(text) if of_periods else text
    text = without_bases(_CHINESE_YEAR.sub(lambda m: "".join(_DIGIT[c] for c in m.group(1)), text))
    years = [int(y) for y in _YEAR.findall(text)]
    years += [doc_year + d for word, d in load_vocab().relative_years if word in text]
    return years


def periods_in(text: str) -> list[tuple[int, int]]:
    folded = without_bases(period_years(text))
    return [(a, b) for name, a, b in periods() if name in folded]


def _span_label(span: tuple[int, int], frame: Frame, source: str) -> TimeLabel:
    if span[1] < frame.plan:  # a total or average over a past period
        return TimeLabel(None, RESULT, span, source)
    return TimeLabel(span[1], TARGET, span, source)  # a goal for the period's end


def _change_over(span: tuple[int, int], frame: Frame, source: str) -> TimeLabel:
    """A from-to change: over a past period its end figure is also that year's result."""
    if span[1] < frame.plan:
        return TimeLabel(span[1], RESULT, span, source)
    return _span_label(span, frame, source)


def sentence_head(paragraph: str, start: int, end: int) -> str:
    """The opening clause of the sentence holding the clause `paragraph[start:end]`, up to its first
    figure and past its enumerating words (`opening`), when it holds a `head` kind word (`timecues.tsv`)
    and the clause is not the sentence's first: in "全年预计实现地区生产总值170.98亿元,增长8%;…;公共财政收入14.5亿元" every clause is an estimate.
    A clause that states its own kind word, or follows one that does, is read alone; one naming no year after
    an opening naming a part of the year ("今年1-8月，…；完成…") is read with it."""
    begin = max((m.end() for m in _FULL_STOP.finditer(paragraph, 0, start)), default=0)
    first = _CLAUSE_STOP.search(paragraph, begin, start)
    if first is None:
        return ""
    figures = (m.start() for m in _NUMBER.finditer(paragraph, begin, start) if not _YEAR.match(paragraph, m.start()))
    figure = next(figures, start)
    # its opening clause only: a kind word after "报告指出,一年来," is that clause's own
    head = re.split(r"[，,]", opening(paragraph[begin:figure]), maxsplit=1)[0]
    words, said = tuple(w for k, _, w in load_cues() if k == HEAD), fold(paragraph[first.end():end])
    if any(w in head for w in words) and not any(w in said for w in words):
        return head
    lead = re.split(r"[，,]", opening(paragraph[begin:first.start()]), maxsplit=1)[0]
    return lead if names_part(lead) and not years_in(said, 0) else ""


def label(text: str, frame: Frame, scope: Scope = Scope(), context: TimeLabel | None = None,
          paragraph: str = "", head: str = "") -> TimeLabel:
    """Label a clause; what it leaves open comes from its section (`scope`), else from its own
    words read with its `paragraph`, else from the passage before it (`context`), else from the
    report's date. A clause is read after the `head` of its sentence (`sentence_head`): an explicit
    kind word or a part of the year opening the sentence speaks for its clauses. Nothing of the year a
    report plans has happened when it is delivered but a part of it gone by (`_part_gone`): no other figure
    of that year or later is a result or its estimate ("2025年…预期目标是：…GDP预计增长7%以上" in February 2025)."""
    said = f"{head}，{text}" if head else text
    if (gone := _part_gone(said, frame, scope)) is not None:
        return TimeLabel(gone, RESULT, None, "cue", part_named(said))
    found = _label(said, frame, scope, context, paragraph)
    planned = found.kind in (RESULT, ESTIMATE) and found.span is None and (found.year or 0) >= frame.plan
    return replace(found, kind=TARGET, part="") if planned else found


def _label(text: str, frame: Frame, scope: Scope, context: TimeLabel | None, paragraph: str) -> TimeLabel:
    if context and context.year and context.year < frame.review - HISTORY:
        context = None  # "1930年互助正式建县": a year of the place's history dates only its own clause
    scores = cue_scores(text)
    years = years_in(_to_last_figure(text), frame.year)
    from_to = FROM_TO.search(fold(text))
    named = sorted(set(years_in(from_to.group(0), frame.year))) if from_to else []
    if len(named) == 2:
        first, last = named
        return _change_over((first + 1, last), frame, "year")
    if len(named) == 1 and named[0] < frame.review and _only_at_start(from_to.group(0)):
        # "由2007年的90.3亿元跃升到145.1亿元": a change from the year named up to the year reviewed
        return _change_over((named[0] + 1, frame.review), frame, "year")
    if not years and _of_meeting(text):  # said of the meeting's own day: an answer names that day, not a year
        return TimeLabel(frame.review, RESULT, None, "meeting")
    if years:
        return _explicit(years, cue_kind(text), frame, TARGET if scores[TARGET] > scores[RESULT] else RESULT,
                         pledged(text) or scope.kind == TARGET)
    spans = periods_in(text)
    if spans:
        return _span_label(spans[0], frame, "year")
    # a from-to with 年均/五年 may hold totals too: only a level reached beside its rate is the period end's
    if scope.period and (from_to and not scores[SPAN] or _reached_beside_rate(text)):
        return _change_over(scope.period, frame, "section")
    if scores[SPAN] and scope.period:
        return _span_label(scope.period, frame, "section")
    if scores[SPAN] and scope.periods:
        own = sentence_kind(text, paragraph) or cue_kind(text)
        period = next((p for p in scope.periods if own in (RESULT, TARGET) and (p[1] < frame.plan) == (own == RESULT)),
                      None)
        if period:
            return _span_label(period, frame, "section")
    # 累计/年均 of a period named by its length ("四年来…累计投入", "今后五年…年均增长9%"), its name's 五年 aside
    counted = counted_periods(text, frame.review, frame.plan)
    if counted and not scope.period and cue_scores(re.sub("|".join(re.escape(w) for _, w in counted), "", fold(text)))[SPAN]:
        return _span_label(counted[0][0], frame, "year")
    if counted and not scope.period and from_to:  # "70年来，…从…7991.5万元提高到133.64亿元，增长169倍": the period's
        return _change_over(counted[0][0], frame, "year")
    if _of_recent_years(text):  # "近年来，…先后引进各类项目116个": no year's, nor the year the text before named
        return TimeLabel(None, RESULT, None, "cue")
    if scope.kind:
        own = cue_kind(text, SECTION_LEAD)
        # a review headed with its year ("一、2022年政府工作回顾") holds for a sentence whose plan verbs
        # (坚持, 落实…) name no later year: that would be a year of its own, read above
        dated_review = scope.kind == RESULT and scope.year is not None and own == TARGET
        if own and own != scope.kind and not dated_review and (own == ESTIMATE or scope.kind not in said_kinds(text)):
            return TimeLabel(frame.year_of(own), own, None, "cue")
        if scope.year is None and scope.period:
            return _span_label(scope.period, frame, "section")
        return TimeLabel(scope.year or frame.year_of(scope.kind), scope.kind, None, "section")
    # an estimate says so itself; else the kind words, which abstain where they disagree; the
    # weighted cue counts only where those say nothing
    said = (ESTIMATE if scores[ESTIMATE] else None) or sentence_kind(text, paragraph)
    if not said and context and context.kind and (context.source == "year" or context.source == "context" and context.kind == RESULT):
        # weak cue words do not outweigh a year just named, nor a review the text before took from it: the paragraph
        # after "据了解，2012年，…" goes on of 2012 ("…推进工作指挥部，全力…，落实财政扶持资金2.36亿元"); a plan's
        # weak words after an estimate ("要持续加强产业创新") are still the plan's
        return replace(context, source="context")
    own = said or cue_kind(text)
    if own:
        # the same kind goes on in the same time: the year before it, or the past period it reviews
        # ("“十二五”期间，…生产总值达到…；境内财政收入43.58亿元…")
        if context and context.kind == own and (context.year or context.span):
            return TimeLabel(context.year, own, context.span, "cue")
        return TimeLabel(frame.year_of(own), own, None, "cue")
    if context and context.kind:
        return replace(context, source="context")
    return TimeLabel(None, None, None, "")


def _part_gone(text: str, frame: Frame, scope: Scope) -> int | None:
    """The report's year, when a clause states what was done in a part of it gone by ("今年1-8月，全区完成…",
    "今年以来…完成"): it names the part (`names_part`), no other year nor a period, the year named (今年, 2016年)
    or implied in a text reviewing its own year ("上半年，…" in January may be still to come); no estimate, pledge
    nor clearly planning cue words. Its figures are results, whatever the passage before it says."""
    years = set(years_in(_to_last_figure(text), frame.year))
    gone = names_part(text) and years <= {frame.year} and (years or frame.review == frame.year)
    planned = scope.kind == TARGET or cue_scores(text)[ESTIMATE] or pledged(text) or cue_kind(text) == TARGET
    return frame.year if gone and not planned and not periods_in(text) else None


def _reached_beside_rate(text: str) -> bool:
    """Whether a clause of a period's review states a level reached ("达29354元", "从1.66亿元增长到2.05亿元": `reach`,
    `timecues.tsv`) beside its rate over the period (年均: a `span` word), and no total (`total`: 累计): the level is
    the period's last year's, the rate the period's (an answer reads which of its figures says 年均)."""
    folded = fold(text)
    cues = load_cues()
    reach = "|".join(re.escape(w) for k, _, w in cues if k == REACH) or "(?!)"
    said = {k for k, _, w in cues if k in (SPAN, TOTAL) and w in folded}
    return said == {SPAN} and bool(FROM_TO.search(folded) or re.search(rf"(?:{reach})\s*\d", folded))


def _of_recent_years(text: str) -> bool:
    """Whether a clause speaks of the years up to its report together (`recent`, `timecues.tsv`: "近年来")."""
    folded = fold(text)
    return any(w in folded for k, _, w in load_cues() if k == RECENT)


def _of_meeting(text: str) -> bool:
    """Whether a clause counts the meeting delivering its report ("大会应到代表148名": `meeting`, `kind_signals.tsv`):
    a fact of the report's date, so a result as of it (of the year it reviews), whatever plan the passage before
    it sets out, and no result of the year it plans, which its narrative after it would go on in."""
    folded = fold(text)
    return any(w in folded for w in kind_signals().get((RESULT, "meeting"), ()))


def _only_at_start(change: str) -> bool:
    """Whether a from-to change names its year only where it starts, not where it ends."""
    start, end = (re.split(f"[{CHANGE_TO}]", change, maxsplit=1) + [""])[:2]
    return bool(_YEAR.search(start)) and not _YEAR.search(end)


def _to_last_figure(text: str) -> str:
    """`text` up to the end of the clause of its last figure, when a clause after it ends the
    sentence: a year named only there ("提出地区生产总值年均增长5%左右，为…实现2035年人均地区生产总值
    比2020年翻一番打好基础") is the time of another aim, not of the figures before it."""
    figures = [m for m in _NUMBER.finditer(text) if not _YEAR.match(text, m.start())]
    if not figures:
        return text
    end = re.search(r"[，,；;。！!？?]|$", text[figures[-1].end():])
    cut = figures[-1].end() + end.start()
    return text if re.search(r"[。！!？?]\s*\S", text[cut:]) else text[:cut]


def _explicit(years: list[int], kind: str | None, frame: Frame, lean: str = RESULT,
              planned: bool = False) -> TimeLabel:
    """A clause naming its years: a report looks back on earlier years and plans its year on. The
    year of a report on part of it is both: there the clause's cue words decide even where they
    only `lean` one way ("2018年全市力争…增长7.5%" against "2018年1-9月…增长7.2%"). A report from
    October on reviews its own year, unless the clause is `planned` (its pledge words or its plan
    section): "力争2010年实现…" in news of October 2010 is that year's target, whatever its verbs."""
    if kind in (RESULT, ESTIMATE) and any(y < frame.plan for y in years):
        year = max(y for y in years if y < frame.plan)
    elif kind == TARGET and any(y >= frame.now for y in years):
        year = min(y for y in years if y >= frame.now)
    else:
        year = years[0]
    if kind is None:
        kind = lean if frame.now <= year < frame.plan else RESULT if year < frame.plan else TARGET
    elif year > frame.plan:  # nothing is done yet in a year to come
        kind = TARGET
    elif kind == TARGET and year < frame.now:  # nor is anything still planned for a year gone by
        kind = RESULT
    if kind == RESULT and planned and year == frame.year:  # …but the report's own year is not gone by
        kind = TARGET
    if kind == TARGET and year > frame.plan + 1:  # 到2030年, 2035年: a goal for a period's end
        return TimeLabel(year, TARGET, (frame.plan, year), "year")
    return TimeLabel(year, kind, None, "year")
