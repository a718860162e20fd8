"""Scale benchmark: the whole pipeline on 10, 100 and 1,000 synthetic reports, and the FAISS index choice.

    python benchmarks/bench_scale.py                            # sizes 10,100,1000; 50 questions each
    python benchmarks/bench_scale.py --sizes 10,100 --questions 30
    python benchmarks/bench_scale.py --faiss-only --work-dir DIR  # (g) again on the vectors kept in DIR

Reports and questions come from benchmarks/synth.py (deterministic; the 10-report corpus is the first
10 reports of the 100-report one, and so on). Each size runs in its own child process (this script
with --child), so memory and caches of one size don't pollute the next. In the child, the model is
loaded once, before any timing, and reused:

 (a) full build: builder.build on a fresh index dir; embedding time (the encoder's own calls) and the
     rest (load, chunk, BM25, FAISS, SQLite, write) reported apart; (a') the same build again with
     nothing changed, as a share of the full build; the builder's own steps (BuildReport.steps);
 (b) incremental rebuild after one figure of one report is edited: time, chunks embedded vs reused;
     with --profile, (b') cProfile of one more such rebuild: the top functions by own time;
 (u) upload to live, as the Telegram upload does it: ingest.add_report of one new report, then
     LiveAnswerer.rebuild (build beside the served index, load, check, switch), each part timed;
 (c) index size on disk: the served version's manifest and segments, by kind of file;
 (d) peak RSS of the child (build + serve): its ru_maxrss, checked against the parent's
     getrusage(RUSAGE_CHILDREN) after the child ends; RSS after the model load alone for reference;
 (e) warm latency of Answerer.ask, p50/p95 over the questions, split into parse / encode / FAISS /
     BM25 (the searcher's own timings) and the rest;
 (f) accuracy on --questions generated questions (about 10% unanswerable): bot.evaluation.scoring.score_answer,
     i.e. the answer contains the expected figure and not the other year's figure, unanswerable ones
     abstain. With --swap-kind, the same questions are asked again with the other FAISS index kind
     (flat <-> HNSW) swapped in, to show what the index choice does to answers.

A question's latency is its median over --rounds rounds. --short drops the reports' narrative
paragraphs (about 16 chunks a report instead of 27, the questions' evidence kept), so that 1,000
reports embed in minutes on 2 shared cores. --compare OLD/results.json prints a before/after table
of the headline figures (and their growth from the smallest to the largest size) beside this run's;
--tables-only RESULTS.json reprints the tables of a kept run.

Then (g), in this process, on the 1,000-report vectors (the largest size run) and real question
embeddings: flat vs HNSW (M and efConstruction of index/dense.py, efSearch 32/64/96/128) and IVF,
recall@10 against flat, single-query latency p50/p95 (k = POOL, as the searcher asks), build time, on
prefixes of the corpus (1k..22k vectors), on noisy copies of the real vectors up to --faiss-max
(real-like) and on random unit vectors (worst case for graphs) -- both unscoped and scoped to the
question's report, as Answerer does when a question names a place (through index/dense.search; for
HNSW also the filtered graph walk, SearchParametersHNSW + IDSelectorBatch, to show why dense.search
scores a report's rows exactly instead). Also an efConstruction x efSearch sweep at the largest real
size, and a one-line conclusion: where HNSW first saves a useful amount at recall@10 >= 0.98.

The machine is shared: compare ratios within one run, not absolute times across runs.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from tables import fmt, pct, table

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402

EF_SEARCH = (32, 64, 96, 128)
HNSW_EF = 96  # index/dense.py's HNSW_EF_SEARCH, for the summary
IVF_NPROBE = (8, 32)
K_RECALL = 10
MIN_RECALL = 0.98
USEFUL_MS = 1.0  # a saving below this is noise next to a ~20 ms question encoding
USEFUL_RATIO = 2.0
STEPS = ("read", "chunk", "embed", "index", "swap")  # BuildReport.steps, in build order


# --- output ------------------------------------------------------------------------------------

def mb(n_bytes: float) -> float:
    return n_bytes / 2**20


def dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def rss_now_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def maxrss_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


# --- one size, in a child process ---------------------------------------------------------------

class TimedEmbedder:
    """The real encoder, with the time spent in passage encoding counted (to split build time)."""

    def __init__(self, embedder):
        self._e = embedder
        self.dim = embedder.dim
        self.seconds = 0.0

    def passages(self, texts):
        t = time.perf_counter()
        out = self._e.passages(texts)
        self.seconds += time.perf_counter() - t
        return out

    def query(self, text):
        return self._e.query(text)


class HashPassages:
    """--fake-passages: the real encoder for questions, vectors from a hash for passages, so that
    1,000 reports build in minutes; build times then leave out the encoder (a constant per
    changed chunk) and dense retrieval ranks passages arbitrarily (BM25 still finds them)."""

    def __init__(self, embedder):
        self._e = embedder
        self.dim = embedder.dim

    def passages(self, texts):
        import hashlib

        out = np.stack([np.random.default_rng(int.from_bytes(hashlib.sha256(t.encode()).digest()[:8], "little"))
                        .normal(size=self.dim) for t in texts]).astype(np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    def query(self, text):
        return self._e.query(text)

    def queries(self, texts):
        return self._e.queries(texts)


def _gold_item(q: dict):
    from bot.evaluation.gold import GoldItem
    return GoldItem(id=q["id"], question=q["question"], answer=q["answer"],
                    must_contain=tuple(q["must_contain"]), must_not_contain=tuple(q["must_not_contain"]),
                    evidence=q["evidence"], type=q["type"], doc=q["doc"])


def ask_all(answerer, questions: list[dict], stages: dict[str, list[float]]) -> tuple[list[float], list[dict]]:
    """Ask each question once; per-question latency (ms), verdict rows; stage times into `stages`."""
    from bot.evaluation.scoring import score_answer

    latencies, rows = [], []
    for q in questions:
        current.clear()
        t0 = time.perf_counter()
        answer = answerer.ask(q["question"])
        ms = (time.perf_counter() - t0) * 1e3
        latencies.append(ms)
        for key in ("parse_ms", "encode_ms", "faiss_ms", "bm25_ms", "fusion_ms"):
            stages[key].append(current.get(key, 0.0))
        stages["other_ms"].append(ms - sum(current.get(k, 0.0) for k in
                                           ("parse_ms", "encode_ms", "faiss_ms", "bm25_ms", "fusion_ms")))
        verdict = score_answer(_gold_item(q), answer.to_dict())
        rows.append({"id": q["id"], "question": q["question"], "type": q["type"], "tags": q["tags"],
                     "expected": q["must_contain"], "got": answer.answer, "abstained": answer.abstained,
                     "correct": verdict.correct, "reason": verdict.reason})
    return latencies, rows


current: dict[str, float] = {}  # stage times of the question being asked (child process only)


def instrument(searcher) -> None:
    """Accumulate the searcher's own stage timings and parse time of each ask() into `current`.
    The answerer encodes once (`encode`) and searches with that vector (`search_encoded`); code
    from before issue 14 searched with `search`, which is timed when `encode` is absent."""
    import bot.answering.answerer

    def add(t: dict[str, float]) -> None:
        for key, v in t.items():
            current[key] = current.get(key, 0.0) + v

    def timed(search):
        """`search_encoded` (or, before issue 14, `search`), its stage timings added to the
        question's; `timings` may come by position, as `Searcher.search` passes it on."""
        def run(query, *args, **kw):
            names = ("qvec", "k", "doc_ids", "timings", "use") if search.__name__ == "search_encoded" \
                else ("k", "doc_ids", "timings", "use")
            kw |= dict(zip(names, args))
            timings, t = kw.pop("timings", None), {}
            hits = search(query, timings=t, **kw)
            add(t)
            if timings is not None:
                timings.update(t)
            return hits
        return run

    if hasattr(searcher, "encode"):
        encode = searcher.encode

        def timed_encode(queries):
            t0 = time.perf_counter()
            try:
                return encode(queries)
            finally:
                add({"encode_ms": (time.perf_counter() - t0) * 1e3})
        searcher.encode = timed_encode
        searcher.search_encoded = timed(searcher.search_encoded)
    else:
        searcher.search = timed(searcher.search)
    if not getattr(bot.answering.answerer.parse, "_timed", False):
        parse = bot.answering.answerer.parse

        def timed_parse(*a, **kw):
            t = time.perf_counter()
            try:
                return parse(*a, **kw)
            finally:
                current["parse_ms"] = current.get("parse_ms", 0.0) + (time.perf_counter() - t) * 1e3

        timed_parse._timed = True
        bot.answering.answerer.parse = timed_parse


