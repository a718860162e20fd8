"""Cold starts of the command line: each command in a fresh process, as staff run it.

    python benchmarks/bench_cold.py [--repeat 3] [--before DIR]

Uses ZONEQA_DATA_DIR / ZONEQA_CORPUS_DIR (the index must be built: `zoneqa index build`). Times,
median of --repeat runs, `zoneqa ask ""` (a hint), a 5,000-character question (refused), a real
question (the model loaded), `corpus list`, `facts` and `health`; then the first conversion of
the default model into an empty cache. With --before DIR (a checkout of an older commit, e.g.
`git worktree add /tmp/before main`), the same commands run from it too, interleaved with this
tree's runs so both see the same machine load.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tables import table  # noqa: E402

COMMANDS = {
    'ask ""': ["ask", ""],
    "ask (5,000 characters)": ["ask", "高新区GDP是多少" * 500],
    "ask 去年高新区GDP多少？": ["ask", "去年高新区GDP多少？"],
    "corpus list": ["corpus", "list"],
    "facts": ["facts"],
    "health": ["health"],
}


def seconds(tree: Path, argv: list[str], **env: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bot.cli", *argv], cwd=tree, capture_output=True,
                   env={**os.environ, "PYTHONPATH": str(tree), "ZONEQA_HEARTBEAT_MAX_AGE": "0", **env})
    return time.perf_counter() - started


def conversion(tree: Path) -> float:
    """The default model converted into an empty cache, in a process of its own."""
    with tempfile.TemporaryDirectory() as cache:
        code = ("import sys, time; from index.search.e5convert import ensure_model; "
                "t = time.perf_counter(); ensure_model(sys.argv[1]); print(time.perf_counter() - t)")
        run = subprocess.run([sys.executable, "-c", code, cache], cwd=tree, capture_output=True, text=True,
                             env={**os.environ, "PYTHONPATH": str(tree)}, check=True)
        return float(run.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--before", type=Path, help="an older checkout to compare with")
    args = parser.parse_args()
    trees = {"this tree": ROOT, **({"before": args.before.resolve()} if args.before else {})}
    times: dict[str, dict[str, list[float]]] = {name: {cmd: [] for cmd in COMMANDS} for name in trees}
    for _ in range(args.repeat):
        for cmd, argv in COMMANDS.items():
            for name, tree in trees.items():
                times[name][cmd].append(seconds(tree, argv))
    rows = [[cmd, *(statistics.median(times[name][cmd]) for name in trees)] for cmd in COMMANDS]
    rows.append(["first model conversion", *(conversion(tree) for tree in trees.values())])
    table(f"Cold start, s (median of {args.repeat}; conversion once)", ["command", *trees], rows)


if __name__ == "__main__":
    main()
