"""Questions → answers: the figure, its year, result or target, and its source — or an honest refusal.

No language model: the answer is a clause of a report, chosen because it names what was asked,
for the year and kind asked. The pipeline:

1. read the question (question.py) and refuse what figures cannot answer (why-questions, no topic);
2. scope it to the reports about the place asked (the default place when none is named), and
   read its 去年/今年 against that place's latest report;
3. retrieve passages and split them into labelled evidence sentences (evidence.py);
4. score every figure or sentence as a candidate and take the best (scoring.py), or compare two
   (comparison.py);
5. word the answer or the refusal in Chinese (wording.py).

Below the confidence threshold (ZONEQA_ABSTAIN_THRESHOLD, default 0.5) it abstains. Years and
kinds are never mixed: a figure for another year or kind is only offered as "资料中只有…".
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

from bot.answering import comparison, scoring, wording
from bot.answering.evidence import Evidence, Source, gather, unique
from bot.answering.facts import RATE, values_in
from bot.answering.question import COMPARISON, ENTITY, LIST, WHY, Question, clean, parse, problem
from bot.answering.scoring import Candidate
from bot.answering.settings import AnswerSettings
from bot.answering.vocabulary import gazetteer
from index.search.searcher import Searcher
from index.settings import IndexSettings
from index.text.normalise import fold
from index.text.timelabel import RESULT

RETRIEVE_K = 12
EXTRA_SOURCES = 2  # passages cited after the evidence, for context


@dataclass
class Answer:
    """What the asker gets: the reply text, the figure with its year and kind, and its sources."""

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


class Answerer:
    """Loads the index and model once; `ask` is thread-safe and may run off the event loop."""

    def __init__(self, searcher: Searcher, settings: AnswerSettings):
        self.searcher = searcher
        self.settings = settings
        docs = searcher.documents()
        self._place_of = {d["doc_id"]: self._canonical_place(d["place"]) for d in docs}
        self._places = tuple(sorted(set(self._place_of.values())))
        self._default = self._canonical_place(settings.default_place)  # when a question names none
        self._latest: dict[str, int] = {}  # each place's "now": the year of its latest report
        for d in docs:
            place = self._place_of[d["doc_id"]]
            self._latest[place] = max(self._latest.get(place, 0), int(d["date"][:4]))
        texts: dict[str, list[str]] = {}
        for c in searcher.index.chunks:
            texts.setdefault(self._place_of.get(c.doc_id, ""), []).append(c.text)
        self._place_text = {p: fold("\n".join(t)) for p, t in texts.items()}

    @classmethod
    def load(cls, index: IndexSettings, settings: AnswerSettings) -> "Answerer":
        """Open (building on first use) the index and return a ready answerer."""
        return cls(Searcher.open(index), settings)

    def documents(self) -> list[dict]:
        """The reports it answers from: dicts with doc_id, title, date, place, source."""
        return sorted(self.searcher.documents(), key=lambda d: (d["date"], d["doc_id"]))

    def now(self, place: str | None) -> int:
        """The year 今年 means in a question about `place`: ZONEQA_REPORTING_YEAR when set, else
        the year of that place's latest report, so reports of other places never move it."""
        return self.settings.reporting_year or self._latest.get(place or "", max(self._latest.values()))

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
        before = previous.query if previous else None
        guess = self.now(self._default)
        q = parse(text, guess, self._places, before)
        if q.intent == WHY:
            return Answer(text, wording.WHY_REFUSAL, True, query=q,
                          explanation="why-questions are not covered by figures")
        if not q.terms:
            return Answer(text, wording.no_topic(previous is not None), True, query=q,
                          explanation="no topic")
        place, refusal = self._scope(q)
        if refusal:
            return Answer(text, refusal, True, query=q, explanation="place not covered or not named")
        now = self.now(place)
        if now != guess:  # the place's own "now": read 去年/今年 again against it
            q = parse(text, now, self._places, before)
        scope = {d for d, p in self._place_of.items() if p == place}
        hits = self.searcher.search(q.search_text(), k=RETRIEVE_K, doc_ids=scope)
        evidence = gather(q, hits)
        if q.intent == COMPARISON:
            return self._compare(text, q, evidence, scope, now)
        if q.intent in (LIST, ENTITY):
            return self._sentence_answer(text, q, evidence)
        return self._figure_answer(text, q, evidence)

    def _scope(self, q: Question) -> tuple[str, str | None]:
        """The place whose reports may answer, or a refusal. A place named but not covered is
        refused by name. With no place named: the default place, else the only place covered,
        else the one place whose reports hold all the question's words, else ask which place."""
        places = set(self._places)
        # A place the reports themselves mention in those words is part of a name or topic
        # ("苏州能讯", "深圳推介活动"), not a request for another place's figures.
        named = [p for p, phrases in q.place_mentions
                 if p in places or not any(ph in t for t in self._place_text.values() for ph in phrases)]
        covered = [p for p in named if p in places]
        if named and not covered:
            return "", wording.place_not_covered(named[0], places)
        if covered:
            return covered[0], None
        if self._default in places:
            return self._default, None
        if len(places) == 1:
            return self._places[0], None
        words = [t for t in q.terms if t.weight >= 1]  # "宁波舟山港…" is asked of 浙江省's reports only
        holding = [p for p, text in self._place_text.items()
                   if words and all(t.found_in(text) for t in words)]
        if len(holding) == 1:
            return holding[0], None
        return "", wording.which_place(places)

    # -- composing ------------------------------------------------------------------------

    def _reply(self, ev: Evidence, window: str, dated: bool = True) -> str:
        return wording.reply(window, ev.label, self._place_of.get(ev.hit.chunk.doc_id, ""), dated)

    @staticmethod
    def _sources(first: list[Evidence], evidence: list[Evidence]) -> list[Source]:
        """The evidence sentences, then up to EXTRA_SOURCES other retrieved passages, whole."""
        out = [e.source() for e in first]
        seen = {s.chunk_id for s in out}
        for e in evidence:
            if e.hit.chunk.chunk_id not in seen and len(out) < len(first) + EXTRA_SOURCES:
                out.append(Source.of(e.hit, e.hit.chunk.text))
                seen.add(e.hit.chunk.chunk_id)
        return out

    @staticmethod
    def _refuse(text: str, q: Question, nearest: Candidate | None, why: str,
                consequence: str = "") -> Answer:
        """An abstention; where the reports have the same thing for another year or kind, say so."""
        other = (nearest.evidence.label, nearest.window) if nearest else None
        return Answer(text, wording.refusal(q, consequence, other), True,
                      sources=[nearest.evidence.source()] if nearest else [], query=q,
                      explanation=why, confidence=nearest.confidence if nearest else 0.0)

    # -- answers --------------------------------------------------------------------------

    def _figure_answer(self, text: str, q: Question, evidence: list[Evidence]) -> Answer:
        threshold = self.settings.abstain_threshold
        if q.year is None and q.kind is None:  # no year asked: the latest results come first
            ranked = scoring.figures(q, evidence, kind=RESULT) or scoring.figures(q, evidence)
        else:
            ranked = scoring.figures(q, evidence)
        best = ranked[0] if ranked else None
        if best is None or best.confidence < threshold:
            other = scoring.nearest(q, [c for c in scoring.figures(q, evidence, timely=False)
                                        if c.confidence >= threshold])
            why = "no figure for this year/kind" if other else "low confidence"
            if best is not None and not other:
                why += f": {best.explain()}"
            return self._refuse(text, q, other[0] if other else None, why)
        fact, ev = best.fact, best.evidence
        value = fact.value
        if q.asks_change and q.unit in (None, "percent") and fact.change and fact.unit != RATE:
            rates = values_in(fact.change)  # "增长了多少" asks for the rate, not the amount
            value = rates[0][2] if rates else value
        return Answer(text, self._reply(ev, best.window), False, value=value, year=ev.label.year,
                      kind=ev.label.kind, sources=self._sources([ev], evidence),
                      confidence=best.confidence, explanation=best.explain(), query=q)

    def _compare(self, text: str, q: Question, evidence: list[Evidence],
                 scope: set[str], now: int) -> Answer:
        compared = comparison.sides(q, now)
        best = []
        for year, kind in compared:
            # each side gets its own retrieval, so a strong match for one year can't crowd out the other
            hits = self.searcher.search(f"{year}年{q.topic()}", k=RETRIEVE_K, doc_ids=scope)
            ranked = scoring.figures(q, gather(q, hits) + evidence, year=year, kind=kind)
            if not ranked or ranked[0].confidence < self.settings.abstain_threshold:
                return self._refuse(text, replace(q, years=(year,), kind=kind), None,
                                    f"comparison: nothing for {year} {kind}", "，无法比较")
            best.append(ranked[0])
        a, b = best
        diff = comparison.difference(q, b.fact, a.fact) if q.asks_attained else \
            comparison.difference(q, a.fact, b.fact)
        if q.asks_attained:
            return self._attainment(text, q, compared[0][0], a, b, diff, evidence)
        if diff is None:
            return self._refuse(text, q, None, "comparison: units differ")
        metric = q.metrics[0] if q.metrics else a.fact.subject
        place = self._place_of.get(a.evidence.hit.chunk.doc_id, "")
        (year, kind), _ = compared
        return Answer(text, comparison.reply(compared, diff, metric, place), False,
                      value=diff.shown(), year=year, kind=kind,
                      sources=self._sources([a.evidence, b.evidence], evidence), evidence=2,
                      confidence=min(a.confidence, b.confidence),
                      explanation=f"{a.explain()} | {b.explain()}", query=q)

    def _attainment(self, text: str, q: Question, year: int, target: scoring.Candidate,
                    result: scoring.Candidate, diff, evidence: list[Evidence]) -> Answer:
        """A year's target and its result side by side, and whether it was reached."""
        reached = comparison.attained(target.fact, result.fact, diff)
        place = self._place_of.get(target.evidence.hit.chunk.doc_id, "")
        reply = comparison.attainment_reply(year, wording.squash(target.window),
                                            wording.squash(result.window), reached, place)
        return Answer(text, reply, False, value=result.fact.value, year=year, kind=RESULT,
                      sources=self._sources([target.evidence, result.evidence], evidence), evidence=2,
                      confidence=min(target.confidence, result.confidence),
                      explanation=f"{target.explain()} | {result.explain()}", query=q)

    def _closest(self, tied: list[Evidence], q: Question) -> Evidence:
        """Among sentences that cover the question equally, the one the encoder finds closest."""
        tied = unique(tied)
        if len(tied) == 1:
            return tied[0]
        embedder = self.searcher.embedder
        sims = embedder.passages([e.sentence for e in tied]) @ embedder.query(q.normalised)
        return tied[int(sims.argmax())]

    def _sentence_answer(self, text: str, q: Question, evidence: list[Evidence]) -> Answer:
        ranked = scoring.sentences(q, evidence)
        if not ranked or ranked[0].coverage < self.settings.abstain_threshold:
            return self._refuse(text, q, None, "low coverage")
        ev = self._closest([e for e in ranked if e.coverage == ranked[0].coverage], q)
        window = wording.focus(ev.sentence, q)
        dated = q.intent == LIST or bool(values_in(window))  # a figure always says its year
        return Answer(text, self._reply(ev, window, dated=dated), False,
                      year=ev.label.year, kind=ev.label.kind,
                      sources=self._sources([ev], evidence), confidence=ev.coverage,
                      explanation=Candidate(ev, None, window, ev.coverage).explain(), query=q)
