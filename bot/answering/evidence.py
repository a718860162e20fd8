"""Retrieved passages → evidence: each sentence with its time label, and how well it fits the
question; and the `Answer` built on it, with its sources.

Three measures, each used by the scoring of candidates (scoring.py):
- coverage: the weighted share of the question's topic words found in a text; the metric asked
  about must be there;
- unit agreement: whether a figure has the kind of unit asked for (a rate for 比例, a rank for
  排第几, 家 for 几家…), by the unit groups of `bot/data/unit_groups.tsv`;
- time agreement: whether a sentence is about the year and kind (result or target) asked.
- the question's own words: which figure of a clause they pick (`distinct`: 实到代表113人, a list's
  10个民生项目), and which figure they state themselves, so it is no answer (`given`);
- whose figure it is: the metric asked, not another named nearer (`named_before`, `of_a_thing_after`…).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import KW_ONLY, dataclass, field, replace
from functools import lru_cache
from itertools import accumulate

from bot.answering.facts import Fact, segments, values_in
from bot.answering.reading.metric_forms import heads, metric_forms, metric_names
from bot.answering.reading.quantity_words import asks_people, counts_people
from bot.answering.sentences.carried import carried, led_in, subjectless
from bot.answering.sentences.continued import continued
from bot.answering.sentences.named_after import share_named_after
from bot.answering.sentences.subjects import measured_heads
from bot.answering.reading.asks import asks_when
from bot.answering.reading.question import COMPARISON, ENTITY, FIGURE, LIST, Question, Shape, Term
from bot.answering.reading.typed import to_arabic
from bot.answering.vocabulary import alternation, cues, figure_words, list_marks, metric_units, unit_group, unit_groups
from index.search.searcher import Hit
from index.text.bases import base_years, onward_base, without_bases
from index.text.chunking import headed
from index.text.normalise import fold
from index.text.timelabel import ESTIMATE, RESULT, SPAN, TARGET, Frame, TimeLabel, cue_scores
from index.text.tokens import NUMBER
from index.text.vocabulary import load_vocab
from index.text.yearpart import of_whole_year, year_part

COUNT_VERB = 4  # characters of a count's clause before it that are its verb alone (竣工投产141个)


@dataclass(frozen=True)
class Source:
    """One cited passage. `text` is the evidence sentence; `passage` the whole chunk."""

    doc_id: str
    title: str
    section: str
    text: str
    score: float
    passage: str = ""
    chunk_id: str = ""
    place: str = ""

    @classmethod
    def of(cls, hit: Hit, text: str) -> Source:
        """`text` (a sentence of the hit, or all of it) cited from the hit's chunk and report."""
        chunk, doc = hit.chunk, hit.doc
        return cls(chunk.doc_id, doc.get("title", ""), chunk.section_title(), text, hit.score,
                   chunk.text, chunk.chunk_id, doc.get("place", ""))

    def to_dict(self) -> dict:
        return {"doc_id": self.doc_id, "title": self.title, "section": self.section,
                "text": self.text, "score": round(self.score, 4)}


@dataclass(frozen=True)
class Evidence:
    """A sentence of a retrieved chunk, with its time label and how well it covers the question."""

    hit: Hit
    sentence: str
    label: TimeLabel
    coverage: float
    missing: tuple[str, ...]

    def source(self) -> Source:
        return Source.of(self.hit, self.sentence)


@dataclass(frozen=True)
class Sentence:
    """A sentence of a retrieved chunk with its time label, and the text coverage looks in."""

    hit: Hit
    text: str
    label: TimeLabel
    folded: str  # its section title and itself, folded
    led: str = ""  # the prose leading into it (sentences/carried.py `led_in`): what its figure is of, not a list's items


class Sentences:
    """Every sentence of the hits, in retrieval order, with the label it was given at build time
    (index.text.timelabel); read once per question, as an overview scores nine metrics on them."""

    def __init__(self, hits: list[Hit]):
        self.items = [Sentence(hit, hit.chunk.text[a:b], in_part(hit, a, b, tl),
                               folded + carried(hit, i) + continued(hit, hit.chunk.text[a:b]), led_in(hit, i))
                      for hit in hits
                      for i, ((a, b, tl), folded) in enumerate(zip(hit.chunk.sentences, hit.chunk.folded_sentences))]
        # all of them in one text, searched once for a word instead of once a sentence
        self._text = "\0".join(s.folded for s in self.items)
        self._starts = list(accumulate((len(s.folded) + 1 for s in self.items[:-1]), initial=0))

    def naming(self, term: Term) -> set[int]:
        """The sentences holding the start of one of the term's forms: only those can name it
        (`Term.found_in`)."""
        found = set()
        for head in heads(term.forms):
            at = self._text.find(head)
            while at >= 0:
                found.add(bisect_right(self._starts, at) - 1)
                at = self._text.find(head, at + 1)
        return found


