"""A report's body → paragraphs with their section paths, each mapped back to exact source spans.

Two layouts are read, in general terms rather than for one file:
- newspaper pages (the first report): paragraphs separated by blank lines, damaged by the page.
  A paragraph that stops mid-sentence is rejoined with the next; short unpunctuated lines are
  headings when they introduce a paragraph, and photo captions (dropped) when they stand among
  other short lines, at the end, or inside a broken sentence; the title block is dropped too. A
  short line ending on a figure ("城镇居民收入增长8.5%") is a statement: a paragraph of its own;
- one paragraph a line (work reports as published): every line is a paragraph of its own.
A text saved mid-sentence that stops on a number right after a word ("…主营业务收入5") ends before it: no figure.
Sections: a line or paragraph numbered as `index/data/sections.tsv` says ("一、…", "（一）…",
"1.…") opens a section of that level; in a numbered paragraph its first sentence is the
section's title. An unnumbered heading sits one level below the numbered ones, and a paragraph
opening with a short "在…——" lead-in gets that lead-in as a sub-heading.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from index import datafiles
from index.datafiles import INDEX_DATA
from index.text.normalise import fold
from index.text.periods import periods
from index.text.timelabel import section_words
from index.text.vocabulary import Vocab, load_vocab

SHORT_LINE = 40
UNNUMBERED_TOP = 99.5  # the level of an unnumbered heading outside every numbered section
INLINE_TITLE = 60  # a numbered paragraph's first sentence longer than this is not a title
LINE_LAYOUT = 0.6  # share of a block's lines ending a paragraph that marks one paragraph a line
_TERMINAL = "。！？!?；;…"
_PARAGRAPH_END = "。！？!?…"  # "；" ends a clause of a list, not a paragraph
_CLOSERS = "”’」』）)\"'"
_CLAUSE_PUNCT = re.compile(r"[。！？!?；;，,：:、]")
LEAD_IN = re.compile(r"^([^。！？!?；;]{4,40})——")
# a paragraph opening on a short dash-led heading sentence ("——粮食生产再创新高。"): its topic
LEAD_HEADING = re.compile(r"^——([^。！？!?；;—]{2,30})[。！？!?]")
_FIRST_SENTENCE = re.compile(r"^(.+?)[。！？!?]")
_FIELD = re.compile(rf"[\u4e00-\u9fff]{{2,8}}[：:][^{_TERMINAL}：:]{{1,{SHORT_LINE}}}")
_DATES = {"年", "月", "日"}  # units of a date or a year ("2025年"): a heading may end on one


@dataclass(frozen=True)
class Paragraph:
    """Repaired paragraph: `text` is exactly the concatenation of raw[s:e] over `spans`."""

    text: str
    spans: tuple[tuple[int, int], ...]
    headings: tuple[str, ...]  # the section path, outermost first
    lead_in: str | None

    @property
    def section(self) -> tuple[str, ...]:
        return self.headings + ((self.lead_in,) if self.lead_in else ())

    def offsets(self) -> list[int]:
        """Raw-file offset of each character of `text`."""
        return [i for s, e in self.spans for i in range(s, e)]


def numbering() -> tuple[tuple[int, re.Pattern], ...]:
    return tuple((int(level), re.compile(pattern))
                 for level, pattern in datafiles.rows(INDEX_DATA / "sections.tsv", 2))


def numbered_level(text: str) -> tuple[int, int] | None:
    """(level, length of the number) when `text` opens with a section number."""
    for level, pattern in numbering():
        m = pattern.match(text.strip())
        if m:
            return level, m.end()
    return None


def worded_heading(line: str) -> bool:
    """Whether a line is an unnumbered section's heading by its words: words of section_scopes.tsv
    with nothing else but years, periods (periods.tsv) and the words joining them (report_cues.tsv
    `heading_joiner`): "2025年及“十四五”工作回顾", "过去五年工作回顾", "总体要求"; not
    "政府工作报告提出全市经济社会发展主要预期目标"."""
    words = "|".join(sorted((re.escape(w) for kind in section_words().values() for w in kind), key=len, reverse=True))
    named = "|".join(re.escape(name) for name, _, _ in periods()) or "(?!)"
    joiners = "|".join(map(re.escape, datafiles.table(INDEX_DATA / "report_cues.tsv").get("heading_joiner", ())))
    besides = rf"(?:19|20)\d{{2}}年|[“\"]?(?:{named})[”\"]?|{joiners or '(?!)'}"
    return bool(words) and re.fullmatch(rf"(?:{besides}|{words})*(?:{words})", fold("".join(line.split()))) is not None


def _blocks(raw: str, start: int) -> list[tuple[int, int]]:
    """Spans of the non-blank runs of lines separated by blank lines."""
    return [(start + m.start(), start + m.end())
            for m in re.finditer(r"\S(?:.|\n(?![ \t\r\u3000]*\n))*", raw[start:])]


def _line_spans(raw: str, s: int, e: int) -> list[tuple[int, int]]:
    """Each line of raw[s:e], stripped of surrounding whitespace, as a span."""
    out = []
    for m in re.finditer(r"[^\n]+", raw[s:e]):
        line = m.group()
        lead = len(line) - len(line.lstrip())
        trail = len(line) - len(line.rstrip())
        if line.strip():
            out.append((s + m.start() + lead, s + m.end() - trail))
    return out


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL


def _ends_paragraph(text: str) -> bool:
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _PARAGRAPH_END


def is_short_line(text: str) -> bool:
    """A heading or caption candidate: one short line with no sentence punctuation, once its
    section number ("一、") is set aside."""
    text = text.strip()
    numbered = numbered_level(text)
    if numbered:
        text = text[numbered[1]:]
    return "\n" not in text and len(text) <= SHORT_LINE and not _CLAUSE_PUNCT.search(text)


def is_field(line: str) -> bool:
    """A line of a list of fields, a short label, its colon and its value ("旗长:郭介中(4月离任) 边保权(4月任职)",
    a yearbook's leaders): complete as a paragraph is, never the start of a sentence the next line goes on."""
    return _FIELD.fullmatch(line.strip()) is not None


def states_figure(line: str) -> bool:
    """Whether a line ends on a figure and its unit (`units.txt`, `magnitudes.tsv`), hedged or not
    (`report_cues.tsv` `figure_hedge`): "城镇居民收入增长8.5%", "民生累计投入达1163.5亿", "●财政总收入增长
    18%以上". A page sets such a statement apart as a deck headline, but it says what a sentence says
    and ends where one would: a paragraph of its own, not a heading nor a caption.
    Not a year or a date ("2025年"), nor a numbered part ("附件1")."""
    return not numbered_level(line) and _figure_end(load_vocab()).search(fold(line.strip())) is not None


@lru_cache(maxsize=4)
def _figure_end(vocab: Vocab) -> re.Pattern:
    units = [u for u in vocab.units + tuple(m for m, _, _ in vocab.magnitudes) if u not in _DATES]
    tail = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True)) or "(?!)"
    hedges = datafiles.table(INDEX_DATA / "report_cues.tsv").get("figure_hedge", ())
    hedge = "|".join(map(re.escape, hedges)) or "(?!)"
    return re.compile(rf"(?<![\d.])\d+(?:\.\d+)?\s*(?:{tail})*(?:{hedge})?$")


