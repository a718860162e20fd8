"""Retrieval quality on the dev gold set: the evidence must be among the top 3 hybrid hits."""
import pytest

from bot.evaluation.scoring import retrieval_ranks
from bot.evaluation.gold import load_gold
from conftest import GOLD

MIN_HIT_AT_3 = 0.95
K = 5


@pytest.fixture(scope="module")
def ranks(searcher):
    items = [i for i in load_gold(GOLD) if i.answerable]
    return {i.id: (i.question, retrieval_ranks(i, [h.to_dict() for h in searcher.search(i.question, k=K)]))
            for i in items}


def test_gold_set_has_answerable_items(ranks):
    assert len(ranks) >= 50


def test_hybrid_hit_at_3(ranks):
    hits = sum(1 for _, r in ranks.values() if r is not None and r <= 3)
    rate = hits / len(ranks)
    misses = "\n".join(f"  {qid} rank={r} {q}" for qid, (q, r) in ranks.items() if r is None or r > 3)
    assert rate >= MIN_HIT_AT_3, f"hit@3 {rate:.3f} < {MIN_HIT_AT_3} ({hits}/{len(ranks)}); misses:\n{misses}"


def test_ranks_are_within_k(ranks):
    assert all(r is None or 1 <= r <= K for _, r in ranks.values())
