"""Searcher over the real seed index, and its parts: query expansion, BM25, FAISS, RRF fusion."""
import time

import numpy as np
import pytest

from index.search import dense
from index.search.fusion import RRF_K, WEIGHTS, rrf
from index.search.lexical import Lexical, Terms
from index.search.searcher import POOL, Searcher, expand_query
from index.text.vocabulary import load_vocab

HIT_KEYS = {"rank", "chunk_id", "doc_id", "title", "section", "text", "score", "bm25_rank", "dense_rank"}


def test_top_hit_for_last_years_gdp(searcher):
    hits = searcher.search("去年高新区GDP多少", k=5)
    assert "762亿元" in hits[0].chunk.text
    assert (hits[0].chunk.year, hits[0].chunk.kind) == (2018, "result")


@pytest.mark.parametrize("question,needle", [
    ("今年GDP目标定了多少？", "810亿元"),
    ("今年万人发明专利拥有量目标是多少", "65件"),
    ("去年高新區市場主體總量佔昆山市多少？", "36.6%"),       # Traditional
    ("去年高新区ＧＤＰ是多少", "762亿元"),                   # full-width
    ("更强的使命担当具体指什么", "始终保持定力"),            # rejoined across a page break
])
def test_known_answers_in_top_three(searcher, question, needle):
    assert any(needle in h.chunk.text for h in searcher.search(question, k=3))


def test_hits_are_well_formed(searcher):
    hits = searcher.search("去年工业总产值多少", k=7)
    assert [h.rank for h in hits] == list(range(1, 8))
    assert all(a.score >= b.score for a, b in zip(hits, hits[1:]))
    assert len({h.row for h in hits}) == 7
    for h in hits:
        d = h.to_dict()
        assert set(d) == HIT_KEYS
        assert d["title"].startswith("书写高质量发展满意答卷")
        assert d["chunk_id"] == h.chunk.chunk_id and d["text"] == h.chunk.text
        assert h.chunk is searcher.index.chunks[h.row]
        assert h.bm25_rank is not None or h.dense_rank is not None
        assert d["section"] == " / ".join(h.chunk.section)
        # the fused score is exactly the RRF of the two ranks
        expected = sum(WEIGHTS[name] / (RRF_K + r)
                       for name, r in (("bm25", h.bm25_rank), ("dense", h.dense_rank)) if r)
        assert d["score"] == pytest.approx(expected, abs=1e-6)


def test_k_bounds(searcher):
    assert len(searcher.search("高新区", k=1)) == 1
    assert searcher.search("高新区", k=0) == []
    n = len(searcher.index.chunks)
    assert len(searcher.search("高新区", k=1000)) <= min(n, 2 * POOL)


def test_timings_account_for_the_search_and_encoding_costs_something(searcher):
    timings = {}
    started = time.perf_counter()
    searcher.search("去年GDP", timings=timings)
    wall_ms = (time.perf_counter() - started) * 1e3
    assert set(timings) == {"encode_ms", "faiss_ms", "bm25_ms", "fusion_ms"}
    assert timings["encode_ms"] > 0 and min(timings.values()) >= 0
    assert sum(timings.values()) <= wall_ms  # the parts are disjoint slices of one call


def test_question_without_known_words_still_gets_dense_hits(searcher):
    hits = searcher.search("xyzzy", k=3)
    assert len(hits) == 3 and all(h.bm25_rank is None and h.dense_rank for h in hits)


def test_restrict_to_documents(searcher):
    doc_id = "2019-kunshan-hitech-zone-work-conference"
    assert [h.row for h in searcher.search("去年GDP", k=3, doc_ids={doc_id})] == \
        [h.row for h in searcher.search("去年GDP", k=3)]
    assert searcher.search("去年GDP", k=3, doc_ids={"no-such-report"}) == []
    assert searcher.search("去年GDP", k=3, doc_ids=set()) == []
    assert searcher.documents()[0]["doc_id"] == doc_id


def test_expand_query_adds_report_wording():
    vocab = load_vocab()
    assert expand_query("去年高新区GDP多少", vocab) == "去年高新区GDP多少 地区生产总值"
    assert "一般公共预算收入" in expand_query("今年財政收入目标", vocab)
    assert expand_query("地区生产总值多少", vocab) == "地区生产总值多少"  # already in the report's words
    assert expand_query("天气怎么样", vocab) == "天气怎么样"


# --- parts ----------------------------------------------------------------------------------------

def test_rrf():
    fused = rrf({"bm25": [3, 1, 2], "dense": [1, 4]}, k=60)
    rows = [r for r, _, _ in fused]
    assert rows[0] == 1  # ranked by both
    assert dict((r, ranks) for r, _, ranks in fused)[1] == {"bm25": 2, "dense": 1}
    assert dict((r, s) for r, s, _ in fused)[4] == pytest.approx(1 / 62)
    assert set(rows) == {1, 2, 3, 4}


def test_rrf_weights_ties_and_empty():
    assert rrf({}) == []
    assert rrf({"bm25": [], "dense": []}) == []
    # equal scores: lower row first, deterministic
    assert [r for r, _, _ in rrf({"a": [5], "b": [2]})] == [2, 5]
    weighted = rrf({"bm25": [1], "dense": [2]}, weights={"dense": 2.0}, k=60)
    assert [r for r, _, _ in weighted] == [2, 1]
    assert weighted[0][1] == pytest.approx(2 / 61)


def test_lexical_scores():
    lex = Lexical.build([["762亿元", "地区生产总值"], ["810亿元", "地区生产总值"], []])
    scores = lex.scores(["762亿元"])
    assert scores.shape == (3,) and scores[0] > 0 and scores[1] == 0 and scores[2] == 0
    assert not lex.scores(["never-seen"]).any() and not lex.scores([]).any()
    assert lex.scores(["地区生产总值"])[0] == pytest.approx(lex.scores(["地区生产总值"])[1])


def test_term_counts_save_load(tmp_path):
    terms = Terms.build([["a", "b"], ["b", "c", "b"]])
    terms.save(tmp_path / "terms")
    again = Terms.load(tmp_path / "terms")
    assert again.words == terms.words and again.lengths.tolist() == [2, 3]
    assert again.postings("b")[1].tolist() == [1, 2] and len(again.postings("z")[0]) == 0
    served = np.arange(2)
    assert np.array_equal(Lexical([(again, served)], 2).scores(["c", "b"]),
                          Lexical.build([["a", "b"], ["b", "c", "b"]]).scores(["c", "b"]))


def test_dense_search_and_filter(tmp_path):
    rng = np.random.default_rng(0)
    vecs = rng.normal(size=(10, 8)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    index = dense.build(vecs)
    scores, rows = dense.search(index, vecs[3], 3)
    assert rows[0] == 3 and scores[0] == pytest.approx(1.0, abs=1e-5)
    _, rows = dense.search(index, vecs[3], 5, allowed=np.array([1, 7]))
    assert set(rows.tolist()) == {1, 7}
    _, rows = dense.search(index, vecs[3], 50)
    assert len(rows) == 10
    dense.save(vecs, tmp_path)
    assert np.allclose(dense.vectors_of(dense.load(tmp_path)), vecs)
    empty = dense.build(np.zeros((0, 8), np.float32))
    assert dense.search(empty, vecs[0], 5)[1].size == 0 and dense.vectors_of(empty).shape == (0, 8)


def test_open_loads_served_index(seed_settings, embedder):
    opened = Searcher.open(seed_settings.index, embedder=embedder, build_if_missing=False)
    assert len(opened.index.chunks) == opened.index.vectors.ntotal > 0
