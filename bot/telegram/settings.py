"""The Telegram side: the bot token, the Bot API server, staff, the rate limit, how long
citizens' questions are kept, how long the bot may stay silent before `zoneqa health` fails and
how long it keeps trying to reach Telegram at start-up."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class TelegramSettings:
    token: str | None = field(default=None, repr=False)  # never printed
    base_url: str | None = None  # a self-hosted Bot API server, or the tests' stand-in
    rate_limit_per_minute: int = 10  # questions per user per minute
    admin_ids: frozenset[int] = frozenset()  # Telegram user ids of staff
    retention_days: int = 180  # question and answer texts older than this are deleted
    heartbeat_max_age: int = 300  # seconds without getUpdates or a webhook call before health fails; 0: unchecked
    startup_retry_seconds: int = 300  # how long getMe and the webhook set-up are retried at start; 0: tried once
