"""Warm `ask` latency over the gold questions, next to the encoder's own time for the same questions.

    python benchmarks/bench_ask.py [--gold tests/gold/dev.jsonl] [--repeat 5]

Loads the answerer the way the app does (ZONEQA_DATA_DIR etc.; the index is built on first use),
asks every gold question once to warm up (lazy loads, the CPU backend preparing kernels per input
length), then --repeat rounds in which each question is encoded alone
(`answerer.searcher.embedder.query(q)`) and asked (`answerer.ask(q)`) back to back, so both see the
same machine load. A question's time is its median over the rounds. Prints, per gold type and
overall, p50/p95 of ask and of the encoder, and their ratio: how much the answering around one
query encoding costs. The question is the only text encoded: a comparison's sides, a question's
clauses, several places and an overview's headline metrics all search with its vector.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.answering.answerer import Answerer  # noqa: E402
from bot.evaluation.gold import load_gold  # noqa: E402
from bot.settings import load_settings  # noqa: E402

TYPE_ORDER = ("number", "target", "comparison", "list", "fact", "unanswerable")


def measure(answerer: Answerer, questions: list[str], repeat: int) -> tuple[list[float], list[float]]:
    """Per question: median ms of ask() and of the encoder alone, over `repeat` interleaved rounds."""
    encode = answerer.searcher.embedder.query
    ask_ms = [[] for _ in questions]
    enc_ms = [[] for _ in questions]
    for _ in range(repeat):
        for i, q in enumerate(questions):
            t0 = time.perf_counter()
            encode(q)
            t1 = time.perf_counter()
            answerer.ask(q)
            t2 = time.perf_counter()
            enc_ms[i].append((t1 - t0) * 1e3)
            ask_ms[i].append((t2 - t1) * 1e3)
    return [statistics.median(x) for x in ask_ms], [statistics.median(x) for x in enc_ms]


def _row(name: str, ask: list[float], enc: list[float]) -> str:
    a50, a95 = np.percentile(ask, 50), np.percentile(ask, 95)
    e50, e95 = np.percentile(enc, 50), np.percentile(enc, 95)
    return (f"{name:<14}{len(ask):>4}{a50:>10.1f}{a95:>10.1f}{e50:>10.1f}{e95:>10.1f}"
            f"{a50 / e50:>9.2f}{a95 / e95:>9.2f}")


def table(types: list[str], ask: list[float], enc: list[float]) -> str:
    header = (f"{'type':<14}{'n':>4}{'ask p50':>10}{'ask p95':>10}{'enc p50':>10}{'enc p95':>10}"
              f"{'x p50':>9}{'x p95':>9}")
    lines = [header, "-" * len(header)]
    for t in sorted(set(types), key=lambda t: TYPE_ORDER.index(t) if t in TYPE_ORDER else len(TYPE_ORDER)):
        idx = [i for i, x in enumerate(types) if x == t]
        lines.append(_row(t, [ask[i] for i in idx], [enc[i] for i in idx]))
    lines += ["-" * len(header), _row("all", ask, enc)]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold" / "dev.jsonl")
    parser.add_argument("--repeat", type=int, default=5, help="rounds; each question's median counts")
    args = parser.parse_args()

    items = load_gold(args.gold)
    questions = [g.question for g in items]
    started = time.perf_counter()
    settings = load_settings()
    answerer = Answerer.load(settings.index, settings.answering)
    print(f"loaded in {time.perf_counter() - started:.1f} s; {len(questions)} gold questions, "
          f"{args.repeat} rounds", file=sys.stderr)
    measure(answerer, questions, 1)  # warm-up, not counted
    ask, enc = measure(answerer, questions, args.repeat)
    print("warm latency in ms (median of rounds per question); x = ask / encoder alone")
    print(table([g.type for g in items], ask, enc))


if __name__ == "__main__":
    main()
