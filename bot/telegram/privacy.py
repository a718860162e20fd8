"""What citizens can know and decide about their records: /privacy and /forget.

/privacy says in plain Chinese what the bot keeps, for how long (ZONEQA_RETENTION_DAYS, after
which bot.telegram.app purges the texts) and why. /forget (删除我的记录), in a private chat,
asks for confirmation with a button that only its sender can use, then deletes every row of
that user in bot.telegram.history, and the chat's follow-up context. Each handler is an
`async def handler(update, context)`, wired in bot.telegram.app.
"""
from __future__ import annotations

import asyncio
import logging

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot.telegram import messages
from bot.telegram.citizens import LAST_ANSWER, stale_button
from bot.telegram.services import services

log = logging.getLogger(__name__)


async def privacy(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    days = services(context).settings.telegram.retention_days
    await update.message.reply_text(messages.PRIVACY.format(days=days))


async def forget(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/forget: a confirmation first; in a group, a pointer to the private chat."""
    if update.effective_chat.type != ChatType.PRIVATE:
        await update.message.reply_text(messages.FORGET_IN_PRIVATE)
        return
    await update.message.reply_text(messages.FORGET_ASK,
                                    reply_markup=messages.forget_keyboard(update.effective_user.id))


async def forget_tapped(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """确认删除 or 取消 under /forget's question; anyone but its sender gets the stale note."""
    query = update.callback_query
    match = next((m for m in context.matches or () if m), None)
    if match is None or int(match[1]) != query.from_user.id or query.message is None:
        await stale_button(update, context)
        return
    await query.answer()
    if match[2] == "no":
        await query.edit_message_text(messages.FORGET_KEPT)
        return
    shared = services(context)
    admin = query.from_user.id in shared.settings.telegram.admin_ids
    deleted = await asyncio.to_thread(shared.store.forget, query.from_user.id, keep_staff_actions=admin)
    context.chat_data.pop(LAST_ANSWER, None)  # "那今年呢？" must not reach back to a forgotten question
    log.info("a user deleted their records (%d rows)", deleted)
    text = messages.FORGET_DONE.format(count=deleted) if deleted else messages.FORGET_NOTHING
    await query.edit_message_text(text + (messages.FORGET_ADMIN_NOTE if admin else ""))
