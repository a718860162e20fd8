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

Starting: the calls the bot cannot serve without (STARTUP_CALLS: getMe, and deleteWebhook or
setWebhook) only ask, so any failure but a refusal (401/404, 409, 400, 403) is tried again, after
STARTUP_FIRST_DELAY seconds, then twice as long each time up to STARTUP_MAX_DELAY, for up to
ZONEQA_STARTUP_RETRY_SECONDS. Then, or at once on a 400 or 403, the call raises StartupFailed,
saying in Chinese which call failed and why; 401 and 409 keep their own errors.

Receiving: `WatchedRequest` is the getUpdates connection. Each answered poll is reported to a
`Watch`: a success is a heartbeat (bot.telegram.liveness); 401/404 (the token was revoked) and
409 (another process polls with the same token) cannot get better by retrying, so the Watch
stops the bot, which then exits with a non-zero status (bot.telegram.app.serve). Polls that hang
or fail are retried by PTB without a word; once none has succeeded for longer than a poll's
timeout plus POLL_MARGIN seconds, the Watch logs one warning, and one info line when a poll
succeeds again.
"""
from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterator
from http import HTTPStatus

import httpx
from telegram.error import BadRequest, Conflict, Forbidden, InvalidToken, NetworkError, TelegramError, TimedOut
from telegram.ext import AIORateLimiter
from telegram.request import HTTPXRequest

from bot.telegram import messages
from bot.telegram.liveness import Heartbeat

log = logging.getLogger(__name__)

RATE_LIMIT_RETRIES = 3  # 429s in a row before a send fails
RETRY_DELAYS = (1.0, 2.0)  # seconds before the 2nd and 3rd try after a 5xx or network error
STARTUP_CALLS = frozenset({"getMe", "deleteWebhook", "setWebhook"})
STARTUP_FIRST_DELAY, STARTUP_MAX_DELAY = 1.0, 30.0  # seconds between tries of a start-up call
POLL_MARGIN = 20.0  # seconds a poll may take beyond its long-poll timeout before it counts as hung


class StartupFailed(RuntimeError):
    """A call the bot cannot start without failed for good; the message says which and why."""


def _retryable(exc: TelegramError, endpoint: str) -> bool:
    """A failure worth another try: for a start-up call anything but a refusal (it only asks, so
    asking twice does no harm); for a send, a server or network failure, not a send that may
    have landed."""
    if endpoint in STARTUP_CALLS:
        return not isinstance(exc, (InvalidToken, Conflict, BadRequest, Forbidden))
    if not isinstance(exc, NetworkError) or isinstance(exc, BadRequest):
        return False
    if isinstance(exc, TimedOut):  # only if the request never reached Telegram
        return isinstance(exc.__cause__, (httpx.ConnectTimeout, httpx.PoolTimeout))
    return True


def _doubling_until(deadline: float) -> Iterator[float]:
    """STARTUP_FIRST_DELAY, then twice as long each time up to STARTUP_MAX_DELAY, the last one
    cut short so that no try starts after `deadline` (time.monotonic)."""
    delay = STARTUP_FIRST_DELAY
    while (left := deadline - time.monotonic()) > 0:
        yield min(delay, left)
        delay = min(2 * delay, STARTUP_MAX_DELAY)


class DeliveryLimiter(AIORateLimiter):
    """AIORateLimiter (Telegram's limits, and 429 honoured `max_retries` times) with bounded
    retries on 5xx and network errors around it, and patient ones for the start-up calls."""

    def __init__(self, startup_seconds: float, **kwargs) -> None:
        super().__init__(max_retries=RATE_LIMIT_RETRIES, **kwargs)
        self._startup_seconds = startup_seconds

    async def process_request(self, callback, args, kwargs, endpoint, data, rate_limit_args):
        began = time.monotonic()
        starting = endpoint in STARTUP_CALLS
        delays = _doubling_until(began + self._startup_seconds) if starting else iter(RETRY_DELAYS)
        tries = 0
        while True:
            tries += 1
            try:
                return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
            except TelegramError as exc:
                delay = next(delays, None) if _retryable(exc, endpoint) else None
                if delay is None:
                    if starting and not isinstance(exc, (InvalidToken, Conflict)):
                        raise StartupFailed(messages.STARTUP_FAILED.format(
                            call=endpoint, error=exc.message, tries=tries, seconds=time.monotonic() - began)) from exc
                    raise
                log.warning("%s failed (try %d): %s; trying again in %.1f s", endpoint, tries, exc, delay)
                await asyncio.sleep(delay)


class Watch:
    """What the bot learns from its own polls: a heartbeat while they succeed, a warning while
    none does, and a reason to stop when Telegram refuses them for good. `stopping` is set by
    bot.telegram.app.serve."""

    def __init__(self, heartbeat: Heartbeat) -> None:
        self.heartbeat = heartbeat
        self.fatal: str | None = None
        self.stopping: asyncio.Event | None = None
        self._unanswered_since: float | None = None  # time.monotonic() of the first poll since the last success
        self._hung = False  # warned about it

    def poll_starting(self, timeout: float) -> float:
        """A poll with this long-poll `timeout` starts: seconds left until polls count as hung."""
        now = time.monotonic()
        if self._unanswered_since is None:
            self._unanswered_since = now
        return self._unanswered_since + timeout + POLL_MARGIN - now

    def hung(self) -> None:
        """Polls have not succeeded for too long (see poll_starting): say so, once."""
        if not self._hung:
            self._hung = True
            log.warning("no getUpdates poll has succeeded for %.0f s: Telegram or the network is not answering; "
                        "polling goes on, and zoneqa health fails once the heartbeat is older than "
                        "ZONEQA_HEARTBEAT_MAX_AGE", time.monotonic() - self._unanswered_since)

    def polled(self, status: int) -> None:
        if HTTPStatus.OK <= status < HTTPStatus.MULTIPLE_CHOICES:
            self.heartbeat.beat("polling")
            if self._hung:
                log.info("getUpdates polls succeed again, after %.0f s", time.monotonic() - self._unanswered_since)
            self._unanswered_since, self._hung = None, False
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
    """The getUpdates connection, reporting each poll to a Watch: when it starts, when it has
    been outstanding too long, and the HTTP status it was answered with."""

    def __init__(self, watch: Watch, **kwargs) -> None:
        super().__init__(connection_pool_size=1, **kwargs)  # as PTB's own getUpdates request
        self._watch = watch

    async def do_request(self, url, method, request_data=None, **timeouts) -> tuple[int, bytes]:
        timeout = float((request_data.parameters if request_data else {}).get("timeout") or 0)
        left = self._watch.poll_starting(timeout)
        overdue = asyncio.get_running_loop().call_later(max(left, 0), self._watch.hung)
        try:
            status, payload = await super().do_request(url, method, request_data, **timeouts)
        finally:
            overdue.cancel()  # answered, failed or cancelled: the next poll, if any, watches on
        first = self._watch.fatal is None
        self._watch.polled(status)
        if first and self._watch.fatal is not None:
            # The bot is stopping: this poll ends when the Updater cancels it, rather than as an
            # error racing the stop inside PTB's polling loop. Later polls (the Updater's last
            # one, on stopping) get Telegram's answer, which PTB logs.
            await asyncio.Event().wait()
        return status, payload
