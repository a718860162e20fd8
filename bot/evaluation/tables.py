"""The plain-text form of an evaluation: the metrics table, the failures, a comparison of two runs."""
from __future__ import annotations

import json
import unicodedata

from bot.answering.wording import clip
from bot.evaluation.gold import type_order
from bot.evaluation.scoring import METRIC_NAMES

_TYPE_WIDTH = 14  # the type column, unless a label is longer
_NAME_WIDTH = 22  # the Chinese name of a metric


def fmt_value(v: object) -> str:
    if v is None:
        return "n/a"
    return f"{v:.3f}" if isinstance(v, float) else str(v)


def extra_text(extra: dict) -> str:
    """A gold line's extra keys as `key: value; …`; non-string values as JSON."""
    return "; ".join(f"{k}: {v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)}"
                     for k, v in extra.items())


def after_text(after: list[str]) -> str:
    """A follow-up's earlier questions, oldest first."""
    return " → ".join(after)


def _line(s: str, n: int = 40) -> str:
    return clip(" ".join(s.split()), n)


def _columns(s: str) -> int:
    # Chinese characters take two columns in a terminal; len() counts them as one.
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _ljust(s: str, width: int) -> str:
    return s + " " * max(width - _columns(s), 0)


def _rjust(s: str, width: int) -> str:
    return " " * max(width - _columns(s), 0) + s


def _metric(key: str) -> str:
    return _ljust(METRIC_NAMES.get(key, key), _NAME_WIDTH)


def format_table(report: dict) -> str:
    """Plain-text report: overall metrics, accuracy per type (baselines alongside), failures."""
    s = report["summary"]
    lines = ["总体"] + [f"  {_metric(key)}{key:<22}{fmt_value(v)}" for key, v in s.items() if key != "by_type"]
    systems = {"system": s, **report.get("baselines", {})}
    types = type_order(t for sm in systems.values() for t in sm["by_type"])
    label = max([_TYPE_WIDTH, *(_columns(t) + 2 for t in types)])
    width = max(16, *(len(name) + 2 for name in systems))
    lines += ["", "各类题目的正确率", "  " + _ljust("类型", label) + "".join(_rjust(name, width) for name in systems)]
    for t in types:
        cells = []
        for sm in systems.values():
            bt = sm["by_type"].get(t)
            cells.append(f"{bt['correct']}/{bt['n']} {bt['accuracy']:.2f}" if bt else "-")
        lines.append("  " + _ljust(t, label) + "".join(f"{c:>{width}}" for c in cells))
    lines.append("  " + _ljust("全部可作答题", label) + "".join(f"{fmt_value(sm['accuracy']):>{width}}"
                                                                 for sm in systems.values()))
    if report.get("threshold_sweep"):
        lines += ["", "拒答阈值的取舍", "  " + "".join(_rjust(h, w) for h, w in
                                                  (("阈值", 9), ("正确率", 10), ("拒答率", 12), ("作答", 10)))]
        lines += [f"  {t['threshold']:>9.2f}{fmt_value(t['accuracy']):>10}{fmt_value(t['abstention']):>12}"
                  f"{t['answered']:>10}" for t in report["threshold_sweep"]]
    failures = [r for r in report["rows"] if not r["correct"]]
    lines += ["", f"答错的题（{len(failures)}）"]
    for r in failures:
        lines.append(f"  {r['id']} [{r['type']}] {_line(r['question'])}")
        if r.get("after"):  # a follow-up: the conversation it continues
            lines.append(f"      此前：{_line(after_text(r['after']), 60)}")
        lines += [f"      应答：{_line(r['expected'], 60)}",
                  f"      实答：{_line(r['got'], 60)}",
                  f"      原因：{r['reason']}（检索排名 {fmt_value(r['rank'])}，首段 {_line(r['top_source']) or '-'}）"]
        if r["extra"]:
            lines.append(f"      其他：{_line(extra_text(r['extra']), 60)}")
    return "\n".join(lines)


def format_compare(cmp: dict) -> str:
    lines = [f"{_metric(m)}{m}: {d:+.3f}" if isinstance(d, float) else f"{_metric(m)}{m}: {d:+d}"
             for m, d in cmp["delta"].items()]
    for key, name in (("newly_failing", "新答错"), ("newly_passing", "新答对")):
        lines.append(f"{name}（{len(cmp[key])}）：")
        lines += [f"  {q['id']}  {q['question']}" for q in cmp[key]]
    return "\n".join(lines)
