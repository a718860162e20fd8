"""A metric over the years the reports cover, and yes or no against a figure.

- trend ("高新区GDP这两年怎么变化的"): for each year a report of the place reviews or plans, its
  result, else its target, in time order, each with its own citation; also the points for a chart;
- yes or no ("能过750亿吗"): the figure answered, compared with the one asked about, in the same
  units ("4.64万亿元" against "4.5万亿"); or, asked of the direction of a change ("GDP是不是下降了"),
  by the change the figure states.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace

from bot.answering import wording
from bot.answering.asked import Asked
from bot.answering.comparison import from_to_clause
from bot.answering.compose import Composer
from bot.answering.evidence import Answer, Sentences, assess, gather
from bot.answering.facts import values_in
from bot.answering.kinds import single
from bot.answering.reading import cues as cue_words
from bot.answering.reading.question import Question, Shape
from bot.answering.reports import Reports
from bot.answering.vocabulary import alternation, cues, metric_units, unit_group
from index.text.timelabel import RESULT, TARGET, Frame
from index.text.tokens import NUMBER
from index.text.vocabulary import load_vocab

MAX_POINTS = 4  # years shown in a trend, the latest ones


def years_covered(dates: list[str]) -> list[int]:
    """Every year the reports dated `dates` review or plan, in order."""
    return sorted({y for d in dates for y in (Frame.of(d).review, Frame.of(d).plan)})


def trend(asked: Asked, reports: Reports, compose: Composer) -> Answer:
    """The metric's result for each year the place's reports cover, else its target, oldest first."""
    text, q = asked.text, asked.q
    plain, sentences = replace(q, shape=Shape.FIGURE, years=()), Sentences(asked.hits)
    years = _named(q, years_covered(sorted(reports.dates(asked.place).values())))
    lines = _each_year(text, plain, years, sentences, compose)
    if q.unit is None:
        lines = _alike(text, plain, years, sentences, compose, lines)
    elif _amount_between(q):
        lines = _levels(text, plain, years, sentences, compose, lines)
    missing = [y for y in _two_named(q) if y not in {a.year for a in lines}]
    if missing and (said := _from_to(asked, reports, compose, plain)):
        return said
    if missing:  # "2018到2019年是加快了还是放缓了" with 2019 alone given: no change between them to tell
        held = sorted({a.year for a in lines if a.year in _two_named(q)})
        return compose.refuse(text, replace(plain, years=(missing[0],)), None,
                              f"two years named, no figure for {missing}", wording.years_missing(missing[1:], held))
    # years one sentence tells alike ("从2015年的39.70亿元增长到2020年61.95亿元", labelled by its period) are told once
    lines = [a for i, a in enumerate(lines) if all(a.answer != b.answer for b in lines[:i])][-MAX_POINTS:]
    if not lines:
        return compose.figure(text, plain, assess(plain, sentences))
    return replace(lines[-1], answer=_pace(q, lines) + "\n".join(a.answer for a in lines), query=q,
                   sources=[a.sources[0] for a in lines], evidence=len(lines),
                   series=tuple(p for a in lines for p in _point(a)),
                   explanation=" | ".join(a.explanation for a in lines))


def _from_to(asked: Asked, reports: Reports, compose: Composer, plain: Question) -> Answer | None:
    """The best covering sentence's clause saying the level went from the first year named to the last
    ("由2005年的61.88亿元预计增加到2010年的130亿元"), quoted whole; None when none says so."""
    first, last = _two_named(asked.q)
    for ev in sorted(gather(plain, asked.hits), key=lambda e: (e.coverage, -e.hit.rank), reverse=True):
        if ev.coverage < compose.threshold:
            break
        clause = from_to_clause(ev.sentence, first, last, Frame.of_report(ev.hit.doc).review)
        if clause:
            return compose.quoted(asked.text, asked.q, ev, clause, asked.hits, "a change said from year to year")
    return None


def _named(q: Question, years: list[int]) -> list[int]:
    """"24年到25年是提速了还是放缓了": the years from the first named to the last, where the question
    names two; else every year covered."""
    first, last = _two_named(q) or (0, 0)
    return [y for y in years if first <= y <= last] if first else years


def _two_named(q: Question) -> tuple[int, ...]:
    """The first and last of the years a trend question names, when it names two or more: the change
    between them is asked, so each must have its figure."""
    return (min(q.years), max(q.years)) if len(set(q.years)) > 1 else ()


def _pace(q: Question, lines: list[Answer]) -> str:
    """The verdict a question asking the pace one way or the other wants ("是提速了还是放缓了"), on a
    line of its own: the rates (in %) of the last two years told by an outcome, not a target,
    compared; nothing where there are not two such."""
    done, asked = [values_in(a.value or "") for a in lines if a.kind != TARGET], cue_words.pace_asked(q.normalised, cues())
    if len(done) < 2 or not asked:
        return ""
    before, after = done[-2:]
    if not (before and after) or {before[0][4], after[0][4]} != {"%"}:
        return ""
    was, now = before[0][3], after[0][3]
    went = "pace_up" if now > was else "pace_down" if now < was else None
    said = {"pace_up": "提速了。", "pace_down": "放缓了。", None: "增速持平。"}[went]
    if asked != "either":  # asked one way ("提速没"): yes or no first
        said = ("是的，" if went == asked else "没有，") + said
    return said + "\n"


def _each_year(text: str, q: Question, years: list[int], sentences: Sentences, compose: Composer) -> list[Answer]:
    """For each year, its result, else its target (or the kind asked), where a report gives one."""
    lines = []
    for year in years:
        for kind in (q.kind,) if q.kind else (RESULT, TARGET):
            one = replace(q, years=(year,), kind=kind)
            a = compose.figure(text, one, assess(one, sentences))
            if not a.abstained:
                lines.append(a)
                break
    return lines


def _alike(text: str, q: Question, years: list[int], sentences: Sentences, compose: Composer,
           lines: list[Answer]) -> list[Answer]:
    """A trend compares its years, so where they came in different kinds of figure (a level for one,
    a growth rate for another) and the question asked for neither, each year is told in a kind that
    every one of those years gives, when one does (its sentence quoted, with the level beside it)."""
    groups = Counter(_group(a) for a in lines)
    if len(groups) < 2:
        return lines
    for group, _ in sorted(groups.items(), key=lambda g: (-g[1], g[0] or "")):
        again = _each_year(text, replace(q, unit=group), years, sentences, compose) if group else []
        if [a.year for a in again] == [a.year for a in lines] and all(_group(a) == group for a in again):
            return again
    return lines


def _amount_between(q: Question) -> bool:
    """"河南GDP 24年到25年涨了多少": how much the metric grew between two years named, no rate asked (no
    `rate_asked` word, no pace): read on the two years' levels, each said with its rate where its clause says one."""
    c = cues()
    return bool(_two_named(q) and q.asks_change and q.metrics) and not cue_words.pace_asked(q.normalised, c) \
        and not any(w in q.normalised for w in c.get("rate_asked", ()))


