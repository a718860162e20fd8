"""BM25 gives bm25s's own scores, however the chunks are spread over segments."""
import bm25s
import numpy as np
import pytest
from conftest import CORPUS

from index.reading.documents import load_corpus
from index.search.lexical import Lexical, Terms
from index.text.chunking import chunk_document
from index.text.tokens import default_tokenizer

QUERIES = ["去年高新区GDP多少", "一般公共预算收入 收入 增长", "万人发明专利拥有量 65件", "没有的词 762亿元"]


@pytest.fixture(scope="module")
def corpus_tokens():
    docs, _ = load_corpus(CORPUS)
    tok = default_tokenizer()
    return [tok.words(c.embed_text()) for d in docs for c in chunk_document(d)]


def reference(tokens, query):
    bm25 = bm25s.BM25()
    bm25.index(tokens, show_progress=False)
    return bm25.get_scores([t for t in query if t in bm25.vocab_dict])


@pytest.mark.parametrize("query", QUERIES)
def test_scores_are_bm25s_scores(corpus_tokens, query):
    words = default_tokenizer().words(query)
    ours = Lexical.build(corpus_tokens).scores(words)
    assert np.array_equal(ours, reference(corpus_tokens, words).astype(np.float32))
    assert ours.max() > 0


def test_segments_and_rows_no_longer_served_change_nothing(corpus_tokens, tmp_path):
    """The served chunks spread over three segments, among rows no longer served (an edited
    report's old chunks): the scores of one index over the served chunks alone."""
    n = len(corpus_tokens)
    stale = [["762亿元", "地区生产总值", "旧"], ["没有的词"] * 5]
    parts, at = [], 0
    for piece in (corpus_tokens[: n // 3], corpus_tokens[n // 3: n // 2], corpus_tokens[n // 2:]):
        terms = Terms.build(stale + piece)
        terms.save(tmp_path / f"seg{at}")
        positions = np.concatenate(([-1] * len(stale), np.arange(at, at + len(piece))))
        parts.append((Terms.load(tmp_path / f"seg{at}"), positions))
        at += len(piece)
    lexical, plain = Lexical(parts, n), Lexical.build(corpus_tokens)
    tok = default_tokenizer()
    for query in QUERIES + ["旧"]:
        assert np.array_equal(lexical.scores(tok.words(query)), plain.scores(tok.words(query)))
    assert not lexical.scores(["旧"]).any()  # a word only the stale rows have


def test_empty_documents_and_queries():
    lexical = Lexical.build([["a", "b"], [], ["b", "b"]])
    assert lexical.scores([]).tolist() == [0.0, 0.0, 0.0]
    scores = lexical.scores(["b"])
    assert scores[1] == 0 and scores[2] > scores[0] > 0


def test_counts_keep_the_layout_earlier_versions_wrote_with_scipy(corpus_tokens, tmp_path):
    """Indexes built before scipy left the serving path still load, and new ones read back in
    scipy as the same chunk × word counts."""
    import json

    import scipy.sparse

    terms = Terms.build(corpus_tokens)
    terms.save(tmp_path / "new")
    matrix = scipy.sparse.load_npz(tmp_path / "new" / "counts.npz")
    for word in ("地区生产总值", "762亿元", "高新区"):
        column = matrix[:, terms.words[word]].toarray().ravel()
        rows, counts = terms.postings(word)
        assert rows.tolist() == column.nonzero()[0].tolist() and counts.tolist() == column[rows].tolist()
    old = tmp_path / "old"
    old.mkdir()
    scipy.sparse.save_npz(old / "counts.npz", matrix.tocsc(), compressed=False)
    np.save(old / "lengths.npy", terms.lengths)
    (old / "words.json").write_text(json.dumps(list(terms.words), ensure_ascii=False), encoding="utf-8")
    words = default_tokenizer().words(QUERIES[0])
    assert np.array_equal(Lexical([(Terms.load(old), np.arange(len(corpus_tokens)))], len(corpus_tokens)).scores(words),
                          Lexical.build(corpus_tokens).scores(words))
