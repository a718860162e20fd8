"""Comparisons ("今年GDP目标比去年多多少"): which two figures, their difference, and the arithmetic shown.

A comparison of amounts subtracts two figures of the same unit ("810−762=48", 亿元). A comparison
of growth ("增速目标比去年实际低多少") subtracts the two growth rates, in 个百分点. Figures of
different units are never compared. Two metrics of one place ("贷款余额比存款多还是少") are
compared the same way, each side its own figure of one year and kind. A figure against a level
("增速比全省高多少") is answered by the gap its sentence states, and whether a target was reached
by a result that says so itself ("超年度计划目标", "完成全年总量目标的107%"). A change said from one
year's level to another's ("由2005年的61.88亿元预计增加到2010年的130亿元") answers how a metric went
between those years, quoted whole, though neither level stands as a year's figure of its own.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from bot.answering.facts import RATE, Fact, opens_change, values_in
from bot.answering.reading.question import Question, Shape, Term
from bot.answering.vocabulary import alternation, cues, figure_words, figure_words_version
from bot.answering.wording import KIND_WORDS, MAX_ANSWER, clip
from index.text.timelabel import RESULT, TARGET
from index.text.tokens import NUMBER
from index.text.vocabulary import load_vocab

POINTS = "个百分点"  # the unit of a difference between two rates


def asks_attained(q: Question) -> bool:
    """"2025年目标完成了吗": a year's target against its result, not two years."""
    return q.shape == Shape.ATTAINED


def met_within(q: Question, reporting_year: int) -> Question:
    """"十一五目标达到了吗": whether a period's target was met is asked of the last year reviewed within the
    period (its last, or the year before the report's), as a review says it ("4878元,提前两年完成“十一五”目标"
    of 2008): that year's result answers, not the period's figures; any other question as it is."""
    if not asks_attained(q) or q.span is None or q.year is not None:
        return q
    return replace(q, span=None, years=(min(q.span[1], reporting_year - 1),))


def says_attained(sentence: str, onward: str) -> bool | None:
    """Whether a result's sentence says itself that its target was reached ("超年度计划目标13.9%"),
    or, from the figure's clause on (`onward`: a sentence may give several figures' shares), how much
    of it ("完成全年总量目标的107%": reached; "的92%": not), or in words ("圆满完成了年度计划目标";
    "未完成全年任务": not), or ahead of its time from the figure's clause on ("提前两年实现翻番目标"); None when
    it says neither."""
    if any(w in sentence for w in figure_words().get("attained", ())) or _ahead(figure_words_version()).search(onward):
        return True
    m = _completion(figure_words_version()).search(onward)
    if m:
        return float(m.group(1)) >= 100
    said = _year_target(figure_words_version())
    m = said.search(sentence) if said else None
    return not m.group("not") if m else None


def states_completion(fact: Fact) -> bool:
    """Whether the figure is the share of its target its clause states reached ("完成全年任务的98.62%")."""
    m = _completion(figure_words_version()).search(fact.window)
    return bool(m) and float(m.group(1)) == fact.number


@lru_cache(maxsize=4)
def _year_target(version: tuple[int, int]) -> re.Pattern | None:
    """"圆满完成了年度计划目标", "未完成全年任务": a completion verb before the year's target, not its share."""
    words = figure_words()
    verbs, targets = words.get("completion_verb", ()), words.get("year_target", ())
    if not verbs or not targets:
        return None
    no = alternation(words.get("not_reached", ())) or "(?!)"
    return re.compile(f"(?P<not>{no})?(?:{alternation(verbs)})了?(?:{alternation(targets)})(?!的)")


@lru_cache(maxsize=4)
def _ahead(version: tuple[int, int]) -> re.Pattern:
    """"提前两年实现", "提前3年完成": an `ahead` word, a few words of how long, a completion verb."""
    words = figure_words()
    ahead, verbs = (alternation(words.get(k, ())) or "(?!)" for k in ("ahead", "completion_verb"))
    return re.compile(f"(?:{ahead})[^，,；;。]{{0,4}}?(?:{verbs})")


