"""BM25 over token lists (bm25s: sparse matrices, fast as the corpus grows)."""
from __future__ import annotations

from pathlib import Path

import bm25s
import numpy as np
from bm25s.tokenization import Tokenized



class Lexical:
    def __init__(self, bm25: bm25s.BM25):
        self._bm25 = bm25
        self._vocab: dict[str, int] = bm25.vocab_dict

    @classmethod
    def build(cls, docs_tokens: list[list[str]]) -> "Lexical":
        vocab: dict[str, int] = {"": 0}  # bm25s wants an empty token for empty documents
        ids = [[vocab.setdefault(t, len(vocab)) for t in tokens] for tokens in docs_tokens]
        bm25 = bm25s.BM25()
        bm25.index(Tokenized(ids=ids, vocab=vocab), show_progress=False)
        return cls(bm25)

    @classmethod
    def load(cls, path: Path) -> "Lexical":
        return cls(bm25s.BM25.load(str(path), show_progress=False, verbosity=0))

    def save(self, path: Path) -> None:
        self._bm25.save(str(path), show_progress=False)

    def scores(self, tokens: list[str]) -> np.ndarray:
        """BM25 score of every chunk for the query tokens; unknown tokens are ignored."""
        ids = [self._vocab[t] for t in tokens if t in self._vocab]
        n = self._bm25.scores["num_docs"]
        if not ids:
            return np.zeros(n, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(ids), dtype=np.float32)
