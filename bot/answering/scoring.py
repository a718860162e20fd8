"""Evidence → ranked candidates: which figure or sentence answers, and why it beat the others.

Every figure of every fitting sentence is a `Candidate`. Whether to answer at all is decided by
its confidence alone:

    confidence = coverage × unit agreement   (1, or UNIT_MISMATCH when the unit is not the one asked;
                                              0 for a unit group that alone answers, `strict_unit`)

Which candidate answers is decided by `Candidate.preference`, compared in this order:
1. confidence;
2. of_year: a figure of the whole year beats one of a part of it gone by ("1-10月"), unless that part is asked
   (`of_the_year`), so a year's estimate answers for the year before the months so far do;
3. final: an actual figure beats an estimate (预计) of the same thing, so once a later report
   gives the actual result, that wins;
4. one_year: a figure of the year itself beats a period's change that ends in it
   ("增长3.9%" over "十四五…从11.37万亿元提高到14.58万亿元" for 2025) and a statement about a
   period or a milestone, or one said against another figure (`figure_words.tsv`: "连续13年稳定在
   430亿斤以上", "迈上…台阶", "高于全省0.4个百分点"), or a threshold passed ("突破2500亿元" before
   "达到2600亿元", or beside "两税收入4001万元" said elsewhere: `threshold`), or the year's addition to a stock asked
   ("高企总数达到476户" over "新认定高新技术企业227户");
5. unit_exact: the figure's own unit is the one asked, not only its growth rate's
   ("GDP增速" prefers "增长7.1%" on a rate, "GDP多少亿元" prefers "762亿元" over a rate);
6. whole: not a part given after its whole ("财政总收入30.9亿元，其中地方财政收入17.3亿元": 17.3亿元
   is a part, unless the question names the part; of a metric asked by a loose name, one named by
   the narrower metric only: `_narrower`), even when the part's clause names more of the question
   ("财政总收入突破亿元大关，实现11338万元，…一般预算收入完成7309万元" for 财政收入), then
   clause_coverage: its own clause names more of the question, then named_as: by a fuller name of the metric ("城镇新增就业
   110万人" over "农村劳动力转移就业40万人" for 城镇新增就业, "固定资产投资增长1.6%" over
   "工程项目完成投资1.22万亿元" for 固定资产投资), then asked_name: of items listed in one clause, the
   one naming the metric by the question's own name ("完成到账外资1.87亿美元、外商投资5亿美元" for
   到账外资, both names of 实际使用外资);
7. states_change: when a change is asked ("增长了多少"), a figure that comes with one; when a
   level is asked ("GDP是多少"), a level rather than an increase ("全省共增加2702亿元");
8. one_kind: a count of the kind asked alone ("其中,签约项目11个"), not of it listed with other kinds
   ("签约、协议、意向项目累计23个") the question does not name (sentences/kinds.py), wherever its passage ranks;
9. dated: a sentence dated by a year it names or by its section beats one dated by cue words
   alone, as a review also tells what was done with 推进/打造/超过;
10. retrieval_rank: the better-ranked passage;
11. of_part: a figure said after the part of the year asked its sentence names ("到10月底完成了多少");
12. distinct: of a passage's clauses, the one saying more of the question than the rest ("实到代表113人", not "应到代表127人").
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.answering.comparison import gap_to_another_level, states_completion
from bot.answering.evidence import (Evidence, before_the_part, change_since, counted_before, coverage, distinct, given,
                                     named_before, of_a_thing_after, of_a_thing_before, time_agrees, unit_agrees)
from bot.answering.facts import Fact, extract, segments, values_in
from bot.answering.reading.asks import names_part
from bot.answering.reading.metric_forms import as_named
from bot.answering.reading.quantity_words import asks_completion, asks_people
from bot.answering.reading.question import Question
from bot.answering.sentences.dated import aside_year
from bot.answering.sentences.groups import one_group_of_both
from bot.answering.sentences.kinds import of_kinds_listed
from bot.answering.sentences.quoting import says_asked_name, window
from bot.answering.reading.word_numbers import as_written, ordinals
from bot.answering.vocabulary import alternation, cues, figure_words, unit_group
from index.text.bases import base_years
from index.text.chunking import headed
from index.text.normalise import fold
from index.text.timelabel import ESTIMATE, RESULT, SPAN, TimeLabel, cue_scores
from index.text.vocabulary import load_vocab

UNIT_MISMATCH = 0.7
MILESTONE_TAIL = 2  # characters after a figure that may make it a milestone: "…万亿元台阶"


@dataclass(frozen=True)
class Candidate:
    """One possible answer: a figure (or, for lists and names, a whole sentence) and its scores."""

    evidence: Evidence
    fact: Fact | None  # None for a sentence answer
    window: str  # the words to quote
    confidence: float
    unit_exact: bool = True
    clause_coverage: float = 0.0
    states_change: bool = True
    of_period: bool = False  # its clause speaks of a period, a milestone, another figure or an addition, not the year's level
    named_as: int = 0  # the length of the fullest name of the metric its clause gives
    whole: bool = True  # not a part of the figure before it ("其中…"), or the part the question names
    asked_name: bool = True  # of a list's items, its own names the metric by the question's own name
    of_part: bool = True  # not said before the part of the year asked that its sentence names
    one_kind: bool = True  # not a count of several kinds listed of which the question names one ("签约、协议、意向项目")
    distinct: int = 0  # pairs of characters of the question its clause says and its sentence's other figures' do not
    of_year: bool = True  # of the whole year, or of the part of it asked

    @property
    def agrees(self) -> bool:
        """In the unit asked, or one its metric is measured in: no UNIT_MISMATCH taken."""
        return self.confidence == self.evidence.coverage

    @property
    def retrieval_rank(self) -> int:
        return self.evidence.hit.rank

    @property
    def final(self) -> bool:
        return self.evidence.label.kind != ESTIMATE

    @property
    def one_year(self) -> bool:
        return self.evidence.label.span is None and not self.of_period

    @property
    def dated(self) -> bool:
        return self.evidence.label.source in ("year", "section")

    def preference(self) -> tuple[float, bool, bool, bool, bool, bool, float, int, bool, bool, bool, bool, int, bool, int]:
        """The sort key, larger is better: see the module docstring for the order and why."""
        return (self.confidence, self.of_year, self.final, self.one_year, self.unit_exact, self.whole,
                self.clause_coverage, self.named_as, self.asked_name, self.states_change, self.one_kind,
                self.dated, -self.retrieval_rank, self.of_part, self.distinct)

    def explain(self) -> str:
        """The confidence, its factors and where the evidence stands, for logs and the eval report."""
        ev = self.evidence
        missing = f"，缺少{'、'.join(ev.missing)}" if ev.missing else ""
        return (f"confidence {self.confidence:.2f} = coverage {ev.coverage:.2f}{missing}"
                f" × unit {self.confidence / ev.coverage if ev.coverage else 0:.1f}; "
                f"label {ev.label.year} {ev.label.kind}; retrieval rank {ev.hit.rank}")


def rank(candidates: list[Candidate]) -> list[Candidate]:
    """Best first, by `Candidate.preference`; the sort is stable, so full ties keep reading order."""
    return sorted(candidates, key=Candidate.preference, reverse=True)


def figure(q: Question, ev: Evidence, fact: Fact) -> Candidate:
    """Score one figure of an evidence sentence against the question."""
    completion = asks_completion(q.normalised)  # only the share its report states, never one worked out
    # the share of its target stated is what is asked, though its clause says 占 ("占全年任务的194%")
    agrees = states_completion(fact) if completion else unit_agrees(q, fact)
    strict = q.unit in cues().get("strict_unit", ()) or q.unit == "count" and asks_people(q.normalised) or completion
    mismatch = 0.0 if strict else UNIT_MISMATCH
    return Candidate(
        ev, fact, as_written(window(ev, fact, q), ev.sentence) if q.unit == "rank" else window(ev, fact, q),
        confidence=ev.coverage * (1.0 if agrees else mismatch),
        unit_exact=q.unit is None or unit_group(fact.unit) == q.unit or (q.asks_change and agrees),
        clause_coverage=coverage(q, fact.item or counted_before(ev.sentence, fact, _as_read(ev, fact, q)), require_metric=False)[0],
        states_change=fact.states_change if q.asks_change else not fact.is_change,
        of_period=_of_period(fact) or _addition(q, fact) or fact.passed,
        named_as=_named_as(q, fact.window) or _reached(q, ev, fact),
        whole=not _a_part(q, fact.window, tuple(segments(ev.sentence)[:fact.segment])) and not _narrower(q, ev, fact),
        asked_name=not (fact.item and q.metrics) or says_asked_name(q, fact.item),
        of_part=not before_the_part(q, ev, fact), distinct=distinct(q, ev.sentence, fact), of_year=of_the_year(q, ev),
        one_kind=not of_kinds_listed(tuple(t.text for t in q.terms if t.text not in q.places), q.normalised,
                                     _up_to(fact)))


def _up_to(fact: Fact) -> str:
    """The figure's own words up to it: its item of a list, or its clause."""
    own = fact.item or fact.window
    return own[:own.find(fact.value)] if fact.value in own else own


