"""The command menus: citizens' commands for everyone, and in each admin's own chat
(BotCommandScopeChat) theirs as well, so citizens never see them.

The bot answers without its menus, so setting them never stops it: `set_menus` tries each once at
start, and a menu Telegram does not take (a 5xx after the transport's retries, a 400 for an admin
who never opened a chat with the bot) is logged in one warning and tried again in the background
every RETRY_SECONDS, for ROUNDS tries in all; a last warning says when it gave up.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Collection, Iterable

from telegram import Bot, BotCommand, BotCommandScopeChat
from telegram.error import TelegramError

log = logging.getLogger(__name__)

RETRY_SECONDS = 60.0  # between two tries of the menus still unset
ROUNDS = 10  # tries in all before the menus still unset are left so


def commands(example: str | None) -> list[BotCommand]:
    """The command menu; /ask shows an example question from the corpus."""
    return [
        BotCommand("start", "开始使用，查看示例问题"),
        BotCommand("ask", f"提问，例如 /ask {example}" if example else "提问：/ask 问题"),
        BotCommand("sources", "查看回答所依据的报告"),
        BotCommand("help", "使用说明"),
        BotCommand("privacy", "我们保存什么、保存多久"),
        BotCommand("forget", "删除我的记录"),
    ]


def staff_commands(example: str | None) -> list[BotCommand]:
    """The menu admins see in their private chat with the bot: everyone's commands, then theirs."""
    return [*commands(example),
            BotCommand("reindex", "管理员：从资料库重建索引"),
            BotCommand("stats", "管理员：今日统计"),
            BotCommand("feedback", "管理员：最近的 👎；/feedback export 导出评测集")]


def _unset(chats: Collection[int | None]) -> str:
    """The menus still unset, for the log (no admin ids: they identify people)."""
    admins = sum(chat is not None for chat in chats)
    return ", ".join([*(["the citizens' command menu"] if None in chats else []),
                      *([f"{admins} admin command menu(s)"] if admins else [])])


async def _try(bot: Bot, unset: dict[int | None, list[BotCommand]]) -> str:
    """Set each menu of `unset` (chat id, None for everyone's → commands) once, dropping those
    set from it; what Telegram said of the others."""
    errors = set()
    for chat, menu in list(unset.items()):
        try:
            await bot.set_my_commands(menu, scope=None if chat is None else BotCommandScopeChat(chat))
        except TelegramError as exc:
            errors.add(exc.message)
        else:
            del unset[chat]
    return "; ".join(sorted(errors))


async def set_menus(bot: Bot, admin_ids: Iterable[int], example: str | None) -> asyncio.Task | None:
    """Set everyone's menu and each admin's; if Telegram does not take them all, say so in one
    warning and return the task that keeps trying (see the module's doc), to cancel on shutdown."""
    unset = {None: commands(example), **{admin: staff_commands(example) for admin in sorted(admin_ids)}}
    why = await _try(bot, unset)
    if not unset:
        return None
    log.warning("could not set %s (%s); the bot answers anyway and tries again every %.0f s, %d more times",
                _unset(unset), why, RETRY_SECONDS, ROUNDS - 1)
    return asyncio.create_task(_keep_trying(bot, unset, why))


async def _keep_trying(bot: Bot, unset: dict[int | None, list[BotCommand]], why: str) -> None:
    for attempt in range(2, ROUNDS + 1):
        await asyncio.sleep(RETRY_SECONDS)
        why = await _try(bot, unset)
        if not unset:
            log.info("the command menus are set, at try %d", attempt)
            return
        if attempt < ROUNDS:
            log.info("still could not set %s (%s)", _unset(unset), why)
    log.warning("gave up setting %s after %d tries (%s)", _unset(unset), ROUNDS, why)
