"""The Telegram application: one place that builds it, wires every handler, and runs it.

Run it with the token from @BotFather:

    TELEGRAM_BOT_TOKEN=123:ABC zoneqa bot                    # long polling
    TELEGRAM_BOT_TOKEN=123:ABC zoneqa bot --webhook https://example.org/zoneqa --listen 0.0.0.0 --port 8443

TELEGRAM_API_BASE_URL (e.g. http://127.0.0.1:8081/bot) points it at another Bot API server.
Citizens' handlers are in bot.telegram.citizens: in private chats every text is a question; in
groups the bot answers when @mentioned, replied to, or asked with /ask; `@bot 问题` in any chat
offers the answer inline. Questions and 👍/👎 are kept in `data_dir/zoneqa.sqlite3` (see
bot.telegram.history).

Users in ZONEQA_ADMIN_IDS add reports by sending files and use /reindex, /stats and /feedback
(see bot.telegram.staff). Answers come from a LiveAnswerer: a rebuilt index replaces the old one only
once it passed its check, and an index built meanwhile by `zoneqa index build` is picked up
within REFRESH_SECONDS, without a restart.

Delivery and liveness (bot.telegram.transport, bot.telegram.liveness): sends are retried on
429, 5xx and network errors before anyone is told of a failure; getMe and the webhook set-up are
retried for ZONEQA_STARTUP_RETRY_SECONDS at start, the command menus in the background
(bot.telegram.menus); every poll or webhook call is a heartbeat for `zoneqa health`; a revoked
token (401), another process polling with it (409) or a start-up call that kept failing ends
`serve` with exit status 1 and a message saying which. Privacy (bot.telegram.privacy): texts
older than ZONEQA_RETENTION_DAYS are purged at start and every PURGE_SECONDS; /forget and
/privacy are for everyone; admins see their commands in their own command menu.
"""
from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import logging
import secrets
import signal
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import InvalidToken, TelegramError
from telegram.ext import (Application, ApplicationBuilder, CallbackQueryHandler, CommandHandler, Defaults,
                          InlineQueryHandler, MessageHandler, TypeHandler, filters)

from bot import process
from bot.answering.answerer import Answerer
from bot.answering.live import LiveAnswerer
from bot.settings import Settings
from bot.telegram import citizens, menus, messages, privacy, staff
from bot.telegram.history import History
from bot.telegram.liveness import Heartbeat
from bot.telegram.ratelimit import SlidingWindowLimiter
from bot.telegram.services import Services, install, services
from bot.telegram.transport import DeliveryLimiter, StartupFailed, Watch, WatchedRequest

log = logging.getLogger(__name__)

# Edits and channel posts are not asked for (and ignored by the handlers if they come anyway).
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]
REFRESH_SECONDS = 60  # how often to look for an index built by another process
PURGE_SECONDS = 6 * 3600  # how often texts past the retention period are purged
WEBHOOK_CHECK_SECONDS = 60  # how often a webhook bot asks Telegram whether the webhook is still its own
TASKS = "background_tasks"
WATCH = "watch"
WEBHOOK_URL = "webhook_url"
_NEW_MESSAGE = filters.UpdateType.MESSAGE


def require_token(settings: Settings) -> str:
    if not settings.telegram.token:
        raise SystemExit("没有设置 TELEGRAM_BOT_TOKEN：请填入 @BotFather 给的机器人令牌，"
                         "例如 TELEGRAM_BOT_TOKEN=123456:ABC… zoneqa bot")
    return settings.telegram.token


def _api_urls(base_url: str) -> tuple[str, str]:
    """Bot API and file URLs of a server given as http://host:port[/bot]."""
    root = base_url.rstrip("/").removesuffix("/bot")
    return f"{root}/bot", f"{root}/file/bot"


async def _every(seconds: float, what: str, work, *args) -> None:
    """Run `work(*args)` off the event loop now and every `seconds`; a failure is logged, not fatal."""
    while True:
        try:
            await asyncio.to_thread(work, *args)
        except Exception:  # one failed run must not end the next ones
            log.exception("could not %s", what)
        await asyncio.sleep(seconds)


def _purge(application: Application) -> None:
    shared = services(application)
    before = datetime.now(timezone.utc) - timedelta(days=shared.settings.telegram.retention_days)
    purged = shared.store.purge(before)
    if purged:
        log.info("purged the texts of %d questions older than %d days", purged,
                 shared.settings.telegram.retention_days)