@lru_cache(maxsize=4)
def _completion(version: tuple[int, int]) -> re.Pattern:
    """"完成全年总量目标的107%", "占全年任务的194%": a completion or share verb, the target's name in the
    same clause, its share."""
    words = figure_words()
    verbs = alternation(words.get("completion_verb", ()) + words.get("share_verb", ()))
    of = alternation(words.get("completion_of", ()))
    return re.compile(f"(?:{verbs})[^，,；;。]{{0,12}}?(?:{of})({NUMBER})%")


@dataclass(frozen=True)
class Gap:
    """A gap a sentence states between its figure and a level's ("比全省高2个百分点"): signed, in `unit`."""

    level: str
    value: float
    unit: str
    said: str = ""  # the gap as its sentence says it of this level alone: "，增速高于全省0.8个百分点"

    def shown(self) -> str:
        """"比全省高2个百分点", "比全市低0.3个百分点", "比全市多3亿元"."""
        word = ("高" if self.value >= 0 else "低") if self.unit == POINTS else ("多" if self.value >= 0 else "少")
        return f"比{self.level}{word}{_num(abs(self.value))}{self.unit}"


def stated_gaps(text: str) -> list[Gap]:
    """The gaps `text` states at its start, before any other figure: "，比全省、全市分别高2、1.4个
    百分点" → 全省 +2, 全市 +1.4; "，超过全市19.7个百分点" → 全市 +19.7. A level may be named with
    more words ("高于全省平均水平"); a bare 比 needs the word saying which way (高, 低)."""
    m = _gap(figure_words_version()).search(text)
    if m is None or re.search(r"\d", text[:m.start()]):
        return []
    sign = 1 if m.group("above") or m.group("higher") else -1 if m.group("below") or m.group("lower") else 0
    if not sign:
        return []
    levels = [w for w in re.split("[、和与及]", m.group("levels")) if w]
    numbers = [float(n.rstrip("个").replace(",", "")) for n in re.split("[、和与及]", m.group("numbers"))]
    if len(numbers) == 1:
        numbers *= len(levels)
    unit = POINTS if "百分点" in m.group("unit") else m.group("unit")
    if len(numbers) != len(levels):
        return []
    if len(levels) == 1:  # said as written, up to the gap's end
        return [Gap(levels[0], sign * numbers[0], unit, text[:m.end()])]
    # each level's gap said alone: the words before it without 分别, the verb, the level, its number
    head = re.sub(alternation(figure_words().get("respectively", ())), "", text[:m.start()])
    verb, way = text[m.start():m.start("levels")], m.group("higher") or m.group("lower") or ""
    return [Gap(lv, sign * n, unit, f"{head}{verb}{lv}{way}{_num(n)}{unit}") for lv, n in zip(levels, numbers)]


def gaps_of(window: str, tail: str) -> list[Gap]:
    """The gaps stated of a figure (its clause `window`, and what its sentence says after it, `tail`), each with
    `said` the figure's quote up to that gap alone: its own when the figure is itself a gap ("生产总值高于全市
    平均增速10个百分点"), then those of the clauses after it up to the next other figure, each said without the
    ones before it ("增长9.0%，比全省高出1.1个百分点，比成都市高出0.8个百分点" of 全省: "增长9.0%，比全省高出
    1.1个百分点"), and said of the figure's subject where it is itself a gap (`later_gap`)."""
    own = stated_gaps(window) if gap_lead(window) is not None else []
    later, skipped = [], ""
    for clause in re.split(r"(?=，|,(?!\d))", tail):
        gaps = stated_gaps(clause)
        if not gaps and values_in(clause):
            break  # another figure's clause: gaps after it are that figure's
        later += [replace(g, said=skipped + g.said) for g in gaps]
        skipped += "" if gaps else clause  # words on how it is counted ("，按可比价计算") go with each gap
    return own + [replace(g, said=later_gap(window, g.said) or window + g.said) for g in later]


def gap_lead(text: str) -> str | None:
    """The words before the gap a clause states as its own figure ("使开发区生产总值" of "使开发区生产总值高于全市
    平均增速10个百分点"): its subject, of which the gaps of the clauses after it are said too; None when it states none."""
    m = _gap(figure_words_version()).search(text)
    return text[:m.start()] if m and stated_gaps(text) else None