def _as_read(ev: Evidence, fact: Fact, q: Question) -> str:
    """The figure's clause read after the clauses before it (`headed`), as a question matches its
    sentence: "累计支出64338万元" after "财政总收入…" is 财政支出's. A change clause of its own naming no metric
    is the change of the metric named last before it, and read with that name: "全市生产总值2235.29亿元，…，
    两年平均增长4.1%" is 全市生产总值两年平均增长4.1% (not a change beside a level: "达到1.3万亿元、增长5.8%")."""
    before = segments(ev.sentence)[: fact.segment]
    said = fold("，".join(before + [fact.window]))
    read = headed(ev.hit.chunk.lead, said)
    read = fact.window if read == said else "，".join(segments(read)[len(before):])
    if not (fact.is_change and q.metrics and len(values_in(fact.window)) == 1) or q.terms[0].found_in(fold(read)):
        return read
    named = next((s for s in reversed(before) if q.terms[0].found_in(fold(s))), "")
    found = values_in(named)
    return (named[: found[0][0]] if found else named) + read


def amounts(ranked: list[Candidate]) -> list[Candidate]:
    """The candidates that are the metric's amount, in their order: a figure that is neither a rate
    nor a rank nor a multiple (`not_amount`), in a clause that names the metric asked ("全省生产总值增长到2025年的
    4.93万亿元") or whose subject is its amount ("外贸进出口增长8.4%，总额突破8000亿元"), not another
    metric's amount in a later clause ("GDP增长5.6%，一般公共预算收入4398.6亿元")."""
    subjects = figure_words().get("amount", ())
    return [c for c in ranked if unit_group(c.fact.unit) not in cues().get("not_amount", ()) and c.agrees
            and (c.named_as or fold(c.fact.window).startswith(subjects))]


