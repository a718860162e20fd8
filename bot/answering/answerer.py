"""Questions → answers: the figure, its year, result or target, and its source — or an honest refusal.

No language model: the answer is a clause of a report, chosen because it names what was asked,
for the year and kind asked. Whether to answer is decided by an explainable confidence:

    confidence = topic coverage × unit agreement

- topic coverage: the weighted share of the question's topic words (metric names count
  double, through their synonyms) found in the evidence sentence; the metric asked about
  must be there;
- unit agreement: 1 when the figure has the kind of unit asked for (a rate for 比例, a rank
  for 排第几, 家 for 几家…), 0.7 otherwise.

Below the threshold (ZONEQA_ABSTAIN_THRESHOLD, default 0.5) it abstains. Years and kinds are
never mixed: a figure for another year or kind is only offered as "资料中只有…".
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field, replace

from bot.answering.facts import Fact, extract, segments, values_in
from bot.answering.vocabulary import gazetteer, unit_group
from bot.answering.question import COMPARISON, ENTITY, LIST, WHY, Question, clean, parse, problem
from index.text.chunking import split_sentences
from bot.answering.settings import AnswerSettings
from index.settings import IndexSettings
from index.search.searcher import Hit, Searcher
from index.text.normalise import fold
from index.text.timelabel import RESULT, TARGET, TimeLabel, label

RETRIEVE_K = 12
UNIT_MISMATCH = 0.7
MAX_ANSWER = 150
_LEAD_IN = re.compile(r"^[^。；]{4,40}——")  # "在补短板、惠民生中推动群众生活高质量——"
KIND_WORDS = {RESULT: "实际完成", TARGET: "目标"}


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

    def to_dict(self) -> dict:
        return {"doc_id": self.doc_id, "title": self.title, "section": self.section,
                "text": self.text, "score": round(self.score, 4)}


@dataclass
class Answer:
    question: str
    answer: str
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


@dataclass(frozen=True)
class Evidence:
    """A sentence of a retrieved chunk, with its time label and how well it covers the question."""

    hit: Hit
    sentence: str
    label: TimeLabel
    coverage: float
    missing: tuple[str, ...]

    def source(self) -> Source:
        chunk, doc = self.hit.chunk, self.hit.doc
        return Source(chunk.doc_id, doc.get("title", ""), chunk.section_title(), self.sentence,
                      self.hit.score, chunk.text, chunk.chunk_id, doc.get("place", ""))


@dataclass(frozen=True)
class Pick:
    evidence: Evidence
    fact: Fact | None
    window: str
    confidence: float


def coverage(q: Question, text: str, require_metric: bool = True) -> tuple[float, tuple[str, ...]]:
    """Weighted share of the question's topic terms found in `text`, and the terms missing."""
    folded = fold(text)
    total = sum(t.weight for t in q.terms)
    if not total:
        return 0.0, ()
    if require_metric and q.metrics and not q.terms[0].found_in(folded):
        return 0.0, (q.terms[0].text,)  # the metric asked about must be named
    found = sum(t.weight for t in q.terms if t.found_in(folded))
    return found / total, tuple(t.text for t in q.terms if not t.found_in(folded))


def unit_agrees(q: Question, fact: Fact) -> bool:
    """Whether the figure is of the kind asked for (a rate, a rank, money, an area, a count)."""
    if q.unit is None:
        return True
    groups = {unit_group(fact.unit)}
    if fact.change:
        groups |= {unit_group(v) for v in re.findall(r"[%]|个百分点|个名次|名次", fact.change)}
    return q.unit in groups


def time_agrees(q: Question, tl: TimeLabel, year: int | None = None, kind: str | None = None) -> bool:
    year = year if year is not None else q.year
    kind = kind if kind is not None else q.kind
    if year is not None and tl.year != year:
        return False
    return kind is None or tl.kind in (kind, None)


def _squash(text: str) -> str:
    """Chinese punctuation for the reply; commas inside numbers stay."""
    out = []
    for i, ch in enumerate(text):
        between_digits = 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
        out.append({",": "，", ";": "；", ":": "："}.get(ch, ch) if not between_digits else ch)
    return "".join(out).strip("，；。 ")


