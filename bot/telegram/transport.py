"""How the bot talks to the Bot API when the network does not cooperate.

Sending (every call but getUpdates goes through the Application's rate limiter):
- 429 Too Many Requests: PTB's AIORateLimiter waits the `retry_after` Telegram asked for, holding
  every other request meanwhile, and tries again, up to RATE_LIMIT_RETRIES times;
- 5xx, a dropped connection, a request that never left (connect or pool timeout): tried again
  after each of RETRY_DELAYS seconds, so 1 + len(RETRY_DELAYS) tries within about 30 s in all;
- anything else (400 Bad Request, 403 blocked by the user, a read timeout after which Telegram
  may well have delivered the message) is not retried.
Only when that is exhausted does the call fail, and the handler's error reaches
bot.telegram.citizens.error_handler, which apologises (after any retry_after still running).

Receiving: `WatchedRequest` is the getUpdates connection. Each answered poll is reported to a
`Watch`: a success is a heartbeat (bot.telegram.liveness); 401/404 (the token was revoked) and
409 (another process polls with the same token) cannot get better by retrying, so the Watch
stops the bot, which then exits with a non-zero status (bot.telegram.app.serve).
"""
from __future__ import annotations

import asyncio
import logging
from http import HTTPStatus

import httpx
from telegram.error import BadRequest, NetworkError, TimedOut
from telegram.ext import AIORateLimiter
from telegram.request import HTTPXRequest

from bot.telegram import messages
from bot.telegram.liveness import Heartbeat

log = logging.getLogger(__name__)

RATE_LIMIT_RETRIES = 3  # 429s in a row before a send fails
RETRY_DELAYS = (1.0, 2.0)  # seconds before the 2nd and 3rd try after a 5xx or network error


def _retryable(exc: NetworkError) -> bool:
    """A server or network failure worth another try; not a refusal, nor a send that may have landed."""
    if isinstance(exc, BadRequest):
        return False
    if isinstance(exc, TimedOut):  # only if the request never reached Telegram
        return isinstance(exc.__cause__, (httpx.ConnectTimeout, httpx.PoolTimeout))
    return True


class DeliveryLimiter(AIORateLimiter):
    """AIORateLimiter (Telegram's limits, and 429 honoured `max_retries` times) with bounded
    retries on 5xx and network errors around it."""

    def __init__(self, **kwargs) -> None:
        super().__init__(max_retries=RATE_LIMIT_RETRIES, **kwargs)

    async def process_request(self, callback, args, kwargs, endpoint, data, rate_limit_args):
        for attempt, delay in enumerate((*RETRY_DELAYS, None), 1):
            try:
                return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
            except NetworkError as exc:
                if delay is None or not _retryable(exc):
                    raise
                log.warning("%s failed (try %d): %s; trying again in %.0f s", endpoint, attempt, exc, delay)
                await asyncio.sleep(delay)
        raise AssertionError("unreachable")  # the last try returns or raises


class Watch:
    """What the bot learns from its own polls: a heartbeat while they succeed, and a reason to
    stop when Telegram refuses them for good. `stopping` is set by bot.telegram.app.serve."""

    def __init__(self, heartbeat: Heartbeat) -> None:
        self.heartbeat = heartbeat
        self.fatal: str | None = None
        self.stopping: asyncio.Event | None = None

    def polled(self, status: int) -> None:
        if HTTPStatus.OK <= status < HTTPStatus.MULTIPLE_CHOICES:
            self.heartbeat.beat("polling")
        elif status in (HTTPStatus.UNAUTHORIZED, HTTPStatus.NOT_FOUND):
            self.stop(messages.TOKEN_REJECTED)
        elif status == HTTPStatus.CONFLICT:
            self.stop(messages.POLLING_CONFLICT)

    def stop(self, reason: str) -> None:
        """End the bot with `reason` (the first one given wins)."""
        if self.fatal is None:
            self.fatal = reason
            log.critical(reason)
        if self.stopping is not None:
            self.stopping.set()


class WatchedRequest(HTTPXRequest):
    """The getUpdates connection, reporting each poll's HTTP status to a Watch."""

    def __init__(self, watch: Watch, **kwargs) -> None:
        super().__init__(connection_pool_size=1, **kwargs)  # as PTB's own getUpdates request
        self._watch = watch

    async def do_request(self, *args, **kwargs) -> tuple[int, bytes]:
        status, payload = await super().do_request(*args, **kwargs)
        first = self._watch.fatal is None
        self._watch.polled(status)
        if first and self._watch.fatal is not None:
            # The bot is stopping: this poll ends when the Updater cancels it, rather than as an
            # error racing the stop inside PTB's polling loop. Later polls (the Updater's last
            # one, on stopping) get Telegram's answer, which PTB logs.
            await asyncio.Event().wait()
        return status, payload
