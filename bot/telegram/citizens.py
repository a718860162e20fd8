"""Citizens' side of the bot: questions in, cited answers out, and the buttons under them.

In private chats every text is a question; in groups the bot answers when @mentioned, replied
to, or asked with /ask; `@bot 问题` in any chat offers the answer inline. Answers carry 查看原文
and 👍/👎 buttons, stored in bot.telegram.history; an answer longer than a Telegram message sends
its first part with 查看全部 for the rest, and a trend's answer is followed by its chart
(bot.telegram.chart). Each handler is an
`async def handler(update, context)`; bot.telegram.app wires them up, and `zoneqa bot` runs them:

    TELEGRAM_BOT_TOKEN=123:ABC zoneqa bot
"""
from __future__ import annotations

import asyncio
import logging
import math
import re
import time
import warnings
from collections import OrderedDict
from dataclasses import dataclass
from datetime import timedelta

from telegram import InlineQueryResultsButton, Message, MessageEntity, ReplyParameters, Update
from telegram.constants import ChatType
from telegram.error import Forbidden, RetryAfter, TelegramError
from telegram.ext import Application, ContextTypes
from telegram.warnings import PTBDeprecationWarning

from bot.answering import catalogue
from bot.answering.answerer import Answerer
from bot.answering.evidence import Answer
from bot.answering.catalogue import Coverage
from bot.answering.live import LiveAnswerer
from bot.answering.reading.typed import too_long
from bot.telegram import chart, messages
from bot.telegram.history import StoredQuestion
from bot.telegram.services import Services, services

log = logging.getLogger(__name__)

LAST_ANSWER = "last_answer"
CORPUS_VIEW = "corpus_view"
REST = "answer_rest"  # question id -> (when, the parts of a long answer not sent yet), for 查看全部
REST_KEPT = 256  # long answers whose rest is kept, the oldest forgotten first
REST_SECONDS = 24 * 3600  # and for at most a day (the history keeps its texts at least that long)
MAX_EXAMPLES = 4  # buttons under the welcome
EXAMPLE_TRIES = 12  # candidate questions asked, at most, to find them


# --- what the reports cover -------------------------------------------------------------------

@dataclass(frozen=True)
class CorpusView:
    """What the bot tells citizens about its reports: the places and years they cover, and
    example questions the answerer answers. Computed once per index in use."""

    index: object  # the index it was computed from
    coverage: tuple[Coverage, ...]
    examples: tuple[str, ...]

    @property
    def example(self) -> str | None:
        return self.examples[0] if self.examples else None


def corpus_view(holder: ContextTypes.DEFAULT_TYPE | Application) -> CorpusView:
    """The view of the index in use, computed again only when another index is in use. Slow the
    first time (it reads every figure and asks the example questions): call it off the event loop."""
    shared = services(holder)
    answerer = shared.answerer.current if isinstance(shared.answerer, LiveAnswerer) else shared.answerer
    index = answerer.searcher.index
    view = holder.bot_data.get(CORPUS_VIEW)
    if view is not None and view.index is index:
        return view
    found = catalogue.figures(index.chunks, index.documents)
    coverage = catalogue.coverage(found, index.documents, shared.settings.answering.default_place)
    examples = catalogue.answered(catalogue.example_candidates(found, coverage),
                                  lambda question: _try(answerer, question), MAX_EXAMPLES, EXAMPLE_TRIES)
    view = CorpusView(index, coverage, examples)
    holder.bot_data[CORPUS_VIEW] = view
    return view


def _try(answerer: Answerer, question: str) -> Answer | None:
    try:
        return answerer.ask(question)
    except Exception:  # not offered; a citizen asking it still meets the error handler
        log.warning("example question %r failed", question, exc_info=True)
        return None


async def _view(context: ContextTypes.DEFAULT_TYPE) -> CorpusView:
    return await asyncio.to_thread(corpus_view, context)


# --- asking -----------------------------------------------------------------------------------

def _ask_and_record(shared: Services, question: str, previous: Answer | None,
                    chat_id: int, user_id: int) -> tuple[Answer, int]:
    answer = shared.answerer.ask(question, previous)
    return answer, shared.store.record(answer, chat_id=chat_id, user_id=user_id)


async def _reply(update: Update, text: str, **kwargs) -> None:
    """Reply to the user's message, or post in the chat when the update was a button tap."""
    if update.message:
        await update.message.reply_text(text, **kwargs)
    else:
        await update.effective_chat.send_message(text, **kwargs)


