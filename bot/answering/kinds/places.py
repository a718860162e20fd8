"""Questions about several places: two compared, each one's figure, which ones mention something.

- side by side ("对比广东和江苏2025年的GDP增长目标"): each place's own answer, one a line;
- each ("各地2025年GDP增长目标分别是多少"): every place covered that has the figure, one a line;
- mentions ("江苏提到苏超了吗", "哪些地方提到了低空经济"): the places whose reports name the words,
  each with a short quote of where.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from bot.answering import wording
from bot.answering.evidence import Answer, Source
from bot.answering.facts import segments
from bot.answering.question import COMPARISON, ENTITY, FIGURE, Question
from index.text.normalise import fold
from index.text.timelabel import RESULT, TARGET

if TYPE_CHECKING:
    from bot.answering.answerer import Answerer

QUOTE = 28  # characters of a quote naming the words looked for


def one_figure(q: Question, reporting_year: int) -> Question:
    """One place's part of a comparison of places ("江苏和浙江谁增长得快"): a figure for the year."""
    if q.intent not in (COMPARISON, ENTITY) or not q.metrics:
        return q
    kind = q.kind or (None if q.year is None else RESULT if q.year < reporting_year else TARGET)
    return replace(q, intent=FIGURE, kind=kind)


def combined(text: str, q: Question, answers: list[Answer], refusal: str) -> Answer:
    """Several places' answers, one a line, with each one's citation; a refusal if none answers."""
    found = [a for a in answers if not a.abstained]
    if not found:
        return replace(answers[0], answer=refusal) if answers else Answer(text, refusal, True, query=q)
    return replace(found[0], answer="\n".join(a.answer for a in found), query=q,
                   sources=[a.sources[0] for a in found if a.sources], evidence=len(found),
                   explanation=" | ".join(a.explanation for a in found))


def side_by_side(core: "Answerer", text: str, q: Question, places: list[str], before) -> Answer:
    answers = _answers(core, text, q, places, before)
    return combined(text, q, answers, answers[0].answer)


def each(core: "Answerer", text: str, q: Question, before) -> Answer:
    answers = _answers(core, text, q, core.places(), before)
    return combined(text, q, answers, answers[0].answer if answers else wording.no_topic(False))


def _answers(core: "Answerer", text: str, q: Question, places: list[str], before) -> list[Answer]:
    """Each place's figure, from one encoding; the question read once per year its 今年 means."""
    encoded = core.searcher.encode([q.dense_text()])[0]
    read: dict[int, Question] = {}
    for place in places:
        if core.now(place) not in read:
            read[core.now(place)] = core.read(text, place, before)
    return [core.answer_in(text, place, before, True, encoded, read[core.now(place)]) for place in places]


def first_mention(core: "Answerer", place: str, words: str) -> Source | None:
    """The latest report's first sentence of `place` that names `words`, as a short quote."""
    folded = fold(words)
    for chunk in core.chunks_of(place):
        for sentence, _ in chunk.labelled_sentences():
            if folded in fold(sentence):
                clause = next((c for c in segments(sentence) if folded in fold(c)), sentence)
                doc = core.document(chunk.doc_id)
                return Source(chunk.doc_id, doc.get("title", ""), chunk.section_title(),
                              wording.clip(clause, QUOTE), 1.0, chunk.text, chunk.chunk_id, place)
    return None


def mention(core: "Answerer", text: str, q: Question, place: str) -> Answer:
    """Whether `place`'s reports name the words asked about, and where."""
    found = first_mention(core, place, q.mentioned or "")
    if found is None:
        return Answer(text, wording.not_mentioned(q.mentioned or "", [place]), True, query=q,
                      explanation="no sentence names the words")
    return Answer(text, wording.mentioned(q.mentioned or "", [found]), False, sources=[found],
                  confidence=1.0, explanation="a sentence names the words", query=q)


def which(core: "Answerer", text: str, q: Question) -> Answer:
    """Every place whose reports name the words asked about, each with a quote, and how many."""
    found = [s for s in (first_mention(core, p, q.mentioned or "") for p in core.places()) if s]
    if not found:
        return Answer(text, wording.not_mentioned(q.mentioned or "", core.places()), True, query=q,
                      explanation="no place's reports name the words")
    return Answer(text, wording.mentioned(q.mentioned or "", found, counted=True), False, sources=found,
                  evidence=len(found), confidence=1.0, explanation="sentences name the words", query=q)