def _units(raw: str, body_start: int) -> list[tuple[list[tuple[int, int]], bool]]:
    """The text's units as (line spans, complete): a whole block, or each line of a block
    written one paragraph a line (most of its lines end a paragraph or are headings), which is
    complete whether or not it ends a sentence."""
    units = []
    for s, e in _blocks(raw, body_start):
        lines = _line_spans(raw, s, e)
        whole = sum(_ends_paragraph(raw[a:b]) or is_short_line(raw[a:b]) or is_field(raw[a:b]) for a, b in lines)
        if len(lines) >= 3 and whole >= LINE_LAYOUT * len(lines):
            units += [([line], True) for line in lines]
        else:
            units.append((lines, False))
    return units


class _Path:
    """The open sections, (level, title) outermost first. An unnumbered heading sits half a level
    below the innermost numbered section open, so the next numbered part of that level or any
    shallower one closes it, and numbered parts below it nest inside it (附件1 › 十件民生实事 › 一、)."""

    def __init__(self) -> None:
        self.open: list[tuple[float, str]] = []

    def enter(self, level: float, title: str) -> None:
        self.open = [(lv, t) for lv, t in self.open if lv < level] + [(level, title)]

    def unnumbered_level(self) -> float:
        numbered = [lv for lv, _ in self.open if lv == int(lv)]
        # With no numbered section open, any numbered part closes it (a speaker line, a preface).
        return max(numbered) + 0.5 if numbered else UNNUMBERED_TOP

    def titles(self) -> tuple[str, ...]:
        return tuple(t for _, t in self.open)