def later_gap(named: str, clause: str) -> str | None:
    """A gap clause after a clause naming its metric that states a gap itself, said of that clause's subject:
    "高于全省平均增速5个百分点" after "使开发区生产总值高于全市平均增速10个百分点" is "使开发区生产总值高于全省
    平均增速5个百分点"; None when either states no gap."""
    lead = gap_lead(named) if stated_gaps(clause) else None
    return lead + clause.lstrip("，, ") if lead else None


def gap_to_another_level(q: Question, fact: Fact) -> bool:
    """Whether the figure is a gap to a level (question_cues.tsv `level`: "高于全市平均增速10个百分点") where the
    question names only others ("GDP增速要高出全省平均几个百分点"). A question comparing with a level (`against`)
    reads the gaps of its metric's sentence itself, so keeps every figure."""
    words = cues().get("level", ())
    asked = [w for w in words if w in q.normalised]
    levels = [g.level for g in stated_gaps(fact.window) if any(w in g.level for w in words)]
    return not q.against and bool(asked and levels) and not any(w in lv for w in asked for lv in levels)


@lru_cache(maxsize=4)
def _gap(version: tuple[int, int]) -> re.Pattern:
    words = {k: alternation(figure_words().get(f"gap_{k}", ())) for k in
             ("above", "below", "against", "higher", "lower")}
    each = alternation(figure_words().get("respectively", ()))
    units = alternation(("个百分点", "百分点") + load_vocab().units)
    return re.compile(
        f"(?:(?P<above>{words['above']})|(?P<below>{words['below']})|(?:{words['against']}))"
        f"(?P<levels>[^，,；;。\\d]{{1,16}}?)(?:{each})?(?:(?P<higher>{words['higher']})|(?P<lower>{words['lower']}))?"
        f"(?P<numbers>{NUMBER}(?:个?[、和与及]{NUMBER})*)\\s*(?P<unit>{units})")


def gap_reply(asked: Gap) -> str:
    """"比全省高2个百分点。": the gap to the level asked alone, not the other levels its sentence states."""
    return f"{asked.shown()}。"


def sides(q: Question, reporting_year: int) -> list[tuple[int, str]]:
    """The (year, kind) of each side: a year's target against its result ("2025年目标完成了吗",
    the last reviewed year when none is named); the two years asked; or, when one year or none is
    named ("增速目标比去年低多少"), the plan year against it. Years from the reporting year on are
    targets."""
    if asks_attained(q):
        year = q.year if q.year is not None else reporting_year - 1
        return [(year, TARGET), (year, RESULT)]
    years = list(q.years[:2])
    if len(years) < 2:
        base = years[0] if years else reporting_year - 1
        years = [reporting_year, base] if base < reporting_year else [base, base - 1]
    return [(y, TARGET if y >= reporting_year else RESULT) for y in years]


def stating(side: tuple[int, str], dates: Mapping[str, str]) -> set[str]:
    """The reports (of `dates`, report → date) that state a side's figure: a year's targets are
    set in that year's report, its results reviewed in the next year's; all of them when none is."""
    year, kind = side
    wanted = year if kind == TARGET else year + 1
    return {d for d, date in dates.items() if int(date[:4]) == wanted} or set(dates)


def asks_change_between(q: Question) -> bool:
    """"去年销售收入比前年涨了多少": by what rate the metric changed from one year to the other, which a
    change stated by the later year's figure answers; not a comparison of two rates ("增速比去年高多少",
    question_cues.tsv `rate_asked`), nor the amount it grew by ("收入比去年增加多少": two levels' difference)."""
    return q.asks_change and q.unit == "percent" and len(q.years) >= 2 \
        and not any(w in q.normalised for w in cues().get("rate_asked", ()))