def in_part(hit: Hit, start: int, end: int, tl: TimeLabel) -> TimeLabel:
    """The label of the sentence at `start`:`end` of the hit's passage, naming the part of the year
    a figure of news on part of its year covers ("前三季度", "1-9月"): a citizen must not take it for
    the whole year's. The part is the one the sentence names, else the last its passage names
    before it, else the one the text's opening names. A target of that year, or a sentence naming
    the whole year (预期全年), is the whole year's; a preliminary count (初步统计: an estimate) is
    the part's. A sentence saying nothing of its time is of the text's year and part, as the text
    reports on nothing else."""
    whole = hit.doc.get("part_year")
    year = Frame.of(hit.doc.get("date", ""), True).review if whole else None
    sentence = hit.chunk.text[start:end]
    if not whole or tl.span or tl.kind == TARGET or tl.year not in (year, None) or of_whole_year(without_bases(sentence)):
        return tl
    said = list(re.finditer(year_part(), fold(sentence)))
    before = list(re.finditer(year_part(), fold(hit.chunk.text[:start])))
    return replace(tl, year=year, part=said[0][0] if said else before[-1][0] if before else whole)


def change_since(ev: Evidence, fact: Fact) -> int | None:
    """The year the figure's change is stated against: the one its own change names ("比2012年提高5.63个百分点"),
    else the one its passage set before it as the base of all changes after ("比2012年(下同)增长47.7%"), else,
    for one year's change, the year before it ("2022年…同比增长5.5%" for "比21年增长多少")."""
    own = base_years(fact.change or (fact.window if fact.is_change else ""))
    if own:
        return own[0]
    at = ev.hit.chunk.text.find(ev.sentence)
    said = ev.sentence[:max(ev.sentence.find(fact.window), 0)]
    onward = onward_base(ev.hit.chunk.text[:at] + said if at >= 0 else said)
    one_year = ev.label.year is not None and ev.label.span is None and fact.states_change
    return ev.label.year - 1 if onward is None and one_year else onward


def assess(q: Question, sentences: Sentences) -> list[Evidence]:
    """The sentences as evidence for `q`; coverage counts the section title too."""
    # a list's items need not repeat the metric ("外贸要开拓哪些新兴市场")
    require_metric = q.intent != LIST
    # the prose leading into a figure or a date says what it is of, not whose name or which items a sentence gives
    led = q.intent in (FIGURE, COMPARISON) or asks_when(q)
    said = (lambda s: s.folded + s.led) if led else (lambda s: s.folded)  # noqa: E731
    if not (require_metric and q.metrics and sum(t.weight for t in q.terms)):
        return [Evidence(s.hit, s.text, s.label, *_coverage(q, said(s), require_metric)) for s in sentences.items]
    # most sentences do not name the metric, so cover nothing: they are told apart at once
    naming, unnamed = sentences.naming(q.terms[0]), (0.0, (q.terms[0].text,))
    return [Evidence(s.hit, s.text, s.label, *(_coverage(q, said(s), True) if i in naming else unnamed))
            for i, s in enumerate(sentences.items)]


def gather(q: Question, hits: list[Hit]) -> list[Evidence]:
    """Every sentence of the hits as evidence for `q`."""
    return assess(q, Sentences(hits))


def unique(evidence: list[Evidence]) -> list[Evidence]:
    """The evidence without repeated sentences, first occurrence kept."""
    seen, out = set(), []
    for ev in evidence:
        if ev.sentence not in seen:
            seen.add(ev.sentence)
            out.append(ev)
    return out


def coverage(q: Question, text: str, require_metric: bool = True) -> tuple[float, tuple[str, ...]]:
    """Weighted share of the question's topic terms found in `text`, and the terms missing."""
    return _coverage(q, fold(text), require_metric)


