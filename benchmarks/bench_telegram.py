"""How fast the Telegram bot answers, next to the bare answerer.

    python benchmarks/bench_telegram.py [--chats 50] [--questions 4] [--repeat 3] [--fake]

Runs the real Application against the local Bot API stand-in (tests/telegram_standin.py, on
loopback): every chat asks its questions one after another, waiting for each reply as a person
would, and all chats ask at once. Prints answered questions per second and the p95 time to
reply, then the throughput of calling `answerer.ask` directly in a loop on the same questions,
and the ratio. Outgoing messages go through PTB's AIORateLimiter, which holds the bot to
Telegram's 30 messages per second overall, so that is the ceiling of the bot's rate.
Each measurement runs --repeat times and the best run counts (as timeit does): on a shared
machine the slower runs measure the neighbours.
`--fake` uses the canned FakeAnswerer instead of loading the index.
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # the stand-in lives with the tests

from telegram_standin import FakeAnswerer, TelegramStandIn, polling  # noqa: E402

from bot.answering.answerer import Answerer  # noqa: E402
from bot.telegram.messages import EXAMPLE_QUESTIONS  # noqa: E402
from bot.telegram.history import History  # noqa: E402
from bot.telegram.app import build_application  # noqa: E402
from bot.settings import Settings, load_settings  # noqa: E402
from bot.telegram.settings import TelegramSettings  # noqa: E402
from index.settings import IndexSettings  # noqa: E402

QUESTIONS = (*EXAMPLE_QUESTIONS, "那今年呢？", "昆山高新区有多少只大熊猫？")


def questions_for(chat: int, count: int) -> list[str]:
    return [QUESTIONS[(chat + i) % len(QUESTIONS)] for i in range(count)]


async def _chat(api: TelegramStandIn, chat_id: int, questions: list[str]) -> list[float]:
    """Seconds from each question reaching the Bot API to the bot's reply reaching it."""
    latencies = []
    for question in questions:
        sent = time.monotonic()
        api.send(chat_id, question)
        reply = await api.next_call("sendMessage", timeout=120, chat_id=chat_id)
        latencies.append(reply.at - sent)
    return latencies


async def bench_bot(answerer, chats: int, per_chat: int) -> tuple[float, float]:
    """(answered questions per second, p95 seconds to reply) over the bot."""
    with tempfile.TemporaryDirectory() as tmp:
        store = History.open(Path(tmp))
        async with TelegramStandIn() as api:
            # each chat's user asks exactly rate_limit_per_minute questions
            settings = Settings(index=IndexSettings(data_dir=Path(tmp)),
                                telegram=TelegramSettings(token=api.token, base_url=api.base_url,
                                                          rate_limit_per_minute=per_chat))
            async with polling(build_application(settings, answerer, store)):
                start = time.monotonic()
                results = await asyncio.gather(*(_chat(api, 1000 + c, questions_for(c, per_chat))
                                                  for c in range(chats)))
                elapsed = time.monotonic() - start
        store.close()
    latencies = [s for chat in results for s in chat]
    return len(latencies) / elapsed, statistics.quantiles(latencies, n=100)[94]


def bench_direct(answerer, chats: int, per_chat: int) -> float:
    """Questions per second calling answerer.ask in a loop (follow-ups get their previous answer)."""
    start = time.monotonic()
    for c in range(chats):
        previous = None
        for question in questions_for(c, per_chat):
            answer = answerer.ask(question, previous)
            previous = previous if answer.abstained else answer
    return chats * per_chat / (time.monotonic() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chats", type=int, default=50)
    parser.add_argument("--questions", type=int, default=4, help="questions per chat")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best counts")
    parser.add_argument("--fake", action="store_true", help="canned answers instead of the real index")
    args = parser.parse_args()

    answerer = FakeAnswerer() if args.fake else Answerer.load(load_settings().index, load_settings().answering)
    # Warm up outside the timings: the first call per question shape is many times slower (lazy
    # loads, the CPU backend preparing kernels per input length), and would favour whichever runs second.
    bench_direct(answerer, 1, len(QUESTIONS))
    total = args.chats * args.questions
    bot_qps, p95 = max(asyncio.run(bench_bot(answerer, args.chats, args.questions)) for _ in range(args.repeat))
    direct_qps = max(bench_direct(answerer, args.chats, args.questions) for _ in range(args.repeat))
    print(f"bot:    {total} questions in {args.chats} concurrent chats: "
          f"{bot_qps:.1f} answered/s, p95 time to reply {p95 * 1000:.0f} ms")
    print(f"direct: answerer.ask in a loop: {direct_qps:.1f} questions/s")
    print(f"ratio:  bot / direct = {bot_qps / direct_qps:.2f}")


if __name__ == "__main__":
    main()
