"""Score answers against a gold set, run an evaluation, summarise it and compare two runs.

A gold item with `after` (a follow-up) is asked as the last turn of its conversation:
`ask(question, after=[earlier questions…])`; every other item as `ask(question)`, so an `ask` that
takes only the question still serves gold files without follow-ups. Baselines answer passages
and keep no conversation: they get the question alone. Retrieval is measured on what the
conversation says: the earlier questions and the follow-up, joined.

The text form of a report is in tables.py, the files in report.py."""
from __future__ import annotations

import inspect
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from tqdm import tqdm

from bot.evaluation.gold import UNANSWERABLE, GoldItem, normalise, type_order

MAX_ANSWER_CHARS = 150  # an answer may be this long, or twice its reference answer (a list's parts)
# The metrics worth a glance when comparing runs or systems.
HEADLINE_METRICS = ("accuracy", "abstention", "abstention_precision", "confusions", "hit_at_1", "mrr")


@dataclass(frozen=True)
class Verdict:
    correct: bool
    confusion: bool
    reason: str


def score_answer(item: GoldItem, result: dict) -> Verdict:
    """Judge one ask() result against its gold item."""
    raw = result.get("answer") or ""
    answer = normalise(raw)
    forbidden = [s for s in item.must_not_contain if normalise(s) in answer]
    confusion = bool(forbidden)
    if not item.answerable:
        if result["abstained"]:
            return Verdict(True, confusion, "abstained as expected")
        return Verdict(False, confusion, "answered an unanswerable question")
    if result["abstained"]:
        return Verdict(False, confusion, "abstained")
    missing = [s for s in item.must_contain
               if not any(normalise(alt) in answer for alt in s.split("|"))]
    problems = [f"missing {s!r}" for s in missing] + [f"contains {s!r}" for s in forbidden]
    limit = max(MAX_ANSWER_CHARS, 2 * len(item.answer))
    if len(raw) > limit:
        problems.append(f"too long ({len(raw)} > {limit} chars)")
    return Verdict(not problems, confusion, "; ".join(problems) or "ok")


def retrieval_ranks(item: GoldItem, hits: list[dict]) -> int | None:
    """1-based rank of the first hit containing the evidence, None if absent (or no evidence)."""
    if not item.evidence:
        return None
    evidence = normalise(item.evidence)
    for rank, hit in enumerate(hits, 1):
        if evidence in normalise(hit.get("text", "")):
            return rank
    return None


def _ratio(num: float, den: float) -> float | None:
    # None rather than 0 when undefined, so a report never claims a rate it could not measure.
    return num / den if den else None


def _top_source(result: dict) -> str:
    sources = result.get("sources") or []
    if not sources:
        return ""
    top = sources[0]
    name = top.get("title") or top.get("doc_id") or ""
    return f"{name} § {top['section']}" if top.get("section") else name


def _takes_after(ask: Callable[..., dict]) -> bool:
    """Whether `ask` can be called with after=…; True when its signature cannot be read."""
    try:
        params = inspect.signature(ask).parameters.values()
    except (TypeError, ValueError):
        return True
    return any(p.name == "after" or p.kind is p.VAR_KEYWORD for p in params)


def _search_query(item: GoldItem) -> str:
    return " ".join((*item.after, item.question))


def _run(items: list[GoldItem], ask: Callable[..., dict], search: Callable[[str, int], list[dict]] | None,
         k: int, progress: bool, desc: str, conversations: bool = True) -> list[dict]:
    if conversations and any(item.after for item in items) and not _takes_after(ask):
        raise TypeError("the gold set has follow-ups (items with 'after'), "
                        "so ask must accept after=[earlier questions]")
    rows = []
    for item in tqdm(items, desc=desc, disable=not progress, file=sys.stderr):
        start = time.perf_counter()
        result = ask(item.question, after=list(item.after)) if conversations and item.after else ask(item.question)
        measured = (time.perf_counter() - start) * 1000
        latency = result.get("latency_ms")
        verdict = score_answer(item, result)
        row = {
            "id": item.id, "type": item.type, "question": item.question,
            "expected": item.answer, "got": result.get("answer") or "",
            "abstained": bool(result["abstained"]), "correct": verdict.correct,
            "confusion": verdict.confusion, "reason": verdict.reason,
            "rank": retrieval_ranks(item, search(_search_query(item), k)) if search and item.answerable else None,
            "latency_ms": float(measured if latency is None else latency),
            "top_source": _top_source(result),
            "extra": dict(item.extra),
        }
        if result.get("confidence") is not None:
            row["confidence"] = float(result["confidence"])
        if item.after:
            row["after"] = list(item.after)
        rows.append(row)
    return rows