def ask_rounds(answerer, questions: list[dict], stages: dict[str, list[float]], rounds: int):
    """`ask_all` `rounds` times; a question's latency is its median over the rounds (machine noise)."""
    runs = [ask_all(answerer, questions, stages) for _ in range(rounds)]
    return [statistics.median(v) for v in zip(*(lat for lat, _ in runs))], runs[-1][1]


def ask_other_kind(stored, answerer, vectors, warm, questions, rounds: int) -> dict:
    """(f') the same questions with the other dense index kind swapped in (in memory only)."""
    from index.search import dense

    served_index = stored.vectors
    if "HNSW" in type(served_index).__name__:
        alt = dense.build(vectors, hnsw_threshold=len(vectors) + 1)
    else:
        alt = dense.build(vectors, hnsw_threshold=0)
    stored.vectors = alt
    for q in warm:
        answerer.ask(q["question"])
    stages: dict[str, list[float]] = defaultdict(list)
    lat, rows = ask_rounds(answerer, questions, stages, rounds)
    stored.vectors = served_index
    return {**summarise_ask(lat, rows, stages), "kind": type(alt).__name__}


def summarise_ask(latencies: list[float], rows: list[dict], stages: dict[str, list[float]]) -> dict:
    by = defaultdict(lambda: [0, 0])
    for r in rows:
        for tag in r["tags"]:
            by[tag][0] += r["correct"]
            by[tag][1] += 1
    return {"p50": pct(latencies, 50), "p95": pct(latencies, 95), "mean": statistics.fmean(latencies),
            "accuracy": sum(r["correct"] for r in rows) / len(rows),
            "by_tag": {k: v for k, v in by.items()},
            "stages_p50": {k: pct(v, 50) for k, v in stages.items()},
            "stages_p95": {k: pct(v, 95) for k, v in stages.items()},
            "wrong": [r for r in rows if not r["correct"]]}


def _squeeze(text: str) -> str:
    return "".join(text.split())


def shorten(text: str, questions: list[dict]) -> str:
    """The report without its narrative paragraphs: only headings, captions and the paragraphs
    holding a question's evidence stay (--short, so that 1,000 reports embed in minutes)."""
    head, _, body = text.partition("\n---\n")
    evidence = [_squeeze(q["evidence"]) for q in questions if q["evidence"]]
    keep = [b for b in body.split("\n\n") if len(b.strip()) <= 20
            or any(e[:8] in _squeeze(b) or e[-8:] in _squeeze(b) for e in evidence)]
    return head + "\n---\n" + "\n\n".join(keep)


def write_report(report, corpus: Path, short: bool) -> list[dict]:
    """Write one synthetic report (shortened with --short); its questions still answerable."""
    path, rendered = synth.write_report(report, corpus)
    questions = synth.questions(report, rendered)
    if not short:
        return questions
    text = shorten(rendered.text, questions)
    path.write_text(text, encoding="utf-8")
    return [q for q in questions if not q["evidence"] or _squeeze(q["evidence"]) in _squeeze(text)]


def steps_of(report) -> dict[str, float]:
    """The builder's own per-step seconds, where it reports them (not before issue 14)."""
    return dict(getattr(report, "steps", {}) or {})


def upload_to_live(n: int, args, corpus: Path, data_dir: Path, embedder) -> dict:
    """Seconds from an admin's upload to the new report answering, split as the status message is:
    add (extract, duplicate check, metadata), build (beside the served index), swap (load, check, switch)."""
    from bot.answering.live import LiveAnswerer
    from bot.answering.settings import AnswerSettings
    from index.reading.ingest import add_report
    from index.settings import IndexSettings

    settings = IndexSettings(data_dir=data_dir, corpus_dir=corpus, model_cache=args.model_cache)
    live = LiveAnswerer(settings, AnswerSettings(), _answerer(settings, embedder))
    new = synth.make_reports(n + 1, args.seed)[-1]
    rendered = synth.render(new)
    text = shorten(rendered.text, synth.questions(new, rendered)) if args.short else rendered.text
    meta, _, body = text.removeprefix("---\n").partition("\n---\n")
    given = dict(line.split(": ", 1) for line in meta.splitlines() if ": " in line)
    t0 = time.perf_counter()
    add_report(corpus, "upload.txt", body.encode("utf-8"),
               **{k: given.get(k) for k in ("title", "date", "place", "source")})
    t1 = time.perf_counter()
    swap = live.rebuild()
    t2 = time.perf_counter()
    # The builder times the bot's load and check with the switch, as its "swap" step.
    build_s = swap.report.seconds - steps_of(swap.report).get("swap", 0.0)
    return {"add_s": t1 - t0, "build_s": build_s, "swap_s": (t2 - t1) - build_s, "total_s": t2 - t0,
            "embedded": swap.report.embedded, "steps": steps_of(swap.report)}