async def _answer(update: Update, context: ContextTypes.DEFAULT_TYPE, question: str,
                  *, with_question: bool = False) -> None:
    shared = services(context)
    question = question.strip()
    if not question:
        await _reply(update, messages.ask_usage((await _view(context)).example))
        return
    if refusal := too_long(question):  # refused before it counts against the rate limit
        await _reply(update, refusal)
        return
    wait = shared.limiter.acquire(update.effective_user.id)
    if wait:
        await _reply(update, messages.RATE_LIMITED.format(seconds=math.ceil(wait)))
        return
    previous = context.chat_data.get(LAST_ANSWER)
    # The answerer is CPU-bound (embedding, search); keep it off the event loop.
    answer, question_id = await asyncio.to_thread(
        _ask_and_record, shared, question, previous, update.effective_chat.id, update.effective_user.id)
    # A refusal carries no topic to follow up on, so "那今年呢？" keeps referring to the last real answer.
    if not answer.abstained:
        context.chat_data[LAST_ANSWER] = answer
    # Within Telegram's limit: the first part now, the rest when 查看全部 is tapped.
    first, *rest = messages.answer_parts(answer, with_question=with_question)
    if rest:
        _keep_rest(context, question_id, rest)
    try:  # retried on 429, 5xx and network errors before it fails (bot.telegram.transport)
        await _reply(update, first, reply_markup=messages.answer_keyboard(question_id, answer, more=bool(rest)))
    except TelegramError:
        await asyncio.to_thread(shared.store.delivered, question_id, False)
        raise  # to error_handler, which apologises if it can
    await asyncio.to_thread(shared.store.delivered, question_id, True)
    await _send_chart(update, answer)


async def _send_chart(update: Update, answer: Answer) -> None:
    """A trend's chart (bot.telegram.chart), after the text answer, which stands without it: a
    chart that cannot be drawn or sent is logged (its error type only), never told to the user."""
    if not chart.chartable(answer.series):
        return
    try:
        png = await asyncio.to_thread(chart.render, answer.series, answer.metric)
        shown = chart.points(answer.series)
        caption = messages.chart_caption(answer.metric, shown[0][3], {p[1] for p in shown})
        if update.message:
            await update.message.reply_photo(png, caption=caption)
        else:
            await update.effective_chat.send_photo(png, caption=caption)
    except Exception as exc:  # the answer is out: a chart is never worth an apology
        log.warning("could not send a trend chart: %s", type(exc).__name__,
                    exc_info=not isinstance(exc, TelegramError))


def _rest_of(context: ContextTypes.DEFAULT_TYPE) -> OrderedDict:
    return context.bot_data.setdefault(REST, OrderedDict())


def _keep_rest(context: ContextTypes.DEFAULT_TYPE, question_id: int, parts: list[str]) -> None:
    """Keep the unsent parts of a long answer, in memory only, for REST_SECONDS and the REST_KEPT
    latest long answers at most."""
    kept, now = _rest_of(context), time.monotonic()
    kept[question_id] = (now, tuple(parts))
    while kept and (len(kept) > REST_KEPT or next(iter(kept.values()))[0] < now - REST_SECONDS):
        kept.popitem(last=False)


def _take_rest(context: ContextTypes.DEFAULT_TYPE, question_id: int) -> tuple[str, ...] | None:
    """The unsent parts of an answer, forgotten as they are handed out; None when gone."""
    when, parts = _rest_of(context).pop(question_id, (0.0, None))
    return parts if parts and when >= time.monotonic() - REST_SECONDS else None


def _mentions_bot(message: Message, username: str) -> bool:
    mention = f"@{username}".lower()
    return any(text.lower() == mention for text in message.parse_entities([MessageEntity.MENTION]).values())


def _without_mention(text: str, username: str) -> str:
    return re.sub(rf"@{re.escape(username)}(?![A-Za-z0-9_])", " ", text, flags=re.IGNORECASE)


# --- commands and texts -----------------------------------------------------------------------

async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    view = await _view(context)
    documents = services(context).answerer.documents()
    await update.message.reply_text(messages.welcome(documents, view.coverage, bool(view.examples)),
                                    reply_markup=messages.examples_keyboard(view.examples))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    # Staff commands work in private chats only, so that is the only place they are explained.
    staff = (update.effective_chat.type == ChatType.PRIVATE
             and update.effective_user.id in services(context).settings.telegram.admin_ids)
    view = await _view(context)
    await update.message.reply_text(messages.help_text(context.bot.username, view.coverage, view.example,
                                                       admin=staff))


