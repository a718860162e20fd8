"""Checks over every development text (conftest.DEVELOPMENT_TEXTS) that need no hand-written answer. A gold question tests one sentence of one
report; these hold for every figure the index labels, so a rule fitted to one report shows up as
a broken check in another."""
from __future__ import annotations

import re

import pytest

from bot.answering.catalogue import Figure, figures
from conftest import DEVELOPMENT_FOLDERS, DEVELOPMENT_TEXTS, ROOT, chunked
from index.reading.documents import Document
from index.text.timelabel import ESTIMATE, RESULT, TARGET

ANNOUNCED = re.compile("主要预期目标是|主要目标是|预期目标是")
NOT_A_FIGURE = re.compile(r"\d{1,2}[月日号]|第\d+[次届条款]|(?:19|20)\d{6}日")


@pytest.fixture(scope="module")
def labelled() -> list[tuple[Document, list[Figure]]]:
    out = []
    for path in DEVELOPMENT_TEXTS:
        doc, chunks = chunked(path)
        out.append((doc, figures(chunks, {doc.doc_id: doc.info()})))
    return out


def plan_year(date: str, part_of_year: bool = False) -> int:
    """The year a report plans: its own year, or the next one when delivered from October on or
    when it is news of part of its year ("一季度"): that year's figures so far are results."""
    year, month = int(date[:4]), int(date[5:7]) if len(date) >= 7 else 1
    return year + 1 if month >= 10 or part_of_year else year


def test_the_checks_cover_every_kind_of_text(labelled):
    assert len(labelled) >= 70 and sum(len(found) for _, found in labelled) >= 6000


def test_every_folder_of_texts_under_tests_is_development_material():
    """A folder of texts added under tests/ and left out of DEVELOPMENT_FOLDERS would escape every check."""
    holding = {p.parent for p in (ROOT / "tests").rglob("*") if p.suffix in (".txt", ".md") and p.parent.name != "gold"}
    assert holding - set(DEVELOPMENT_FOLDERS) == set()


def test_no_report_states_a_result_of_the_year_it_plans(labelled):
    """A report delivered in January (to September) plans its own year: none of that year's figures
    is a result or an estimate yet; from October on a report plans the next year, and news of part of
    its year gone by (上半年…, dated August; 哈尔滨新区's 一季度, dated by its year alone) plans none of it, nor a part
    gone by its clause names (its label's part: "今年1-8月" in news of September, see test_parts_of_years_done)."""
    wrong = [f"{doc.doc_id} ({doc.date}): {f.year}年 {f.kind} {f.value} “{f.sentence[:40]}”"
             for doc, found in labelled for f in found
             if f.kind in (RESULT, ESTIMATE) and f.span is None and f.year and not f.part
             and f.year >= plan_year(doc.date, "part_year" in doc.info())]
    assert not wrong, "\n".join(wrong)


def test_every_figure_after_the_announcement_of_the_main_targets_is_a_target(labelled):
    wrong = []
    for doc, found in labelled:
        for f in found:
            m = ANNOUNCED.search(f.sentence)
            if m and f.sentence.find(f.value, m.end()) >= 0 and f.kind != TARGET and f.span is None:
                wrong.append(f"{doc.doc_id}: {f.kind} {f.value} “{f.sentence[:50]}”")
    assert not wrong, "\n".join(wrong)


def test_no_date_session_or_article_number_is_a_figure(labelled):
    wrong = [f"{doc.doc_id}: {f.value} “{f.sentence[:40]}”" for doc, found in labelled for f in found
             if NOT_A_FIGURE.fullmatch(f.value)]
    assert not wrong, "\n".join(wrong)


def test_no_figure_is_doubtful_for_staff(labelled):
    """What staff would see flagged after adding any of these texts: nothing."""
    from bot.answering.doubts import doubts

    flagged = {f"{f.doc_id}: {f.value} {why}" for doc, found in labelled
               for f, why in doubts(found, {doc.doc_id: doc.info()}).items()}
    assert not flagged, "\n".join(sorted(flagged))
