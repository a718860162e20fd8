""""Which places mention X" against the truth found by search in the eighteen provincial reports (issue #23).

For every term of tests/gold/which_places.tsv (terms some provinces' reports hold, and ten that no
report holds), the places the answer names are compared with the places whose reports contain the
term. Each term is asked as "哪些省份提到了X" and in one of three other phrasings, in turn; recall
and precision are pooled over all questions. The truth is recomputed from the files, never taken
from the answerer.
"""
from __future__ import annotations

import pytest

from bot.evaluation.which_places import (
    PHRASINGS, ask_all, places_mentioning, read_listed, read_terms, report_texts, score,
)
from conftest import ROOT

REPORTS = ROOT / "tests" / "reports"


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return report_texts(REPORTS)


def test_the_term_list_agrees_with_the_texts(texts):
    """The tsv is for readers; if a report changes, regenerate it (command in its first line)."""
    listed = read_listed()
    assert {term: places_mentioning(term, texts) for term in listed} == listed


def test_the_terms_are_some_places_terms_and_no_places_terms(texts):
    found = [places_mentioning(term, texts) for term in read_terms()]
    assert sum(0 < len(f) < len(texts) for f in found) >= 40
    assert sum(not f for f in found) >= 10


def test_which_places_answers_have_the_places_the_texts_have(real_answerers, texts):
    """Run with -s to see the figures (recall, precision, per phrasing, and each wrong answer)."""
    answerer = real_answerers["reports"]
    others = PHRASINGS[1:]
    rows = []
    for i, term in enumerate(read_terms()):
        rows += ask_all(answerer, [term], texts, (PHRASINGS[0], others[i % len(others)]))
    overall = score((r["truth"], r["named"]) for r in rows)
    print(f"\nwhich places, all: {overall.line()}")
    for phrasing in PHRASINGS:
        mine = [(r["truth"], r["named"]) for r in rows if r["phrasing"] == phrasing]
        print(f"  {phrasing}: {score(mine).line()}")
    for r in rows:
        if r["truth"] != r["named"]:
            print(f"  {r['question']}: missing {sorted(r['truth'] - r['named'])}, extra {sorted(r['named'] - r['truth'])}")
    assert overall.recall >= 0.95 and overall.precision >= 0.95
