"""Write an evaluation report as JSON and as one self-contained HTML page with inline SVG."""
from __future__ import annotations

import json
from html import escape
from pathlib import Path

from bot.evaluation.gold import type_order
from bot.evaluation.scoring import HEADLINE_METRICS
from bot.evaluation.tables import after_text, extra_text, fmt_value
from index.files import make_dir, write_atomic

_COLOURS = ("#2b6cb0", "#dd6b20", "#38a169", "#805ad5", "#718096")
_BINS = 10


def _table(table_id: str, header: list[str], rows: list[list[object]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{escape(fmt_value(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table id="{table_id}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _legend(names: list[str], x: int, y: int) -> str:
    return "".join(
        f'<rect x="{x}" y="{y + 16 * i}" width="10" height="10" fill="{_COLOURS[i % len(_COLOURS)]}"/>'
        f'<text x="{x + 14}" y="{y + 16 * i + 9}">{escape(n)}</text>'
        for i, n in enumerate(names)
    )


def _accuracy_chart(systems: dict[str, dict]) -> str:
    """Horizontal bars, one group per question type, one bar per system."""
    types = type_order(t for s in systems.values() for t in s["by_type"])
    bar, label_w, plot_w = 14, 110, 360
    group_h = bar * len(systems) + 10
    height = max(group_h * len(types), 16 * len(systems)) + 20
    parts = []
    for g, t in enumerate(types):
        y0 = 10 + g * group_h
        parts.append(f'<text x="0" y="{y0 + group_h / 2}">{escape(t)}</text>')
        for i, s in enumerate(systems.values()):
            acc = s["by_type"].get(t, {}).get("accuracy", 0.0)
            y = y0 + i * bar
            parts.append(f'<rect x="{label_w}" y="{y}" width="{acc * plot_w:.1f}" height="{bar - 2}" '
                         f'fill="{_COLOURS[i % len(_COLOURS)]}"/>'
                         f'<text x="{label_w + acc * plot_w + 4:.1f}" y="{y + bar - 4}">{acc:.0%}</text>')
    parts.append(_legend(list(systems), label_w + plot_w + 50, 10))
    return (f'<svg id="accuracy-by-type" xmlns="http://www.w3.org/2000/svg" width="640" height="{height}" '
            f'font-size="11" role="img"><title>Accuracy by question type</title>{"".join(parts)}</svg>')


def _confidence_chart(rows: list[dict]) -> str:
    """Histogram of confidence, answered vs abstained, side by side in each bin."""
    groups = {"answered": [r["confidence"] for r in rows if "confidence" in r and not r["abstained"]],
              "abstained": [r["confidence"] for r in rows if "confidence" in r and r["abstained"]]}
    values = groups["answered"] + groups["abstained"]
    head = ('<svg id="confidence-histogram" xmlns="http://www.w3.org/2000/svg" width="640" height="220" '
            'font-size="11" role="img"><title>Confidence: answered vs abstained</title>')
    if not values:
        return head + '<text x="10" y="20">no confidence values recorded</text></svg>'
    # Confidences are usually in [0, 1]; widen only when the data says otherwise.
    lo, hi = min(0.0, *values), max(1.0, *values)
    counts = {name: [0] * _BINS for name in groups}
    for name, vs in groups.items():
        for v in vs:
            counts[name][min(int((v - lo) / (hi - lo) * _BINS), _BINS - 1)] += 1
    top = max(max(c) for c in counts.values()) or 1
    x0, base, plot_h, slot = 30, 180, 150, 48
    parts = [f'<line x1="{x0}" y1="{base}" x2="{x0 + slot * _BINS}" y2="{base}" stroke="#333"/>']
    for b in range(_BINS):
        for i, name in enumerate(groups):
            h = counts[name][b] / top * plot_h
            x = x0 + b * slot + 4 + i * 20
            parts.append(f'<rect x="{x}" y="{base - h:.1f}" width="18" height="{h:.1f}" '
                         f'fill="{_COLOURS[i]}"><title>{escape(name)}: {counts[name][b]}</title></rect>')
        parts.append(f'<text x="{x0 + b * slot}" y="{base + 14}">{lo + (hi - lo) * b / _BINS:.1f}</text>')
    parts.append(_legend(list(groups), x0 + slot * _BINS + 10, 10))
    return head + "".join(parts) + "</svg>"


def _failures(rows: list[dict]) -> str:
    failed = [r for r in rows if not r["correct"]]
    header = ["id", "type", "question", "expected", "got", "reason", "top source"]
    cells = [[r["id"], r["type"], r["question"], r["expected"], r["got"], r["reason"], r["top_source"]]
             for r in failed]
    if any(r.get("after") for r in failed):  # a follow-up is read with the questions before it
        header.append("after")
        for row, r in zip(cells, failed):
            row.append(after_text(r.get("after") or []))
    if any(r["extra"] for r in failed):  # the gold lines' own notes help staff read a failure
        header.append("extra")
        for row, r in zip(cells, failed):
            row.append(extra_text(r["extra"]))
    return _table("failures", header, cells)


def _html(report: dict) -> str:
    summary, baselines = report["summary"], report.get("baselines", {})
    systems = {"system": summary, **baselines}
    metrics = _table("summary", ["metric", "value"],
                     [[k, v] for k, v in summary.items() if k != "by_type"])
    compared = _table("baselines", ["metric", *systems],
                      [[m, *(s.get(m) for s in systems.values())] for m in HEADLINE_METRICS]) if baselines else ""
    sweep = _table("threshold-sweep", ["threshold", "accuracy", "abstention", "answered"],
                   [[t["threshold"], t["accuracy"], t["abstention"], t["answered"]]
                    for t in report.get("threshold_sweep", [])])
    style = ("body{font-family:sans-serif;margin:2em;max-width:72em}table{border-collapse:collapse;margin:1em 0}"
             "td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}")
    return (f'<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>zoneqa evaluation</title>'
            f"<style>{style}</style></head><body><h1>zoneqa evaluation</h1>"
            f"<h2>Summary</h2>{metrics}<h2>Accuracy by type</h2>{_accuracy_chart(systems)}"
            f"<h2>Confidence</h2>{_confidence_chart(report['rows'])}"
            f"<h3>Abstention threshold trade-off</h3>{sweep}"
            f"{'<h2>Baselines</h2>' + compared if baselines else ''}"
            f"<h2>Failures</h2>{_failures(report['rows'])}</body></html>\n")


def write_report(report: dict, out_dir: Path) -> tuple[Path, Path]:
    """Write report.json and report.html into out_dir (created if needed); return both paths."""
    out_dir = Path(out_dir)
    make_dir(out_dir)
    json_path, html_path = out_dir / "report.json", out_dir / "report.html"
    write_atomic(json_path, json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    write_atomic(html_path, _html(report))
    return json_path, html_path