def _answerer(settings, embedder):
    from bot.answering.answerer import Answerer
    from bot.answering.settings import AnswerSettings
    from index import store
    from index.search.searcher import Searcher

    return Answerer(Searcher(store.load(settings.index_dir, settings.model), embedder), AnswerSettings())


def profile_build(corpus: Path, index_dir: Path, embedder, edited, short: bool) -> list[list]:
    """cProfile of one more one-report rebuild: where the time goes, top functions by own time."""
    import cProfile
    import pstats

    from index.builder import build
    from index.settings import DEFAULT_MODEL

    write_report(synth.edit_one(edited, "gdp"), corpus, short)
    prof = cProfile.Profile()
    prof.enable()
    build(corpus, index_dir, DEFAULT_MODEL, lambda: embedder)
    prof.disable()
    stats = pstats.Stats(prof)
    total = sum(v[2] for v in stats.stats.values())
    rows = sorted(((v[2], v[3], f"{Path(k[0]).name}:{k[1]}({k[2]})") for k, v in stats.stats.items()),
                  reverse=True)[:12]
    return [[name, own, cum, own / total] for own, cum, name in rows]


def run_size(n: int, args) -> dict:
    """Everything measured for one corpus size; runs in a fresh process."""
    from bot.answering.answerer import Answerer
    from bot.answering.reading.question import parse
    from index import store
    from index.search import dense
    from index.builder import build
    from bot.answering.settings import AnswerSettings
    from index.settings import DEFAULT_MODEL
    from index.search.embedding import Embedder, limit_threads
    from index.search.searcher import Searcher, expand_query

    out: dict = {"size": n, "rss_start_kb": rss_now_kb()}
    t = time.perf_counter()
    limit_threads(1)  # as the bot answers (IndexSettings.encoder_threads); 2 threads thrash on a shared machine
    embedder = Embedder(DEFAULT_MODEL, args.model_cache)
    embedder.query("预热")
    if args.fake_passages:
        embedder = HashPassages(embedder)
    out["model_load_s"] = time.perf_counter() - t
    out["rss_model_kb"] = rss_now_kb()

    base = args.work_dir / f"n{n}"
    shutil.rmtree(base, ignore_errors=True)
    corpus, data_dir = base / "corpus", base / "data"
    index_dir = data_dir / "index"
    reports = synth.make_reports(n, args.seed)
    corpus.mkdir(parents=True, exist_ok=True)
    all_q = [q for r in reports for q in write_report(r, corpus, args.short)]
    out["corpus_bytes"] = dir_bytes(corpus)

    # (a) full build, the model already loaded
    timed = TimedEmbedder(embedder)
    t = time.perf_counter()
    full = build(corpus, index_dir, DEFAULT_MODEL, lambda: timed)
    out["full_s"] = time.perf_counter() - t
    out["full_embed_s"] = timed.seconds
    out["full_steps"] = steps_of(full)
    out.update(docs=full.documents, chunks=full.chunks, full_embedded=full.embedded)
    out["rss_after_build_kb"] = maxrss_kb()

    # (c) size on disk of the served version: its manifest and its segments' files by kind
    version = store.current_version(index_dir)
    files = [version / "manifest.json"] + [f for s in json.loads((version / "manifest.json").read_text())["segments"]
                                            for f in store.segment_dir(index_dir, s).iterdir()]
    out["disk_files"] = defaultdict(int)
    for f in files:
        out["disk_files"][f.name] += dir_bytes(f) if f.is_dir() else f.stat().st_size
    out["disk_bytes"] = sum(out["disk_files"].values())

    # (a') nothing changed: what a rebuild costs when there is nothing to do
    t = time.perf_counter()
    same = build(corpus, index_dir, DEFAULT_MODEL, lambda: timed)
    out["same_s"] = time.perf_counter() - t
    out["same_steps"] = steps_of(same)

    # (b) incremental rebuild after one figure of one report changed
    k = n // 2
    edited = synth.edit_one(reports[k])
    all_q = [q for q in all_q if q["doc"] != edited.doc_id] + write_report(edited, corpus, args.short)
    timed = TimedEmbedder(embedder)
    t = time.perf_counter()
    inc = build(corpus, index_dir, DEFAULT_MODEL, lambda: timed)
    out["inc_s"] = time.perf_counter() - t
    out["inc_embed_s"] = timed.seconds
    out["inc_steps"] = steps_of(inc)
    out.update(inc_embedded=inc.embedded, inc_reused=inc.reused)
    if args.profile:
        out["inc_profile"] = profile_build(corpus, index_dir, embedder, edited, args.short)

    # (u) upload to live, as the bot does it: add the file, rebuild beside the served index, check, switch
    out["upload"] = upload_to_live(n, args, corpus, data_dir, embedder)

    # serving
    t = time.perf_counter()
    stored = store.load(index_dir, DEFAULT_MODEL)
    searcher = Searcher(stored, embedder)
    answerer = Answerer(searcher, AnswerSettings())
    out["load_s"] = time.perf_counter() - t
    instrument(searcher)
    served_kind = type(stored.vectors).__name__
    out["dense_kind"] = served_kind

    questions = synth.sample_questions(all_q, args.questions, args.seed)
    chosen = {q["id"] for q in questions}
    warm = [q for q in all_q if q["id"] not in chosen][:5]
    for q in warm:
        answerer.ask(q["question"])
    stages: dict[str, list[float]] = defaultdict(list)
    lat, rows = ask_rounds(answerer, questions, stages, args.rounds)
    out["ask"] = summarise_ask(lat, rows, stages)
    out["rss_serving_kb"] = rss_now_kb()

    vectors = dense.vectors_of(stored.vectors)
    if args.swap_kind:
        out["alt"] = ask_other_kind(stored, answerer, vectors, warm, questions, args.rounds)

    # vectors and real question embeddings for (g)
    doc_ids = sorted({c.doc_id for c in stored.chunks})
    doc_index = {d: i for i, d in enumerate(doc_ids)}
    np.save(base / "vectors.npy", np.ascontiguousarray(vectors, dtype=np.float32))
    np.save(base / "row_docs.npy", np.array([doc_index[c.doc_id] for c in stored.chunks], dtype=np.int32))
    import random
    answerable = [q for q in all_q if q["type"] != "unanswerable"]
    pool = random.Random(args.seed + 1).sample(answerable, min(args.faiss_queries, len(answerable)))
    places = tuple(r.place for r in reports)
    year = max(r.year for r in reports)
    qvecs = [embedder.query(expand_query(parse(q["question"], year, places).search_text(), searcher.vocab))
             for q in pool]
    np.save(base / "queries.npy", np.stack(qvecs).astype(np.float32))
    np.save(base / "query_docs.npy", np.array([doc_index[q["doc"]] for q in pool], dtype=np.int32))

    out["rss_peak_kb"] = maxrss_kb()
    return out