def repair(raw: str, body_start: int) -> tuple[Paragraph, ...]:
    """Rebuild paragraphs and their section paths from the damaged layout."""
    units = _units(raw, body_start)
    text_of = ["\n".join(raw[a:b] for a, b in unit) for unit, _ in units]
    short = [len(u) == 1 and is_short_line(t) for (u, _), t in zip(units, text_of)]
    # The title block: the short unnumbered lines before the first paragraph or numbered part (a headline
    # stating a figure too: "成都高新区2019年上半年实现产业增加值增长9%" is the title said again).
    first_body = next((i for i, flag in enumerate(short) if not flag or numbered_level(text_of[i])),
                      len(units))
    stated = [flag and states_figure(t) for flag, t in zip(short, text_of)]
    short = [flag and not said for flag, said in zip(short, stated)]
    paragraphs: list[Paragraph] = []
    path = _Path()
    pending: list[tuple[int, int]] = []  # spans of a paragraph still waiting for its end

    def flush() -> None:
        if pending:
            text = "".join(raw[s:e] for s, e in pending)
            numbered = numbered_level(text)
            title = _FIRST_SENTENCE.match(text[numbered[1]:]) if numbered else None
            if numbered and title and len(title.group(1)) <= INLINE_TITLE:
                path.enter(numbered[0], text[:numbered[1]] + title.group(1))
            lead = LEAD_IN.match(text)
            paragraphs.append(Paragraph(text, tuple(pending), path.titles(),
                                        lead.group(1) if lead else None))
            pending.clear()

    for i in range(first_body, len(units)):
        if short[i]:
            introduces = i + 1 < len(units) and not short[i + 1]
            numbered = numbered_level(text_of[i])
            if numbered and not pending:
                path.enter(numbered[0], text_of[i].strip())
            elif introduces and not pending:
                path.enter(path.unnumbered_level(), text_of[i].strip())
            continue  # a caption, or a heading already taken
        if stated[i] and pending:
            continue  # a caption inside a broken sentence, as short lines there are
        lines, complete = units[i]
        pending.extend(lines)
        if complete or stated[i] or ends_sentence(text_of[i]):
            flush()
    flush()
    return tuple(paragraphs[:-1]) + tuple(_uncut(p, raw) for p in paragraphs[-1:])


# a number right after a word, with nothing after it: where a text that stops mid-sentence cut a figure off
_CUT_FIGURE = re.compile(r"(?<=[\u4e00-\u9fff])[0-9０-９]+(?:[.．][0-9０-９]*)?$")


def _uncut(paragraph: Paragraph, raw: str) -> Paragraph:
    """The text's last paragraph without the figure the end of the text cuts ("…力争实现主营业务收入5", a page
    saved mid-sentence: 5 of what, 5亿 or 50亿?): a number no unit nor sentence end follows is no figure."""
    s, e = paragraph.spans[-1]
    cut = _CUT_FIGURE.search(raw, s, e)
    if raw[e:].strip() or cut is None or cut.start() == s:
        return paragraph
    spans = paragraph.spans[:-1] + ((s, cut.start()),)
    return Paragraph("".join(raw[a:b] for a, b in spans), spans, paragraph.headings, paragraph.lead_in)