class Answerer:
    """Loads the index and model once; `ask` is thread-safe and may run off the event loop."""

    def __init__(self, searcher: Searcher, settings: AnswerSettings):
        self.searcher = searcher
        self.settings = settings
        docs = searcher.documents()
        self.reporting_year = settings.reporting_year or max(int(d["date"][:4]) for d in docs)
        self._place_of = {d["doc_id"]: self._canonical_place(d["place"]) for d in docs}
        self._places = tuple(sorted(set(self._place_of.values())))
        self._corpus_text = fold("\n".join(c.text for c in searcher.index.chunks))

    @classmethod
    def load(cls, index: IndexSettings, settings: AnswerSettings) -> "Answerer":
        """Open (building on first use) the index and return a ready answerer."""
        return cls(Searcher.open(index), settings)

    def documents(self) -> list[dict]:
        """The reports it answers from: dicts with doc_id, title, date, place, source."""
        return sorted(self.searcher.documents(), key=lambda d: (d["date"], d["doc_id"]))

    @staticmethod
    def _canonical_place(place: str) -> str:
        folded = fold(place)
        for canonical, aliases in gazetteer().items():
            if folded == fold(canonical) or folded in aliases:
                return canonical
        return place

    # -- the pipeline ---------------------------------------------------------------------

    def ask(self, question: str, previous: Answer | None = None) -> Answer:
        """Answer `question`; `previous` is the last answer in the same conversation (follow-ups).

        Never raises on bad input: empty, emoji-only, over-long or non-Chinese questions
        come back as `abstained=True` with a clear Chinese message in `answer`.
        """
        started = time.perf_counter()
        answer = self._answer(question, previous)
        answer.latency_ms = (time.perf_counter() - started) * 1e3
        return answer

    def _answer(self, question: str, previous: Answer | None) -> Answer:
        text = clean(question)
        message = problem(question)
        if message:
            return Answer(text, message, True, explanation="unreadable input")
        q = parse(text, self.reporting_year, self._places,
                  previous.query if previous else None)
        if q.intent == WHY:
            return Answer(text, "资料只记录了做了什么、计划做什么和相关数字，没有说明原因，这个问题我答不了。",
                          True, query=q, explanation="why-questions are not covered by figures")
        if not q.terms:
            hint = "请说说您想了解哪项数据，例如：“去年高新区GDP多少？”"
            return Answer(text, ("没有找到上一个问题可以接着问。" if not previous else "") + hint,
                          True, query=q, explanation="no topic")
        scope, refusal = self._scope(q)
        if refusal:
            return Answer(text, refusal, True, query=q, explanation="place not covered")
        hits = self.searcher.search(q.search_text(), k=RETRIEVE_K, doc_ids=scope)
        evidence = self._evidence(q, hits)
        if q.intent == COMPARISON:
            return self._compare(text, q, evidence, scope)
        if q.intent in (LIST, ENTITY):
            return self._sentence_answer(text, q, evidence)
        return self._figure_answer(text, q, evidence)

    def _scope(self, q: Question) -> tuple[set[str] | None, str | None]:
        """Which reports may answer: those about the place named, or the default place."""
        places = set(self._places)
        # A place the reports themselves mention in those words is part of a name or topic
        # ("苏州能讯", "深圳推介活动"), not a request for another place's figures.
        named = [p for p, phrases in q.place_mentions
                 if p in places or not any(ph in self._corpus_text for ph in phrases)]
        covered = [p for p in named if p in places]
        if named and not covered:
            return None, (f"资料中没有关于{named[0]}的数据，目前的报告只涉及"
                          f"{'、'.join(sorted(places))}。")
        place = covered[0] if covered else self.settings.default_place
        if place not in places:
            return None, None
        return {d for d, p in self._place_of.items() if p == place}, None

    def _evidence(self, q: Question, hits: list[Hit]) -> list[Evidence]:
        out = []
        for hit in hits:
            chunk = hit.chunk
            year = int(hit.doc.get("date", str(self.reporting_year))[:4])
            context = TimeLabel(chunk.year, chunk.kind)
            for s, e in split_sentences(chunk.text):
                sentence = chunk.text[s:e]
                cov, missing = coverage(q, f"{chunk.section_title()} {sentence}")
                out.append(Evidence(hit, sentence, label(sentence, year, context), cov, missing))
        return out

    # -- composing ------------------------------------------------------------------------

    def _prefix(self, tl: TimeLabel, place: str) -> str:
        year = f"{tl.year}年" if tl.year else ""
        kind = KIND_WORDS.get(tl.kind or "", "")
        return f"{place}{year}{kind}：" if (year or kind) else f"{place}："

    def _reply(self, ev: Evidence, window: str, dated: bool = True) -> str:
        place = self._place_of.get(ev.hit.chunk.doc_id, "")
        body = _LEAD_IN.sub("", _squash(window))
        if place and body.startswith(place):
            body = body[len(place):].lstrip("，")
        prefix = self._prefix(ev.label, place) if dated else f"{place}："
        text = f"{prefix}{body}。"
        return text if len(text) <= MAX_ANSWER else text[:MAX_ANSWER - 1] + "…"

    def _sources(self, first: list[Evidence], evidence: list[Evidence]) -> list[Source]:
        out = [e.source() for e in first]
        seen = {s.chunk_id for s in out}
        for e in evidence:
            if e.hit.chunk.chunk_id not in seen and len(out) < len(first) + 2:
                out.append(Source(e.hit.chunk.doc_id, e.hit.doc.get("title", ""),
                                  e.hit.chunk.section_title(), e.hit.chunk.text, e.hit.score,
                                  e.hit.chunk.text, e.hit.chunk.chunk_id, e.hit.doc.get("place", "")))
                seen.add(e.hit.chunk.chunk_id)
        return out

    def _explain(self, pick: Pick) -> str:
        ev = pick.evidence
        missing = f"，缺少{'、'.join(ev.missing)}" if ev.missing else ""
        return (f"confidence {pick.confidence:.2f} = coverage {ev.coverage:.2f}{missing}"
                f" × unit {pick.confidence / ev.coverage if ev.coverage else 0:.1f}; "
                f"label {ev.label.year} {ev.label.kind}; retrieval rank {ev.hit.rank}")

    def _refuse(self, text: str, q: Question, nearest: Pick | None, why: str,
                consequence: str = "") -> Answer:
        """An abstention; where the reports have the same thing for another year or kind, say so."""
        what = self._describe(q)
        reply = f"资料中没有{what}{consequence}。"
        sources = []
        if nearest is not None:
            near = nearest.evidence
            other = self._prefix(near.label, "").rstrip("：")
            reply += f"资料中只有{other}：{_squash(nearest.window)}。"
            sources = [near.source()]
        if len(reply) > MAX_ANSWER:
            reply = reply[:MAX_ANSWER - 1] + "…"
        return Answer(text, reply, True, sources=sources, query=q, explanation=why,
                      confidence=nearest.confidence if nearest else 0.0)

    def _describe(self, q: Question) -> str:
        year = f"{q.year}年" if q.year else ""
        topic = q.metrics[0] if q.metrics else "".join(t.text for t in q.terms[:3])
        kind = {TARGET: "的目标", RESULT: "的完成情况"}.get(q.kind or "", "的数据")
        return f"{year}{topic}{kind}"

    # -- figures --------------------------------------------------------------------------

    def _window(self, ev: Evidence, fact: Fact, q: Question) -> str:
        """The fact's clause, widened back to the clause that names the metric if it does not."""
        if not q.metrics or q.terms[0].found_in(fold(fact.window)):
            return fact.window
        segs = segments(ev.sentence)
        for i in range(fact.segment - 1, -1, -1):
            if q.terms[0].found_in(fold(segs[i])):
                return "，".join(segs[i:fact.segment] + [fact.window])
        return fact.window

    def _picks(self, q: Question, evidence: list[Evidence], year=None, kind=None,
               timely: bool = True) -> list[Pick]:
        picks = []
        for ev in evidence:
            if not ev.coverage or time_agrees(q, ev.label, year, kind) != timely:
                continue
            for fact in extract(ev.sentence):
                # Within one sentence: the clause naming more of the question, then the figure
                # whose own unit (not just its growth rate's) is the one asked for.
                own, _ = coverage(q, fact.window, require_metric=False)
                unit = 1.0 if unit_agrees(q, fact) else UNIT_MISMATCH
                pick = Pick(ev, fact, self._window(ev, fact, q), ev.coverage * unit)
                exact = q.unit is None or unit_group(fact.unit) == q.unit \
                    or (q.asks_change and unit_agrees(q, fact))
                changes = bool(fact.change) if q.asks_change else True
                picks.append((pick, (pick.confidence, exact, own, changes, -ev.hit.rank)))
        picks.sort(key=lambda p: p[1], reverse=True)
        return [p for p, _ in picks]

    def _figure_answer(self, text: str, q: Question, evidence: list[Evidence]) -> Answer:
        threshold = self.settings.abstain_threshold
        if q.year is None and q.kind is None:  # no year asked: the latest results come first
            ranked = self._picks(q, evidence, kind=RESULT) or self._picks(q, evidence)
        else:
            ranked = self._picks(q, evidence)
        best = ranked[0] if ranked else None
        if best is None or best.confidence < threshold:
            other = [p for p in self._picks(q, evidence, timely=False) if p.confidence >= threshold]
            # The nearest thing the reports do say: the closest year, then the same kind.
            other.sort(key=lambda p: (abs((p.evidence.label.year or 0) - (q.year or 0)),
                                      p.evidence.label.kind != q.kind))
            why = "no figure for this year/kind" if other else "low confidence"
            if best is not None and not other:
                why += f": {self._explain(best)}"
            return self._refuse(text, q, other[0] if other else None, why)
        fact, ev = best.fact, best.evidence
        value = fact.value
        if q.asks_change and q.unit in (None, "percent") and fact.change and fact.unit != "%":
            rates = values_in(fact.change)  # "增长了多少" asks for the rate, not the amount
            value = rates[0][2] if rates else value
        return Answer(text, self._reply(ev, best.window), False, value=value, year=ev.label.year,
                      kind=ev.label.kind, sources=self._sources([ev], evidence),
                      confidence=best.confidence, explanation=self._explain(best), query=q)

    # -- comparisons ----------------------------------------------------------------------

    def _compare(self, text: str, q: Question, evidence: list[Evidence],
                 scope: set[str] | None) -> Answer:
        years = list(q.years[:2])
        if len(years) < 2:  # "增速目标比去年低多少": the plan year against the one named
            base = years[0] if years else self.reporting_year - 1
            years = [self.reporting_year, base] if base < self.reporting_year else [base, base - 1]
        kinds = [TARGET if y >= self.reporting_year else RESULT for y in years]
        picks = []
        for y, k in zip(years, kinds):
            # each side gets its own retrieval, so a strong match for one year can't crowd out the other
            hits = self.searcher.search(f"{y}年{q.topic()}", k=RETRIEVE_K, doc_ids=scope)
            ranked = self._picks(q, self._evidence(q, hits) + evidence, year=y, kind=k)
            if not ranked or ranked[0].confidence < self.settings.abstain_threshold:
                missing = replace(q, years=(y,), kind=k)
                return self._refuse(text, missing, None, f"comparison: nothing for {y} {k}",
                                    "，无法比较")
            picks.append(ranked[0])
        a, b = picks
        na, nb, unit = self._comparable(q, a.fact, b.fact)
        if unit is None:
            return self._refuse(text, q, None, "comparison: units differ")
        diff = round(na - nb, 4)
        word = ("高" if diff > 0 else "低") if unit == "个百分点" else ("多" if diff > 0 else "少")
        num = lambda x: f"{x:g}".replace("-", "−")
        metric = q.metrics[0] if q.metrics else a.fact.subject
        what = "增速" if unit == "个百分点" else metric
        shown_a = f"{num(na)}%" if unit == "个百分点" else f"{num(na)}{unit}"
        shown_b = f"{num(nb)}%" if unit == "个百分点" else f"{num(nb)}{unit}"
        reply = (f"{years[0]}年{KIND_WORDS[kinds[0]]}{metric if unit == '个百分点' else ''}{what}{shown_a}，"
                 f"比{years[1]}年{KIND_WORDS[kinds[1]]}的{shown_b}{word}{num(abs(diff))}{unit}"
                 f"（{num(na)}−{num(nb)}={num(diff)}）。")
        place = self._place_of.get(a.evidence.hit.chunk.doc_id, "")
        return Answer(text, f"{place}{reply}"[:MAX_ANSWER], False, value=f"{num(abs(diff))}{unit}",
                      year=years[0], kind=kinds[0],
                      sources=self._sources([a.evidence, b.evidence], evidence), evidence=2,
                      confidence=min(a.confidence, b.confidence),
                      explanation=f"{self._explain(a)} | {self._explain(b)}", query=q)

    @staticmethod
    def _comparable(q: Question, a: Fact, b: Fact) -> tuple[float, float, str | None]:
        """The two numbers to subtract and the unit of the difference (None: not comparable)."""
        if q.asks_change and q.unit == "percent":
            rates = []
            for f in (a, b):
                vals = [v for v in _percent_values(f.change or "")]
                rates.append(vals[0] if vals else None)
            if None in rates:
                return 0, 0, None
            return rates[0], rates[1], "个百分点"
        if a.unit != b.unit:
            return 0, 0, None
        return a.number, b.number, a.unit

    # -- lists and entities ---------------------------------------------------------------

    def _closest(self, tied: list[Evidence], q: Question) -> Evidence:
        """Among sentences that cover the question equally, the one the encoder finds closest."""
        tied = _unique(tied)
        if len(tied) == 1:
            return tied[0]
        embedder = self.searcher.embedder
        sims = embedder.passages([e.sentence for e in tied]) @ embedder.query(q.normalised)
        return tied[int(sims.argmax())]

    def _sentence_answer(self, text: str, q: Question, evidence: list[Evidence]) -> Answer:
        ranked = sorted((ev for ev in evidence if ev.coverage and time_agrees(q, ev.label)),
                        key=lambda ev: (ev.coverage, -ev.hit.rank), reverse=True)
        if not ranked or ranked[0].coverage < self.settings.abstain_threshold:
            return self._refuse(text, q, None, "low coverage")
        ev = self._closest([e for e in ranked if e.coverage == ranked[0].coverage], q)
        window = _focus(ev.sentence, q)
        pick = Pick(ev, None, window, ev.coverage)
        dated = q.intent == LIST or bool(values_in(window))  # a figure always says its year
        return Answer(text, self._reply(ev, window, dated=dated), False,
                      year=ev.label.year, kind=ev.label.kind,
                      sources=self._sources([ev], evidence), confidence=ev.coverage,
                      explanation=self._explain(pick), query=q)


def _unique(evidence: list[Evidence]) -> list[Evidence]:
    seen, out = set(), []
    for ev in evidence:
        if ev.sentence not in seen:
            seen.add(ev.sentence)
            out.append(ev)
    return out


def _percent_values(text: str) -> list[float]:
    return [float(x) for x in re.findall(r"(\d+(?:\.\d+)?)%", text)]


def _focus(sentence: str, q: Question, limit: int = 110) -> str:
    """The sentence, or for a long one the run of clauses around the one that best covers the question."""
    if len(sentence) <= limit:
        return sentence
    segs = segments(sentence)
    scores = [coverage(q, s)[0] for s in segs]
    best = max(range(len(segs)), key=lambda i: scores[i])
    lo = hi = best
    while True:
        grown = False
        for cand in (hi + 1, lo - 1):
            if 0 <= cand < len(segs):
                new_lo, new_hi = min(lo, cand), max(hi, cand)
                if len("，".join(segs[new_lo:new_hi + 1])) <= limit:
                    lo, hi, grown = new_lo, new_hi, True
        if not grown:
            return "，".join(segs[lo:hi + 1])
