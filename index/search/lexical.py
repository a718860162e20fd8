"""BM25 over token ids: one sparse (chunks × words) matrix of per-word scores, built with numpy.

The scores are bm25s's default BM25 (Lucene's idf, Robertson's term frequency, k1 1.5, b 0.75),
which this index used to call; building the matrix here, from token ids a build keeps for every
chunk, takes a few vectorised passes instead of bm25s's Python loop over every chunk, so an
incremental build no longer pays per chunk of the corpus (tests/index/search/test_lexical.py
checks the scores against bm25s itself).

On disk (a folder): `matrix.npz` (scipy sparse), `vocab.json` (word of each id), and
`documents.json` (the chunk count, readable without loading the rest).
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import scipy.sparse

K1, B = 1.5, 0.75
_COUNT, _MATRIX, _VOCAB = "documents.json", "matrix.npz", "vocab.json"


class Vocabulary:
    """Word ↔ id; ids only ever grow, so ids stored with chunks stay valid in later versions."""

    def __init__(self, words: list[str] | None = None):
        self.words = list(words or [])
        self._ids = {w: i for i, w in enumerate(self.words)}

    def ids(self, tokens: list[str]) -> np.ndarray:
        """Ids of `tokens`, new words added at the end."""
        out = np.empty(len(tokens), np.int32)
        for i, token in enumerate(tokens):
            found = self._ids.get(token)
            if found is None:
                found = self._ids[token] = len(self.words)
                self.words.append(token)
            out[i] = found
        return out

    def known(self, tokens: list[str]) -> list[int]:
        return [self._ids[t] for t in tokens if t in self._ids]


class Lexical:
    def __init__(self, vocab: Vocabulary, matrix: scipy.sparse.csc_matrix):
        self.vocab = vocab
        self._matrix = matrix
        self.documents = matrix.shape[0]

    @classmethod
    def build(cls, docs_tokens: list[list[str]]) -> "Lexical":
        vocab = Vocabulary()
        return cls.from_ids(vocab, [vocab.ids(tokens) for tokens in docs_tokens])

    @classmethod
    def from_ids(cls, vocab: Vocabulary, docs_ids: list[np.ndarray]) -> "Lexical":
        """The BM25 matrix of chunks given as arrays of ids into `vocab` (repeats counted)."""
        n, width = len(docs_ids), max(len(vocab.words), 1)
        lengths = np.fromiter((len(a) for a in docs_ids), np.int64, n)
        docs = np.repeat(np.arange(n, dtype=np.int64), lengths)
        words = np.concatenate(docs_ids).astype(np.int64) if lengths.sum() else np.zeros(0, np.int64)
        pairs, tf = np.unique(docs * width + words, return_counts=True)
        doc, word = pairs // width, pairs % width
        df = np.bincount(word, minlength=width)
        idf = np.log(1 + (n - df + 0.5) / (df + 0.5)).astype(np.float32)
        avgdl = lengths.mean() if n else 1.0
        tfc = tf / (K1 * ((1 - B) + B * lengths[doc] / avgdl) + tf)
        data = (idf[word] * tfc).astype(np.float32)
        return cls(vocab, scipy.sparse.csc_matrix((data, (doc, word)), shape=(n, width)))

    @classmethod
    def load(cls, path: Path) -> "Lexical":
        words = json.loads((path / _VOCAB).read_text(encoding="utf-8"))
        matrix = scipy.sparse.load_npz(path / _MATRIX).tocsc()
        if matrix.shape[0] != cls.count(path):
            raise ValueError(f"{path}: {matrix.shape[0]} rows for {cls.count(path)} documents")
        return cls(Vocabulary(words), matrix)

    @staticmethod
    def count(path: Path) -> int:
        """The number of documents of the saved index at `path`, without loading it."""
        return int(json.loads((path / _COUNT).read_text(encoding="utf-8"))["documents"])

    @staticmethod
    def load_vocabulary(path: Path) -> Vocabulary:
        return Vocabulary(json.loads((path / _VOCAB).read_text(encoding="utf-8")))

    def save(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        scipy.sparse.save_npz(path / _MATRIX, self._matrix, compressed=False)
        (path / _VOCAB).write_text(json.dumps(self.vocab.words, ensure_ascii=False), encoding="utf-8")
        (path / _COUNT).write_text(json.dumps({"documents": self.documents}), encoding="utf-8")

    def scores(self, tokens: list[str]) -> np.ndarray:
        """BM25 score of every chunk for the query tokens; unknown tokens are ignored, a repeated
        one counts again (as in bm25s)."""
        out = np.zeros(self.documents, dtype=np.float32)
        m = self._matrix
        for word in self.vocab.known(tokens):
            start, end = m.indptr[word], m.indptr[word + 1]
            out[m.indices[start:end]] += m.data[start:end]
        return out