# --- (g) FAISS: flat vs HNSW vs IVF ---------------------------------------------------------------

REPEAT = 3


class _WalkWithSelector:
    """An HNSW index searched scoped by a filtered graph walk (SearchParametersHNSW + IDSelector)."""

    def __init__(self, index):
        self.index = index


def _search_fn(index):
    """index/dense.search, except for IVF with a selector (dense.search passes plain
    SearchParameters, which IndexIVF rejects; it needs SearchParametersIVF)."""
    import faiss

    from index.search import dense

    if isinstance(index, _WalkWithSelector):
        hnsw = index.index

        def walk(q, k, a):
            params = faiss.SearchParametersHNSW(sel=faiss.IDSelectorBatch(a.astype(np.int64)),
                                                efSearch=hnsw.hnsw.efSearch)
            scores, rows = hnsw.search(np.ascontiguousarray(q[None, :]), min(k, hnsw.ntotal), params=params)
            return scores[0][rows[0] >= 0], rows[0][rows[0] >= 0]
        return walk
    if not isinstance(index, faiss.IndexIVF):
        return lambda q, k, a: dense.search(index, q, k, a)

    def ivf_search(q, k, a):
        params = None if a is None else faiss.SearchParametersIVF(
            sel=faiss.IDSelectorBatch(a.astype(np.int64)), nprobe=index.nprobe)
        scores, rows = index.search(np.ascontiguousarray(q[None, :]), min(k, index.ntotal), params=params)
        return scores[0][rows[0] >= 0], rows[0][rows[0] >= 0]
    return ivf_search


def _timed_search(index, queries, k, allowed=None, repeat: int = REPEAT):
    """Results per query and the per-query latency in ms (the best of `repeat`, against machine noise)."""
    search = _search_fn(index)
    rows, ms = [], []
    for i, q in enumerate(queries):
        a = None if allowed is None else allowed[i]
        best = float("inf")
        for _ in range(repeat):
            t = time.perf_counter()
            _, r = search(q, k, a)
            best = min(best, (time.perf_counter() - t) * 1e3)
        rows.append(r)
        ms.append(best)
    return rows, ms


def _recall(approx, exact, k: int) -> float:
    vals = []
    for a, e in zip(approx, exact):
        want = set(int(x) for x in e[:k])
        if want:
            vals.append(len(want & set(int(x) for x in a[:k])) / len(want))
    return float(np.mean(vals)) if vals else float("nan")


def faiss_compare(name: str, vectors: np.ndarray, queries: np.ndarray, k: int,
                  scoped: np.ndarray | None = None, allowed: list[np.ndarray] | None = None) -> list[dict]:
    """Rows for one dataset: flat, HNSW at each efSearch, IVF at each nprobe; unscoped (`queries`)
    and scoped (`scoped` queries, each restricted to its `allowed` rows)."""
    import faiss

    from index.search import dense

    out = []
    n = len(vectors)
    t = time.perf_counter()
    flat = dense.build(vectors, hnsw_threshold=n + 1)
    flat_build = time.perf_counter() - t
    exact, flat_ms = _timed_search(flat, queries, k)
    scoped_exact, scoped_ms = _timed_search(flat, scoped, k, allowed) if allowed is not None else (None, [])
    out.append({"data": name, "n": n, "index": "flat", "param": "-", "build_s": flat_build,
                "recall": 1.0, "p50": pct(flat_ms, 50), "p95": pct(flat_ms, 95),
                "s_recall": 1.0 if allowed is not None else None,
                "s_p50": pct(scoped_ms, 50), "s_p95": pct(scoped_ms, 95)})

    t = time.perf_counter()
    hnsw = dense.build(vectors, hnsw_threshold=0)
    hnsw_build = time.perf_counter() - t
    def measured(index, label: str, param: str, build_s: float) -> dict:
        """One row: recall and latency against flat, unscoped and (if asked) scoped."""
        rows, ms = _timed_search(index, queries, k)
        row = {"data": name, "n": n, "index": label, "param": param, "build_s": build_s,
               "recall": _recall(rows, exact, K_RECALL), "p50": pct(ms, 50), "p95": pct(ms, 95),
               "s_recall": None, "s_p50": None, "s_p95": None}
        if allowed is not None:
            srows, sms = _timed_search(index, scoped, k, allowed)
            row.update(s_recall=_recall(srows, scoped_exact, K_RECALL), s_p50=pct(sms, 50), s_p95=pct(sms, 95))
        return row

    for ef in EF_SEARCH:
        hnsw.hnsw.efSearch = ef
        out.append(measured(hnsw, f"HNSW M={dense.HNSW_M}", f"ef={ef}", hnsw_build))

    if allowed is not None:
        # what index/dense.search replaced: a graph walk that only keeps allowed rows
        hnsw.hnsw.efSearch = dense.HNSW_EF_SEARCH
        srows, sms = _timed_search(_WalkWithSelector(hnsw), scoped, k, allowed)
        out.append({"data": name, "n": n, "index": f"HNSW M={dense.HNSW_M}",
                    "param": f"walk+selector ef={dense.HNSW_EF_SEARCH}", "build_s": hnsw_build, "recall": None,
                    "p50": None, "p95": None, "s_recall": _recall(srows, scoped_exact, K_RECALL),
                    "s_p50": pct(sms, 50), "s_p95": pct(sms, 95)})

    nlist = max(8, int(np.sqrt(n)))  # faiss wants >= 39 training points per list
    t = time.perf_counter()
    quantizer = faiss.IndexFlatIP(vectors.shape[1])
    ivf = faiss.IndexIVFFlat(quantizer, vectors.shape[1], nlist, faiss.METRIC_INNER_PRODUCT)
    ivf.train(vectors)
    ivf.add(vectors)
    ivf_build = time.perf_counter() - t
    for nprobe in IVF_NPROBE:
        ivf.nprobe = nprobe
        out.append(measured(ivf, f"IVF nlist={nlist}", f"nprobe={nprobe}", ivf_build))
    for r in out:
        print(f"    {name:<12} n={n:<7} {r['index']:<16} {r['param']:<14} recall@{K_RECALL}={fmt(r['recall'])} "
              f"p50={fmt(r['p50'])}ms scoped={fmt(r['s_recall'])}/{fmt(r['s_p50'])}ms", file=sys.stderr)
    return out