def _coverage(q: Question, folded: str, require_metric: bool) -> tuple[float, tuple[str, ...]]:
    total = sum(t.weight for t in q.terms)
    if not total:
        return 0.0, ()
    if require_metric and q.metrics and not q.terms[0].found_in(folded):
        return 0.0, (q.terms[0].text,)  # the metric asked about must be named
    if require_metric and (unsaid := tuple(t.text for t in q.terms if t.required and not t.found_in(folded))):
        return 0.0, unsaid  # and so must a place's own zone: the place's figures are not the zone's
    found = [t.found_in(folded) for t in q.terms]
    return (sum(t.weight for t, f in zip(q.terms, found) if f) / total,
            tuple(t.text for t, f in zip(q.terms, found) if not f))


def pairs(text: str) -> set[str]:
    """The pairs of adjacent characters of `text`: how much of a question's wording a clause shares."""
    return {text[i:i + 2] for i in range(len(text) - 1)}


def change_groups(change: str) -> set[str | None]:
    """The unit groups of the figures in a change clause: "增长7.1%" a rate, "前移5个名次" a rank."""
    units = tuple(u for group in unit_groups().values() for u in group)
    return {unit_group(m.group(1)) for m in _figure_in(units).finditer(change)}


@lru_cache(maxsize=4)
def _figure_in(units: tuple[str, ...]) -> re.Pattern:
    """A figure in one of `units`, the unit captured."""
    return re.compile(rf"{NUMBER}\s*({alternation(units)})")


def unit_agrees(q: Question, fact: Fact) -> bool:
    """Whether the figure, or its change, is of the kind asked for (a rate, a rank, money, an area,
    a count), or else of a kind the metric asked about is measured in (`metric_units.tsv`); a share
    of the metric ("出口占全省的50.6%", "工业对GDP增长贡献率45%", "全市21.7%的地区生产总值") is not the metric,
    nor its rate, unless a share is asked for."""
    groups = {unit_group(fact.unit)}
    if fact.change:
        groups |= change_groups(fact.change)
    asks_share = any(w in q.normalised for w in cues().get("share", ()))
    if not asks_share and (any(w in fact.subject for w in figure_words().get("share", ())) or share_named_after(fact)):
        return False
    if q.unit is not None:
        return q.unit in groups and (q.unit != "count" or counts_people(fact.unit) or not asks_people(q.normalised))
    measured_in = set(metric_units().get(q.metrics[0], ())) if q.metrics else set()
    return not measured_in or bool(groups & measured_in)


def time_agrees(q: Question, tl: TimeLabel, year: int | None = None, kind: str | None = None) -> bool:
    """Whether a sentence labelled `tl` is about the year (or period) and kind asked, or those given.

    A multi-year figure (十四五 totals, goals for 2030) answers only a question about its period,
    or about the year its goal is set for, or, with no year asked, a rank or a name (哪个, 有哪些)
    a past period's review gives, or what the question asks of a period in its words without
    naming one ("年均增长多少", "累计多少": the `span` words of timecues.tsv); an estimate answers a
    question about results.
    """
    year = year if year is not None else q.year
    kind = kind if kind is not None else q.kind
    accepted = (RESULT, ESTIMATE, None) if kind == RESULT else (kind, None)
    if q.over_years:  # "这几年一共…": a past period's total or change ("四年来…累计投入"), or the recent years' ("近年来")
        return (tl.span is not None or tl.year is None and tl.kind == RESULT) and tl.kind in accepted
    if q.span is not None:  # a period's estimate ("十二五…预计年均增长8.5%") answers for its result too
        return tl.span == q.span and (kind is None or tl.kind in accepted)
    # a standing stated over a period ("十四五…规模稳居全国第4位") still holds when no year is asked,
    # as does a name its review gives ("苏州工业园区…稳居第一"), and a name asked of no kind either
    # that its plan gives ("明确了其作为…核心功能区…的功能定位")
    standing = year is None and (q.unit == "rank" or cue_scores(q.normalised)[SPAN] > 0 or q.intent in (ENTITY, LIST)
                                 and (tl.year is None or q.intent == ENTITY and kind is None))
    if tl.span is not None and not standing and (year is None or tl.year != year):
        return False
    if year is not None and tl.year != year:
        return False
    return kind is None or tl.kind in accepted


