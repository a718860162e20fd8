"""A question as a handler gets it, and the two kinds of handler.

- `Asked`: the text, the question read, the place it is answered for, and that place's passages,
  retrieved on first use (`Search`), so a handler that needs none (a mention, a byline) costs no
  search, and a handler is tested with a hand-made `search`;
- a handler: `(asked, reports, compose) -> Answer`, one shape's answer from one place's reports;
- a `FanOut`: a question across places or clauses, split into parts that are each answered
  through the same table, and the parts' answers combined.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from bot.answering import comparison
from bot.answering.compose import RETRIEVE_K, Composer
from bot.answering.evidence import Answer
from bot.answering.reading.question import Question, Shape
from bot.answering.reports import Reports
from index.search.searcher import Hit, Searcher


class Search:
    """The passages of one place's reports for one question: one encoding serves every retrieval
    the question needs, one deep enough for all its parts, and for a comparison one more per
    side, whose BM25 looks for that year's figure in the report that states it, so a strong
    match for one year can't crowd out the other."""

    def __init__(self, searcher: Searcher, q: Question, dates: dict[str, str], now: int,
                 vector: np.ndarray | None = None):
        self.searcher, self.q, self.dates, self.now = searcher, q, dates, now
        self._vector = vector  # the question's, when already computed for other places or clauses

    @cached_property
    def depth(self) -> int:
        """Deep enough for every part of the question (an overview's headline metrics, a trend's years)."""
        return RETRIEVE_K * (2 if self.q.shape == Shape.TREND else len(self.q.parts()))

    @cached_property
    def vector(self) -> np.ndarray:
        return self._vector if self._vector is not None else self.searcher.encode([self.q.dense_text()])[0]

    @cached_property
    def hits(self) -> list[Hit]:
        return self.searcher.search_encoded(self.q.search_text(), self.vector, self.depth, set(self.dates))

    def sides(self) -> list[tuple[tuple[int, str], list[Hit]]]:
        """Each side of a comparison, (year, kind), with its own passages."""
        return [(side, self.stating(side)) for side in comparison.sides(self.q, self.now)]

    def stating(self, side: tuple[int, str]) -> list[Hit]:
        """The passages for one year and kind: the year and topic (the metric by all its names, as
        "经济增长5.5%左右" is GDP's) looked for in the report that states them (a year's result in
        the next year's report)."""
        said = self.q.terms[0].forms[1:] if self.q.metrics else ()  # the metric as reports also say it
        return self.searcher.search_encoded(" ".join((f"{side[0]}年{self.q.topic()}", *said)), self.vector,
                                            self.depth, comparison.stating(side, self.dates))


@dataclass(frozen=True)
class Asked:
    text: str  # as typed, cleaned
    q: Question
    before: Question | None = None  # the previous question of the chat
    continued: bool = False  # asked after an earlier answer in the chat
    place: str = ""  # the one place answered for
    now: int = 0  # the year 今年 means there
    search: Search | None = None  # that place's passages
    places: tuple[str, ...] = ()  # the places a side-by-side question names

    @property
    def hits(self) -> list[Hit]:
        return self.search.hits if self.search else []


Handler = Callable[[Asked, Reports, Composer], Answer]


@dataclass(frozen=True)
class Part:
    """One part of a question across places or clauses: a clause (answered as any question) or
    the question read for one place (`place`)."""

    text: str
    q: Question
    place: str | None = None


@dataclass(frozen=True)
class FanOut:
    split: Callable[[Asked, Reports], list[Part]]
    combine: Callable[[Asked, list[Part], list[Answer]], Answer]  # the parts and their answers
