"""A trend's small chart: one metric over the years, results and targets drawn differently.

Pure functions, no Telegram: `render(series, title)` returns PNG bytes; bot.telegram.citizens
sends them as a photo after the text answer (which stands on its own). A series is what
bot.answering.answerer.Answer.series holds, `(year, kind, number, unit)` in time order with kind
"result" or "target". Results are filled markers on a solid line, targets hollow markers on a
dashed line; the years are on the x axis and the unit on the y axis. A series mixing units
(亿元 and %) is charted with the points of its most common unit only (`points`).

Drawn with matplotlib's Agg canvas on a Figure of its own (no pyplot, no global state), one at a
time, off the event loop. Chinese text (the unit, the title, the legend) is drawn in a CJK font
when the machine has one; without one, the legend and common units are written in English and
other text is left out, never drawn as missing-glyph boxes or warned about.
"""
from __future__ import annotations

import io
import threading
from collections import Counter
from functools import lru_cache

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, findfont, fontManager
from matplotlib.ft2font import FT2Font
from matplotlib.lines import Line2D

from bot.answering.vocabulary import unit_in_english

Point = tuple[int, str, float, str]  # (year, kind, number, unit)

RESULT, TARGET = "result", "target"
MIN_POINTS = 2  # fewer are not a trend: no chart
SIZE_INCHES = (6.0, 3.4)
DPI = 110
COLOR = "#1f5fa8"
# Font names that suggest CJK glyphs; a candidate is used only if it really covers them.
_CJK_HINTS = ("cjk", "wenquanyi", "wqy", "hei", "song", "kai", "ming", "han sans", "han serif",
              "fallback", "yahei", "pingfang", "noto sans sc", "noto serif sc", "sarasa", "ukai", "uming")
_CJK_PROBE = "亿元年实际目标"
_COUNT_UNITS = set("个家所项件座套名位户台辆条")
_LABELS = {RESULT: ("实际完成", "result"), TARGET: ("目标", "target")}
_DRAWING = threading.Lock()  # matplotlib is not thread-safe: one chart at a time


def points(series) -> tuple[Point, ...]:
    """The points charted: those of the series' most common unit (the first seen on a tie), in
    time order (a year's target before its result)."""
    if not series:
        return ()
    unit = Counter(p[3] for p in series).most_common(1)[0][0]
    kept = [tuple(p) for p in series if p[3] == unit]
    return tuple(sorted(kept, key=lambda p: (p[0], p[1] != TARGET)))


def chartable(series) -> bool:
    """Whether a series is worth a chart: at least MIN_POINTS points of one unit."""
    return len(points(series)) >= MIN_POINTS


def draw(series, title: str | None = None) -> Figure:
    """The chart as a matplotlib Figure: one Line2D per kind drawn, a marker per point."""
    shown = points(series)
    fig = Figure(figsize=SIZE_INCHES, dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    font = _font()
    for kind, style in ((RESULT, dict(linestyle="-", markerfacecolor=COLOR)),
                        (TARGET, dict(linestyle="--", markerfacecolor="white"))):
        mine = [p for p in shown if p[1] == kind]
        if not mine:
            continue
        label = _text(_LABELS[kind][0], font) or _LABELS[kind][1]
        ax.plot([p[0] for p in mine], [p[2] for p in mine], marker="o", markersize=7, color=COLOR,
                markeredgecolor=COLOR, markeredgewidth=1.6, linewidth=1.6, label=label, gid=kind, **style)
        for year, _, number, _ in mine:
            ax.annotate(f"{number:g}", (year, number), textcoords="offset points", xytext=(0, 7),
                        ha="center", fontsize=8, color="#333333")
    years = sorted({p[0] for p in shown})
    ax.set_xticks(years, [str(y) for y in years])
    if len(years) == 1:
        ax.set_xlim(years[0] - 1, years[0] + 1)
    ax.margins(x=0.12, y=0.2)
    ax.grid(axis="y", alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    if shown:
        ax.set_ylabel(_unit_label(shown[0][3], font), fontproperties=font)
    if title and (shown_title := _text(title, font)):
        ax.set_title(shown_title, fontproperties=font, fontsize=11)
    if shown:
        legend_font = font.copy()
        legend_font.set_size(9)
        ax.legend(prop=legend_font, frameon=False)
    return fig


def render(series, title: str | None = None) -> bytes:
    """The chart as PNG bytes (safe to call from several threads)."""
    with _DRAWING:
        fig = draw(series, title)
        out = io.BytesIO()
        fig.savefig(out, format="png")
    return out.getvalue()


def plotted(fig: Figure) -> dict[str, int]:
    """The markers a drawn chart shows, by kind ("result", "target")."""
    return {line.get_gid(): len(line.get_xdata()) for ax in fig.axes for line in ax.get_lines()
            if isinstance(line, Line2D) and line.get_gid() in _LABELS}


# --- fonts ------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _font() -> FontProperties:
    """A font with CJK glyphs if the machine has one, else matplotlib's default font."""
    path = _cjk_font_path()
    return FontProperties(fname=path) if path else FontProperties(fname=findfont(FontProperties()))


def _cjk_font_path() -> str | None:
    candidates = sorted({f.fname for f in fontManager.ttflist
                         if any(hint in f.name.lower() for hint in _CJK_HINTS)})
    return next((path for path in candidates if _covers(path, _CJK_PROBE)), None)


@lru_cache(maxsize=8)
def _charmap(path: str) -> frozenset[int]:
    try:
        return frozenset(FT2Font(path).get_charmap())
    except (OSError, RuntimeError, ValueError):  # an unreadable font file counts as covering nothing
        return frozenset()


def _covers(path: str, text: str) -> bool:
    chars = _charmap(path)
    return all(ord(c) in chars for c in text if not c.isspace())


def _text(text: str, font: FontProperties) -> str:
    """`text` if the font draws all of it, else "" (never boxes for missing glyphs)."""
    return text if _covers(font.get_file(), text) else ""


def _unit_label(unit: str, font: FontProperties) -> str:
    if not unit:
        return ""
    if shown := _text(unit, font):
        return shown
    if named := unit_in_english(unit):
        return named
    return "count" if unit[-1] in _COUNT_UNITS else "value"
