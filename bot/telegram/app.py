"""Telegram front end: citizens' questions in, cited answers out.

Run it with the token from @BotFather:

    TELEGRAM_BOT_TOKEN=123:ABC zoneqa bot                    # long polling
    TELEGRAM_BOT_TOKEN=123:ABC zoneqa bot --webhook https://example.org/zoneqa --listen 0.0.0.0 --port 8443

TELEGRAM_API_BASE_URL (e.g. http://127.0.0.1:8081/bot) points it at another Bot API server.
In private chats every text is a question; in groups the bot answers when @mentioned, replied
to, or asked with /ask; `@bot 问题` in any chat offers the answer inline. Questions and 👍/👎
are kept in `data_dir/zoneqa.sqlite3` (see bot.telegram.history).

Users in ZONEQA_ADMIN_IDS add reports by sending files and use /reindex, /stats and /feedback
(see bot.telegram.staff). Answers come from a LiveAnswerer: a rebuilt index replaces the old one only
once it passed its check, and an index built meanwhile by `zoneqa index build` is picked up
within REFRESH_SECONDS, without a restart.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import re
import secrets
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from telegram import (BotCommand, InlineQueryResultsButton, LinkPreviewOptions, Message, MessageEntity,
                      ReplyParameters, Update)
from telegram.constants import ChatType, ParseMode
from telegram.error import TelegramError
from telegram.ext import (AIORateLimiter, Application, ApplicationBuilder, CallbackQueryHandler,
                          CommandHandler, ContextTypes, Defaults, InlineQueryHandler, MessageHandler,
                          filters)

from bot.telegram import staff as admin
from bot.telegram import messages
from bot.answering.answerer import Answer, Answerer
from bot.telegram.history import History, StoredQuestion
from bot.answering.live import LiveAnswerer
from bot.telegram.ratelimit import SlidingWindowLimiter
from bot import process
from bot.settings import Settings

log = logging.getLogger(__name__)

# Edits and channel posts are not asked for (and ignored by the handlers if they come anyway).
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]
# Telegram's own message limit: anything longer was not sent by a Telegram client.
MAX_QUESTION_CHARS = 4096
LAST_ANSWER = "last_answer"
REFRESH_SECONDS = 60  # how often to look for an index built by another process
REFRESHER = "index_refresher"
COMMANDS = [
    BotCommand("start", "开始使用，查看示例问题"),
    BotCommand("ask", "提问，例如 /ask 2018年地区生产总值是多少？"),
    BotCommand("sources", "查看回答所依据的报告"),
    BotCommand("help", "使用说明"),
]
_NEW_MESSAGE = filters.UpdateType.MESSAGE


@dataclass(frozen=True)
class Services:
    answerer: Answerer | LiveAnswerer
    store: History
    limiter: SlidingWindowLimiter
    settings: Settings
    corpus_lock: asyncio.Lock = field(default_factory=asyncio.Lock)  # staff changes, one at a time


def _services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return context.bot_data["services"]


# --- asking -----------------------------------------------------------------------------------

def _ask_and_record(services: Services, question: str, previous: Answer | None,
                    chat_id: int, user_id: int) -> tuple[Answer, int]:
    answer = services.answerer.ask(question, previous)
    return answer, services.store.record(answer, chat_id=chat_id, user_id=user_id)


async def _reply(update: Update, text: str, **kwargs) -> None:
    """Reply to the user's message, or post in the chat when the update was a button tap."""
    if update.message:
        await update.message.reply_text(text, **kwargs)
    else:
        await update.effective_chat.send_message(text, **kwargs)


