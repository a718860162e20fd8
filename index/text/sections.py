"""What a report's section titles say of the sentences under them: the kind and the year or
period their figures speak of (`Scope`), and how a paragraph that opens by naming one year of
a period, or the period itself, narrows that for itself and the paragraphs after it."""
from __future__ import annotations

from index.text.normalise import fold
from index.text.periods import counted_periods
from index.text.timelabel import (FROM_TO, ONE_YEAR, RESULT, SPAN, TARGET, WHOLE, Frame, Scope, cue_scores,
                                  load_cues, periods_in, section_words, years_in)


def scope_of(titles: tuple[str, ...], frame: Frame) -> Scope:
    """What the section titles, outermost first, say of their sentences; inner titles win."""
    scope = Scope()
    words = section_words()
    for title in titles:
        folded = fold(title)
        kinds = {k for k, ws in words.items() if any(w in folded for w in ws)}
        years = years_in(title, frame.year)
        spans = periods_in(title) or [p for p, _ in counted_periods(title, frame.review, frame.plan)]  # "过去四年"
        if len(kinds) > 1:  # words of both kinds: one year named decides ("2025年目标任务和主要工作"),
            kinds = set() if len(set(years)) == 1 else {None}  # two periods do not ("十四五…成就和十五五…目标")
        if kinds == {None}:
            scope = Scope(periods=tuple(spans))
            continue
        if not (kinds or years or spans):
            continue
        kind = kinds.pop() if kinds else None
        year = max(years) if years else None
        if kind is None and year is not None:
            kind = RESULT if year < frame.plan else TARGET
        if kind is None and spans:
            kind = RESULT if spans[0][1] < frame.plan else TARGET
        scope = Scope(kind or scope.kind, year if (years or spans) else scope.year,
                      spans[0] if spans else (None if years else scope.period))
    return scope


def narrowed(scope: Scope, lead: str, frame: Frame, before: Scope | None = None) -> Scope:
    """A paragraph of a period's section that opens by naming one year of the period ("刚刚过去的
    2025年，…" under "一、“十四五”时期回顾") speaks of that year: its sentences that name no year
    are that year's, not the period's. So do the paragraphs after it under the same titles
    (`before`, the scope the previous paragraph was narrowed to) until one opens by naming a
    time again ("过去五年，…", "2024年，…"). Conversely, under a title of a year and its period
    ("一、“十四五”时期和2025年工作回顾"), a paragraph that opens by naming the period ("“十四五”时期
    我省…", "过去的五年…": `periods.tsv`, the `whole` words of `timecues.tsv`) speaks of the period,
    and so do the paragraphs after it until one opens by naming a year ("2025年，…", "过去一年，…":
    the `one_year` words)."""
    if FROM_TO.search(fold(lead)):
        return scope
    years = set(years_in(lead, frame.year))
    if scope.period is None:
        return _to_period(scope, lead, frame, before, years)
    if scope.year is not None:
        if years or _names(lead, ONE_YEAR):
            return scope
        if scope.period in periods_in(lead) or _names(lead, WHOLE):
            return Scope(scope.kind, None, scope.period)
        return before if before is not None else scope
    if periods_in(lead):
        return scope
    if before is not None and not years and not cue_scores(lead)[SPAN]:
        return before
    year = years.pop() if len(years) == 1 else None
    return Scope(scope.kind, year, None) if year and scope.period[0] <= year <= scope.period[1] else scope


def _to_period(scope: Scope, lead: str, frame: Frame, before: Scope | None, years: set[int]) -> Scope:
    """Under a review (or plan) title naming no time ("一、工作回顾"), a paragraph opening by naming
    a past (or coming) period ("“十四五”时期是…的五年") speaks of it, and so do the paragraphs
    after it until one opens by naming a year."""
    if scope.kind is None or scope.year is not None or years or _names(lead, ONE_YEAR):
        return scope
    named = [p for p in periods_in(lead) if (p[1] < frame.plan) == (scope.kind == RESULT)]
    if named:
        return Scope(scope.kind, None, named[0])
    return before if before is not None else scope


def _names(text: str, kind: str) -> bool:
    """Whether `text` holds one of the cue words of `kind` (`timecues.tsv`)."""
    folded = fold(text)
    return any(k == kind and word in folded for k, _, word in load_cues())