def _named_as(q: Question, clause: str) -> int:
    """The length of the longest name of the metric asked that `clause` gives, 0 for none; a list
    mark inside a name ("城、乡居民…") is no part of it."""
    folded = fold(clause)
    return max((len(f.replace("、", "")) for f in q.terms[0].forms if f in folded), default=0) if q.metrics else 0


def _reached(q: Question, ev: Evidence, fact: Fact) -> int:
    """"地区生产总值增长14%以上，力争达296亿元": a clause opening on a word of reach alone, an aim before it at
    most (figure_words.tsv `reach`, `aim`), names no subject: its figure is the level of the metric the clause
    before it names (`_named_as` of that clause)."""
    at = fact.window.find(fact.value)
    words = alternation(figure_words().get("aim", ()) + figure_words().get("reach", ()))
    if not fact.segment or at < 1 or not words or re.sub(words, "", fold(fact.window[:at])):
        return 0
    return _named_as(q, segments(ev.sentence)[fact.segment - 1])


def _a_part(q: Question, clause: str, before: tuple[str, ...] = ()) -> bool:
    """Whether the clause gives a part of the figure before it (figure_words.tsv `part`: "其中地方
    财政收入17.3亿元"), by a name of the metric other than the question's own ("财政收入多少" is
    not asking for the 地方财政收入 within it; "地方财政收入多少" is). So does a clause after one
    naming the metric by the question's own name (`before`, the sentence's clauses before it) that
    names it otherwise, not by a fuller form of that name: "完成到账外资1.87亿美元，外商投资5亿美元"
    for 到账外资 ("加强就业帮扶，确保城镇新增就业100万人" is still 新增就业)."""
    if not q.metrics:
        return False
    folded, forms = as_named(fold(clause)), q.terms[0].forms  # "规模以上工业力争完成增加值": 规模以上工业增加值
    fullest = max((f for f in forms if f in folded), key=len, default="")
    asked = [f for f in forms if f in q.normalised]
    if fullest and (fullest in q.normalised or _qualified_alike(fullest, max(asked, key=len, default=""))):
        return False
    if folded.startswith(figure_words().get("part", ()) or ("\0",)):
        return True
    if not fullest or any(f in fullest for f in asked):  # the name asked, said in full (城镇新增就业)
        return False
    return any(f in fold(c) for f in asked for c in before)