async def sources(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    view = await _view(context)
    documents = services(context).answerer.documents()
    await update.message.reply_text(messages.sources_text(documents, view.coverage))


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
    await update.message.reply_text(messages.media_only((await _view(context)).example))


# --- buttons ----------------------------------------------------------------------------------

def _match(context: ContextTypes.DEFAULT_TYPE) -> re.Match | None:
    """The handler pattern's match; None for a callback without data, which PTB passes to every pattern."""
    return next((m for m in context.matches or () if isinstance(m, re.Match)), None)


def _shown(update: Update, data: str) -> str | None:
    """The text of the button with callback `data` on the tapped message, if it has one."""
    message = update.callback_query.message
    markup = getattr(message, "reply_markup", None)  # an inaccessible (deleted, old) message has none
    return next((b.text for row in (markup.inline_keyboard if markup else ()) for b in row
                 if b.callback_data == data), None)


async def example_tapped(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    match = _match(context)
    examples = (await _view(context)).examples
    # The examples follow the corpus: a button showing another question than today's is stale.
    if match is None or int(match[1]) >= len(examples) or _shown(update, match[0]) != examples[int(match[1])]:
        await stale_button(update, context)
        return
    # Answered after the answer is sent: the button shows progress meanwhile, and a failure can still
    # reach the user through the callback answer.
    await _answer(update, context, examples[int(match[1])], with_question=True)
    await update.callback_query.answer()


async def _tapped_question(update: Update, context: ContextTypes.DEFAULT_TYPE) -> StoredQuestion | None:
    """The stored question a button refers to, if it exists and was asked in this very chat."""
    query, match = update.callback_query, _match(context)
    if query.message is None or match is None:  # inline-mode messages carry no buttons of ours
        return None
    return await asyncio.to_thread(services(context).store.find, int(match[1]), chat_id=query.message.chat.id)


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


async def more_tapped(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """查看全部: the rest of a long answer, in as many messages as it needs, once."""
    found = await _tapped_question(update, context)
    rest = _take_rest(context, found.id) if found else None
    if rest is None:
        await stale_button(update, context)
        return
    await update.callback_query.answer()
    reply = ReplyParameters(update.callback_query.message.message_id, allow_sending_without_reply=True)
    for i, part in enumerate(rest):
        try:
            await update.effective_chat.send_message(part, reply_parameters=reply)
        except TelegramError:
            _keep_rest(context, found.id, list(rest[i:]))  # a second tap sends what is left
            raise


async def vote_tapped(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    found = await _tapped_question(update, context)
    if found is None:
        await stale_button(update, context)
        return
    up = _match(context)[2] == "up"
    await asyncio.to_thread(services(context).store.vote, found.id, user_id=update.effective_user.id, up=up)
    await update.callback_query.answer(messages.THANKS)


async def stale_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Any callback data we did not issue, or that points nowhere: a polite note, nothing else."""
    await update.callback_query.answer(messages.STALE_BUTTON)


# --- inline mode and errors -------------------------------------------------------------------

async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """`@bot 问题` in any chat. Not stored: clients send a query per pause while typing."""
    query = update.inline_query
    question = query.query.strip()
    if not question:
        hint = messages.inline_hint((await _view(context)).example)
        await query.answer([], button=InlineQueryResultsButton(hint, start_parameter="help"))
        return
    shared = services(context)
    # A separate key, so typing inline does not use up the user's quota of chat questions.
    wait = shared.limiter.acquire(("inline", query.from_user.id))
    if wait:
        note = messages.RATE_LIMITED.format(seconds=math.ceil(wait))
        await query.answer([], cache_time=0, button=InlineQueryResultsButton(note, start_parameter="help"))
        return
    answer = await asyncio.to_thread(shared.answerer.ask, question)
    await query.answer([messages.inline_result(answer)], cache_time=300)


def _seconds(exc: RetryAfter) -> float:
    """The wait Telegram asked for: an int in PTB 22 (with a deprecation warning), a timedelta later."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        retry = exc.retry_after
    return retry.total_seconds() if isinstance(retry, timedelta) else float(retry)


async def error_handler(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the failure; tell the user something went wrong, without internals.

    Sends were already retried (bot.telegram.transport), so this runs only once they are
    exhausted. After a 429 the apology waits out the `retry_after` Telegram asked for; a user who
    blocked the bot (403) is not written to again."""
    log.error("Error while handling an update", exc_info=context.error)
    if not isinstance(update, Update) or isinstance(context.error, Forbidden):
        return
    if isinstance(context.error, RetryAfter):
        await asyncio.sleep(_seconds(context.error))
    try:
        if update.callback_query:
            await update.callback_query.answer(messages.ERROR)
        elif update.effective_chat and update.message:
            await update.effective_chat.send_message(messages.ERROR)
    except TelegramError:
        log.warning("Could not tell the user about the error", exc_info=True)