def stated_change(fact: Fact, later: int, earlier: int) -> str | None:
    """The change `fact` (of year `later`) states since year `earlier`: one said against that year
    ("较2009年增长104%"), or, a year apart, against the year before ("同比增长", "比上年增长", a bare
    "增长7.1%"; figure_words.tsv `year_on_year`); None for any other (年均, 比2015年…)."""
    verbs, year_on_year = alternation(figure_words().get("change_verb", ())), figure_words().get("year_on_year", ())
    # what comes before a verb is the base; where verbs overlap ("同比增长" holds 比增) the split that
    # leaves a known base or a year is the one meant
    bases = [fact.change[:m.start()] for m in re.finditer(f"(?={verbs})", fact.change or "")]
    if not bases or later <= earlier:
        return None
    base = next((b for b in bases if not b or b in year_on_year or re.search(r"(?:19|20)\d{2}", b)), bases[0])
    said = re.findall(r"(?:19|20)\d{2}", base)
    if said:
        return fact.change if said == [str(earlier)] else None
    return fact.change if later - earlier == 1 and (not base or base in year_on_year) else None


_YEAR = r"((?:19|20)\d{2})年(?:的|底|末)?"
_STOP = re.compile(r"[，；;。]|,(?!\d)")  # a clause's end; "1,000" is one number


def from_to_clause(sentence: str, first: int, last: int, review: int | None) -> str | None:
    """The clause of `sentence` that says the level went from year `first`'s to year `last`'s: the end
    year said, or left unsaid when `last` is the report's `review` year ("由2007年的90.3亿元跃升到
    145.1亿元" in a report reviewing 2011), with the change said right after it (",年均增长10.5%"); None when
    it says no such change."""
    pattern = _from_to(figure_words_version())
    for m in pattern.finditer(sentence) if pattern else ():
        end = int(m.group(2)) if m.group(2) else review
        if int(m.group(1)) == first and end == last:
            start = max(sentence.rfind(p, 0, m.start()) for p in "，,；;。") + 1
            stop = _STOP.search(sentence, m.end())
            if stop and stop[0] in "，," and opens_change(sentence[stop.end():]):
                stop = _STOP.search(sentence, stop.end())
            return sentence[start:stop.start() if stop else len(sentence)]
    return None


@lru_cache(maxsize=4)
def _from_to(version: tuple[int, int]) -> re.Pattern | None:
    """The opening word and year, the start level, words up to the end word, the end year if said, its level."""
    words = figure_words()
    by, to = words.get("from_year", ()), words.get("to_level", ())
    if not by or not to:
        return None
    level = f"{NUMBER}(?::{NUMBER})*"  # a ratio's parts too ("14.6:53.1:32.3"): one level
    return re.compile(f"(?:{alternation(by)}){_YEAR}{level}[^，,；;。]{{0,12}}?(?:{alternation(to)})"
                      f"(?:{_YEAR})?{level}")


@dataclass(frozen=True)
class Difference:
    """first − second, in `unit` (POINTS for two growth rates)."""

    first: float
    second: float
    unit: str

    @property
    def value(self) -> float:
        return round(self.first - self.second, 4)

    @property
    def of_rates(self) -> bool:
        return self.unit == POINTS

    def shown(self) -> str:
        """The answer's value: "48亿元", "0.1个百分点"."""
        return f"{_num(abs(self.value))}{self.unit}"


def growth_rate(fact: Fact) -> float | None:
    """The figure's rate of change: of its change clause ("762亿元，增长7.1%" → 7.1), or the figure
    itself when it is one ("增长5%左右" → 5)."""
    rates = [number for _, _, _, number, unit in values_in(fact.change or "") if unit == RATE]
    if not rates and fact.unit == RATE and fact.states_change:
        return fact.number
    return rates[0] if rates else None


def difference(q: Question, first: Fact, second: Fact) -> Difference | None:
    """The difference asked for between the two figures; None when they cannot be compared."""
    if q.asks_change and q.unit == "percent":
        a, b = growth_rate(first), growth_rate(second)
        if a is None or b is None:  # two rates that are not changes: 涨幅控制在3%以内 / 上涨0.5%
            both_rates = first.unit == second.unit == RATE
            return Difference(first.number, second.number, POINTS) if both_rates else None
        return Difference(a, b, POINTS)
    if first.unit != second.unit:
        return None
    # two rates differ by percentage points, not by a percent: "16%比13%高3个百分点"
    return Difference(first.number, second.number, POINTS if first.unit == RATE else first.unit)