def _qualified_alike(said: str, asked: str) -> bool:
    """Whether a clause's name and the question's both qualify the name they end on, each in its own words: "规模以上
    工业增加值" and "规上工业增加值" name the part asked ("工业增加值" asks the whole, "规上…" the part)."""
    tail = next((said[i:] for i in range(len(said)) if asked.endswith(said[i:])), "")
    return bool(tail) and len(said) > len(tail) and len(asked) > len(tail)


def _narrower(q: Question, ev: Evidence, fact: Fact) -> bool:
    """Whether a figure asked by a loose name (`Term.wider`) is named, in its list item or nearest
    clause naming the metric, by the narrower metric only: "财政收入破亿了没" asks the 财政总收入
    of "财政总收入突破亿元大关，实现11338万元，…一般预算收入完成7309万元", not the 一般预算收入."""
    wider = q.terms[0].wider if q.metrics else ()
    if not wider:
        return False
    segs = segments(ev.sentence)[: fact.segment] + [fact.item or fact.window]
    named = next((f for s in reversed(segs) if q.terms[0].found_in(f := fold(s))), "")
    return not any(w in named for w in wider)


def _of_period(fact: Fact) -> bool:
    """Whether the figure's clause speaks of a period or a milestone up to the figure ("连续13年
    稳定在430亿斤以上", "迈上1万亿元台阶"), not after it ("增长3.9%、总量连续37年居全国首位"), or
    measures it against another figure ("增速高于全省0.4个百分点")."""
    end = fact.window.find(fact.value)
    head = fact.window[: end + len(fact.value) + MILESTONE_TAIL] if end >= 0 else fact.window
    return any(w in head for w in figure_words().get("period", ()) + figure_words().get("relative", ()))


def _addition(q: Question, fact: Fact) -> bool:
    """Whether the figure is the year's addition to what was asked ("新认定高新技术企业227户" for
    "高企有多少"), not its level: an addition word in its clause up to the figure that is neither
    in the question nor part of a name of the metric (城镇新增就业 is a metric of its own)."""
    words = [w for w in figure_words().get("addition", ()) if w not in q.normalised]
    if not words:
        return False
    end = fact.window.find(fact.value)  # up to the figure: "增长5.3%、增量保持全国第一" is a level
    clause = fold(fact.window[: end + len(fact.value)] if end >= 0 else fact.window)
    for form in sorted(q.terms[0].forms if q.metrics else (), key=len, reverse=True):
        clause = clause.replace(form, "\0")
    return any(w in clause for w in words)


