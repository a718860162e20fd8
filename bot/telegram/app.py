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
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from urllib.parse import urlsplit

from telegram import BotCommand, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import (AIORateLimiter, Application, ApplicationBuilder, CallbackQueryHandler,
                          CommandHandler, Defaults, InlineQueryHandler, MessageHandler, filters)

from bot import process
from bot.answering.answerer import Answerer
from bot.answering.live import LiveAnswerer
from bot.settings import Settings
from bot.telegram import citizens, messages, staff
from bot.telegram.history import History
from bot.telegram.ratelimit import SlidingWindowLimiter
from bot.telegram.services import Services, install, services

log = logging.getLogger(__name__)

# Edits and channel posts are not asked for (and ignored by the handlers if they come anyway).
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]
REFRESH_SECONDS = 60  # how often to look for an index built by another process
REFRESHER = "index_refresher"
_NEW_MESSAGE = filters.UpdateType.MESSAGE


def commands(example: str | None) -> list[BotCommand]:
    """The command menu; /ask shows an example question from the corpus."""
    return [
        BotCommand("start", "开始使用，查看示例问题"),
        BotCommand("ask", f"提问，例如 /ask {example}" if example else "提问：/ask 问题"),
        BotCommand("sources", "查看回答所依据的报告"),
        BotCommand("help", "使用说明"),
    ]


def require_token(settings: Settings) -> str:
    if not settings.telegram.token:
        raise SystemExit("TELEGRAM_BOT_TOKEN is not set: export the bot token from @BotFather, "
                         "e.g. TELEGRAM_BOT_TOKEN=123456:ABC… zoneqa bot")
    return settings.telegram.token


def _api_urls(base_url: str) -> tuple[str, str]:
    """Bot API and file URLs of a server given as http://host:port[/bot]."""
    root = base_url.rstrip("/").removesuffix("/bot")
    return f"{root}/bot", f"{root}/file/bot"


async def _refresh_periodically(live: LiveAnswerer) -> None:
    """Switch to an index that `zoneqa index build` wrote while the bot runs."""
    while True:
        await asyncio.sleep(REFRESH_SECONDS)
        try:
            await asyncio.to_thread(live.refresh_if_changed)
        except Exception:  # one failed look must not end the next ones
            log.exception("could not check for a new index")


async def _post_init(application: Application) -> None:
    # What the bot says of its corpus (places, years, examples) is worked out before the first user.
    try:
        example = (await asyncio.to_thread(citizens.corpus_view, application)).example
    except Exception:  # the bot still answers; /start will try again
        log.exception("could not read what the reports cover")
        example = None
    await application.bot.set_my_commands(commands(example))
    answerer = services(application).answerer
    if isinstance(answerer, LiveAnswerer):
        application.bot_data[REFRESHER] = asyncio.create_task(_refresh_periodically(answerer))


async def _post_shutdown(application: Application) -> None:
    refresher = application.bot_data.pop(REFRESHER, None)
    if refresher is not None:
        refresher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await refresher


def build_application(settings: Settings, answerer: Answerer | LiveAnswerer, store: History) -> Application:
    """The whole bot: handlers wired to `answerer` and `store`, ready to poll or serve a webhook.

    Staff can add reports and /reindex only when `answerer` is a LiveAnswerer (as `run` makes it).
    """
    builder = (ApplicationBuilder()
               .token(require_token(settings))
               .concurrent_updates(True)
               .rate_limiter(AIORateLimiter())
               .defaults(Defaults(parse_mode=ParseMode.HTML,
                                  link_preview_options=LinkPreviewOptions(is_disabled=True)))
               .post_init(_post_init)
               .post_shutdown(_post_shutdown))
    if settings.telegram.base_url:
        api_url, file_url = _api_urls(settings.telegram.base_url)
        builder = builder.base_url(api_url).base_file_url(file_url)
    application = builder.build()
    install(application, Services(answerer, store, SlidingWindowLimiter(settings.telegram.rate_limit_per_minute),
                                  settings))
    private, groups = filters.ChatType.PRIVATE, filters.ChatType.GROUPS
    # Staff work happens in private chats only; the first matching handler wins, so admins reach
    # bot.telegram.staff and everyone else its refusal.
    admins = _NEW_MESSAGE & private & filters.User(user_id=settings.telegram.admin_ids)
    application.add_handlers([
        CommandHandler("start", citizens.start, filters=_NEW_MESSAGE),
        CommandHandler("help", citizens.help_command, filters=_NEW_MESSAGE),
        CommandHandler("sources", citizens.sources, filters=_NEW_MESSAGE),
        CommandHandler("ask", citizens.ask_command, filters=_NEW_MESSAGE),
        CommandHandler("reindex", staff.reindex, filters=admins),
        CommandHandler("stats", staff.stats, filters=admins),
        CommandHandler("feedback", staff.feedback, filters=admins),
        MessageHandler(admins & filters.Document.ALL, staff.add_document),
        CommandHandler(staff.COMMANDS, staff.refuse, filters=_NEW_MESSAGE & private),
        MessageHandler(_NEW_MESSAGE & private & filters.Document.ALL, staff.refuse),
        # Unknown commands in groups may be meant for other bots, so only private chats get a hint.
        MessageHandler(_NEW_MESSAGE & private & filters.COMMAND, citizens.unknown_command),
        MessageHandler(_NEW_MESSAGE & private & filters.TEXT, citizens.private_text),
        MessageHandler(_NEW_MESSAGE & groups & filters.TEXT & ~filters.COMMAND, citizens.group_text),
        MessageHandler(_NEW_MESSAGE & private & filters.ATTACHMENT, citizens.media),
        CallbackQueryHandler(citizens.example_tapped, pattern=messages.EXAMPLE_PATTERN),
        CallbackQueryHandler(citizens.passage_tapped, pattern=messages.PASSAGE_PATTERN),
        CallbackQueryHandler(citizens.vote_tapped, pattern=messages.VOTE_PATTERN),
        CallbackQueryHandler(citizens.stale_button),
        InlineQueryHandler(citizens.inline_query),
    ])
    application.add_error_handler(citizens.error_handler)
    return application


def webhook_options(webhook_url: str, listen: str, port: int) -> dict:
    """Updater.start_webhook / run_webhook arguments: serve at the URL's path, check a fresh secret."""
    return {"listen": listen, "port": port, "url_path": urlsplit(webhook_url).path.lstrip("/"),
            "webhook_url": webhook_url, "secret_token": secrets.token_urlsafe(32),
            "allowed_updates": ALLOWED_UPDATES}


def run(settings: Settings, webhook_url: str | None = None, listen: str = "0.0.0.0", port: int = 8443) -> None:
    """Load the answerer once, then serve until interrupted: long polling, or a webhook if given."""
    # Fail on a missing token before the slow load.
    process.configure(settings.index, level=logging.INFO, fmt=process.SERVICE_FORMAT,
                      secret=require_token(settings))
    answerer = LiveAnswerer.load(settings.index, settings.answering)
    store = History.open(settings.index.data_dir)
    application = build_application(settings, answerer, store)
    try:
        if webhook_url is None:
            application.run_polling(allowed_updates=ALLOWED_UPDATES)
        else:
            application.run_webhook(**webhook_options(webhook_url, listen, port))
    finally:
        store.close()