async def _answer(update: Update, context: ContextTypes.DEFAULT_TYPE, question: str,
                  *, with_question: bool = False) -> None:
    services = _services(context)
    question = question.strip()
    if not question:
        await _reply(update, messages.ASK_USAGE)
        return
    if len(question) > MAX_QUESTION_CHARS:
        await _reply(update, messages.TOO_LONG.format(limit=MAX_QUESTION_CHARS))
        return
    wait = services.limiter.acquire(update.effective_user.id)
    if wait:
        await _reply(update, messages.RATE_LIMITED.format(seconds=math.ceil(wait)))
        return
    previous = context.chat_data.get(LAST_ANSWER)
    # The answerer is CPU-bound (embedding, search); keep it off the event loop.
    answer, question_id = await asyncio.to_thread(
        _ask_and_record, services, question, previous, update.effective_chat.id, update.effective_user.id)
    # A refusal carries no topic to follow up on, so "那今年呢？" keeps referring to the last real answer.
    if not answer.abstained:
        context.chat_data[LAST_ANSWER] = answer
    await _reply(update, messages.format_answer(answer, with_question=with_question),
                 reply_markup=messages.answer_keyboard(question_id, answer))


def _mentions_bot(message: Message, username: str) -> bool:
    mention = f"@{username}".lower()
    return any(text.lower() == mention for text in message.parse_entities([MessageEntity.MENTION]).values())


def _without_mention(text: str, username: str) -> str:
    return re.sub(rf"@{re.escape(username)}(?![A-Za-z0-9_])", " ", text, flags=re.IGNORECASE)


# --- handlers ---------------------------------------------------------------------------------

async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    documents = _services(context).answerer.documents()
    await update.message.reply_text(messages.welcome(documents), reply_markup=messages.examples_keyboard())


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    # Staff commands work in private chats only, so that is the only place they are explained.
    staff = (update.effective_chat.type == ChatType.PRIVATE
             and update.effective_user.id in _services(context).settings.telegram.admin_ids)
    await update.message.reply_text(messages.help_text(context.bot.username, admin=staff))


