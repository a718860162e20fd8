"""What every handler shares: the answerer, the history, the rate limiter, the settings.

bot.telegram.app builds one `Services` into the Application when it builds the bot; citizen
handlers (bot.telegram.citizens) and staff handlers (bot.telegram.staff) reach it through
`services(context)`. Nothing here runs on its own: start the bot with `zoneqa bot`.
"""
from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from telegram.ext import Application, CallbackContext

from bot.answering.answerer import Answerer
from bot.answering.live import LiveAnswerer
from bot.settings import Settings
from bot.telegram.history import History
from bot.telegram.ratelimit import SlidingWindowLimiter

_KEY = "services"


@dataclass(frozen=True)
class Services:
    answerer: Answerer | LiveAnswerer  # staff can add reports and /reindex only with a LiveAnswerer
    store: History
    limiter: SlidingWindowLimiter
    settings: Settings
    corpus_lock: asyncio.Lock = field(default_factory=asyncio.Lock)  # staff changes, one at a time


def install(application: Application, shared: Services) -> None:
    application.bot_data[_KEY] = shared


def services(holder: CallbackContext | Application) -> Services:
    """The shared services, from a handler's context or from the Application itself."""
    return holder.bot_data[_KEY]