def _levels(text: str, q: Question, years: list[int], sentences: Sentences, compose: Composer,
            lines: list[Answer]) -> list[Answer]:
    """Each year told by its level, in a unit group of the metric's own (metric_units.tsv) other than a rate,
    when every year told gives one; else as told."""
    for group in (g for g in metric_units().get(q.metrics[0], ()) if g != "percent"):
        again = _each_year(text, replace(q, unit=group), years, sentences, compose)
        if [a.year for a in again] == [a.year for a in lines] and all(_group(a) == group for a in again):
            return again
    return lines


def _group(a: Answer) -> str | None:
    found = values_in(a.value or "")
    return unit_group(found[0][4]) if found else None


def _point(a: Answer) -> list[tuple[int, str, float, str]]:
    found = values_in(a.value or "")
    return [(a.year, a.kind, found[0][3], found[0][4])] if found and a.year and a.kind else []


def reaches(value: str, threshold: str) -> bool | None:
    """Whether `value` is at least `threshold`; None when they are not in comparable units."""
    both = _in_base_units(value, threshold)
    return None if both is None else both[0] >= both[1]


def is_level(value: str, threshold: str) -> bool | None:
    """Whether `value` is `threshold` ("15%左右" is not "20%", "200亿元" is "200亿"); None when they
    are not in comparable units."""
    both = _in_base_units(value, threshold)
    return None if both is None else math.isclose(*both, rel_tol=1e-9)