async def sources(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.message.reply_text(messages.sources_text(_services(context).answerer.documents()))


async def ask_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/ask 问题 — the question is whatever follows the command (and its @botname)."""
    text = update.message.text
    await _answer(update, context, text[update.message.entities[0].length:])


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.message.reply_text(messages.UNKNOWN_COMMAND)


async def private_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _answer(update, context, _without_mention(update.message.text, context.bot.username))


async def group_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """In groups, only messages meant for the bot: an @mention or a reply to one of its messages."""
    message = update.message
    replied = message.reply_to_message
    if _mentions_bot(message, context.bot.username) or (replied and replied.from_user
                                                          and replied.from_user.id == context.bot.id):
        await _answer(update, context, _without_mention(message.text, context.bot.username))


async def media(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.message.reply_text(messages.MEDIA_ONLY)


def _match(context: ContextTypes.DEFAULT_TYPE) -> re.Match | None:
    """The handler pattern's match; None for a callback without data, which PTB passes to every pattern."""
    return next((m for m in context.matches or () if isinstance(m, re.Match)), None)


async def example_tapped(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    match = _match(context)
    if match is None or int(match[1]) >= len(messages.EXAMPLE_QUESTIONS):
        await stale_button(update, context)
        return
    # Answered after the answer is sent: the button shows progress meanwhile, and a failure can still
    # reach the user through the callback answer.
    await _answer(update, context, messages.EXAMPLE_QUESTIONS[int(match[1])], with_question=True)
    await update.callback_query.answer()


async def _tapped_question(update: Update, context: ContextTypes.DEFAULT_TYPE) -> StoredQuestion | None:
    """The stored question a button refers to, if it exists and was asked in this very chat."""
    query, match = update.callback_query, _match(context)
    if query.message is None or match is None:  # inline-mode messages carry no buttons of ours
        return None
    return await asyncio.to_thread(_services(context).store.find, int(match[1]), chat_id=query.message.chat.id)


async def passage_tapped(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    found = await _tapped_question(update, context)
    if found is None or not found.sources:
        await stale_button(update, context)
        return
    await update.callback_query.answer()
    await update.effective_chat.send_message(
        messages.format_passage(found.sources[0]),
        reply_parameters=ReplyParameters(update.callback_query.message.message_id,
                                         allow_sending_without_reply=True))


async def vote_tapped(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    found = await _tapped_question(update, context)
    if found is None:
        await stale_button(update, context)
        return
    up = _match(context)[2] == "up"
    await asyncio.to_thread(_services(context).store.vote, found.id, user_id=update.effective_user.id, up=up)
    await update.callback_query.answer(messages.THANKS)


async def stale_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Any callback data we did not issue, or that points nowhere: a polite note, nothing else."""
    await update.callback_query.answer(messages.STALE_BUTTON)


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """`@bot 问题` in any chat. Not stored: clients send a query per pause while typing."""
    query = update.inline_query
    question = query.query.strip()
    if not question:
        await query.answer([], button=InlineQueryResultsButton(messages.INLINE_HINT, start_parameter="help"))
        return
    services = _services(context)
    # A separate key, so typing inline does not use up the user's quota of chat questions.
    wait = services.limiter.acquire(("inline", query.from_user.id))
    if wait:
        note = messages.RATE_LIMITED.format(seconds=math.ceil(wait))
        await query.answer([], cache_time=0, button=InlineQueryResultsButton(note, start_parameter="help"))
        return
    answer = await asyncio.to_thread(services.answerer.ask, question)
    await query.answer([messages.inline_result(answer)], cache_time=300)


async def error_handler(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the failure; tell the user something went wrong, without internals."""
    log.error("Error while handling an update", exc_info=context.error)
    if not isinstance(update, Update):
        return
    try:
        if update.callback_query:
            await update.callback_query.answer(messages.ERROR)
        elif update.effective_chat and update.message:
            await update.effective_chat.send_message(messages.ERROR)
    except TelegramError:
        log.warning("Could not tell the user about the error", exc_info=True)


# --- application ------------------------------------------------------------------------------

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
    await application.bot.set_my_commands(COMMANDS)
    answerer = application.bot_data["services"].answerer
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
    application.bot_data["services"] = Services(answerer, store,
                                                SlidingWindowLimiter(settings.telegram.rate_limit_per_minute), settings)
    private, groups = filters.ChatType.PRIVATE, filters.ChatType.GROUPS
    # Staff work happens in private chats only; the first matching handler wins, so admins reach
    # bot.telegram.staff and everyone else its refusal.
    staff = _NEW_MESSAGE & private & filters.User(user_id=settings.telegram.admin_ids)
    application.add_handlers([
        CommandHandler("start", start, filters=_NEW_MESSAGE),
        CommandHandler("help", help_command, filters=_NEW_MESSAGE),
        CommandHandler("sources", sources, filters=_NEW_MESSAGE),
        CommandHandler("ask", ask_command, filters=_NEW_MESSAGE),
        CommandHandler("reindex", admin.reindex, filters=staff),
        CommandHandler("stats", admin.stats, filters=staff),
        CommandHandler("feedback", admin.feedback, filters=staff),
        MessageHandler(staff & filters.Document.ALL, admin.add_document),
        CommandHandler(admin.COMMANDS, admin.refuse, filters=_NEW_MESSAGE & private),
        MessageHandler(_NEW_MESSAGE & private & filters.Document.ALL, admin.refuse),
        # Unknown commands in groups may be meant for other bots, so only private chats get a hint.
        MessageHandler(_NEW_MESSAGE & private & filters.COMMAND, unknown_command),
        MessageHandler(_NEW_MESSAGE & private & filters.TEXT, private_text),
        MessageHandler(_NEW_MESSAGE & groups & filters.TEXT & ~filters.COMMAND, group_text),
        MessageHandler(_NEW_MESSAGE & private & filters.ATTACHMENT, media),
        CallbackQueryHandler(example_tapped, pattern=messages.EXAMPLE_PATTERN),
        CallbackQueryHandler(passage_tapped, pattern=messages.PASSAGE_PATTERN),
        CallbackQueryHandler(vote_tapped, pattern=messages.VOTE_PATTERN),
        CallbackQueryHandler(stale_button),
        InlineQueryHandler(inline_query),
    ])
    application.add_error_handler(error_handler)
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
