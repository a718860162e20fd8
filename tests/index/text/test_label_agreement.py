"""Label agreement over every development report (issue 22, Build 3): how an article without
sections will be read. In the sections whose titles say review or plan, each sentence whose label
came from its section is labelled again from its own words and its paragraph alone
(`sentence_kind`, the report's date giving the year), and the two are compared. A sentence that
cannot tell on its own is left unlabelled, not guessed; the table prints, per report, how many are
labelled and how many of those agree.

Agreement is the same kind, and the same year where the section speaks of one year; where it speaks
of a period ("十四五"时期回顾, "十五五"主要目标) a sentence alone cannot tell the period from the year,
so there the kind is compared."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from conftest import DEVELOPMENT_TEXTS
from index.reading.documents import load_document
from index.text.chunking import chunk_document
from index.text.timelabel import Frame, sentence_kind

AGREEMENT, SHARE = 0.95, 0.65  # among the labelled sentences (measured 98.3%); labelled among those compared (66.8%)
REPORT_AGREEMENT, REPORT_SIZE = 0.90, 50  # each report with at least REPORT_SIZE labelled (lowest measured 91.3%)


def agreement(path: Path) -> tuple[int, int, int, list[str]]:
    """(sentences compared, labelled alone, agreeing, the disagreements)."""
    doc = load_document(path)
    frame = Frame.of(doc.date)
    compared = labelled = agreed = 0
    wrong = []
    for para in doc.paragraphs:  # a paragraph at a time: its sentences know their paragraph
        for chunk in chunk_document(replace(doc, paragraphs=(para,))):
            for sentence, by_section in chunk.labelled_sentences():
                if by_section.source != "section":
                    continue
                compared += 1
                kind = sentence_kind(sentence, para.text)
                if kind is None:
                    continue
                labelled += 1
                if kind == by_section.kind and (by_section.span or by_section.year in (None, frame.year_of(kind))):
                    agreed += 1
                else:
                    wrong.append(f"{by_section.describe()}≠{kind}：{sentence[:60]}")
    return compared, labelled, agreed, wrong


@pytest.fixture(scope="module")
def figures() -> dict[str, tuple[int, int, int, list[str]]]:
    return {p.name: agreement(p) for p in DEVELOPMENT_TEXTS}


def test_sentences_alone_agree_with_their_sections(figures):
    rows = [f"{name:28} compared {n:4}  labelled {l:4} ({l / max(n, 1):4.0%})  agree {a:4} ({a / max(l, 1):6.1%})"
            for name, (n, l, a, _) in figures.items()]
    n, l, a = (sum(f[i] for f in figures.values()) for i in range(3))
    print("\n" + "\n".join(rows) + f"\nALL compared {n} labelled {l} ({l / n:.1%}) agree {a} ({a / l:.1%})")
    assert a / l >= AGREEMENT
    assert l / n >= SHARE


@pytest.mark.parametrize("name", [p.name for p in DEVELOPMENT_TEXTS])
def test_each_report_agrees(figures, name):
    n, l, a, wrong = figures[name]
    if l >= REPORT_SIZE:
        assert a / l >= REPORT_AGREEMENT, "\n".join(wrong[:20])
