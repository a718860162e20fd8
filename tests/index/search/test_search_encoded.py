"""One encoding, several searches: search_encoded gives what search gives, in any scope."""
import numpy as np
import pytest

from index.search.searcher import Searcher

QUESTIONS = ["去年高新区GDP多少", "今年GDP目标定了多少？", "今年万人发明专利拥有量目标是多少"]


class CountingEmbedder:
    """The session encoder, counting its calls."""

    def __init__(self, embedder):
        self._embedder = embedder
        self.dim = embedder.dim
        self.calls: list[tuple[str, int]] = []

    def query(self, text):
        self.calls.append(("query", 1))
        return self._embedder.query(text)

    def queries(self, texts):
        self.calls.append(("queries", len(texts)))
        return self._embedder.queries(texts)


@pytest.fixture
def counted(searcher, embedder):
    return Searcher(searcher.index, CountingEmbedder(embedder), searcher.tokenizer, searcher.vocab)


def ranked(hits):
    return [(h.row, h.bm25_rank, h.dense_rank) for h in hits]


def test_a_vector_encoded_once_searches_as_search_does(counted):
    vectors = counted.encode(QUESTIONS)
    assert counted.embedder.calls == [("queries", 3)]
    timings = {}
    found = [counted.search_encoded(q, v, 5, timings=timings) for q, v in zip(QUESTIONS, vectors)]
    assert [ranked(h) for h in found] == [ranked(counted.search(q, k=5)) for q in QUESTIONS]
    for needle, hits in zip(["762亿元", "810亿元", "65件"], found):
        assert any(needle in h.chunk.text for h in hits[:3])
    assert set(timings) >= {"faiss_ms", "bm25_ms", "fusion_ms"}


def test_one_vector_serves_several_searches(counted):
    vectors = counted.encode(QUESTIONS[:1])
    assert vectors.shape == (1, counted.embedder.dim)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    wide = counted.search_encoded(QUESTIONS[0], vectors[0], k=10)
    narrow = counted.search_encoded(QUESTIONS[0], vectors[0], k=3)
    assert ranked(narrow) == ranked(wide)[:3]
    assert counted.embedder.calls == [("queries", 1)]  # every search above used the one vector
    doc = next(iter(counted.index.documents))
    scoped = counted.search_encoded(QUESTIONS[0], vectors[0], 3, {doc})
    assert scoped and all(h.chunk.doc_id == doc for h in scoped)
    assert ranked(scoped) == ranked(counted.search(QUESTIONS[0], k=3, doc_ids={doc}))
    assert counted.search_encoded(QUESTIONS[0], vectors[0], 3, {"no-such-report"}) == []


@pytest.mark.parametrize("question", ["高新区", "增长", "去年高新区GDP多少", "没有这个词"])
def test_bm25_candidates_are_the_stable_top_of_all_scores(searcher, question):
    """Sorting only the rows at or above the POOL-th score keeps ties in row order, as a full sort."""
    from index.search.searcher import POOL, expand_query

    text = expand_query(question, searcher.vocab)
    scores = searcher.index.lexical.scores(searcher.tokenizer.words(text))
    full = [int(r) for r in np.argsort(-scores, kind="stable")[:POOL] if scores[r] > 0]
    assert searcher._bm25(text, None) == full
    some = np.arange(0, len(scores), 2)
    scoped = [int(some[i]) for i in np.argsort(-scores[some], kind="stable")[:POOL] if scores[some][i] > 0]
    assert searcher._bm25(text, some) == scoped
