"""BM25 built from token ids gives bm25s's own scores, whatever ids the words carry."""
import bm25s
import numpy as np
import pytest
from conftest import CORPUS

from index.reading.documents import load_corpus
from index.search.lexical import Lexical, Vocabulary
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


def test_unused_words_and_other_ids_change_nothing(corpus_tokens, tmp_path):
    vocab = Vocabulary(["旧词", "已删除报告的词"])  # ids carried over from an earlier version
    vocab.ids(list(reversed(corpus_tokens[3])))
    lexical = Lexical.from_ids(vocab, [vocab.ids(t) for t in corpus_tokens])
    plain = Lexical.build(corpus_tokens)
    tok = default_tokenizer()
    for query in QUERIES + ["旧词"]:
        assert np.array_equal(lexical.scores(tok.words(query)), plain.scores(tok.words(query)))

    lexical.save(tmp_path / "bm25")
    loaded = Lexical.load(tmp_path / "bm25")
    assert loaded.documents == Lexical.count(tmp_path / "bm25") == len(corpus_tokens)
    assert loaded.vocab.words == vocab.words
    assert np.array_equal(loaded.scores(tok.words(QUERIES[0])), plain.scores(tok.words(QUERIES[0])))


def test_empty_documents_and_queries():
    lexical = Lexical.build([["a", "b"], [], ["b", "b"]])
    assert lexical.scores([]).tolist() == [0.0, 0.0, 0.0]
    scores = lexical.scores(["b"])
    assert scores[1] == 0 and scores[2] > scores[0] > 0
