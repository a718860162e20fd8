"""Index benchmarks: build time, search latency, retrieval quality by retriever/fusion, chunk size.

    python benchmarks/bench_index.py                       # everything
    python benchmarks/bench_index.py --parts retrieval,chunks
    python benchmarks/bench_index.py --parts build --copies 10

Parts:
  build      full build vs unchanged rebuild (and one changed report) of the real corpus and of a
             synthetic enlargement (--copies copies of each report with other numbers, places, years)
  encode     a full build from scratch against the pure encoding time of the same chunks (one
             `passages` call over all their texts), alternated --repeat times in one run; the
             build's own steps (BuildReport.steps) beside it
  latency    search latency p50/p95 over the gold questions, split into encode / FAISS / BM25 / fusion
  retrieval  hit@1, hit@3, MRR on the gold set: BM25 alone, dense alone, hybrid RRF and fusion variants
  chunks     hit@1/hit@3 of the hybrid searcher with the index built at several chunk sizes

Everything is written under a temporary directory (or --work-dir); the converted model is cached in
--model-cache (default: the app's own cache, ZONEQA_DATA_DIR/models). Plain-text tables on stdout.
"""
from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from tables import pct, table

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.evaluation.gold import GoldItem, load_gold, normalise  # noqa: E402
from index import store  # noqa: E402
from index.search import dense  # noqa: E402
from index.reading.documents import corpus_files, load_corpus  # noqa: E402
from index.text.chunking import chunk_document  # noqa: E402
from index.builder import build  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from index.settings import DEFAULT_MODEL  # noqa: E402
from index.search.embedding import Embedder  # noqa: E402
from index.search.fusion import rrf  # noqa: E402
from index.search.searcher import POOL, Searcher, expand_query  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "dev.jsonl"
CORPUS = ROOT / "corpus"
PARTS = ("build", "encode", "latency", "retrieval", "chunks")
STEPS = ("read", "chunk", "embed", "index", "swap")  # BuildReport.steps (issue 14 on)
CHUNK_SIZES = (80, 120, 160, 240, 400)
FUSION_VARIANTS = [(k, wb, wd) for k in (10, 60) for wb, wd in ((1, 1), (1, 2), (2, 1))]

CITIES = ("太仓", "常熟", "张家港", "吴江", "江阴", "宜兴", "溧阳", "海门", "启东", "如皋")
ZONES = ("高新区", "经开区", "开发区", "工业园区", "科技城")


# --- synthetic enlargement ---------------------------------------------------------------------

_NUM = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.])")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_DATE = re.compile(r"^(date:\s*)(\d{4})", re.M)


