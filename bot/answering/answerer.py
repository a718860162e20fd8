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
from collections.abc import Callable
from dataclasses import replace
from functools import cached_property

import numpy as np

from bot.answering import comparison, scoring, wording
from bot.answering.kinds import over_time, parts, places
from bot.answering.evidence import Answer, Evidence, Source, coverage, gather, unique
from bot.answering.facts import RATE, values_in
from bot.answering.question import COMPARISON, ENTITY, LIST, WHY, Question, asks_byline, parse
from bot.answering.typed import clean, problem
from bot.answering.scoring import Candidate
from bot.answering.settings import AnswerSettings
from bot.answering.vocabulary import place_namer
from index import datafiles
from index.search.searcher import Searcher
from index.settings import IndexSettings
from index.text.chunking import Chunk
from index.text.normalise import fold
from index.text.timelabel import RESULT

RETRIEVE_K = 12
EXTRA_SOURCES = 2  # passages cited after the evidence, for context


def _kept(cache: dict, key, compute: Callable):
    """cache[key], computed on first use. `ask` runs on several threads: two computing the same
    value at once is harmless, one of the equal results is kept."""
    if key not in cache:
        cache.setdefault(key, compute(key))
    return cache[key]


class Answerer:
    """Loads the index and model once; `ask` is thread-safe and may run off the event loop."""

    def __init__(self, searcher: Searcher, settings: AnswerSettings):
        self.searcher = searcher
        self.settings = settings
        docs = searcher.documents()
        canonical = place_namer()
        self._place_of = {d["doc_id"]: canonical(d["place"]) for d in docs}
        self._places = tuple(sorted(set(self._place_of.values())))
        self._default = canonical(settings.default_place)  # when a question names none
        self._latest: dict[str, int] = {}  # each place's "now": the year of its latest report
        for d in docs:
            place = self._place_of[d["doc_id"]]
            self._latest[place] = max(self._latest.get(place, 0), int(d["date"][:4]))
        self._docs = {d["doc_id"]: d for d in docs}
        latest = sorted(docs, key=lambda d: d["date"], reverse=True)
        self._rank = {d["doc_id"]: i for i, d in enumerate(latest)}  # 0: the latest report
        self._delivered = {(self._place_of[d["doc_id"]], d["date"][:4]): d for d in reversed(latest)
                           if d.get("delivered")}  # the latest report of a place and year
        self._texts, self._chunks, self._parts = {}, {}, {}  # per place or report, on first use

    # What is read from the chunks is read when first needed, per place or report where it can
    # be: a new index is served without a pass over all its chunks.

    @cached_property
    def _reports_in(self) -> dict[str, list[str]]:
        """The places with chunks → their reports."""
        reports: dict[str, list[str]] = {}
        for doc_id in (d for d, span in self.searcher.index.spans.items() if span):
            reports.setdefault(self._place_of.get(doc_id, ""), []).append(doc_id)
        return reports

    def _place_text(self, place: str) -> str:
        """The place's chunks, folded into one text."""
        return _kept(self._texts, place, lambda p: fold("\n".join(c.text for c in self._place_chunks(p))))

    def _sections(self, doc_id: str) -> dict[tuple[str, ...], list[str]]:
        """A report's sections → their sub-sections."""
        return _kept(self._parts, doc_id, self._sub_sections) if doc_id in self.searcher.index.spans else {}

    def _place_chunks(self, place: str) -> list[Chunk]:
        """The chunks of `place`'s reports, in stored order."""
        spans, chunks = self.searcher.index.spans, self.searcher.index.chunks
        return [c for d in sorted(self._reports_in[place], key=lambda d: spans[d].start)
                for c in chunks[spans[d].start:spans[d].stop]]

    def _sub_sections(self, doc_id: str) -> dict[tuple[str, ...], list[str]]:
        """A report's sections → their sub-sections, in reading order."""
        span, parts = self.searcher.index.spans[doc_id], {}
        for c in self.searcher.index.chunks[span.start:span.stop]:
            if c.section:
                sub = parts.setdefault(c.section[:-1], [])
                if c.section[-1] not in sub:
                    sub.append(c.section[-1])
        return parts

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

    # -- the pipeline ---------------------------------------------------------------------

    def ask(self, question: str, previous: Answer | None = None) -> Answer:
        """Answer `question`; `previous` is the last answer in the same conversation (follow-ups).

        Never raises on bad input: empty, emoji-only, over-long or non-Chinese questions
        come back as `abstained=True` with a clear Chinese message in `answer`.
        """
        started = time.perf_counter()
        with datafiles.one_version():  # each data file looked at on disk once per question
            answer = self._answer(question, previous)
        answer.latency_ms = (time.perf_counter() - started) * 1e3
        return answer

    def _answer(self, question: str, previous: Answer | None, encoded: np.ndarray | None = None,
                parsed: Question | None = None) -> Answer:
        """`encoded`, `parsed`: what a question of several clauses computed for this one."""
        text = clean(question)
        message = problem(question)
        if message:
            return Answer(text, message, True, explanation="unreadable input")
        before = previous.query if previous else None
        q = parsed or self.read(text, self._default, before)
        if q.intent == WHY:
            return Answer(text, wording.WHY_REFUSAL, True, query=q,
                          explanation="why-questions are not covered by figures")
        if q.across == "which":
            return places.which(self, text, q)
        if q.across == "each" and not q.places:
            return places.each(self, text, q, before)
        if not q.terms and not q.overview and not q.mentioned:
            return Answer(text, wording.no_topic(previous is not None), True, query=q,
                          explanation="no topic")
        asked = parts.clauses(text, q)
        if len(asked) > 1:  # "去年建成几所学校，新增多少学位": each clause is a question
            read = [self.read(clean(c), self._default, before) for c in asked]
            # one encoding of the whole question serves each clause, whose own words go to BM25
            encoded = self.searcher.encode([q.dense_text()])[0]
            answers = [self._answer(c, previous, encoded, r) for c, r in zip(asked, read)]
            return parts.combined(text, q, answers)
        named, refusal = self._scope(q)
        if refusal:
            return Answer(text, refusal, True, query=q, explanation="place not covered or not named")
        if len(named) > 1:
            return places.side_by_side(self, text, q, named, before)
        same_now = self.now(named[0]) == self.now(self._default)  # then q is read as answer_in would
        return self.answer_in(text, named[0], before, encoded=encoded, parsed=q if same_now else None)

    def answer_in(self, text: str, place: str, before: Question | None, one_of_several: bool = False,
                  encoded: np.ndarray | None = None, parsed: Question | None = None) -> Answer:
        """The answer from `place`'s reports alone, its 去年/今年 read against the place's own.
        `one_of_several`: the question compares places ("江苏和浙江谁增长得快"), and each gives a
        figure; `encoded`: the question's vector, already computed for the other places or clauses;
        `parsed`: the question read for the place."""
        now = self.now(place)
        q = parsed or self.read(text, place, before)
        if one_of_several:
            q = places.one_figure(q, now)
        if asks_byline(q, self._speaker(place, q.year or now)):
            return self._byline(text, q, place, now)
        if q.mentioned:
            return places.mention(self, text, q, place)
        scope = {d for d, p in self._place_of.items() if p == place}
        # One encoding for every retrieval the question needs: one deep enough for all its parts,
        # and for a comparison one more per side, whose BM25 looks for that year's figure in the
        # report that states it, so a strong match for one year can't crowd out the other.
        depth = RETRIEVE_K * (2 if q.trend else len(q.parts()))
        compared = q.intent == COMPARISON and not (q.overview or q.several or q.trend)
        sides = comparison.sides(q, now) if compared else []
        encoded = self.searcher.encode([q.dense_text()])[0] if encoded is None else encoded
        hits = self.searcher.search_encoded(q.search_text(), encoded, depth, scope)
        dated = {d: self._docs[d]["date"] for d in scope}
        side_hits = [self.searcher.search_encoded(f"{year}年{q.topic()}", encoded, depth,
                                                  comparison.stating((year, kind), dated))
                     for year, kind in sides]
        if q.overview or q.several:
            return parts.several(self, text, q, hits)
        if q.trend:
            return over_time.trend(self, text, q, hits, sorted(dated.values()))
        evidence = gather(q, hits)
        if q.intent == COMPARISON:
            return self._compare(text, q, evidence, list(zip(sides, side_hits)))
        if q.intent in (LIST, ENTITY):
            return self._sentence_answer(text, q, evidence)
        answer = self.figure_answer(text, q, evidence)
        return over_time.yes_or_no(answer, q) if q.threshold else answer

    def read(self, text: str, place: str, before: Question | None) -> Question:
        """The question as read for `place`: its 今年 is the year of the place's latest report."""
        return parse(text, self.now(place), self._places, before)

    def places(self) -> list[str]:
        """The places the reports cover, in a stable order."""
        return list(self._places)

    def document(self, doc_id: str) -> dict:
        return self._docs.get(doc_id, {})

    def chunks_of(self, place: str) -> list:
        """The place's chunks, its latest report first, each in reading order."""
        if place not in self._reports_in:
            return []
        return _kept(self._chunks, place, lambda p: sorted(
            self._place_chunks(p), key=lambda c: self._rank.get(c.doc_id, len(self._rank))))

    def _scope(self, q: Question) -> tuple[list[str], str | None]:
        """The places whose reports may answer (several when several are named), or a refusal. A place named but not covered is
        refused by name. With no place named: the default place, else the only place covered,
        else the one place whose reports hold all the question's words, else ask which place."""
        places = set(self._places)
        # A place the reports themselves mention in those words is part of a name or topic
        # ("苏州能讯", "深圳推介活动"), not a request for another place's figures.
        named = [p for p, phrases in q.place_mentions
                 if p in places or not any(ph in self._place_text(t) for t in self._reports_in for ph in phrases)]
        covered = [p for p in named if p in places]
        if named and not covered:
            return [], wording.place_not_covered(named[0], places)
        if covered:
            return covered, None
        if self._default in places:
            return [self._default], None
        if len(places) == 1:
            return [self._places[0]], None
        words = [t for t in q.terms if t.weight >= 1]  # "宁波舟山港…" is asked of 浙江省's reports only
        holding = [p for p in self._reports_in if words and all(t.found_in(self._place_text(p)) for t in words)]
        if len(holding) == 1:
            return holding, None
        return [], wording.which_place(places)

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

    def figure_answer(self, text: str, q: Question, evidence: list[Evidence], offer: bool = True) -> Answer:
        """The best figure for `q`, or a refusal; `offer`: one offering another year's ("资料中只有…")."""
        threshold = self.settings.abstain_threshold
        if q.year is None and q.kind is None:  # no year asked: the latest results come first
            ranked = scoring.figures(q, evidence, kind=RESULT) or scoring.figures(q, evidence)
        else:
            ranked = scoring.figures(q, evidence)
        best = ranked[0] if ranked else None
        if best is None or best.confidence < threshold:
            if not offer:
                return self._refuse(text, q, None, "no figure for this year/kind")
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

    def _compare(self, text: str, q: Question, evidence: list[Evidence], sides) -> Answer:
        """Two figures of one metric, each side (year, kind) from its own retrieval and the question's."""
        compared = [side for side, _ in sides]
        best = []
        for (year, kind), hits in sides:
            ranked = scoring.figures(q, gather(q, hits[:RETRIEVE_K]) + evidence, year=year, kind=kind)
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

    def _speaker(self, place: str, year: int) -> str:
        doc = self._delivered.get((place, str(year)), {})
        return doc.get("speaker") or doc.get("delivered", "")

    def _byline(self, text: str, q: Question, place: str, now: int) -> Answer:
        """Who delivered a report and at which meeting, as the report's opening lines say it."""
        year = q.year or now
        doc = self._delivered.get((place, str(year)))
        if doc is None:
            return Answer(text, wording.no_byline(place, year), True, query=q,
                          explanation="no report of that place and year says who delivered it")
        said = "，".join(v for v in (doc["delivered"], doc.get("speaker")) if v)
        source = Source(doc["doc_id"], doc["title"], "", said, 1.0, place=place)
        return Answer(text, wording.byline(doc["title"], said), False, year=year,
                      sources=[source], confidence=1.0, explanation="the report's opening lines",
                      query=q)

    def _listed_parts(self, ev: Evidence, q: Question) -> list[str]:
        """The sub-sections a list question is answered by: those of the section the sentence
        announces ("重点抓好以下14个方面的工作："), or of a section whose title is the topic
        ("2026年省十件民生实事")."""
        chunk = ev.hit.chunk
        if ev.sentence.rstrip().endswith(("：", ":")):
            return self._sections(chunk.doc_id).get(chunk.section, [])
        for depth in range(len(chunk.section), 0, -1):
            if coverage(q, chunk.section[depth - 1])[0] >= self.settings.abstain_threshold:
                return self._sections(chunk.doc_id).get(chunk.section[:depth], [])
        return []

    @staticmethod
    def _closest(tied: list[Evidence], q: Question) -> Evidence:
        """Among sentences that cover the question equally: for a list, the one listing the most
        items; else the better retrieved."""
        def items(ev: Evidence) -> int:
            return ev.sentence.count("、") if q.intent == LIST else 0
        return max(unique(tied), key=lambda ev: (items(ev), -ev.hit.rank))

    def _sentence_answer(self, text: str, q: Question, evidence: list[Evidence]) -> Answer:
        ranked = scoring.sentences(q, evidence)
        if not ranked or ranked[0].coverage < self.settings.abstain_threshold:
            return self._refuse(text, q, None, "low coverage")
        ev = self._closest([e for e in ranked if e.coverage == ranked[0].coverage], q)
        parts = self._listed_parts(ev, q) if q.intent == LIST else []
        if parts:
            return Answer(text, wording.parts(ev.sentence, parts, ev.label,
                                              self._place_of.get(ev.hit.chunk.doc_id, "")),
                          False, year=ev.label.year, kind=ev.label.kind,
                          sources=self._sources([ev], evidence), confidence=ev.coverage,
                          explanation="the parts of the section the sentence opens", query=q)
        window = wording.focus(ev.sentence, q)
        dated = q.intent == LIST or bool(values_in(window))  # a figure always says its year
        return Answer(text, self._reply(ev, window, dated=dated), False,
                      year=ev.label.year, kind=ev.label.kind,
                      sources=self._sources([ev], evidence), confidence=ev.coverage,
                      explanation=Candidate(ev, None, window, ev.coverage).explain(), query=q)
