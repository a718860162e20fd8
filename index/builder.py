"""Corpus → index version: chunk every report, embed only what changed, write atomically."""
from __future__ import annotations

import fcntl
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import numpy as np
from tqdm import tqdm

from index import store
from index.search import dense
from index.text.chunking import DEFAULT_MAX_CHARS, Chunk, chunk_document
from index.reading.documents import load_corpus
from index.search.embedding import Embedder
from index.search.lexical import Lexical
from index.text.tokens import Tokenizer, default_tokenizer


class BuildError(RuntimeError):
    """A build that could not produce an index; the served one is untouched."""


@dataclass
class BuildReport:
    documents: int
    chunks: int
    embedded: int
    reused: int
    seconds: float
    version: Path
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.documents} documents, {self.chunks} chunks, {self.embedded} embedded, "
                f"{self.reused} reused, {self.seconds:.1f} s")


@contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    """One build at a time per index dir; a second waits for the first."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _previous_vectors(index_dir: Path, model: str) -> dict[str, np.ndarray]:
    """Vectors of the served version by chunk content hash; nothing if it can't be reused."""
    try:
        old = store.load(index_dir, model)
    except store.IndexUnavailable:
        return {}
    vectors = dense.vectors_of(old.vectors)
    return {c.content_hash: vectors[i] for i, c in enumerate(old.chunks)}


def build(corpus_dir: Path, index_dir: Path, model: str,
          embedder: Callable[[], Embedder], tokenizer: Tokenizer | None = None,
          max_chars: int = DEFAULT_MAX_CHARS, progress: bool = False,
          activate: bool = True) -> BuildReport:
    """Build a new index version from `corpus_dir` and (unless `activate` is False) serve it.

    `embedder` is called only if some chunk needs embedding, so an unchanged corpus
    rebuilds without loading the model. Unreadable reports are skipped and listed in
    `problems`; a corpus with no readable report raises BuildError.
    """
    started = time.perf_counter()
    tokenizer = tokenizer or default_tokenizer()
    with build_lock(index_dir):
        docs, problems = load_corpus(corpus_dir)
        if not docs:
            raise BuildError(f"no readable report in {corpus_dir}" +
                             "".join(f"\n  {p}" for p in problems))
        chunks: list[Chunk] = [c for d in docs for c in chunk_document(d, max_chars)]
        cached = _previous_vectors(index_dir, model)
        todo = [i for i, c in enumerate(chunks) if c.content_hash not in cached]
        fresh: dict[int, np.ndarray] = {}
        if todo:
            enc = embedder()
            batch = 64
            bar = tqdm(total=len(todo), desc="embedding", unit="chunk", disable=not progress)
            for start in range(0, len(todo), batch):
                rows = todo[start:start + batch]
                vecs = enc.passages([chunks[i].embed_text() for i in rows])
                fresh.update(zip(rows, vecs))
                bar.update(len(rows))
            bar.close()
            dim = enc.dim
        else:
            dim = len(next(iter(cached.values())))
        vectors = np.stack([fresh[i] if i in fresh else cached[c.content_hash]
                            for i, c in enumerate(chunks)]).astype(np.float32)
        lexical = Lexical.build([tokenizer.words(c.embed_text()) for c in chunks])
        manifest = {
            "format_version": store.FORMAT_VERSION,
            "model": model,
            "dim": int(dim),
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "max_chars": max_chars,
            "chunks": len(chunks),
            "documents": {d.doc_id: {**d.info(), "hash": d.content_hash, "file": d.path.name}
                          for d in docs},
        }
        version = store.write(index_dir, manifest, chunks, vectors, lexical, activate_now=activate)
    return BuildReport(len(docs), len(chunks), len(todo), len(chunks) - len(todo),
                       time.perf_counter() - started, version, problems)
