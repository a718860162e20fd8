"""Is the bot alive? A heartbeat file in the data dir, and the check `zoneqa health` runs.

The running bot (`zoneqa bot`) writes `data_dir/bot.heartbeat` whenever a getUpdates poll
succeeds (long polling returns at least every few seconds, updates or not) and, with a webhook,
whenever Telegram calls it or confirms the webhook is still ours. `zoneqa health`, which Docker's
HEALTHCHECK runs, fails when the served index does not load or when the heartbeat is older than
ZONEQA_HEARTBEAT_MAX_AGE seconds (0 leaves it unchecked): a bot whose token was revoked, whose
network is gone or whose event loop is stuck then shows up as unhealthy instead of silently
serving nobody. Telegram's own refusals (401, 409) end the bot at once (bot.telegram.app).

Nothing here imports python-telegram-bot or the model: a health check runs every minute.
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from index.files import create_file, make_dir

HEARTBEAT_NAME = "bot.heartbeat"
BEAT_EVERY = 5.0  # seconds: a busy bot polls many times a second, the file need not follow


class Unhealthy(RuntimeError):
    """Why the bot is not healthy, in Chinese for the operator."""


@dataclass
class Heartbeat:
    """Writes the time of the last sign of life, at most every BEAT_EVERY seconds."""

    data_dir: Path
    clock: Callable[[], float] = time.time
    _last: float = float("-inf")

    @property
    def path(self) -> Path:
        return Path(self.data_dir) / HEARTBEAT_NAME

    def beat(self, how: str) -> None:
        now = self.clock()
        if now - self._last < BEAT_EVERY:
            return
        self._last = now
        make_dir(self.path.parent)
        tmp = create_file(self.path.with_name(f".{HEARTBEAT_NAME}.{os.getpid()}"))
        tmp.write_text(json.dumps({"at": now, "how": how, "pid": os.getpid()}), encoding="utf-8")
        os.replace(tmp, self.path)  # a reader never sees half a file


def last_beat(data_dir: Path) -> tuple[float, str] | None:
    """When the bot last showed life, and how (polling, webhook); None without a readable heartbeat."""
    try:
        beat = json.loads((Path(data_dir) / HEARTBEAT_NAME).read_text(encoding="utf-8"))
        return float(beat["at"]), str(beat.get("how", ""))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def check_heartbeat(data_dir: Path, max_age: int, now: float | None = None) -> str:
    """A line on the bot's last sign of life; raises Unhealthy when it is missing or too old."""
    if max_age <= 0:
        return "未检查心跳（ZONEQA_HEARTBEAT_MAX_AGE=0）"
    found = last_beat(data_dir)
    if found is None:
        raise Unhealthy(f"机器人没有心跳记录（{Path(data_dir) / HEARTBEAT_NAME}）：zoneqa bot 没有运行，"
                        "或还没有从 Telegram 收到过任何回应。请查看 zoneqa bot 的日志。")
    at, how = found
    age = (time.time() if now is None else now) - at
    if age > max_age:
        raise Unhealthy(f"机器人已经 {age:.0f} 秒没有从 Telegram 收到更新（上限 {max_age} 秒，"
                        "见 ZONEQA_HEARTBEAT_MAX_AGE）：令牌可能已失效、网络可能不通，或进程已卡住。"
                        "请查看 zoneqa bot 的日志并重启。")
    return f"机器人 {max(age, 0):.0f} 秒前收到更新（{how or '未知方式'}）"


def health(settings) -> int:
    """`zoneqa health`: 0 when the served index loads and the bot's heartbeat is fresh, else 1
    with the reason on stderr (Docker reserves exit status 2)."""
    import sys

    from index import store

    try:
        index = store.load(settings.index.index_dir, settings.index.model)
        beat = check_heartbeat(settings.index.data_dir, settings.telegram.heartbeat_max_age)
    except (Unhealthy, store.IndexUnavailable) as exc:
        print(f"zoneqa: 不健康：{exc}", file=sys.stderr)
        return 1
    print(f"正常：索引 {index.path.name}，{len(index.documents)} 份报告，{len(index.chunks)} 个片段；{beat}")
    return 0
