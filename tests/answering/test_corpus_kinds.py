"""A kind only when asked, checked over every development report without hand-written answers.

For each figure the facts table finds for a year and a metric, "X年<metric>多少" (no kind asked)
and "X年<metric>完成多少" (完成 may be the verb of a result, or of a plan) are asked of that report
alone, all its passages retrieved. The answer may be another figure of the year, but never a
refusal whose "资料中只有…" quotes the very figure of that year and metric. No index, no model.
"""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from bot.answering.catalogue import figures
from bot.answering.compose import Composer
from bot.answering.evidence import gather
from bot.answering.reading.question import parse
from conftest import ROOT
from index.reading.documents import load_document
from index.search.searcher import Hit
from index.text.chunking import chunk_document
from index.text.normalise import fold
from index.text.timelabel import Frame
from index.text.vocabulary import load_vocab

TEXTS = sorted([*(ROOT / "tests" / "reports").glob("*.txt"), *(ROOT / "tests" / "zones").glob("*.txt")])
TEMPLATES = ("{year}年{metric}多少", "{year}年{metric}完成多少")


def _metric(subject: str) -> str | None:
    """The canonical metric a figure's subject names by its full name, else None."""
    folded = fold(subject)
    named = [c for c in load_vocab().synonyms if len(c) >= 4 and fold(c) in folded]
    return max(named, key=len) if named else None


def _asked(path) -> list[tuple[str, str, str]]:
    """(question, the figure, the report) for each year and metric a report states."""
    doc = load_document(path)
    chunks = chunk_document(doc)
    info = doc.info()
    hits = [Hit(i + 1, i, c, info, 1.0 / (i + 1), i + 1, i + 1) for i, c in enumerate(chunks)]
    compose = Composer(SimpleNamespace(place_of={doc.doc_id: doc.place}), 0.5)
    now = Frame.of(doc.date).plan
    wrong, seen = [], set()
    for f in figures(chunks, {doc.doc_id: info}):
        metric = _metric(f.subject)
        if f.span or not f.year or not f.kind or not metric or (f.year, metric, f.value) in seen:
            continue
        seen.add((f.year, metric, f.value))
        for template in TEMPLATES:
            text = template.format(year=f.year, metric=metric)
            q = parse(text, now)
            answer = compose.figure(text, q, gather(q, hits))
            if answer.abstained and f.value in answer.answer.partition("资料中只有")[2]:
                wrong.append(f"{doc.doc_id}: {text} → {answer.answer}")
    return wrong


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_no_refusal_quotes_the_figure_of_the_year_and_metric_asked(path):
    wrong = _asked(path)
    assert not wrong, "\n".join(wrong)