def figures(q: Question, evidence: list[Evidence], year: int | None = None, kind: str | None = None,
            timely: bool = True) -> list[Candidate]:
    """Every figure of the evidence that covers the question, ranked best first.

    Only sentences about the year and kind asked (or `year`/`kind` when given); with
    timely=False, only those about another year or kind — what "资料中只有…" can offer.
    """
    return rank(_reached_elsewhere(_period_ends(q, [figure(q, at, fact) for ev in evidence if ev.coverage
                 for fact in extract(ordinals(ev.sentence) if q.unit == "rank" else ev.sentence)
                 if _not_a_start(q, fact, year) and named_before(q, ev, fact) and not _of_a_city_within(q, ev, fact)
                 and not _contradicts(q, fact) and not given(q, fact) and not gap_to_another_level(q, fact)
                 and not of_a_thing_after(q, fact) and not of_a_thing_before(q, ev, fact)
                 and not one_group_of_both(" ".join((q.normalised, *q.metrics[:1])), fact.window)
                 for at in (_dated(ev, fact, q.span, q.asks_change and (year or q.year) is not None),) if _timely(q, at, fact, year, kind) == timely])))


def _contradicts(q: Question, fact: Fact) -> bool:
    """Whether the figure's own clause says another of a set of words that exclude each other
    (figure_words.tsv `excludes:`: 应到|实到) than the one the question says: "应到代表127人" is no
    answer to "实到代表多少人", even where the report states no other."""
    said = fold(fact.item or fact.window)
    for key, words in figure_words().items():
        asked = [w for w in words if w in q.normalised] if key.startswith("excludes:") else []
        if asked and not any(w in said for w in asked) and any(w in said for w in words):
            return True
    return False


def _not_a_start(q: Question, fact: Fact, year: int | None) -> bool:
    """Whether the figure is not where a from-to change starts, or starts from the very year asked
    ("由2007年的90.3亿元跃升到…" answers for 2007): an earlier level answers for no other year."""
    asked = year if year is not None else q.year
    return not fact.opening or (fact.since is not None and fact.since == asked) or _says_its_start(q, fact)


def _says_its_start(q: Question, fact: Fact) -> bool:
    """Whether the question says the words a from-to change's start is named by before its metric,
    other than a year: "由初期财政收入275万元…攀升至…" answers "建区初期财政收入多少". Only words after 从/由 name
    the start: in "互助县地区生产总值从改革开放之初的7991.5万元…" the place before them names whose it is."""
    head, _, subject = fold(fact.subject).rpartition("从") if "从" in fact.subject else fold(fact.subject).rpartition("由")
    at = min((i for t in q.terms[:1] for f in t.forms if (i := subject.find(fold(f))) >= 0), default=0)
    if not at and q.metrics and q.terms[0].found_in(head):  # "…生产总值从改革开放之初的…": all after 从 names the start
        return len(subject.rstrip("的")) >= 2 and subject.rstrip("的") in q.normalised
    return at >= 2 and subject[:at] in q.normalised


def _reached_elsewhere(found: list[Candidate]) -> list[Candidate]:
    """A threshold passed ("两税收入首次突破4000万元", figure_words.tsv `threshold`) is a milestone where another figure
    of its year in its unit, naming the metric, is at or beyond it ("两税收入4001万元"): that is the figure reached,
    said in another sentence as a next clause says it ("突破2500亿元，达到2600亿元": `word_numbers.beyond_thresholds`)."""
    words = figure_words().get("threshold", ())
    def passing(c: Candidate) -> bool:
        return c.fact.subject.endswith(words) and not c.fact.passed
    def reached(c: Candidate) -> bool:
        return any(not passing(d) and d.named_as and d.fact.unit == c.fact.unit and d.fact.number >= c.fact.number
                   and d.evidence.label.year == c.evidence.label.year for d in found)
    return [replace(c, of_period=True) if words and passing(c) and reached(c) else c for c in found]


