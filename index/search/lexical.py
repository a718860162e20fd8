"""BM25 over an index made of segments, scored at question time from stored term counts.

The scores are bm25s's default BM25 (Lucene's idf, Robertson's term frequency, k1 1.5, b 0.75),
which this index used to call (tests/index/search/test_lexical.py checks them against bm25s
itself). Each segment keeps only its own chunks' term counts (`Terms`), never the corpus-wide
document frequencies or average length, so a build that adds a segment rewrites nothing else:
`Lexical` works those out over the rows a version serves, at load time and per question word.

On disk (a segment's `terms/` folder): `counts.npz` (chunks × words, CSC, in the layout of
scipy.sparse.save_npz, which earlier versions wrote), `lengths.npy` (tokens per chunk) and
`words.json` (the word of each column). Only numpy reads and writes them: scipy took a third of a
second to import, on every cold start of the command line.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

K1, B = 1.5, 0.75
_COUNTS, _LENGTHS, _WORDS = "counts.npz", "lengths.npy", "words.json"


@dataclass(frozen=True)
class Terms:
    """How often each word occurs in each chunk of one segment: column `c` (word) holds the chunk
    rows `rows[starts[c]:starts[c + 1]]`, ascending, with their counts."""

    starts: np.ndarray  # int64, one more than there are columns
    rows: np.ndarray
    counts: np.ndarray  # int64
    lengths: np.ndarray  # int64, tokens per chunk
    words: dict[str, int]  # word → column

    @classmethod
    def build(cls, docs_tokens: list[list[str]]) -> "Terms":
        words: dict[str, int] = {}
        ids = np.fromiter((words.setdefault(t, len(words)) for tokens in docs_tokens for t in tokens), np.int64)
        lengths = np.fromiter((len(t) for t in docs_tokens), np.int64, len(docs_tokens))
        chunks = max(len(docs_tokens), 1)
        # one key per (word, chunk), sorted by word then chunk: counting them gives the columns
        keys, counts = np.unique(ids * chunks + np.repeat(np.arange(len(docs_tokens)), lengths),
                                 return_counts=True)
        columns, rows = np.divmod(keys, chunks)
        starts = np.searchsorted(columns, np.arange(max(len(words), 1) + 1))
        return cls(starts.astype(np.int64), rows, counts.astype(np.int64), lengths, words)

    def save(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        shape = np.array((len(self.lengths), len(self.starts) - 1), np.int64)
        np.savez(path / _COUNTS, indices=self.rows, indptr=self.starts, format=np.array(b"csc"),
                 shape=shape, data=self.counts)
        np.save(path / _LENGTHS, self.lengths)
        (path / _WORDS).write_text(json.dumps(list(self.words), ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "Terms":
        with np.load(path / _COUNTS, allow_pickle=False) as f:
            layout, shape = f["format"].item(), tuple(f["shape"])
            starts, rows, counts = f["indptr"].astype(np.int64), f["indices"], f["data"]
        lengths = np.load(path / _LENGTHS)
        words = json.loads((path / _WORDS).read_text(encoding="utf-8"))
        if layout != b"csc" or shape != (len(lengths), max(len(words), 1)) or len(starts) != shape[1] + 1 \
                or lengths.dtype != np.int64:
            raise ValueError(f"{path}: {layout!r} {shape} counts for {len(lengths)} chunks and {len(words)} words")
        return cls(starts, rows, counts.astype(np.int64), lengths, {w: i for i, w in enumerate(words)})

    def postings(self, word: str) -> tuple[np.ndarray, np.ndarray]:
        """(chunk rows, counts) of `word` in this segment."""
        column = self.words.get(word)
        if column is None:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        start, end = self.starts[column], self.starts[column + 1]
        return self.rows[start:end], self.counts[start:end]


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
