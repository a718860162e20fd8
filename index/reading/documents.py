"""Reports on disk → `Document`s with repaired paragraphs, each mapped back to exact source spans.

A report is UTF-8 text or Markdown with a metadata header::

    ---
    title: …
    date: 2019-01            (YYYY, YYYY-MM or YYYY-MM-DD)
    place: 昆山高新区
    source: …
    ---
    body

Page-layout repair, in general terms rather than for one file:
- a paragraph that stops mid-sentence is rejoined with the next paragraph;
- short unpunctuated lines are headings when they introduce a paragraph, and photo
  captions (dropped) when they stand among other short lines, at the end, or inside
  a broken sentence; the title block before the first paragraph is dropped too;
- a paragraph opening with a short "…——" lead-in gets that lead-in as a sub-heading.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

REQUIRED_META = ("title", "date", "place", "source")
SUFFIXES = (".txt", ".md")
SHORT_LINE = 40
_TERMINAL = "。！？!?；;…"
_CLOSERS = "”’」』）)\"'"
_CLAUSE_PUNCT = re.compile(r"[。！？!?；;，,：:、]")
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")
LEAD_IN = re.compile(r"^([^。！？!?；;]{4,40})——")


class CorpusError(ValueError):
    """A report that cannot be loaded; the message names the file and the problem."""


@dataclass(frozen=True)
class Paragraph:
    """Repaired paragraph: `text` is exactly the concatenation of raw[s:e] over `spans`."""

    text: str
    spans: tuple[tuple[int, int], ...]
    heading: str | None
    lead_in: str | None

    @property
    def section(self) -> tuple[str, ...]:
        return tuple(x for x in (self.heading, self.lead_in) if x)

    def offsets(self) -> list[int]:
        """Raw-file offset of each character of `text`."""
        return [i for s, e in self.spans for i in range(s, e)]


@dataclass(frozen=True)
class Document:
    doc_id: str
    path: Path
    meta: dict[str, str]
    raw: str
    paragraphs: tuple[Paragraph, ...] = field(repr=False)

    @property
    def title(self) -> str:
        return self.meta["title"]

    @property
    def place(self) -> str:
        return self.meta["place"]

    @property
    def date(self) -> str:
        return self.meta["date"]

    @property
    def year(self) -> int:
        return int(self.meta["date"][:4])

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.raw.encode("utf-8")).hexdigest()

    def info(self) -> dict[str, str]:
        return {"doc_id": self.doc_id, "title": self.title, "date": self.date,
                "place": self.place, "source": self.meta["source"]}


def split_header(raw: str) -> tuple[dict[str, str], int] | None:
    """The `---` metadata block as a dict and the offset where the body starts; None if absent."""
    end = raw.find("\n---", 3) if raw.startswith("---") else -1
    if end < 0:
        return None
    meta: dict[str, str] = {}
    for line in raw[3:end].splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            meta[key.strip().lower()] = value.strip()
    body = raw.find("\n", end + 4)
    return meta, len(raw) if body < 0 else body + 1


def parse_header(raw: str, name: str) -> tuple[dict[str, str], int]:
    """Metadata dict and the offset where the body starts; raises CorpusError if incomplete."""
    header = split_header(raw)
    if header is None and raw.startswith("---"):
        raise CorpusError(f"{name}: metadata header is not closed with ---")
    if header is None:
        raise CorpusError(f"{name}: missing metadata header (---, {', '.join(REQUIRED_META)}, ---)")
    meta, body_start = header
    missing = [k for k in REQUIRED_META if not meta.get(k)]
    if missing:
        raise CorpusError(f"{name}: metadata header lacks {', '.join(missing)}")
    if not _DATE.match(meta["date"]):
        raise CorpusError(f"{name}: date {meta['date']!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return meta, body_start


def _blocks(raw: str, start: int) -> list[tuple[int, int]]:
    """Spans of the non-blank runs of lines separated by blank lines."""
    spans = []
    for m in re.finditer(r"\S(?:.|\n(?![ \t\r\u3000]*\n))*", raw[start:]):
        spans.append((start + m.start(), start + m.end()))
    return spans


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


def is_short_line(text: str) -> bool:
    """A heading or caption candidate: one short line with no sentence punctuation."""
    return "\n" not in text.strip() and len(text.strip()) <= SHORT_LINE \
        and not _CLAUSE_PUNCT.search(text)


def repair(raw: str, body_start: int) -> tuple[Paragraph, ...]:
    """Rebuild paragraphs and their section paths from the damaged layout."""
    blocks = [(s, e, is_short_line(raw[s:e])) for s, e in _blocks(raw, body_start)]
    first_body = next((i for i, b in enumerate(blocks) if not b[2]), len(blocks))
    paragraphs: list[Paragraph] = []
    heading: str | None = None
    pending: list[tuple[int, int]] = []  # spans of a paragraph still waiting for its end

    def flush() -> None:
        if pending:
            text = "".join(raw[s:e] for s, e in pending)
            lead = LEAD_IN.match(text)
            paragraphs.append(Paragraph(text, tuple(pending), heading, lead.group(1) if lead else None))
            pending.clear()

    for i in range(first_body, len(blocks)):
        s, e, short = blocks[i]
        if short:
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            introduces = nxt is not None and not nxt[2]
            if introduces and not pending:
                heading = raw[s:e].strip()
            continue  # a caption, or a heading already taken
        pending.extend(_line_spans(raw, s, e))
        if ends_sentence(raw[s:e]):
            flush()
    flush()
    return tuple(paragraphs)


def load_document(path: Path) -> Document:
    """Read and repair one report; raises CorpusError with a clear message."""
    name = path.name
    data = path.read_bytes()
    if b"\x00" in data:
        raise CorpusError(f"{name}: binary file, not UTF-8 text")
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{name}: not valid UTF-8 ({exc.reason} at byte {exc.start})") from None
    if not raw.strip():
        raise CorpusError(f"{name}: empty file")
    meta, body_start = parse_header(raw, name)
    paragraphs = repair(raw, body_start)
    if not paragraphs:
        raise CorpusError(f"{name}: no text after the metadata header")
    return Document(path.stem, path, meta, raw, paragraphs)


def corpus_files(corpus_dir: Path) -> list[Path]:
    return sorted(p for p in corpus_dir.iterdir()
                  if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith("."))


def load_corpus(corpus_dir: Path) -> tuple[list[Document], list[str]]:
    """All loadable reports, and one problem message per report that was skipped."""
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus directory {corpus_dir} does not exist")
    docs, problems = [], []
    for path in corpus_files(corpus_dir):
        try:
            docs.append(load_document(path))
        except CorpusError as exc:
            problems.append(str(exc))
        except OSError as exc:
            problems.append(f"{path.name}: cannot read ({exc.strerror})")
    return docs, problems
