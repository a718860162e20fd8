"""The colloquial gold set (issue 12) as a CI gate: questions as citizens really ask them (noisy
input, overviews, several parts, who/what, trends, yes/no, places inside a topic, several places,
follow-ups, refusals) over the seed report and the six development reports (江苏, 浙江, 广东;
河南 is held out and not indexed here).

The checks of the file itself need no model. The gate builds one index, for this module, and asks
every question; a follow-up is asked as the last turn of its conversation (`after`).
"""
from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from bot.answering.answerer import Answerer
from bot.evaluation.gold import GoldItem, load_gold, normalise
from bot.evaluation.scoring import evaluate, score_answer
from bot.evaluation.tables import format_table
from conftest import CORPUS, ROOT, answerer_over

GOLD_DIR = ROOT / "tests" / "gold"
COLLOQUIAL = GOLD_DIR / "colloquial.jsonl"
REPORTS = ROOT / "tests" / "reports"
DEV_REPORTS = [f"{year}-{province}" for year in (2025, 2026) for province in ("江苏省", "浙江省", "广东省")]

# A ratchet at what was measured (the aim of issue 12: 0.95 answered right, 0.90 refusals, no
# confusion): an answer that gets worse fails CI.
ACCURACY_FLOOR = 0.99  # measured 1.000 (101/101; 0.277 before this set's features); one answer of slack
ABSTENTION_FLOOR = 0.94  # measured 1.00 (17/17); one refusal of slack
MOST_CONFUSIONS = 0  # measured 0

# Every kind of question the issue names, with the least number of items of it.
KINDS = {"noisy": 12, "overview": 12, "multipart": 12, "who": 10, "trend": 10, "yesno": 6, "mention": 5,
         "place_in_topic": 8, "compare_places": 4, "which_places": 4, "each_place": 4, "followup": 10,
         "unanswerable": 15}
# Places kept for an independent check, and the held-out province: never asked about here.
KEPT_APART = ("天津", "上海", "重庆", "深圳", "济南", "新乡", "河南")
YEAR = re.compile(r"(19|20)\d\d")


def corpus() -> dict[str, str]:
    """Report id → text: the seed report and the development reports."""
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.md"))}
    texts.update({name: (REPORTS / f"{name}.txt").read_text(encoding="utf-8") for name in DEV_REPORTS})
    return texts


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return corpus()


@pytest.fixture(scope="module")
def gold(texts) -> list[GoldItem]:
    return load_gold(COLLOQUIAL, list(texts.values()))


# --- the gold file itself (no model) ---------------------------------------------------------

def test_every_kind_is_covered(gold):
    counts = Counter(i.type for i in gold)
    assert len(gold) >= 110
    assert set(counts) == set(KINDS)
    for kind, least in KINDS.items():
        assert counts[kind] >= least, (kind, counts[kind])


def test_ids_and_questions_are_unique_and_new(gold):
    assert all(i.id.startswith("cq-") for i in gold)
    asked = [(normalise(i.question), i.after) for i in gold]
    assert len(set(asked)) == len(asked)
    before = {normalise(json.loads(line)["question"]) for name in ("dev.jsonl", "reports.jsonl")
              for line in (GOLD_DIR / name).read_text(encoding="utf-8").splitlines() if line.strip()}
    assert not [i.id for i in gold if normalise(i.question) in before]


def test_evidence_is_verbatim_in_its_report(gold, texts):
    for item in gold:
        if item.answerable:
            assert item.doc in texts, item.id
            assert item.evidence in texts[item.doc] and "\n" not in item.evidence, item.id


def test_figures_are_the_reports_own(gold, texts):
    """Every figure expected or forbidden is written so in a report (a bare year is not a figure)."""
    everything = [normalise(t) for t in texts.values()]
    for item in gold:
        for entry in item.must_contain:
            figures = [a for a in entry.split("|") if re.search(r"\d", a) and not YEAR.fullmatch(a)]
            assert not figures or any(normalise(a) in t for a in figures for t in everything), (item.id, entry)
        for forbidden in item.must_not_contain:
            if re.search(r"\d", forbidden):
                assert any(normalise(forbidden) in t for t in everything), (item.id, forbidden)


def test_follow_ups_carry_their_conversation(gold):
    for item in gold:
        if item.type == "followup":
            assert item.after, item.id
    assert any(i.after and not i.answerable for i in gold)       # a follow-up the reports cannot answer
    assert any(len(i.after) > 1 for i in gold)                   # a third turn


def test_places_kept_apart_are_never_asked(gold):
    for item in gold:
        said = " ".join([item.question, item.answer, *item.after])
        assert not [p for p in KEPT_APART if p in said], item.id


def test_ideal_answers_pass_their_own_checks(gold):
    for item in gold:
        verdict = score_answer(item, {"answer": item.answer, "abstained": not item.answerable})
        assert verdict.correct and not verdict.confusion, (item.id, verdict.reason)


# --- the gate (one index over seed + development reports, for this module) --------------------

@pytest.fixture(scope="module")
def colloquial_answerer(tmp_path_factory, model_cache, embedder, texts) -> Answerer:
    reports = {name: texts[name] for name in DEV_REPORTS}
    return answerer_over(tmp_path_factory.mktemp("colloquial"), reports, model_cache, embedder)


def test_colloquial_gold_set_does_not_get_worse(colloquial_answerer, gold):
    searcher = colloquial_answerer.searcher

    def ask(question: str, after: list[str] | None = None) -> dict:
        previous = None
        for earlier in after or ():
            previous = colloquial_answerer.ask(earlier, previous)
        answer = colloquial_answerer.ask(question, previous)
        return {**answer.to_dict(), "confidence": answer.confidence}

    report = evaluate(gold, ask, lambda q, k: [h.to_dict() for h in searcher.search(q, k)], progress=False)
    print(f"\ncolloquial.jsonl\n{format_table(report)}")  # pytest shows it when the test fails
    summary = report["summary"]
    assert summary["accuracy"] >= ACCURACY_FLOOR
    assert summary["abstention"] >= ABSTENTION_FLOOR
    assert summary["confusions"] <= MOST_CONFUSIONS