def _normalise(x: np.ndarray) -> np.ndarray:
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def part_faiss(base: Path, max_n: int, k: int) -> None:
    import faiss

    from index.search import dense
    from index.search.searcher import POOL

    k = k or POOL
    vectors = np.load(base / "vectors.npy")
    row_docs = np.load(base / "row_docs.npy")
    queries = np.load(base / "queries.npy")
    query_docs = np.load(base / "query_docs.npy")
    n_real, n_docs = len(vectors), int(row_docs.max()) + 1
    print(f"\n(g) FAISS on {base.name}: {n_real} real vectors of {n_docs} reports, {len(queries)} real "
          f"questions, k={k} (the searcher's POOL), faiss {faiss.__version__}, "
          f"omp threads {faiss.omp_get_max_threads()}", flush=True)

    flat = dense.build(vectors, hnsw_threshold=n_real + 1)
    sims, _ = flat.search(vectors[:2000], 2)
    print(f"    near-duplicates: {np.mean(sims[:, 1] > 0.99):.0%} of chunks have another chunk at cosine > 0.99 "
          "(templated reports: a hard case for HNSW graphs)", flush=True)

    rows: list[dict] = []
    # prefixes of the real corpus: the first D reports (rows are grouped by report)
    for d in sorted({x for x in (50, 100, 250, 500, n_docs) if x <= n_docs}):
        n = int(np.searchsorted(row_docs, d))
        keep = query_docs < d
        allowed = [np.flatnonzero(row_docs[:n] == doc) for doc in query_docs[keep]]
        rows += faiss_compare("real", vectors[:n], queries, k, queries[keep], allowed)
    # beyond the real corpus: noisy copies of it (each copy a new set of reports), and random vectors
    rng = np.random.default_rng(7)
    sizes = [s for s in (50_000, 100_000, 200_000, 500_000) if n_real < s <= max_n]
    for s in sizes:
        copies = -(-s // n_real)
        parts, docs = [vectors], [row_docs]
        for c in range(1, copies):
            noise = rng.normal(0, 0.02, vectors.shape).astype(np.float32)  # cosine to the original ~0.93
            parts.append(_normalise(vectors + noise))
            docs.append(row_docs + c * n_docs)
        big, big_docs = np.concatenate(parts)[:s], np.concatenate(docs)[:s]
        # each question asked of a random copy of its report
        copy_of = rng.integers(0, copies, len(queries))
        target = query_docs + copy_of * n_docs
        ok = np.isin(target, big_docs)
        order = np.argsort(big_docs, kind="stable")
        starts = np.searchsorted(big_docs[order], target[ok])
        ends = np.searchsorted(big_docs[order], target[ok], side="right")
        allowed = [np.sort(order[a:b]) for a, b in zip(starts, ends)]
        few = slice(0, 300)  # flat at 100k+ is slow enough that 300 questions suffice
        rows += faiss_compare("real-like", big, queries[few], k, queries[ok][few], allowed[few])
    if max_n >= 100_000:
        rand = _normalise(rng.normal(0, 1, (100_000, vectors.shape[1])).astype(np.float32))
        rq = _normalise(rng.normal(0, 1, (300, vectors.shape[1])).astype(np.float32))
        rows += faiss_compare("random", rand, rq, k)

    sweep = hnsw_sweep(vectors, queries, k)

    table(f"(g) dense search, single query, k={k}; recall@{K_RECALL} against flat; 'scoped' = restricted to "
          "the question's report (IDSelectorBatch, as Answerer does when a place is named)",
          ["data", "vectors", "index", "param", "build s", f"recall@{K_RECALL}", "p50 ms", "p95 ms",
           f"scoped recall@{K_RECALL}", "scoped p50", "scoped p95"],
          [[r["data"], r["n"], r["index"], r["param"], r["build_s"], r["recall"], r["p50"], r["p95"],
            r["s_recall"], r["s_p50"], r["s_p95"]] for r in rows])
    table(f"(g) what HNSW (M={dense.HNSW_M}) needs on the {n_real} real vectors: efConstruction x efSearch "
          f"(unscoped; flat p50 {sweep[0]['flat_p50']:.3f} ms)",
          ["efConstruction", "build s", "efSearch", f"recall@{K_RECALL}", "p50 ms", "p95 ms"],
          [[r["efc"], r["build_s"], r["ef"], r["recall"], r["p50"], r["p95"]] for r in sweep])
    conclude(rows, sweep)


def hnsw_sweep(vectors: np.ndarray, queries: np.ndarray, k: int) -> list[dict]:
    import faiss

    from index.search import dense

    flat = dense.build(vectors, hnsw_threshold=len(vectors) + 1)
    exact, flat_ms = _timed_search(flat, queries, k)
    out = []
    for efc in (dense.HNSW_EF_CONSTRUCTION, 200, 400):
        index = faiss.IndexHNSWFlat(vectors.shape[1], dense.HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = efc
        t = time.perf_counter()
        index.add(vectors)
        build_s = time.perf_counter() - t
        for ef in (128, 256, 512):
            index.hnsw.efSearch = ef
            rows, ms = _timed_search(index, queries, k)
            out.append({"efc": efc, "build_s": build_s, "ef": ef, "recall": _recall(rows, exact, K_RECALL),
                        "p50": pct(ms, 50), "p95": pct(ms, 95), "flat_p50": pct(flat_ms, 50)})
    return out


def conclude(rows: list[dict], sweep: list[dict] | None = None) -> None:
    """Where HNSW starts to pay: flat slower by a useful margin while HNSW recall >= MIN_RECALL."""
    by_size: dict[tuple[str, int], list[dict]] = defaultdict(list)
    for r in rows:
        by_size[(r["data"], r["n"])].append(r)
    summary = []
    crossover = None
    for (data, n), rs in by_size.items():
        flat = next(r for r in rs if r["index"] == "flat")
        good = [r for r in rs if r["index"].startswith("HNSW") and r["recall"] is not None
                and r["recall"] >= MIN_RECALL]
        best = min(good, key=lambda r: r["p50"]) if good else None
        served = next((r for r in rs if r["param"] == f"ef={HNSW_EF}"), None)
        walk = next((r for r in rs if r["param"].startswith("walk")), None)
        saving = flat["p50"] - best["p50"] if best else None
        ratio = flat["p50"] / best["p50"] if best else None
        pays = bool(best and saving >= USEFUL_MS and ratio >= USEFUL_RATIO)
        if pays and data != "random" and crossover is None:
            crossover = (data, n, best, flat)
        summary.append([data, n, flat["p50"], best["param"] if best else "none", best["p50"] if best else None,
                        best["recall"] if best else None, saving, ratio, "yes" if pays else "no",
                        flat["s_p50"], served["s_p50"] if served else None,
                        served["s_recall"] if served else None, walk["s_recall"] if walk else None])
    table(f"(g) crossover: fastest HNSW with recall@{K_RECALL} >= {MIN_RECALL} vs flat (pays = saves >= "
          f"{USEFUL_MS} ms and >= {USEFUL_RATIO}x)",
          ["data", "vectors", "flat p50", "HNSW ef", "HNSW p50", "recall", "saved ms", "flat/HNSW", "pays",
           "scoped: flat p50", f"HNSW ef={HNSW_EF} p50", "recall", "graph-walk recall"], summary)
    if crossover:
        data, n, best, flat = crossover
        line = (f"unscoped, HNSW ({best['param']}) first pays at ~{n:,} vectors ({data}): flat "
                f"{flat['p50']:.2f} ms vs HNSW {best['p50']:.2f} ms p50 at recall@{K_RECALL} {best['recall']:.3f}")
    else:
        line = (f"unscoped, no measured size where HNSW saves >= {USEFUL_MS} ms and >= {USEFUL_RATIO}x at "
                f"recall@{K_RECALL} >= {MIN_RECALL}")
    scoped = [r for r in summary if r[9] == r[9] and r[9] is not None]
    if scoped:
        last = max(scoped, key=lambda r: r[1])
        line += (f"; scoped to one report (every question naming a place), flat at {last[1]:,} vectors takes "
                 f"{last[9]:.3f} ms p50 and HNSW (dense.search: exact over the report's rows) {fmt(last[10])} ms, "
                 f"recall {fmt(last[11])}, where a filtered graph walk would find {fmt(last[12])}")
    flats = [(r["n"], r["p50"]) for r in rows if r["index"] == "flat" and r["data"] != "random"]
    if len(flats) >= 2:
        ns, ms = np.array([f[0] for f in flats], float), np.array([f[1] for f in flats])
        slope = float(np.sum(ns * ms) / np.sum(ns * ns))  # flat search time is linear in the vector count
        line += (f"; flat costs ~{slope * 1000:.3f} ms per 1,000 vectors, so it reaches {USEFUL_MS} ms per query "
                 f"at ~{USEFUL_MS / slope:,.0f} vectors -- below that no index can save a useful amount")
    if sweep:
        ok = [r for r in sweep if r["recall"] >= MIN_RECALL]
        if ok:
            best = min(ok, key=lambda r: r["p50"])
            line += (f"; at {len(flats) and flats[-1][0] or 0:,} real vectors HNSW needs efConstruction={best['efc']}, "
                     f"efSearch={best['ef']} for recall@{K_RECALL} {best['recall']:.3f} ({best['p50']:.3f} ms vs flat "
                     f"{best['flat_p50']:.3f} ms)")
        else:
            top = max(sweep, key=lambda r: r["recall"])
            line += (f"; even efConstruction={top['efc']}, efSearch={top['ef']} reaches recall@{K_RECALL} "
                     f"{top['recall']:.3f} only ({top['p50']:.3f} ms vs flat {top['flat_p50']:.3f} ms)")
    print(f"\nConclusion: {line}.")


# --- (i) smallest vs largest size, alternated in one process ---------------------------------------

EDIT_KEYS = ("gdp", "revenue", "trade", "services", "industry")
SAME_QUESTIONS = "ask ms, same questions"


def _size_setup(n: int, args, embedder) -> dict:
    """The kept corpus and index of size `n` (from the children), an answerer on it, its questions."""
    from bot.answering.answerer import Answerer
    from bot.answering.settings import AnswerSettings
    from index import store
    from index.search.searcher import Searcher
    from index.settings import DEFAULT_MODEL

    base = args.work_dir / f"n{n}"
    reports = synth.make_reports(n, args.seed)
    all_q = []
    for r in reports:
        rendered = synth.render(r)
        qs = synth.questions(r, rendered)
        text = shorten(rendered.text, qs) if args.short else rendered.text
        all_q += [q for q in qs if not q["evidence"] or _squeeze(q["evidence"]) in _squeeze(text)]
    index_dir = base / "data" / "index"
    answerer = Answerer(Searcher(store.load(index_dir, DEFAULT_MODEL), embedder), AnswerSettings())
    return {"n": n, "reports": reports, "corpus": base / "corpus", "data": base / "data", "index": index_dir,
            "answerer": answerer, "questions": synth.sample_questions(all_q, args.questions, args.seed + 7)}


def _ask_ms(answerer, q: dict) -> float:
    t = time.perf_counter()
    answerer.ask(q["question"])
    return (time.perf_counter() - t) * 1e3


def interleaved(args, sizes: list[int]) -> dict:
    """One-report edits, uploads and answers at the smallest and the largest size, taken in turns
    (small, large, small, …) so that both see the same machine load; medians and their ratio.
    Answers: p95 over the questions of each question's median over the rounds, as in (e), and
    p95 of all samples; for each size's own sample of questions, and for the small size's sample
    asked at both sizes (same questions: only the corpus size differs)."""
    from index.builder import build
    from index.settings import DEFAULT_MODEL
    from index.search.embedding import Embedder, limit_threads

    limit_threads(1)
    embedder = Embedder(DEFAULT_MODEL, args.model_cache)
    if args.fake_passages:
        embedder = HashPassages(embedder)
    setups = [_size_setup(n, args, embedder) for n in (sizes[0], sizes[-1])]
    times: dict[str, dict[int, list[float]]] = defaultdict(lambda: defaultdict(list))
    for r in range(args.rounds):
        for su in setups:
            write_report(synth.edit_one(su["reports"][su["n"] // 2], EDIT_KEYS[r % len(EDIT_KEYS)]),
                         su["corpus"], args.short)
            t = time.perf_counter()
            build(su["corpus"], su["index"], DEFAULT_MODEL, lambda: embedder)
            times["1-edit rebuild s"][su["n"]].append(time.perf_counter() - t)
    for r in range(args.rounds):
        for su in setups:
            up = upload_to_live(su["n"] + 1 + r, args, su["corpus"], su["data"], embedder)
            times["upload-to-live s"][su["n"]].append(up["total_s"])
    for su in setups:  # answer from the index now served, with every upload in it
        from bot.answering.answerer import Answerer
        from bot.answering.settings import AnswerSettings
        from index import store
        from index.search.searcher import Searcher

        su["answerer"] = Answerer(Searcher(store.load(su["index"], DEFAULT_MODEL), embedder), AnswerSettings())
        for q in su["questions"][:5]:
            su["answerer"].ask(q["question"])
    n_small, n_large = (su["n"] for su in setups)
    for _ in range(args.rounds):
        for pair in zip(*(su["questions"] for su in setups)):
            for su, q in zip(setups, pair):
                times["ask ms"][su["n"]].append(_ask_ms(su["answerer"], q))
            # the small size's question asked at the large size too (its corpus holds the small
            # one's reports): the corpus size alone, without the other sample's mix of questions
            times[SAME_QUESTIONS][n_small].append(times["ask ms"][n_small][-1])
            times[SAME_QUESTIONS][n_large].append(_ask_ms(setups[-1]["answerer"], pair[0]))

    def p95_of_medians(v: list[float]) -> float:  # a question's latency: its median over the rounds
        return pct(np.median(np.reshape(v, (args.rounds, -1)), axis=0), 95)

    out = {}
    for name, by_size in times.items():
        small, large = (by_size[su["n"]] for su in setups)
        stats = {f"{name} (question medians)": (p95_of_medians, len(small) // args.rounds),
                 f"{name} (all samples)": (lambda v: pct(v, 95), len(small))} \
            if name.startswith("ask ms") else {name: (statistics.median, len(small))}
        for key, (stat, n) in stats.items():
            out[key] = {"small": stat(small), "large": stat(large), "ratio": stat(large) / stat(small), "n": n}
    return out


def print_interleaved(result: dict, sizes: list[int], before: dict | None = None) -> None:
    rows = []
    for name, v in result.items():
        label = name.replace("ask ms", "ask p95 ms") if name.startswith("ask ms") else f"{name} (median)"
        old = (before or {}).get(name)
        rows.append([label, v["n"], v["small"], v["large"], v["ratio"], *(
            (old["small"], old["large"], old["ratio"]) if old else ())])
    extra = ["before: small", "before: large", "before: ratio"] if before else []
    table(f"(i) {sizes[0]} vs {sizes[-1]} reports, taken in turns in one process (ratio = {sizes[-1]} / {sizes[0]})",
          ["figure", "samples", f"{sizes[0]} reports", f"{sizes[-1]} reports", "ratio", *extra], rows)


# --- the parent: run the sizes, print the tables -------------------------------------------------

def run_child(n: int, args) -> dict:
    out = args.work_dir / f"n{n}" / "result.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(n), "--work-dir", str(args.work_dir),
           "--model-cache", str(args.model_cache), "--questions", str(args.questions), "--seed", str(args.seed),
           "--faiss-queries", str(args.faiss_queries), "--rounds", str(args.rounds),
           *(["--swap-kind"] if args.swap_kind else []), *(["--profile"] if args.profile else []),
           *(["--short"] if args.short else []), *(["--fake-passages"] if args.fake_passages else [])]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    subprocess.run(cmd, check=True)
    result = json.loads(out.read_text(encoding="utf-8"))
    result["child_wall_s"] = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # RUSAGE_CHILDREN is the max over all children so far: it identifies this child only if it grew
    result["rusage_children_kb"] = after
    result["rusage_children_grew"] = after > before
    return result


def headline(r: dict) -> dict[str, float]:
    """The issue-14 figures of one size (seconds, ms, ratios)."""
    up = r.get("upload", {})
    return {"full build s": r["full_s"], "embed in full s": r["full_embed_s"],
            "unchanged s": r.get("same_s", float("nan")),
            "unchanged % of full": 100 * r.get("same_s", float("nan")) / r["full_s"],
            "1-edit rebuild s": r["inc_s"], "upload-to-live s": up.get("total_s", float("nan")),
            "ask p50 ms": r["ask"]["p50"], "ask p95 ms": r["ask"]["p95"], "accuracy": r["ask"]["accuracy"]}


GROWTH = ("1-edit rebuild s", "upload-to-live s", "ask p95 ms")


def growth(results: list[dict]) -> dict[str, float]:
    """Largest size over smallest, for the figures the issue bounds."""
    first, last = headline(results[0]), headline(results[-1])
    return {k: last[k] / first[k] for k in GROWTH}


def print_size_tables(results: list[dict], before: list[dict] | None = None) -> None:
    keys = list(headline(results[0]))
    rows = [[r["size"], r["chunks"], f"{r['inc_embedded']}/{r['inc_reused']}", *headline(r).values()]
            for r in results]
    table("(a-f) scale: one row per corpus size (seconds; same run, same machine load)",
          ["reports", "chunks", "1-edit embedded/reused", *keys], rows)
    g = growth(results)
    print(f"\ngrowth {results[0]['size']}→{results[-1]['size']} reports: " +
          ", ".join(f"{k} x{v:.2f}" for k, v in g.items()))

    rows = []
    for r in results:
        up = r.get("upload", {})
        for name, steps in (("full", r.get("full_steps")), ("unchanged", r.get("same_steps")),
                            ("1-edit", r.get("inc_steps")), ("upload build", up.get("steps"))):
            if steps:
                rows.append([r["size"], name, *(steps.get(k) for k in STEPS)])
    if rows:
        table("(a') build steps, seconds (BuildReport.steps)", ["reports", "build", *STEPS], rows)
    rows = [[r["size"], r["upload"]["add_s"], r["upload"]["build_s"], r["upload"]["swap_s"], r["upload"]["total_s"],
             r["upload"]["embedded"]] for r in results if "upload" in r]
    table("(u) upload to live, seconds: corpus add (extract, duplicate check, metadata), build beside the "
          "served index, swap (load, check, switch)", ["reports", "add", "build", "swap", "total", "embedded"], rows)
    for r in results:
        if r.get("inc_profile"):
            table(f"(b') profile of a one-report rebuild at {r['size']} reports: top functions by own time",
                  ["function", "own s", "cumulative s", "share of build"], r["inc_profile"])

    if before:
        old = {r["size"]: r for r in before}
        rows = []
        for r in results:
            if r["size"] in old:
                a, b = headline(old[r["size"]]), headline(r)
                rows += [[r["size"], k, a[k], b[k], b[k] / a[k] if a[k] else None] for k in keys]
        common = [r for r in results if r["size"] in old]
        if len(common) >= 2:
            ga, gb = growth([old[r["size"]] for r in common]), growth(common)
            rows += [[f"{common[0]['size']}→{common[-1]['size']}", f"growth of {k}", ga[k], gb[k], None]
                     for k in GROWTH]
        table("before / after (each column measured in its own run: compare ratios, not seconds)",
              ["reports", "figure", "before", "after", "after/before"], rows)

    rows = []
    for r in results:
        f = r["disk_files"]
        rows.append([r["size"], r["full_embed_s"], r["full_s"] - r["full_embed_s"], r["inc_embed_s"],
                     r["inc_s"] - r["inc_embed_s"], r["load_s"],
                     mb(f.get("vectors.npy", 0)), mb(f.get("chunks.sqlite3", 0)), mb(f.get("terms", 0)),
                     mb(r["corpus_bytes"]), r["rss_model_kb"] / 1024, r["rss_after_build_kb"] / 1024,
                     r["rss_serving_kb"] / 1024, r["rss_peak_kb"] / 1024, r["rusage_children_kb"] / 1024])
    table("(a-d) details: build split into encoder time and the rest; index files; memory (MB). "
          "RSS after model = the encoder alone; RUSAGE_CHILDREN = parent's view, max over children so far",
          ["reports", "full: embed s", "full: rest s", "1-edit: embed s", "1-edit: rest s", "load index s",
           "vectors MB", "sqlite MB", "bm25 terms MB", "corpus MB", "RSS after model", "peak after build",
           "RSS serving", "peak RSS", "RUSAGE_CHILDREN"], rows)

    rows = []
    for r in results:
        for label, a in (("served " + r["dense_kind"].replace("Index", ""), r["ask"]),
                         *((("swapped " + r["alt"]["kind"].replace("Index", ""), r["alt"]),) if "alt" in r else ())):
            s50 = a["stages_p50"]
            rows.append([r["size"], label, a["p50"], a["p95"], s50.get("parse_ms"), s50.get("encode_ms"),
                         s50.get("faiss_ms"), a["stages_p95"].get("faiss_ms"), s50.get("bm25_ms"),
                         a["stages_p95"].get("bm25_ms"), s50.get("other_ms"), a["accuracy"]])
    table("(e) warm Answerer.ask latency by stage (ms; stage p50s don't add up to the total p50)",
          ["reports", "dense index", "ask p50", "ask p95", "parse p50", "encode p50", "faiss p50", "faiss p95",
           "bm25 p50", "bm25 p95", "rest p50", "accuracy"], rows)

    tags = ["result", "target", "unanswerable", "alias", "broken-sentence", "broken-clause", "after-lone-caption"]
    rows = []
    for r in results:
        for label, a in (("served", r["ask"]), *((("swapped", r["alt"]),) if "alt" in r else ())):
            cells = []
            for t in tags:
                c, n = a["by_tag"].get(t, (0, 0))
                cells.append(f"{c}/{n}" if n else "-")
            rows.append([r["size"], label, *cells, a["accuracy"]])
    table("(f) accuracy by question kind (correct/asked); a question can carry several tags",
          ["reports", "index", *tags, "all"], rows)

    for r in results:
        wrong = r["ask"]["wrong"]
        if wrong:
            print(f"\n  wrong at {r['size']} reports (served index), up to 8 of {len(wrong)}:")
            for w in wrong[:8]:
                print(f"    {w['question']}  expected {'/'.join(w['expected']) or 'abstain'}; "
                      f"{w['reason']}; got: {w['got'][:90]}")
    sys.stdout.flush()


def run_interleaved(args, sizes: list[int]) -> None:
    result = interleaved(args, sizes)
    (args.work_dir / "interleaved.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    before = json.loads(args.compare_interleaved.read_text()) if args.compare_interleaved else None
    print_interleaved(result, sizes, before)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10,100,1000", help="comma-separated report counts")
    parser.add_argument("--questions", type=int, default=50, help="questions asked per size")
    parser.add_argument("--seed", type=int, default=synth.SEED)
    parser.add_argument("--work-dir", type=Path, help="keep corpora, indexes and vectors here")
    parser.add_argument("--model-cache", type=Path, help="converted model cache (default: ZONEQA_DATA_DIR/models)")
    parser.add_argument("--faiss-queries", type=int, default=600, help="real question embeddings for (g)")
    parser.add_argument("--faiss-max", type=int, default=100_000,
                        help="largest synthetic vector count in (g); 0 = real vectors only")
    parser.add_argument("--faiss-k", type=int, default=0, help="k per search in (g) (default: the searcher's POOL)")
    parser.add_argument("--no-faiss", action="store_true", help="skip (g)")
    parser.add_argument("--faiss-only", action="store_true", help="only (g), on vectors kept in --work-dir")
    parser.add_argument("--rounds", type=int, default=3, help="rounds over the questions; median per question")
    parser.add_argument("--swap-kind", action="store_true", help="(f') also ask with the other FAISS kind")
    parser.add_argument("--profile", action="store_true", help="cProfile one more one-report rebuild per size")
    parser.add_argument("--short", action="store_true",
                        help="reports without their narrative paragraphs (about 16 chunks, not 27)")
    parser.add_argument("--fake-passages", action="store_true",
                        help="passage vectors from a hash (see HashPassages); questions use the real encoder")
    parser.add_argument("--compare", type=Path, help="results.json of an earlier run: before/after side by side")
    parser.add_argument("--interleave", action="store_true",
                        help="(i) after the sizes: smallest vs largest alternated in one process")
    parser.add_argument("--interleave-only", action="store_true", help="only (i), on the sizes kept in --work-dir")
    parser.add_argument("--compare-interleaved", type=Path, help="interleaved.json of an earlier run")
    parser.add_argument("--tables-only", type=Path, help="print the tables of a kept results.json and stop")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.model_cache is None:
        from bot.settings import load_settings
        args.model_cache = load_settings().index.model_cache_dir
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())

    if args.tables_only:
        before = json.loads(args.compare.read_text(encoding="utf-8")) if args.compare else None
        print_size_tables(json.loads(args.tables_only.read_text(encoding="utf-8")), before)
        return 0
    if args.child is not None:
        result = run_size(args.child, args)
        path = args.work_dir / f"n{args.child}" / "result.json"
        path.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
        return 0

    keep = args.work_dir is not None
    args.work_dir = (args.work_dir or Path(tempfile.mkdtemp(prefix="zoneqa-scale-"))).resolve()
    args.work_dir.mkdir(parents=True, exist_ok=True)
    try:
        if args.interleave_only:
            run_interleaved(args, sizes)
            return 0
        if args.faiss_only:
            done = sorted(int(p.name[1:]) for p in args.work_dir.glob("n*") if (p / "vectors.npy").exists())
            if not done:
                parser.error(f"no kept vectors in {args.work_dir}")
            part_faiss(args.work_dir / f"n{done[-1]}", args.faiss_max, args.faiss_k)
            return 0
        from index.search.e5convert import ensure_model
        ensure_model(args.model_cache)  # convert once, outside every child's timing
        print(f"scale benchmark: sizes {sizes}, {args.questions} questions each, {os.cpu_count()} CPUs, "
              f"torch threads in the encoder 1 (index/embedding.py), work dir {args.work_dir}", flush=True)
        results = []
        for n in sizes:
            r = run_child(n, args)
            results.append(r)
            print(f"  {n} reports: {r['chunks']} chunks, full build {r['full_s']:.1f} s, model load "
                  f"{r['model_load_s']:.1f} s (not counted), child {r['child_wall_s']:.0f} s", flush=True)
            (args.work_dir / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1),
                                                        encoding="utf-8")
        before = json.loads(args.compare.read_text(encoding="utf-8")) if args.compare else None
        print_size_tables(results, before)
        if args.interleave:
            run_interleaved(args, sizes)
        if not args.no_faiss:
            part_faiss(args.work_dir / f"n{sizes[-1]}", args.faiss_max, args.faiss_k)
    finally:
        if not keep:
            shutil.rmtree(args.work_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