@dataclass
class Answer:
    """What the asker gets: the reply text, the figure with its year and kind, and its sources."""

    question: str
    answer: str
    _: KW_ONLY  # Answer(q, text, abstained=True): what a reader must never have to count to
    abstained: bool
    value: str | None = None
    year: int | None = None
    kind: str | None = None  # "result" | "target" | None
    sources: list[Source] = field(default_factory=list)
    latency_ms: float = 0.0
    confidence: float = 0.0
    explanation: str = ""
    evidence: int = 1  # how many of the first sources hold the figures (two for a comparison)
    query: Question | None = field(default=None, repr=False)  # what a follow-up builds on
    # a trend's figures in time order, for a chart: (year, kind, number, unit), kind result/target
    series: tuple[tuple[int, str, float, str], ...] = ()

    @property
    def metric(self) -> str | None:
        return self.query.metrics[0] if self.query and self.query.metrics else None

    @property
    def place(self) -> str | None:
        return self.sources[0].place if self.sources else None

    def to_dict(self) -> dict:
        """The output contract of `zoneqa ask --json`."""
        return {"question": self.question, "answer": self.answer, "abstained": self.abstained,
                "value": self.value, "year": self.year, "kind": self.kind,
                "sources": [s.to_dict() for s in self.sources],
                "latency_ms": round(self.latency_ms, 1)}


# Which of a sentence's figures the question's own words pick, and which they rule out.

def distinct(q: Question, sentence: str, fact: Fact) -> int:
    """How many pairs of characters of the question the figure's own words say that no other figure's
    of its sentence say: "应到代表127人，…，实到代表113人" is told apart by 实到; of a list's items
    ("20项重点指标、7大重点任务、10个民生项目"), a count by the words after it."""
    segs = segments(sentence)
    others = set().union(*(pairs(fold(s)) for i, s in enumerate(segs) if i != fact.segment and values_in(s)))
    own, listed = fact.item or fact.window, _items(fact.window)
    if not fact.item and len(listed) > 1:
        own = next((i for i in listed if re.match(rf"{re.escape(fact.value)}(?!\d)", i)), own)
        others |= set().union(*(pairs(fold(i)) for i in listed if i != own))
    # the question's 分别 (`respectively`) picks no figure: a clause giving two groups' figures by it says it too
    asked = re.sub(alternation(figure_words().get("respectively", ())), "\0", q.normalised)
    return len(pairs(asked) & pairs(fold(own)) - others)


def _items(clause: str) -> list[str]:
    """A list's items (list_marks.tsv `joiner`: "A、B以及C"), each from its first figure on: the words
    before the list's first figure say what all its items are for ("高新区将通过20项…")."""
    joiners = list_marks().get("joiner", ())
    parts = re.split(alternation(joiners), clause) if joiners else [clause]
    return [p[m.start():] for p in parts if (m := re.search(r"\d", p))]


def given(q: Question, fact: Fact) -> bool:
    """"11项主要经济指标有几项没完成双过半": a figure the question itself states, when it asks for one,
    is what it asks within, not its answer (a yes/no question's figure is, where a report states it)."""
    return q.shape == Shape.FIGURE and not q.threshold \
        and re.search(rf"(?<![\d.]){re.escape(fact.value)}", q.normalised) is not None


def of_a_thing_after(q: Question, fact: Fact) -> bool:
    """"完成总投资4152万元的伊河城区段综合整治工程": a figure said of the thing named after it with 的 is that thing's
    (the project's total, not the place's investment): it answers only a question naming the thing ("伊河城区段综合
    整治工程总投资多少", "形成…的水面有多大"); a figure said of its own kind so (figure_words.tsv `own_after`:
    "实现8.5%的增长", "以12%的速度增长", "完成100亿元的目标") is the metric's."""
    at = fact.window.find(fact.value)
    m = re.match(r"的([\u4e00-\u9fff][^，,；;。]*)", fact.window[at + len(fact.value):]) if at >= 0 else None
    if m is None or m.group(1).startswith(figure_words().get("own_after", ()) or ("\0",)):
        return False
    thing = fold(m.group(1))
    return not any(t.found_in(thing) for t in q.terms if t.text not in q.places)


def counted_before(sentence: str, fact: Fact, read: str) -> str:
    """"全年谋划实施项目382个，…，开工248个，竣工投产141个": a count whose clause says no more than its verb before
    it (`COUNT_VERB` characters at most) counts the thing (figure_words.tsv `measured_thing`) the nearest clause
    before it counts in the same unit: its clause `read` with that thing's name before it ("项目开工248个")."""
    things, at = figure_words().get("measured_thing", ()), fact.window.find(fact.value)
    if unit_group(fact.unit) != "count" or at < 0 or at > COUNT_VERB or any(t in fact.window for t in things):
        return read
    for clause in reversed(segments(sentence)[:fact.segment]):
        counted = [v for v in values_in(clause) if v[4] == fact.unit]
        named = [t for t in things if counted and t in clause[:counted[-1][0]]]
        if counted:
            return max(named, key=len) + read if named else read
    return read