def variant(raw: str, i: int) -> str:
    """Copy i of a report: other place, shifted years, scaled figures; header kept valid."""
    rng = random.Random(i)
    city, zone = CITIES[i % len(CITIES)], ZONES[(i // len(CITIES)) % len(ZONES)]
    shift = i % 7
    factor = 1 + 0.013 * (i + 1)
    end = raw.find("\n---", 3) + 4
    head, body = raw[:end], raw[end:]
    head = _DATE.sub(lambda m: f"{m.group(1)}{int(m.group(2)) - shift}", head)
    head = re.sub(r"((?:19|20)\d{2})(?=年)", lambda m: str(int(m.group(1)) - shift), head)
    head = head.replace("昆山", city).replace("高新区", zone)
    body = body.replace("昆山", city).replace("高新区", zone)

    def number(m: re.Match) -> str:
        s = m.group(1)
        if _YEAR.fullmatch(s) and body[m.end():m.end() + 1] == "年":  # a year, not a figure
            return str(int(s) - shift)
        value = float(s) * factor * rng.uniform(0.97, 1.03)
        decimals = len(s.split(".")[1]) if "." in s else 0
        return f"{value:.{decimals}f}"

    return head + _NUM.sub(number, body)


def enlarge(corpus: Path, out: Path, copies: int) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(corpus.glob("*.md")) + sorted(corpus.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        for i in range(copies):
            (out / f"{path.stem}-copy{i:03d}{path.suffix}").write_text(variant(raw, i), encoding="utf-8")
    return out


def change_one(corpus: Path) -> None:
    path = corpus_files(corpus)[0]  # a report, never the signature cache or .removed/
    raw = path.read_text(encoding="utf-8")
    path.write_text(raw.replace("地区生产总值", "地区生产总值（初步核算）", 1), encoding="utf-8")


# --- measurement helpers -----------------------------------------------------------------------

def timed_build(corpus: Path, index_dir: Path, embedder: Embedder, max_chars: int | None = None):
    kwargs = {} if max_chars is None else {"max_chars": max_chars}
    start = time.perf_counter()
    report = build(corpus, index_dir, DEFAULT_MODEL, lambda: embedder, **kwargs)
    return report, time.perf_counter() - start


def evidence_rank(item: GoldItem, rows: list[int], chunks) -> int | None:
    evidence = normalise(item.evidence)
    for rank, row in enumerate(rows, 1):
        if evidence in normalise(chunks[row].text):
            return rank
    return None


def metrics(ranks: list[int | None]) -> tuple[float, float, float]:
    n = len(ranks) or 1
    hit1 = sum(1 for r in ranks if r == 1) / n
    hit3 = sum(1 for r in ranks if r is not None and r <= 3) / n
    mrr = sum(1 / r for r in ranks if r) / n
    return hit1, hit3, mrr


class Rankings:
    """Per-question BM25 and dense rankings from the Searcher's own parts (encode once)."""

    def __init__(self, searcher: Searcher, items: list[GoldItem]):
        self.searcher, self.items = searcher, items
        self.bm25: list[list[int]] = []
        self.dense: list[list[int]] = []
        idx = searcher.index
        for item in items:
            text = expand_query(item.question, searcher.vocab)
            scores = idx.lexical.scores(searcher.tokenizer.words(text))
            top = np.argsort(-scores, kind="stable")[:POOL]
            self.bm25.append([int(r) for r in top if scores[r] > 0])
            _, rows = dense.search(idx.vectors, searcher.embedder.query(text), POOL)
            self.dense.append([int(r) for r in rows])

    def ranks(self, lists: list[list[int]]) -> list[int | None]:
        return [evidence_rank(item, rows, self.searcher.index.chunks) for item, rows in zip(self.items, lists)]

    def fused(self, k: int, w_bm25: float, w_dense: float) -> list[list[int]]:
        return [[row for row, _, _ in rrf({"bm25": b, "dense": d}, {"bm25": w_bm25, "dense": w_dense}, k=k)]
                for b, d in zip(self.bm25, self.dense)]


def open_searcher(index_dir: Path, embedder: Embedder) -> Searcher:
    return Searcher(store.load(index_dir, DEFAULT_MODEL), embedder)


# --- parts -------------------------------------------------------------------------------------

def part_encode(work: Path, embedder: Embedder, copies: int, repeat: int) -> None:
    """Full build vs the encoder alone on the same chunk texts, alternated so both see the same load."""
    base = work / f"encode-{copies}x"
    shutil.rmtree(base, ignore_errors=True)
    enlarge(CORPUS, base / "corpus", copies)
    docs, _ = load_corpus(base / "corpus")
    texts = [c.embed_text() for d in docs for c in chunk_document(d)]
    embedder.passages(texts[:64])  # warm up, outside the timings
    rows = []
    for round_ in range(1, repeat + 1):
        start = time.perf_counter()
        embedder.passages(texts)
        encode_s = time.perf_counter() - start
        shutil.rmtree(base / "index", ignore_errors=True)
        report, build_s = timed_build(base / "corpus", base / "index", embedder)
        steps = getattr(report, "steps", {}) or {}
        rows.append([round_, report.documents, len(texts), encode_s, build_s, build_s / encode_s,
                     *(steps.get(k) for k in STEPS)])
    table(f"(e) full build vs pure encoding of the same {len(texts)} chunks ({copies}x synthetic), seconds",
          ["round", "docs", "chunks", "encode only s", "full build s", "build/encode", *STEPS], rows)


def part_build(work: Path, embedder: Embedder, copies: int) -> Path:
    """Returns the enlarged index, for the latency part."""
    real, big = work / "build-real", work / f"build-{copies}x"
    for base in (real, big):
        shutil.rmtree(base, ignore_errors=True)
    shutil.copytree(CORPUS, real / "corpus")
    enlarge(CORPUS, big / "corpus", copies)
    rows = []
    for name, base in (("real corpus", real), (f"{copies}x synthetic", big)):
        corpus, index_dir = base / "corpus", base / "index"
        full, t_full = timed_build(corpus, index_dir, embedder)
        again, t_again = timed_build(corpus, index_dir, embedder)
        change_one(corpus)
        one, t_one = timed_build(corpus, index_dir, embedder)
        rows.append([name, full.documents, full.chunks, full.embedded, t_full, again.embedded, t_again,
                     t_full / t_again if t_again else float("inf"), one.embedded, t_one])
    table("(a) build time, seconds (model already loaded)",
          ["corpus", "docs", "chunks", "embedded", "full s", "re-embedded", "unchanged s", "full/unchanged",
           "1-doc-changed embedded", "1-doc-changed s"], rows)
    return big / "index"


def part_latency(indexes: dict[str, Path], embedder: Embedder, items: list[GoldItem], repeat: int) -> None:
    rows = []
    for name, index_dir in indexes.items():
        searcher = open_searcher(index_dir, embedder)
        for q in ("预热", "warm up", items[0].question):
            searcher.search(q)
        samples: dict[str, list[float]] = {k: [] for k in ("encode_ms", "faiss_ms", "bm25_ms", "fusion_ms", "total_ms")}
        for _ in range(repeat):
            for item in items:
                timings: dict[str, float] = {}
                start = time.perf_counter()
                searcher.search(item.question, k=5, timings=timings)
                timings["total_ms"] = (time.perf_counter() - start) * 1e3
                for key in samples:
                    samples[key].append(timings[key])
        for key, values in samples.items():
            rows.append([name, len(searcher.index.chunks), key.removesuffix("_ms"), len(values),
                         pct(values, 50), pct(values, 95), statistics.fmean(values)])
    import torch
    table(f"(b) search latency, ms (k=5, torch threads={torch.get_num_threads()})",
          ["index", "chunks", "stage", "n", "p50", "p95", "mean"], rows)


def part_retrieval(index_dir: Path, embedder: Embedder, items: list[GoldItem]) -> None:
    searcher = open_searcher(index_dir, embedder)
    rk = Rankings(searcher, items)
    rows = [["BM25 only", *metrics(rk.ranks(rk.bm25))], ["dense only", *metrics(rk.ranks(rk.dense))]]
    for k, wb, wd in FUSION_VARIANTS:
        rows.append([f"RRF k={k} bm25:dense={wb}:{wd}", *metrics(rk.ranks(rk.fused(k, wb, wd)))])
    served = [evidence_rank(i, [h.row for h in searcher.search(i.question, k=POOL)], searcher.index.chunks)
              for i in items]
    rows.append(["Searcher.search (served)", *metrics(served)])
    table(f"(c) retrieval on the gold set ({len(items)} answerable questions, {len(searcher.index.chunks)} chunks)",
          ["retriever", "hit@1", "hit@3", "MRR"], rows)
    misses = [[i.id, r or "-", b or "-", d or "-", i.question]
              for i, r, b, d in zip(items, served, rk.ranks(rk.bm25), rk.ranks(rk.dense)) if not r or r > 3]
    table("    questions outside the hybrid top 3 (ranks: hybrid, BM25, dense; - = not in top 50)",
          ["id", "hybrid", "bm25", "dense", "question"], misses)


def part_chunks(work: Path, embedder: Embedder, items: list[GoldItem]) -> None:
    rows = []
    for size in CHUNK_SIZES:
        base = work / f"chunks-{size}"
        shutil.rmtree(base, ignore_errors=True)
        report, _ = timed_build(CORPUS, base / "index", embedder, max_chars=size)
        searcher = open_searcher(base / "index", embedder)
        rk = Rankings(searcher, items)
        lengths = [len(c.text) for c in searcher.index.chunks]
        hybrid = metrics(rk.ranks(rk.fused(60, 1, 1)))
        rows.append([size, report.chunks, statistics.fmean(lengths), max(lengths), *hybrid,
                     metrics(rk.ranks(rk.bm25))[1], metrics(rk.ranks(rk.dense))[1]])
    table("(d) chunk size (hybrid RRF k=60 1:1 unless noted)",
          ["max_chars", "chunks", "mean len", "max len", "hit@1", "hit@3", "MRR", "BM25 hit@3", "dense hit@3"],
          rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--parts", default=",".join(PARTS), help=f"comma-separated subset of {','.join(PARTS)}")
    parser.add_argument("--copies", type=int, default=50, help="copies per report in the enlarged corpus")
    parser.add_argument("--repeat", type=int, default=1, help="passes over the gold questions for latency")
    parser.add_argument("--encode-copies", type=int, default=10, help="copies per report for the encode part")
    parser.add_argument("--work-dir", type=Path, help="keep indexes here instead of a temporary dir")
    parser.add_argument("--model-cache", type=Path, help="converted model cache (default: ZONEQA_DATA_DIR/models)")
    parser.add_argument("--torch-threads", type=int, help="torch intra-op threads (default: torch's choice)")
    args = parser.parse_args(argv)
    parts = [p.strip() for p in args.parts.split(",") if p.strip()]
    unknown = set(parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown part(s): {', '.join(sorted(unknown))}")

    if args.torch_threads:
        import torch
        torch.set_num_threads(args.torch_threads)
    items = [i for i in load_gold(GOLD)]
    answerable = [i for i in items if i.answerable]
    cache = args.model_cache or load_settings().index.model_cache_dir
    start = time.perf_counter()
    embedder = Embedder(DEFAULT_MODEL, cache)
    print(f"model loaded in {time.perf_counter() - start:.1f} s from {cache}")

    work = args.work_dir or Path(tempfile.mkdtemp(prefix="zoneqa-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        real = work / "real-index"
        shutil.rmtree(real, ignore_errors=True)
        build(CORPUS, real, DEFAULT_MODEL, lambda: embedder)
        indexes = {"real": real}
        if "build" in parts:
            indexes[f"{args.copies}x"] = part_build(work, embedder, args.copies)
        if "encode" in parts:
            part_encode(work, embedder, args.encode_copies, max(2, args.repeat))
        if "latency" in parts:
            part_latency(indexes, embedder, items, args.repeat)
        if "retrieval" in parts:
            part_retrieval(real, embedder, answerable)
        if "chunks" in parts:
            part_chunks(work, embedder, answerable)
    finally:
        if args.work_dir is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