async def _check_webhook(application: Application) -> None:
    """A webhook bot hears nothing while nobody writes: ask Telegram every WEBHOOK_CHECK_SECONDS
    whether the webhook is still ours (a heartbeat), or whether the token was revoked or another
    process took the webhook."""
    watch: Watch = application.bot_data[WATCH]
    while True:
        await asyncio.sleep(WEBHOOK_CHECK_SECONDS)  # setWebhook itself was the first sign of life
        try:
            info = await application.bot.get_webhook_info()
        except InvalidToken:
            watch.stop(messages.TOKEN_REJECTED)
            return
        except TelegramError:
            log.warning("could not check the webhook", exc_info=True)
        else:
            if info.url == application.bot_data[WEBHOOK_URL]:
                watch.heartbeat.beat("webhook")
            else:
                watch.stop(messages.WEBHOOK_TAKEN)
                return


def _close_interrupted(application: Application) -> None:
    """Staff work that a stopped bot left half-way is on record as interrupted."""
    closed = services(application).store.close_interrupted()
    if closed:
        log.warning("%d staff action(s) left unfinished by a stopped bot, recorded as interrupted", closed)


async def _post_init(application: Application) -> None:
    await asyncio.to_thread(_close_interrupted, application)  # none of this process's work runs yet
    # What the bot says of its corpus (places, years, examples) is worked out before the first user.
    try:
        example = (await asyncio.to_thread(citizens.corpus_view, application)).example
    except Exception:  # the bot still answers; /start will try again
        log.exception("could not read what the reports cover")
        example = None
    shared = services(application)
    tasks = application.bot_data.setdefault(TASKS, [])
    # Best-effort: what Telegram does not take is tried again in the background.
    if retrying := await menus.set_menus(application.bot, shared.settings.telegram.admin_ids, example):
        tasks.append(retrying)
    answerer = shared.answerer
    if isinstance(answerer, LiveAnswerer):  # switch to an index that `zoneqa index build` wrote
        tasks.append(asyncio.create_task(_every(REFRESH_SECONDS, "check for a new index",
                                                answerer.refresh_if_changed)))
    tasks.append(asyncio.create_task(_every(PURGE_SECONDS, "purge old questions", _purge, application)))


async def _post_shutdown(application: Application) -> None:
    for task in application.bot_data.pop(TASKS, []):
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def _heartbeat(update: Update, context) -> None:
    """Every update that reaches the bot, polled or pushed to the webhook, is a sign of life."""
    context.bot_data[WATCH].heartbeat.beat("webhook" if context.bot_data.get(WEBHOOK_URL) else "polling")


def build_application(settings: Settings, answerer: Answerer | LiveAnswerer, store: History) -> Application:
    """The whole bot: handlers wired to `answerer` and `store`, ready to poll or serve a webhook.

    Staff can add reports and /reindex only when `answerer` is a LiveAnswerer (as `run` makes it).
    """
    watch = Watch(Heartbeat(settings.index.data_dir))
    builder = (ApplicationBuilder()
               .token(require_token(settings))
               .concurrent_updates(True)
               .rate_limiter(DeliveryLimiter(settings.telegram.startup_retry_seconds))
               .get_updates_request(WatchedRequest(watch))
               .defaults(Defaults(parse_mode=ParseMode.HTML,
                                  link_preview_options=LinkPreviewOptions(is_disabled=True)))
               .post_init(_post_init)
               .post_shutdown(_post_shutdown))
    if settings.telegram.base_url:
        api_url, file_url = _api_urls(settings.telegram.base_url)
        builder = builder.base_url(api_url).base_file_url(file_url)
    application = builder.build()
    application.bot_data[WATCH] = watch
    install(application, Services(answerer, store, SlidingWindowLimiter(settings.telegram.rate_limit_per_minute),
                                  settings))
    private, groups = filters.ChatType.PRIVATE, filters.ChatType.GROUPS
    # Staff work happens in private chats only; the first matching handler wins, so admins reach
    # bot.telegram.staff and everyone else its refusal.
    admins = _NEW_MESSAGE & private & filters.User(user_id=settings.telegram.admin_ids)
    application.add_handler(TypeHandler(Update, _heartbeat, block=False), group=-1)
    application.add_handlers([
        CommandHandler("start", citizens.start, filters=_NEW_MESSAGE),
        CommandHandler("privacy", privacy.privacy, filters=_NEW_MESSAGE),
        CommandHandler("forget", privacy.forget, filters=_NEW_MESSAGE),
        CommandHandler("help", citizens.help_command, filters=_NEW_MESSAGE),
        CommandHandler("sources", citizens.sources, filters=_NEW_MESSAGE),
        CommandHandler("ask", citizens.ask_command, filters=_NEW_MESSAGE),
        CommandHandler("reindex", staff.reindex, filters=admins),
        CommandHandler("stats", staff.stats, filters=admins),
        CommandHandler("feedback", staff.feedback, filters=admins),
        MessageHandler(admins & filters.Document.ALL, staff.add_document),
        CommandHandler(staff.COMMANDS, staff.refuse, filters=_NEW_MESSAGE),  # in groups too: on record
        MessageHandler(_NEW_MESSAGE & private & filters.Document.ALL, staff.refuse),
        # Unknown commands in groups may be meant for other bots, so only private chats get a hint.
        MessageHandler(_NEW_MESSAGE & private & filters.COMMAND, citizens.unknown_command),
        MessageHandler(_NEW_MESSAGE & private & filters.TEXT, citizens.private_text),
        MessageHandler(_NEW_MESSAGE & groups & filters.TEXT & ~filters.COMMAND, citizens.group_text),
        MessageHandler(_NEW_MESSAGE & private & filters.ATTACHMENT, citizens.media),
        CallbackQueryHandler(citizens.example_tapped, pattern=messages.EXAMPLE_PATTERN),
        CallbackQueryHandler(citizens.passage_tapped, pattern=messages.PASSAGE_PATTERN),
        CallbackQueryHandler(citizens.vote_tapped, pattern=messages.VOTE_PATTERN),
        CallbackQueryHandler(citizens.more_tapped, pattern=messages.MORE_PATTERN),
        CallbackQueryHandler(privacy.forget_tapped, pattern=messages.FORGET_PATTERN),
        CallbackQueryHandler(citizens.stale_button),
        InlineQueryHandler(citizens.inline_query),
    ])
    application.add_error_handler(citizens.error_handler)
    return application