def _in_base_units(value: str, threshold: str) -> tuple[float, float] | None:
    got, asked = values_in(value), re.match(rf"({NUMBER})\s*(\S*)", threshold)
    if not got or not asked:
        return None
    vocab = load_vocab()
    a, a_unit = vocab.in_base_units(got[0][3], got[0][4])
    b, b_unit = vocab.in_base_units(float(asked[1].replace(",", "")), asked[2])
    if (a_unit == "%") != (b_unit == "%"):  # a rate ("增长4.5%") says nothing of an amount ("2000亿")
        return None
    if a_unit and b_unit and a_unit != b_unit and not a_unit.startswith(b_unit):
        return None
    return a, b


def yes_or_no(asked: Asked, reports: Reports, compose: Composer) -> Answer:
    """The figure's answer (as a figure question gets it: a second look past a milestone or an
    addition, "增量39.7亿斤"), led by yes or no against the figure asked about."""
    q = asked.q
    answer = single.figure(asked, reports, compose)
    if answer.abstained:
        return answer
    if q.kind == TARGET and answer.kind == TARGET:  # "目标是不是增20%": the level set, not one reached
        verdict = is_level(answer.value or "", q.threshold or "")
        lead = f"是的，目标是{answer.value}。" if verdict else f"不是，目标是{answer.value}。"
    else:
        verdict = reaches(answer.value or "", q.threshold or "")
        lead = f"是的，已达到{q.threshold}。" if verdict else f"没有，还不到{q.threshold}。"
    if verdict is None:
        return answer
    return replace(answer, answer=lead + answer.answer)


def figure(asked: Asked, reports: Reports, compose: Composer) -> Answer:
    """The figure's answer (of each year, where it names several), led by yes or no where the question asks it of a rank ("GDP是不是全国
    第二") or of the direction of the change ("GDP是不是下降了"): by the rank or the direction the
    sentence states with the figure."""
    if _years_each(asked.q):
        return _each_named(asked, reports, compose)
    answer = single.figure(asked, reports, compose)
    text, c = asked.q.normalised, cues()
    if answer.abstained or not answer.value or not cue_words.asks_yes_no(text, c):
        return answer
    lead = _rank_verdict(text, answer.value, c) or _direction_verdict(text, answer, c)
    return replace(answer, answer=lead + answer.answer) if lead else answer


def _years_each(q: Question) -> bool:
    """"08年和10年工业增加值": a figure asked of two years or more, of no period and no change between them."""
    return len(set(q.years)) > 1 and q.span is None and not q.asks_change


def _each_named(asked: Asked, reports: Reports, compose: Composer) -> Answer:
    """Each year's figure in turn, oldest first, each of the kind its year takes where the question says
    none (a year from the one 今年 means on is a target: "08年和10年" in 2010 is a result and a target);
    a year without one says so on its line. The first refusal where no year has one."""
    q, lines = asked.q, []
    for year in sorted(set(q.years)):
        kind = q.kind if q.kind_asked else TARGET if year >= asked.now else RESULT
        lines.append(single.figure(replace(asked, q=replace(q, years=(year,), kind=kind)), reports, compose))
    answered = [a for a in lines if not a.abstained]
    if not answered:
        return lines[0]
    return replace(answered[-1], answer="\n".join(a.answer for a in lines), query=q,
                   sources=[a.sources[0] for a in answered if a.sources], evidence=len(answered),
                   explanation=" | ".join(a.explanation for a in lines))


def _rank_verdict(text: str, value: str, c: dict[str, tuple[str, ...]]) -> str | None:
    asked_rank, got = cue_words.asked_rank(text, c), re.fullmatch(r"第(\d+)位?", value)
    if asked_rank is None or not got:
        return None
    return f"{'是的' if int(got.group(1)) == asked_rank else '不是'}，{value}。"


def _direction_verdict(text: str, answer: Answer, c: dict[str, tuple[str, ...]]) -> str | None:
    ways = [k for k in ("went_down", "went_up") if any(w in text for w in c.get(k, ()))]
    said = re.search(f"({alternation(c.get('went_down', ()))}|{alternation(c.get('went_up', ()))})"
                     f"[^，,。；;\\d]{{0,2}}{re.escape(answer.value or '')}", answer.answer)
    if len(ways) != 1 or not said:  # one direction asked, one stated
        return None
    went = "went_down" if said.group(1) in c.get("went_down", ()) else "went_up"
    return ("是的，" if went == ways[0] else "没有，") + f"{said.group(1)}{answer.value}。"
