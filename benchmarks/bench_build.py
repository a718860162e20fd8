"""A full build of many reports, in the process that asks for it (before issue 26) and in a child
process (index.childbuild, what `zoneqa index build`, /reindex and uploads run now).

    python benchmarks/bench_build.py [--corpus /work/shared/reports] [--keep DIR]

Both builds start from an empty index dir, share the converted model and use the encoder's thread
count (IndexSettings.encoder_threads), in this order: in-process first, then the child. Prints
each one's seconds and steps, and the ratio child / in-process: the child must not make a build
slower (it pays one more interpreter start and loads the model itself, as the in-process build
does on first use). --keep DIR leaves the child's index in DIR/index (for bench_serving.py --index).
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from index.builder import build  # noqa: E402
from index.childbuild import build_in_child  # noqa: E402
from index.search.e5convert import ensure_model  # noqa: E402
from index.search.embedding import Embedder, limit_threads  # noqa: E402
from index.settings import IndexSettings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path("/work/shared/reports"))
    parser.add_argument("--model-cache", type=Path, help="converted model (default: a scratch dir)")
    parser.add_argument("--keep", type=Path, help="leave the child's index in KEEP/index")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-build-") as scratch:
        work = Path(scratch)
        cache = args.model_cache or work / "models"
        inproc = IndexSettings(data_dir=work / "inproc", corpus_dir=args.corpus, model_cache=cache)
        child = IndexSettings(data_dir=args.keep or work / "child", corpus_dir=args.corpus, model_cache=cache)
        shutil.rmtree(child.index_dir, ignore_errors=True)
        ensure_model(cache)  # converted once, outside both timings

        def embedder() -> Embedder:  # as a build did in the process that asked for it
            limit_threads(inproc.encoder_threads)
            return Embedder(inproc.model, inproc.model_cache_dir)

        t = time.perf_counter()
        before = build(inproc.corpus_dir, inproc.index_dir, inproc.model, embedder)
        before_s = time.perf_counter() - t
        t = time.perf_counter()
        after = build_in_child(child)
        after_s = time.perf_counter() - t

    print(f"{before.documents} reports, {before.chunks} passages")
    print(f"{'build':<12}{'seconds':>10}  steps")
    for name, seconds, report in (("in-process", before_s, before), ("child", after_s, after)):
        print(f"{name:<12}{seconds:>10.1f}  {report.summary()}")
    print(f"child / in-process: {after_s / before_s:.2f}")


if __name__ == "__main__":
    main()
