"""Questions → answers: the figure, its year, result or target, and its source — or an honest refusal.

No language model: the answer is a clause of a report, chosen because it names what was asked,
for the year and kind asked. The pipeline:

1. read the question (reading/): what was typed, and its metric, year, kind, places and shape
   (where the cue words leave it a plain figure, its vector votes on the shape: shape_vote.py);
2. a question across places or clauses is split into parts, each answered as below, and their
   answers combined (kinds/places.py, kinds/parts.py);
3. otherwise scope it to the reports of the place asked (the default place when none is named;
   reports.py), reading its 去年/今年 against that place's latest report;
4. the shape's handler (ROUTES) retrieves passages on first use (asked.py), takes their
   labelled evidence sentences (evidence.py), scores the candidates (scoring.py) and words the
   answer or the refusal (compose.py, wording.py).

Adding a kind of question is a shape (reading/question.py, with its cue words in
bot/data/question_cues.tsv), a handler and its row in ROUTES.
"""
from __future__ import annotations

import time
from dataclasses import replace

import numpy as np

from bot.answering.asked import Asked, FanOut, Handler, Search
from bot.answering.compose import Composer
from bot.answering.evidence import Answer
from bot.answering.kinds import lists, over_time, parts, places, single
from bot.answering.reading import shape_vote
from bot.answering.reading.asks import asks_byline
from bot.answering.reading.question import VOTED_ON, WIDE, Question, Shape
from bot.answering.reading.typed import clean, problem
from bot.answering.reports import Reports
from bot.answering.settings import AnswerSettings
from bot.answering.vocabulary import shape_exemplars
from bot.answering.wording import heard_as, places_not_covered
from index import datafiles
from index.search.searcher import Searcher
from index.settings import IndexSettings

# How each shape is answered: a handler, or a fan-out whose parts come back through this table.
ROUTES: dict[Shape, Handler | FanOut] = {
    Shape.WHY: single.why,
    Shape.NO_TOPIC: single.no_topic,
    Shape.CLAUSES: parts.CLAUSES,
    Shape.WHICH_PLACES: places.which,
    Shape.EACH_PLACE: places.EACH_PLACE,
    Shape.RANK: places.RANK,
    Shape.SIDE_BY_SIDE: places.SIDE_BY_SIDE,
    Shape.BYLINE: single.byline,
    Shape.MENTION: places.mention,
    Shape.OVERVIEW: parts.several,
    Shape.SEVERAL: parts.several,
    Shape.TREND: over_time.trend,
    Shape.AGAINST: single.against,
    Shape.METRICS: single.metrics,
    Shape.ATTAINED: single.compared,
    Shape.COMPARISON: single.compared,
    Shape.LIST: lists.answer,
    Shape.WHO: single.sentence,
    Shape.YES_NO: over_time.yes_or_no,
    Shape.FIGURE: over_time.figure,
}


def unreadable(question: str) -> Answer | None:
    """The answer to input no question can be read from (empty, over-long, not Chinese), else
    None; it needs neither index nor model, so it can be given before either is loaded."""
    message = problem(question)
    return Answer(clean(question), message, abstained=True, explanation="unreadable input") if message else None