def _period_ends(q: Question, found: list[Candidate]) -> list[Candidate]:
    """A level a period ended on (`_dated`: "过去五年…生产总值6.66万亿元") is its last year's own
    figure where that year states none in its unit ("生产总值增长5.6%" is a rate): so it is told as
    that year's, and not passed over for the rate. Where the year states one ("城镇新增就业121.7万人"
    beside the five years' "603.7万人"), the year's wins (`one_year`). Not when the period is asked, by name
    or as the years up to a report ("这几年一共…")."""
    if q.span is not None or q.over_years:
        return found
    def end_level(c: Candidate) -> bool:
        tl = c.evidence.label
        return (tl.span is not None and tl.year == tl.span[1] and tl.kind == RESULT and not c.fact.states_change
                and not c.fact.reached)  # a from-to change's end is the period's change ("从…提高到14.58万亿元")
    own = {(c.evidence.label.year, unit_group(c.fact.unit)) for c in found if c.one_year}
    return [replace(c, evidence=replace(c.evidence, label=replace(c.evidence.label, span=None)))
            if end_level(c) and (c.evidence.label.year, unit_group(c.fact.unit)) not in own else c for c in found]


def _of_a_city_within(q: Question, ev: Evidence, fact: Fact) -> bool:
    """Whether the figure's clause opens with a city (`cities.txt`) its report's place is not named
    after: "酒泉经济总量突破千亿" in a province's report is 酒泉's figure, not the province's. Not
    where the question says the city's name itself: then it is part of what is asked (宁波舟山港)."""
    clause = fold(segments(ev.sentence)[fact.segment]) if fact.segment < len(segments(ev.sentence)) else ""
    city = next((c for c in load_vocab().cities if clause.startswith(c)), None)
    return city is not None and city not in fold(ev.hit.doc.get("place", "")) and city not in q.normalised


def _over_since(q: Question, ev: Evidence, fact: Fact, asked: int | None) -> bool:
    """Whether the figure is a past period's change, in a sentence naming the year before the period ("四年来…经济总量净增加
    822.4亿元，是2012年的1.5倍"), asked against that year ("比12年多了多少": a base the question compares with)."""
    tl = ev.label
    return (fact.is_change and tl.span is not None and tl.kind == RESULT and asked == tl.span[0] - 1
            and asked in base_years(q.normalised) and f"{asked}年" in ev.sentence)


def _timely(q: Question, ev: Evidence, fact: Fact, year: int | None, kind: str | None) -> bool:
    """`time_agrees`, and with no year asked, a level a reviewed period ended on ("人均GDP提高到
    2025年的7.4万元", "地方财政收入达到4.3亿元，年均增长16.9%") is a latest result, as the year's own
    figures are; the period's change is not. A change a past period's review states since the year before
    the period ("四年来…比2012年提高5.63个百分点") is its last year's, asked against that year ("比12年提高了多少"),
    as is a later year's change stated against the year a question compares with (`change_since`: "比2012年(下同)
    增长47.7%；固定资产投资353.7亿元，增长125.1%" for "固定资产投资比2012年涨了多少")."""
    asked, tl = year if year is not None else q.year, ev.label
    if time_agrees(q, tl, year, kind) or (q.asks_change and fact.states_change and tl.span is not None
                                          and tl.kind == RESULT and asked in (tl.span[0] - 1, tl.span[1], None)
                                          and f"{tl.span[0] - 1}年" in (fact.change or "")) or _over_since(q, ev, fact, asked):
        return True
    if q.asks_change and fact.states_change and asked in base_years(q.normalised) and tl.kind in (RESULT, ESTIMATE):
        return (tl.year or 0) > asked and change_since(ev, fact) == asked
    return (q.span is None and asked is None and tl.span is not None
            and tl.year is not None and tl.kind == RESULT and (kind or q.kind) in (RESULT, None)
            and not fact.is_change)


