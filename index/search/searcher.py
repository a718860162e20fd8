"""Question → ranked passages: BM25 and dense retrieval fused by reciprocal rank."""
from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from index import store
from index.search import dense
from index.text.chunking import Chunk
from index.settings import IndexSettings
from index.search.embedding import QueryEncoder, query_encoder
from index.search.fusion import rrf
from index.text.tokens import Tokenizer, default_tokenizer
from index.text.vocabulary import Vocab, load_vocab

POOL = 50  # candidates taken from each retriever before fusion
RETRIEVERS = ("bm25", "dense")


@dataclass(frozen=True)
class Hit:
    rank: int
    row: int
    chunk: Chunk
    doc: dict
    score: float
    bm25_rank: int | None
    dense_rank: int | None
    before: Chunk | None = None  # the chunk this one goes on from in its paragraph: what its first sentence follows

    def to_dict(self) -> dict:
        return {"rank": self.rank, "chunk_id": self.chunk.chunk_id, "doc_id": self.chunk.doc_id,
                "title": self.doc.get("title", ""), "section": self.chunk.section_title(),
                "text": self.chunk.text, "score": round(self.score, 6),
                "bm25_rank": self.bm25_rank, "dense_rank": self.dense_rank}


def continued(chunks, row: int) -> Chunk | None:
    """The chunk before `row`'s when `row`'s goes on from it, in the same paragraph (its text starts right where
    the other's ends: a paragraph's break lies between chunks of two paragraphs)."""
    before = chunks[row - 1] if row > 0 else None
    return before if before and before.doc_id == chunks[row].doc_id and before.end == chunks[row].start else None


def expand_query(query: str, vocab: Vocab) -> str:
    """The question plus the report wording of any alias it uses (GDP → 地区生产总值)."""
    extra = [c for c in vocab.canonical_terms(query) if c not in query]
    return " ".join([query, *extra])


class Searcher:
    """A loaded index with its encoder and tokenizer. Read-only, so safe across threads."""

    def __init__(self, index: store.StoredIndex, embedder: QueryEncoder,
                 tokenizer: Tokenizer | None = None, vocab: Vocab | None = None):
        self.index = index
        self.embedder = embedder
        self.tokenizer = tokenizer or default_tokenizer()
        self.vocab = vocab or load_vocab()

    @classmethod
    def open(cls, settings: IndexSettings, embedder: QueryEncoder | None = None,
             build_if_missing: bool = True) -> "Searcher":
        """Load the served index; build it first (in a child process) if there is none yet."""
        if build_if_missing and store.current_version(settings.index_dir) is None:
            from index.childbuild import build_in_child
            build_in_child(settings)
        index = store.load(settings.index_dir, settings.model)
        return cls(index, embedder or query_encoder(settings))

    def documents(self) -> list[dict]:
        return list(self.index.documents.values())

    def _allowed(self, doc_ids: set[str] | None) -> np.ndarray | None:
        if doc_ids is None:
            return None
        spans = self.index.spans
        parts = [np.arange(spans[d].start, spans[d].stop) for d in doc_ids if d in spans]
        return np.concatenate(parts) if parts else np.zeros(0, np.int64)

    def search(self, query: str, k: int = 5, doc_ids: set[str] | None = None,
               timings: dict[str, float] | None = None,
               use: tuple[str, ...] = RETRIEVERS) -> list[Hit]:
        """Top `k` passages for `query`, optionally only from the reports in `doc_ids`.

        `use` picks the retrievers fused; one alone gives its own ranking (for baselines).
        """
        timings = {} if timings is None else timings
        t0 = time.perf_counter()
        qvec = self.embedder.query(expand_query(query, self.vocab)) if "dense" in use else None
        timings["encode_ms"] = (time.perf_counter() - t0) * 1e3
        return self.search_encoded(query, qvec, k, doc_ids, timings, use)

    def encode(self, queries: list[str]) -> np.ndarray:
        """The query vectors of `queries` (expanded as `search` expands them), in ONE encoder call.
        Row i goes with queries[i] to `search_encoded`."""
        return self.embedder.queries([expand_query(q, self.vocab) for q in queries])

    def search_encoded(self, query: str, qvec: np.ndarray | None, k: int = 5,
                       doc_ids: set[str] | None = None, timings: dict[str, float] | None = None,
                       use: tuple[str, ...] = RETRIEVERS) -> list[Hit]:
        """`search` with the query's vector already computed (`encode`), so one encoding serves
        several searches (other scopes, other k). `qvec` may be None when `use` has no "dense"."""
        timings = {} if timings is None else timings
        allowed = self._allowed(doc_ids)
        if allowed is not None and not len(allowed):
            timings.update(faiss_ms=0.0, bm25_ms=0.0, fusion_ms=0.0)
            return []
        t1 = time.perf_counter()
        dense_rows = dense.search(self.index.vectors, qvec, POOL, allowed)[1] if "dense" in use else []
        t2 = time.perf_counter()
        bm25_rows = self._bm25(expand_query(query, self.vocab), allowed) if "bm25" in use else []
        t3 = time.perf_counter()
        rankings = {"bm25": bm25_rows, "dense": [int(r) for r in dense_rows]}
        fused = rrf({name: rankings[name] for name in use})[:k]
        t4 = time.perf_counter()
        timings.update(faiss_ms=(t2 - t1) * 1e3, bm25_ms=(t3 - t2) * 1e3, fusion_ms=(t4 - t3) * 1e3)
        docs, chunks = self.index.documents, self.index.chunks
        return [Hit(rank, row, chunks[row], docs.get(chunks[row].doc_id, {}), score, ranks.get("bm25"),
                    ranks.get("dense"), continued(chunks, row))
                for rank, (row, score, ranks) in enumerate(fused, 1)]

    def _bm25(self, text: str, allowed: np.ndarray | None) -> list[int]:
        """Rows with a positive BM25 score for `text`, best first (ties by row), at most POOL."""
        scores = self.index.lexical.scores(self.tokenizer.words(text))
        rows = np.arange(len(scores)) if allowed is None else np.unique(allowed)
        scores = scores[rows]
        if len(scores) > POOL:  # only rows scoring at least the POOL-th best need sorting
            kth = np.partition(scores, len(scores) - POOL)[len(scores) - POOL]
            keep = np.flatnonzero(scores >= kth)
            rows, scores = rows[keep], scores[keep]
        top = np.argsort(-scores, kind="stable")[:POOL]
        return [int(rows[i]) for i in top if scores[i] > 0]
