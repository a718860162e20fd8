"""Every environment variable zoneqa reads is read here, and only here.

Each part of the program gets its own settings: `index` (IndexSettings), `answering`
(AnswerSettings) and `telegram` (TelegramSettings). Their defaults are the dataclasses' own;
an unset or empty variable keeps the default.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Callable, Mapping

from bot.answering.settings import AnswerSettings
from bot.telegram.settings import TelegramSettings
from index.settings import IndexSettings


class SettingsError(ValueError):
    """An environment variable with a value that cannot be used; the message says which."""


@dataclass(frozen=True)
class Settings:
    index: IndexSettings = field(default_factory=IndexSettings)
    answering: AnswerSettings = field(default_factory=AnswerSettings)
    telegram: TelegramSettings = field(default_factory=TelegramSettings)


def _ids(value: str) -> frozenset[int]:
    return frozenset(int(x) for x in value.replace(",", " ").split())


def _at_least(minimum: int) -> Callable[[str], int]:
    """A whole number not below `minimum` (ValueError otherwise, reported with the variable)."""
    def convert(value: str) -> int:
        number = int(value)
        if number < minimum:
            raise ValueError(value)
        return number
    return convert


# variable → (part, field, conversion)
VARIABLES: dict[str, tuple[str, str, Callable[[str], object]]] = {
    "ZONEQA_DATA_DIR": ("index", "data_dir", Path),
    "ZONEQA_CORPUS_DIR": ("index", "corpus_dir", Path),
    "ZONEQA_MODEL": ("index", "model", str),
    "ZONEQA_MODEL_CACHE": ("index", "model_cache", Path),
    "ZONEQA_REPORTING_YEAR": ("answering", "reporting_year", int),
    "ZONEQA_DEFAULT_PLACE": ("answering", "default_place", str),
    "ZONEQA_ABSTAIN_THRESHOLD": ("answering", "abstain_threshold", float),
    "TELEGRAM_BOT_TOKEN": ("telegram", "token", str),
    "TELEGRAM_API_BASE_URL": ("telegram", "base_url", str),
    "ZONEQA_RATE_LIMIT": ("telegram", "rate_limit_per_minute", int),
    "ZONEQA_ADMIN_IDS": ("telegram", "admin_ids", _ids),
    "ZONEQA_RETENTION_DAYS": ("telegram", "retention_days", _at_least(1)),
    "ZONEQA_HEARTBEAT_MAX_AGE": ("telegram", "heartbeat_max_age", _at_least(0)),
    "ZONEQA_STARTUP_RETRY_SECONDS": ("telegram", "startup_retry_seconds", _at_least(0)),
}
_PARTS = {f.name: f.default_factory for f in fields(Settings)}


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Settings from the environment (or from `env`, for tests); raises SettingsError."""
    env = os.environ if env is None else env
    given: dict[str, dict[str, object]] = {part: {} for part in _PARTS}
    for name, (part, key, convert) in VARIABLES.items():
        value = (env.get(name) or "").strip()
        if not value:
            continue
        try:
            given[part][key] = convert(value)
        except ValueError:
            shown = "（已隐藏）" if key == "token" else f"“{value}”"
            raise SettingsError(f"环境变量 {name} 的值{shown}无法使用") from None
    return Settings(**{part: make(**given[part]) for part, make in _PARTS.items()})