def _dated(ev: Evidence, fact: Fact, span: tuple[int, int] | None = None, year_change: bool = False) -> Evidence:
    """The evidence as it speaks of `fact`: in a sentence about a period ("…达到23562亿元，一般公共预算收入年均增长4.5%", labelled with the period
    alone), a level whose own clause says nothing of the period (no 年均, 累计, 五年…) is the level the period ends on, so its year is the
    period's last. Conversely, in a sentence labelled with the last year of the period asked (`span`), a figure whose own clause
    says 年均, 累计… ("地区生产总值年均增长4.8%，2025年总量比2020年增加超7400亿元") is that period's, as is a 年均 rate (the figure, or its change where one
    year's is asked: `year_change`) in one labelled with a period and its last year: "2020年增长了多少" is not answered by it,
    nor, where one year's change is asked, by a from-to change there ("70年来…从7991.5万元提高到133.64亿元，增长169倍").
    A figure in an aside naming an earlier year than its sentence's ("19个(去年全年12个)") is that year's result."""
    tl = ev.label
    aside = aside_year(fact.subject, ev.hit.doc.get("date", ""))
    if aside is not None and tl.year is not None and aside < tl.year:  # "19个(去年全年12个)": a past year's result
        return replace(ev, label=TimeLabel(aside, RESULT, None, "year"))
    if tl.span and tl.year is not None and (cue_scores(fact.window if fact.is_change else year_change and fact.change or "")[SPAN]
                                            or year_change and fact.reached and tl.span[0] < tl.span[1]):
        return replace(ev, label=replace(tl, year=None))  # a 年均 rate said with a period's end level, or its from-to change
    if fact.opening and fact.since is not None:  # the level a change starts from, of the year it names
        return replace(ev, label=TimeLabel(fact.since, RESULT, None, "year"))
    if tl.span is None and span is not None and tl.year == span[1] and cue_scores(fact.window)[SPAN]:
        return replace(ev, label=replace(tl, span=span))
    if tl.span is None or tl.year is not None or fact.states_change or cue_scores(fact.window)[SPAN]:
        return ev
    return replace(ev, label=replace(tl, year=tl.span[1]))


def of_the_year(q: Question, ev: Evidence) -> bool:
    """Whether the evidence speaks of the whole year, or of the part of it the question names: news of part of its year
    ("今年1-10月，…完成技工贸总收入590.1亿元") answers a question naming no part ("17年全年技工贸总收入预计多少") only
    where nothing is said of the whole year ("预计全年完成技工贸总收入750亿元")."""
    return not ev.label.part or names_part(q)


def names_metric(q: Question, text: str) -> bool:
    """Whether `text` names the metric asked about (any text does when none is asked)."""
    return not q.metrics or q.terms[0].found_in(fold(text))


def nearest(q: Question, others: list[Candidate]) -> list[Candidate]:
    """Figures of another year or kind, the closest year first (to a period asked, its last year),
    then the kind asked."""
    asked = q.year or (q.span[1] if q.span else 0)
    return sorted(others, key=lambda c: (abs((c.evidence.label.year or 0) - asked),
                                         c.evidence.label.kind != q.kind))


def sentences(q: Question, evidence: list[Evidence],
              dated: Callable[[Evidence], bool] = lambda ev: False) -> list[Evidence]:
    """Sentences about the year and kind asked, or of a text `dated` as asked, that cover the
    question: the best covered first, then the better retrieval rank."""
    return sorted((ev for ev in evidence if ev.coverage and (time_agrees(q, ev.label) or dated(ev))),
                  key=lambda ev: (ev.coverage, -ev.hit.rank), reverse=True)
