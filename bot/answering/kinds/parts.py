"""Questions with several parts, each answered on its own line.

- several metrics in one clause ("GDP和财政收入各是多少"), or an overview's headline metrics
  ("去年干得怎么样"): one retrieval, each metric's figure from it;
- several clauses, each asking its own figure ("去年建成几所学校，新增多少学位"): each clause is
  asked as a question, with the year and place of the first when it names none.
"""
from __future__ import annotations

import re
from dataclasses import replace
from itertools import islice
from typing import TYPE_CHECKING

from bot.answering import wording
from bot.answering.evidence import Answer, Sentences, assess
from bot.answering.question import Question
from bot.answering.vocabulary import alternation, cues
from index.text.places import short_name
from index.text.vocabulary import load_vocab

if TYPE_CHECKING:
    from bot.answering.answerer import Answerer

HEADLINES = 3  # figures in an overview answer
_CLAUSE_END = re.compile(r"[，,；;]")


def combined(text: str, q: Question, answers: list[Answer]) -> Answer:
    """The parts' answers, one a line, refusals included; a refusal only if every part is one.
    A part the reports lack says so, without another year's figure beside the others."""
    answers = [replace(a, answer=wording.refusal(a.query)) if a.abstained and a.query and a.query.metrics
               else a for a in answers]
    first = next((a for a in answers if not a.abstained), answers[0])
    return replace(first, question=text, answer="\n".join(a.answer for a in answers),
                   abstained=all(a.abstained for a in answers), query=q,
                   sources=[s for a in answers for s in a.sources[:1]] + first.sources[1:],
                   evidence=sum(not a.abstained for a in answers) or 1,
                   explanation=" | ".join(a.explanation for a in answers))


def several(core: "Answerer", text: str, q: Question, hits) -> Answer:
    """Each metric of the question (or each headline metric of an overview) from one retrieval."""
    sentences, parts = Sentences(hits), q.parts()  # the sentences read once, assessed for each part
    if not q.overview:
        return combined(text, q, [core.figure_answer(text, p, assess(p, sentences)) for p in parts])
    # The first few headline figures the reports give. Refusals are not shown, so not worded with
    # another year's figure, unless every metric is refused: then the first one's is.
    answers = (core.figure_answer(text, p, assess(p, sentences), offer=False) for p in parts)
    given = list(islice((a for a in answers if not a.abstained), HEADLINES))
    return combined(text, q, given or [core.figure_answer(text, parts[0], assess(parts[0], sentences))])


def clauses(text: str, q: Question) -> list[str]:
    """The clauses of a question that each ask for a figure, the later ones given the first's
    year and place when they name none; one clause (the question itself) otherwise."""
    asking = alternation(cues().get("quantity", ()))
    found = [c.strip() for c in _CLAUSE_END.split(text) if c.strip()]
    if len(found) < 2 or not all(re.search(asking, c) for c in found):
        return [text]
    # the first clause's own words for when ("去年", "2025年"): read again against the place asked
    relative = alternation(tuple(w for w, _ in load_vocab().relative_years))
    said = re.search(rf"(?:19|20)\d{{2}}年|{relative}", found[0])
    when = said.group(0) if said else ""
    where = q.places[0] if len(q.places) == 1 else ""

    def given(clause: str) -> str:
        named = where and any(n and n in clause for n in (where, short_name(where, load_vocab())))
        dated = re.search(r"\d{4}|年", clause)
        return ("" if named else where) + ("" if dated else when) + clause
    return [found[0]] + [given(c) for c in found[1:]]
