"""BM25 over an index made of segments, scored at question time from stored term counts.

The scores are bm25s's default BM25 (Lucene's idf, Robertson's term frequency, k1 1.5, b 0.75),
which this index used to call (tests/index/search/test_lexical.py checks them against bm25s
itself). Each segment keeps only its own chunks' term counts (`Terms`), never the corpus-wide
document frequencies or average length, so a build that adds a segment rewrites nothing else:
`Lexical` works those out over the rows a version serves, at load time and per question word.

On disk (a segment's `terms/` folder): `counts.npz` (scipy sparse, chunks × words, CSC),
`lengths.npy` (tokens per chunk) and `words.json` (the word of each column).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy.sparse

K1, B = 1.5, 0.75
_COUNTS, _LENGTHS, _WORDS = "counts.npz", "lengths.npy", "words.json"


@dataclass(frozen=True)
class Terms:
    """How often each word occurs in each chunk of one segment."""

    counts: scipy.sparse.csc_matrix  # int64, chunk × word
    lengths: np.ndarray  # int64, tokens per chunk
    words: dict[str, int]  # word → column

    @classmethod
    def build(cls, docs_tokens: list[list[str]]) -> "Terms":
        words: dict[str, int] = {}
        ids = [words.setdefault(t, len(words)) for tokens in docs_tokens for t in tokens]
        lengths = np.fromiter((len(t) for t in docs_tokens), np.int64, len(docs_tokens))
        starts = np.concatenate(([0], np.cumsum(lengths)))
        # scipy adds up a chunk's repeated words itself
        counts = scipy.sparse.csr_matrix((np.ones(len(ids), np.int64), np.asarray(ids, np.int64), starts),
                                         shape=(len(docs_tokens), max(len(words), 1)))
        counts.sum_duplicates()
        return cls(counts.tocsc(), lengths, words)

    def save(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        scipy.sparse.save_npz(path / _COUNTS, self.counts, compressed=False)
        np.save(path / _LENGTHS, self.lengths)
        (path / _WORDS).write_text(json.dumps(list(self.words), ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "Terms":
        counts = scipy.sparse.load_npz(path / _COUNTS).tocsc()
        lengths = np.load(path / _LENGTHS)
        words = json.loads((path / _WORDS).read_text(encoding="utf-8"))
        if counts.shape != (len(lengths), max(len(words), 1)) or lengths.dtype != np.int64:
            raise ValueError(f"{path}: {counts.shape} counts for {len(lengths)} chunks and {len(words)} words")
        return cls(counts, lengths, {w: i for i, w in enumerate(words)})

    def postings(self, word: str) -> tuple[np.ndarray, np.ndarray]:
        """(chunk rows, counts) of `word` in this segment."""
        column = self.words.get(word)
        if column is None:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        start, end = self.counts.indptr[column], self.counts.indptr[column + 1]
        return self.counts.indices[start:end], self.counts.data[start:end]


class Lexical:
    """BM25 over the rows a version serves: `parts` pairs each segment's Terms with the position
    of each of its rows in the version (-1: a row the version no longer serves)."""

    def __init__(self, parts: list[tuple[Terms, np.ndarray]], documents: int):
        self._parts = parts
        self.documents = documents
        served = sum(int(terms.lengths[positions >= 0].sum()) for terms, positions in parts)
        self._avgdl = served / documents if documents else 1.0

    @classmethod
    def build(cls, docs_tokens: list[list[str]]) -> "Lexical":
        """One segment serving every chunk in order."""
        return cls([(Terms.build(docs_tokens), np.arange(len(docs_tokens)))], len(docs_tokens))

    def scores(self, tokens: list[str]) -> np.ndarray:
        """BM25 score of every served chunk for the query tokens; unknown tokens are ignored, a
        repeated one counts again (as in bm25s)."""
        out = np.zeros(self.documents, dtype=np.float32)
        for word in tokens:
            found = []
            for terms, positions in self._parts:
                rows, tf = terms.postings(word)
                served = positions[rows] >= 0
                found.append((positions[rows][served], tf[served], terms.lengths[rows][served]))
            df = sum(len(p) for p, _, _ in found)
            if not df:
                continue
            idf = np.float32(np.log(1 + (self.documents - df + 0.5) / (df + 0.5)))
            for where, tf, lengths in found:
                tfc = tf / (K1 * ((1 - B) + B * lengths / self._avgdl) + tf)
                out[where] += (idf * tfc).astype(np.float32)
        return out