def of_a_thing_before(q: Question, ev: Evidence, fact: Fact) -> bool:
    """"共有12个技改项目,累计完成投资1.27亿元": a figure whose clause names the metric asked only by a bare
    measure word (figure_words.tsv `measure`: 投资 for 固定资产投资) is the figure of a thing (`measured_thing`)
    its clause names before it, or the clause before names when its own opens on its verb (`reach`, `name_verb`)
    after a word at most ("累计完成投资", "年度完成投资"), unless the question names that thing too."""
    things = [w for w in figure_words().get("measured_thing", ()) if w not in q.normalised]
    if not q.metrics or not things:
        return False
    at = fact.window.find(fact.value)
    clause = fold(fact.window[:at] if at >= 0 else fact.window)
    named = [f for f in q.terms[0].forms if f in clause]
    if not named or not set(named) <= set(figure_words().get("measure", ())):
        return False
    own = clause[: clause.find(max(named, key=len))]
    before = segments(ev.sentence)[fact.segment - 1] if fact.segment and subjectless(own) else ""
    return any(w in own or w in fold(before) for w in things)


def before_the_part(q: Question, ev: Evidence, fact: Fact) -> bool:
    """"到10月底完成了多少": a question naming a part of its year gone by asks what was done in it, which a sentence
    naming that part says after naming it; a figure said before ("总投资678亿元,截至10月底,已完成投资193亿元": the
    projects' total) is not of the part."""
    if not re.search(year_part(to_arabic), q.normalised):
        return False
    at = next((i for i, seg in enumerate(segments(ev.sentence)) if re.search(year_part(), fold(seg))), None)
    return at is not None and fact.segment < at


def named_before(q: Question, ev: Evidence, fact: Fact) -> bool:
    """Whether the metric asked is the nearest metric named where a figure's subject is: its own
    clause, or else the closest clause before it (or its section) that names a metric. A clause
    after the figure speaks of something else ("规模以上工业增加值增长7.5%，工业对GDP增长贡献率45%":
    7.5% is not GDP's), and so does a figure after another metric's name ("地区生产总值实现432.6
    亿元，固定资产投资总量211.9亿元，建筑业完成151.6亿元，较去年增长21.8%": 21.8% is not GDP's), or one
    in a unit the metric is not measured in after the metric's own figure ("完成总投资4152万元…，形成长2.3公里…的
    水面": 2.3公里 is no investment's; but "力争实现工业产值破千亿，确保…项目240个以上" quotes the metric's clause)."""
    if not q.metrics:
        return True
    lead = ev.hit.chunk.lead  # "——粮食生产再创新高。…，总产量达到853.2亿斤": 总产量 is 粮食's
    # read with the heads earlier clauses say: "全镇有规模以上企业7家，产值14.33亿元" is their 产值
    said = measured_heads(segments(headed(lead, fold("，".join(segments(ev.sentence)[: fact.segment + 1])))))
    before = [fold(ev.hit.chunk.section_title()), continued(ev.hit, ev.sentence), *said]
    for at, folded in reversed(list(enumerate(before))):
        if q.terms[0].found_in(folded):
            return at == len(before) - 1 or unit_agrees(q, fact) or not values_in(folded)
        if _names_another(q, folded):
            return False
    return False


def _names_another(q: Question, folded: str) -> bool:
    """Whether a text that does not name the metric asked names another metric: one of
    synonyms.tsv, or a longer name holding the asked one (人均GDP, 万元GDP), unless the question
    says it too ("GDP排名" asks about 排名 as well) or it holds another word of the question
    ("财政收入里税收占多少比例" asks about 税收占比); a fellow part's metric always is another
    ("财政总收入跟一般预算收入各多少": "一般预算收入完成7309万元" is not 财政总收入's)."""
    term = q.terms[0]
    if any(s in folded and s not in q.normalised for s in term.shadows):
        return True
    if any(n in folded for m in q.siblings for n in metric_names(m, load_vocab())):
        return True
    rank = figure_words().get("rank_said", ()) if q.unit == "rank" else ()  # "…,排名全省第二": the rank asked
    said = tuple(f for t in q.terms[1:] for f in t.forms) + rank
    return any(n in folded for n in _other_metrics(term.forms, q.normalised, said))


@lru_cache(maxsize=64)
def _other_metrics(forms: tuple[str, ...], question: str, said: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(n for n in metric_forms(load_vocab()) if n not in forms and n not in question
                 and not any(w in n for w in said))