def webhook_options(webhook_url: str, listen: str, port: int, token: str | None = None) -> dict:
    """Updater.start_webhook arguments: serve at the URL's path; Telegram sends `secret_token` in
    the X-Telegram-Bot-Api-Secret-Token header of every call and PTB answers 403 to any request
    without it. Derived from the bot token when given, so replicas behind one URL agree on it
    (and nobody without the token can compute it); else random."""
    if token:
        secret = hmac.new(token.encode(), b"zoneqa webhook secret", hashlib.sha256).hexdigest()
    else:
        secret = secrets.token_urlsafe(32)
    return {"listen": listen, "port": port, "url_path": urlsplit(webhook_url).path.lstrip("/"),
            "webhook_url": webhook_url, "secret_token": secret, "allowed_updates": ALLOWED_UPDATES}


async def serve(application: Application, webhook: dict | None = None) -> int:
    """Run until SIGINT/SIGTERM (exit status 0) or until Telegram refuses the bot for good: a
    revoked token, another process polling with it, the webhook taken, or a call the bot cannot
    start without still failing after ZONEQA_STARTUP_RETRY_SECONDS (1, the reason logged).
    Long polling, or a webhook server with `webhook` (webhook_options)."""
    watch: Watch = application.bot_data[WATCH]
    watch.stopping = stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stopping.set)
    if webhook:
        application.bot_data[WEBHOOK_URL] = webhook["webhook_url"]
    try:
        async with application:  # initialize (getMe) … shutdown
            await application.post_init(application)
            try:
                if webhook:
                    await application.updater.start_webhook(**webhook)  # setWebhook with the secret
                    watch.heartbeat.beat("webhook")
                    application.bot_data[TASKS].append(asyncio.create_task(_check_webhook(application)))
                else:
                    await application.updater.start_polling(allowed_updates=ALLOWED_UPDATES)
                await application.start()
                await stopping.wait()
            finally:
                if application.updater.running:
                    with contextlib.suppress(TelegramError):  # the reason we stop may fail this too
                        await application.updater.stop()
                if application.running:
                    await application.stop()
                await application.post_shutdown(application)
    except InvalidToken:  # already at start-up (getMe)
        watch.stop(messages.TOKEN_REJECTED)
    except StartupFailed as exc:  # getMe or the webhook set-up, retried for ZONEQA_STARTUP_RETRY_SECONDS
        watch.stop(str(exc))
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
    return 1 if watch.fatal else 0


def run(settings: Settings, webhook_url: str | None = None, listen: str = "0.0.0.0", port: int = 8443) -> int:
    """`zoneqa bot`: load the answerer once, then serve (see `serve`); returns the exit status."""
    # Fail on a missing token before the slow load.
    process.configure(settings.index, level=logging.INFO, fmt=process.SERVICE_FORMAT,
                      secret=require_token(settings))
    answerer = LiveAnswerer.load(settings.index, settings.answering)
    store = History.open(settings.index.data_dir)
    try:
        application = build_application(settings, answerer, store)
        webhook = webhook_options(webhook_url, listen, port, settings.telegram.token) if webhook_url else None
        return asyncio.run(serve(application, webhook))
    finally:
        store.close()