class Answerer:
    """Loads the index and model once; `ask` is thread-safe and may run off the event loop."""

    def __init__(self, searcher: Searcher, settings: AnswerSettings):
        self.searcher = searcher
        self.settings = settings
        self.reports = Reports(searcher.documents(), searcher.index, settings)
        self.compose = Composer(self.reports, settings.abstain_threshold)

    @classmethod
    def load(cls, index: IndexSettings, settings: AnswerSettings) -> "Answerer":
        """Open (building on first use) the index and return a ready answerer."""
        return cls(Searcher.open(index), settings)

    def documents(self) -> list[dict]:
        """The reports it answers from: dicts with doc_id, title, date, place, source."""
        return sorted(self.searcher.documents(), key=lambda d: (d["date"], d["doc_id"]))

    def ask(self, question: str, previous: Answer | None = None) -> Answer:
        """Answer `question`; `previous` is the last answer in the same conversation (follow-ups).

        Never raises on bad input: empty, emoji-only, over-long or non-Chinese questions
        come back as `abstained=True` with a clear Chinese message in `answer`.
        """
        started = time.perf_counter()
        with datafiles.one_version():  # each data file looked at on disk once per question
            # a name typed by sound is answered for, saying so: the slip is read, not offered
            text, heard = (question, ()) if unreadable(question) else self.reports.heard(clean(question))
            answer = self._answer(text, previous)
            if heard:
                answer = replace(answer, answer=f"{heard_as(heard)}\n{answer.answer}")
        answer.latency_ms = (time.perf_counter() - started) * 1e3
        return answer

    def _answer(self, question: str, previous: Answer | None, vector: np.ndarray | None = None,
                parsed: Question | None = None) -> Answer:
        """`vector`, `parsed`: what a question of several clauses computed for this one."""
        if refused := unreadable(question):
            return refused
        text = clean(question)
        before = previous.query if previous else None
        q = parsed or self.reports.read(text, None, before)
        asked = Asked(text, q, before, continued=previous is not None)
        if q.shape in WIDE and q.shape != Shape.CLAUSES:
            return self._route(q.shape, asked, previous)
        named, missing, refusal = self.reports.scope(q)
        if refusal:
            return Answer(text, refusal, abstained=True, query=q, explanation="place not covered or not named")
        if q.shape == Shape.CLAUSES:  # the clauses share the first's place: one not covered is refused above
            return self._route(q.shape, asked, previous)
        if parsed is None and q.shape == VOTED_ON and not q.follow_up:
            vector, q = self._voted(text, q, before)
            asked = replace(asked, q=q)
        if len(named) > 1:
            answer = self._route(Shape.SIDE_BY_SIDE, replace(asked, places=tuple(named)), previous, vector)
        else:
            same_now = self.reports.now(named[0]) == self.reports.now(self.reports.default)
            answer = self._in_place(text, q if same_now else None, named[0], before, vector, q.vote)
        # a place asked beside covered ones is named as not covered, never silently left out
        return replace(answer, answer=f"{answer.answer}\n{places_not_covered(missing)}") if missing else answer

    def exemplars(self) -> shape_vote.Exemplars:
        """The shape exemplars as this index's model encodes them: encoded once per version of the
        file, then read back from the data dir's cache."""
        manifest = getattr(self.searcher.index, "manifest", {})  # a hand-made index has none
        path = getattr(self.searcher.index, "path", None)  # data_dir/index/<version>
        return shape_vote.exemplars(shape_exemplars(), manifest.get("model", ""), self.searcher.encode,
                                    path.parent.parent / "cache" if path else None, [s.value for s in Shape])

    def _voted(self, text: str, q: Question, before: Question | None) -> tuple[np.ndarray, Question]:
        """The question read again with the shape its meaning votes for (reading/shape_vote.py),
        and its vector, which then serves its retrieval: one encoding a question."""
        vector = self.searcher.encode([q.dense_text()])[0]
        vote = self.exemplars().vote(vector)
        return vector, (self.reports.read(text, None, before, vote=vote) if vote.clear else q)

    def _route(self, shape: Shape, asked: Asked, previous: Answer | None, vector: np.ndarray | None = None) -> Answer:
        route = ROUTES[shape]
        if not isinstance(route, FanOut):
            return route(asked, self.reports, self.compose)
        # one encoding of the whole question serves each part, whose own words go to BM25
        if vector is None:
            vector = self.searcher.encode([asked.q.dense_text()])[0]
        split = route.split(asked, self.reports)
        answers = [self._answer(p.text, previous, vector, p.q) if p.place is None
                   else self._in_place(p.text, p.q, p.place, asked.before, vector) for p in split]
        return route.combine(asked, split, answers)

    def _in_place(self, text: str, q: Question | None, place: str, before: Question | None,
                  vector: np.ndarray | None, vote: shape_vote.Vote | None = None) -> Answer:
        """The answer from `place`'s reports alone; `q`: the question as read for the place, else
        read here against the place's own 去年/今年 (with the `vote` of its meaning)."""
        now = self.reports.now(place)
        q = q or self.reports.read(text, place, before, one_place=True, vote=vote)
        # Who delivered a report is known from the place's reports: "浙江的省长叫什么" asks for
        # the byline only where a 省长 delivered it.
        title = (self.reports.delivery(place, q.year) or {}).get("title", "")
        shape = Shape.BYLINE if asks_byline(q, self.reports.speaker(place, q.year), title) else q.shape
        search = Search(self.searcher, q, self.reports.dates(place), now, vector)
        asked = Asked(text, q, before, place=place, now=now, search=search)
        return self._route(shape, asked, None)
