"""BM25 over token lists (bm25s: sparse matrices, fast as the corpus grows).

Only bm25s's public API: `BM25.index` on token lists, `get_scores`, `save` and `load`. The number
of documents is kept beside the bm25s files, so a loaded index can be checked against its chunks.
"""
from __future__ import annotations

import json
from pathlib import Path

import bm25s
import numpy as np

_COUNT = "documents.json"


class Lexical:
    def __init__(self, bm25: bm25s.BM25, documents: int):
        self._bm25 = bm25
        self.documents = documents

    @classmethod
    def build(cls, docs_tokens: list[list[str]]) -> "Lexical":
        bm25 = bm25s.BM25()
        bm25.index(docs_tokens, show_progress=False)
        return cls(bm25, len(docs_tokens))

    @classmethod
    def load(cls, path: Path) -> "Lexical":
        documents = json.loads((path / _COUNT).read_text(encoding="utf-8"))["documents"]
        return cls(bm25s.BM25.load(str(path), show_progress=False), int(documents))

    def save(self, path: Path) -> None:
        self._bm25.save(str(path), show_progress=False)
        (path / _COUNT).write_text(json.dumps({"documents": self.documents}), encoding="utf-8")

    def scores(self, tokens: list[str]) -> np.ndarray:
        """BM25 score of every chunk for the query tokens; unknown tokens are ignored."""
        known = [t for t in tokens if t in self._bm25.vocab_dict]
        if not known:
            return np.zeros(self.documents, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(known), dtype=np.float32)