def _split(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """(answerable, unanswerable) rows, split by type as GoldItem.answerable splits items."""
    return ([r for r in rows if r["type"] != UNANSWERABLE], [r for r in rows if r["type"] == UNANSWERABLE])


def _summarise(rows: list[dict]) -> dict:
    answerable, unanswerable = _split(rows)
    abstained = [r for r in rows if r["abstained"]]
    answered_lens = [len(r["got"]) for r in rows if not r["abstained"]]
    latencies = [r["latency_ms"] for r in rows]
    by_type: dict[str, dict] = {}
    for r in rows:
        t = by_type.setdefault(r["type"], {"n": 0, "correct": 0})
        t["n"] += 1
        t["correct"] += r["correct"]
    for t in by_type.values():
        t["accuracy"] = t["correct"] / t["n"]
    answerable_correct = sum(r["correct"] for r in answerable)
    abstained_correct = sum(r["correct"] for r in unanswerable)
    return {
        "n": len(rows),
        "answerable": len(answerable),
        "answerable_correct": answerable_correct,
        "unanswerable": len(unanswerable),
        "abstained_correct": abstained_correct,
        "accuracy": _ratio(answerable_correct, len(answerable)),
        "abstention": _ratio(abstained_correct, len(unanswerable)),
        "abstention_precision": _ratio(abstained_correct, len(abstained)),
        "confusions": sum(r["confusion"] for r in rows),
        "latency_p50_ms": float(np.percentile(latencies, 50)) if latencies else None,
        "latency_p95_ms": float(np.percentile(latencies, 95)) if latencies else None,
        # Abstention messages are boilerplate, so only real answers count towards length.
        "answer_len_mean": float(np.mean(answered_lens)) if answered_lens else None,
        "answer_len_max": max(answered_lens, default=None),
        "by_type": {t: by_type[t] for t in type_order(by_type)},
    }


def _retrieval(rows: list[dict]) -> dict:
    ranks = [r["rank"] for r in _split(rows)[0]]
    out = {f"hit_at_{n}": _ratio(sum(1 for x in ranks if x is not None and x <= n), len(ranks)) for n in (1, 3, 5)}
    out["mrr"] = _ratio(sum(1 / x for x in ranks if x is not None), len(ranks))
    return out


SWEEP = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


def threshold_sweep(rows: list[dict], thresholds: tuple[float, ...] = SWEEP) -> list[dict]:
    """Accuracy and abstention had the bot also abstained below each threshold.

    Exact for thresholds at or above the one the run used: an answer whose confidence falls
    below t becomes an abstention; rows without a confidence are left as they were.
    """
    answerable, unanswerable = _split(rows)

    def answered(r: dict, t: float) -> bool:
        return not r["abstained"] and r.get("confidence", 1.0) >= t

    return [{"threshold": t,
             "accuracy": _ratio(sum(r["correct"] and answered(r, t) for r in answerable), len(answerable)),
             "abstention": _ratio(sum(not answered(r, t) for r in unanswerable), len(unanswerable)),
             "answered": sum(answered(r, t) for r in rows)} for t in thresholds]


def evaluate(items: list[GoldItem], ask: Callable[..., dict], search: Callable[[str, int], list[dict]],
             baselines: dict[str, Callable[[str], dict]] | None = None, k: int = 5,
             progress: bool = True) -> dict:
    """Ask every gold question (follow-ups with after=[their earlier questions]); ranks beyond the
    k hits searched count as misses."""
    rows = _run(items, ask, search, k, progress, "评测")
    report = {"summary": {**_summarise(rows), **_retrieval(rows), "k": k}, "rows": rows,
              "threshold_sweep": threshold_sweep(rows)}
    if baselines:
        report["baselines"] = {name: _summarise(_run(items, fn, None, k, progress, name, conversations=False))
                               for name, fn in baselines.items()}
    return report


def compare(old: dict, new: dict) -> dict:
    """Questions whose verdict flipped between two reports, plus headline metric deltas."""
    before = {r["id"]: r for r in old["rows"]}
    flipped = [(r, before[r["id"]]["correct"]) for r in new["rows"] if r["id"] in before
               and before[r["id"]]["correct"] != r["correct"]]
    delta = {m: new["summary"][m] - old["summary"][m] for m in HEADLINE_METRICS
             if isinstance(old["summary"].get(m), (int, float)) and isinstance(new["summary"].get(m), (int, float))}
    return {
        "newly_failing": [{"id": r["id"], "question": r["question"]} for r, was in flipped if was],
        "newly_passing": [{"id": r["id"], "question": r["question"]} for r, was in flipped if not was],
        "delta": delta,
    }


# The summary's metrics as staff read them (their keys are report.json's).
METRIC_NAMES = {
    "n": "题数", "answerable": "可作答题", "answerable_correct": "答对的可作答题", "unanswerable": "不可作答题",
    "abstained_correct": "正确拒答", "accuracy": "可作答题的正确率", "abstention": "不可作答题的拒答率",
    "abstention_precision": "拒答中该拒的比例", "confusions": "年份或类型混淆", "latency_p50_ms": "用时 p50（毫秒）",
    "latency_p95_ms": "用时 p95（毫秒）", "answer_len_mean": "回答平均字数", "answer_len_max": "回答最多字数",
    "hit_at_1": "检索命中@1", "hit_at_3": "检索命中@3", "hit_at_5": "检索命中@5", "mrr": "检索 MRR",
    "k": "检索段数",
}


def check_thresholds(summary: dict, min_accuracy: float | None, min_abstain: float | None) -> list[str]:
    """Messages for every threshold not met; an unmeasurable metric fails its threshold."""
    failed = []
    for name, floor in (("accuracy", min_accuracy), ("abstention", min_abstain)):
        if floor is None:
            continue
        label = METRIC_NAMES[name]
        value = summary.get(name)
        if value is None:
            failed.append(f"{label}（{name}）无法计算：没有这类题目，却要求至少 {floor:.3f}")
        elif value < floor:
            failed.append(f"{label}（{name}）{value:.3f} < {floor:.3f}")
    return failed
