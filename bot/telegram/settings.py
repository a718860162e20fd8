"""The Telegram side: the bot token, the Bot API server, staff and the rate limit."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class TelegramSettings:
    token: str | None = field(default=None, repr=False)  # never printed
    base_url: str | None = None  # a self-hosted Bot API server, or the tests' stand-in
    rate_limit_per_minute: int = 10  # questions per user per minute
    admin_ids: frozenset[int] = frozenset()  # Telegram user ids of staff