def reply(compared: list[tuple[int, str]], diff: Difference, metric: str, place: str,
          parts: tuple[str, str] = ("", "")) -> str:
    """"昆山高新区2019年目标地区生产总值810亿元，比2018年实际完成的762亿元多48亿元（810−762=48）。";
    a figure of part of its year names the part (`parts`: "2018年1-9月实际完成…")."""
    (year_a, kind_a), (year_b, kind_b) = compared
    year_a, year_b = f"{year_a}年{parts[0]}", f"{year_b}年{parts[1]}"
    a, b, d = _num(diff.first), _num(diff.second), diff.value
    if diff.of_rates:
        what, shown_a, shown_b, word = f"{metric}增速", f"{a}{RATE}", f"{b}{RATE}", "高" if d > 0 else "低"
    else:
        what, shown_a, shown_b, word = metric, f"{a}{diff.unit}", f"{b}{diff.unit}", "多" if d > 0 else "少"
    text = (f"{place}{year_a}{KIND_WORDS[kind_a]}{what}{shown_a}，"
            f"比{year_b}{KIND_WORDS[kind_b]}的{shown_b}{word}{diff.shown()}（{a}−{b}={_num(d)}）。")
    return clip(text, MAX_ANSWER)


def side_question(q: Question, side: tuple[Term, ...]) -> Question:
    """One metric of two compared ("贷款余额比存款多还是少" → 存款) asked alone: its own terms, its
    metric first, and the places asked."""
    metrics = tuple(t.text for t in side if t.text in q.metrics)
    terms = tuple(replace(t, weight=2.0) if t.text in metrics[:1] else t for t in side)
    terms = tuple(sorted(terms, key=lambda t: t.text not in metrics[:1]))
    places = tuple(t for t in q.terms if t.text in q.places)
    return replace(q, metrics=metrics, terms=terms + places, versus=(), shape=Shape.FIGURE)


def side_name(side: tuple[Term, ...], metrics: tuple[str, ...]) -> str:
    """How the reply names a side: its words as asked, the metric last ("城镇" + 居民人均可支配收入)."""
    return "".join(t.text for t in sorted(side, key=lambda t: t.text in metrics))


def metrics_reply(names: tuple[str, str], said: tuple[str, str], diff: Difference, dated: str) -> str:
    """"多。肇庆高新区2022年实际完成：贷款余额201亿元；存款余额190亿元。贷款余额比存款多11亿元（201−190=11）。" """
    a, b, d = _num(diff.first), _num(diff.second), diff.value
    word = ("高" if d > 0 else "低") if diff.of_rates else ("多" if d > 0 else "少")
    verdict = f"{names[0]}比{names[1]}{word}{diff.shown()}" if d else f"{names[0]}与{names[1]}持平"
    text = f"{word if d else '持平'}。{dated}{said[0]}；{said[1]}。{verdict}（{a}−{b}={_num(d)}）。"
    return clip(text, MAX_ANSWER)


def _num(x: float) -> str:
    """A number as shown: no trailing zeros, a real minus sign."""
    return f"{x:g}".replace("-", "−")


def attained(target: Fact, result: Fact, diff: Difference | None) -> bool | None:
    """Whether the result reached the target: at least as high, or for a ceiling ("控制在3%以内",
    "5%左右" of a price level) at most as high; None when the figures cannot be compared."""
    if diff is None:
        return None
    ceiling = any(w in target.window for w in figure_words().get("ceiling", ()))
    return diff.value <= 0 if ceiling else diff.value >= 0


def attainment_reply(year: int, target: str, result: str, reached: bool | None, place: str, part: str = "") -> str:
    """"完成了。江苏省2025年目标：地区生产总值增长5%以上；2025年实际：地区生产总值增长5.3%。"; a
    result of part of the year names the part ("2018年1-9月实际：…")."""
    verdict = {True: "完成了。", False: "没有完成。", None: ""}[reached]
    return clip(f"{verdict}{place}{year}年{KIND_WORDS[TARGET]}：{target}；{year}年{part}实际：{result}。", MAX_ANSWER)
