"""Reports on disk → `Document`s with repaired paragraphs, each mapped back to exact source spans.

A report is UTF-8 text or Markdown with a metadata header::

    ---
    title: …
    date: 2019-01            (YYYY, YYYY-MM or YYYY-MM-DD)
    place: 昆山高新区
    source: …
    ---
    body

The body's paragraphs and their section paths are rebuilt by `index.reading.layout`.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from index.reading import layout, metadata
from index.reading.layout import Paragraph
from index.text.normalise import as_read
from index.text.timelabel import Frame, plans_own_year

REQUIRED_META = ("title", "date", "place", "source")
SUFFIXES = (".txt", ".md")
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")
_NAME_YEAR = re.compile(r"(?:19|20)\d{2}(?!\d)")  # "2016-德州经开区.txt": a file named after its year
DATE_FROM_NAME = "date_from_name"  # a header key set when the header gave no date and the file name did


class CorpusError(ValueError):
    """A report that cannot be loaded; the message names the file and the problem."""


@dataclass(frozen=True)
class Document:
    doc_id: str
    path: Path
    meta: dict[str, str]
    raw: str  # the file's text
    paragraphs: tuple[Paragraph, ...] = field(repr=False)  # spans in `text`

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

    @cached_property
    def text(self) -> str:
        """The file's text as it is read (`as_read`: Simplified script, no ruby pinyin)."""
        return as_read(self.raw)

    @property
    def frame(self) -> Frame:
        """The years it reviews and plans, by its date, the part of a year it covers and whether,
        dated from October on, it still plans its own year."""
        body = body_of(self.text)
        return Frame.of(self.date, metadata.part_of_year(body) is not None or plans_own_year(body, self.date))

    def info(self) -> dict[str, str | bool]:
        """What is said of the report as a whole; who delivered it and where, when it says so;
        the part of a year its figures cover ("前三季度"), when it covers one; whether, dated from
        October on, it still plans its own year (`plans_own_year`)."""
        body = body_of(self.text)
        part = metadata.part_of_year(body)
        return {"doc_id": self.doc_id, "title": self.title, "date": self.date,
                "place": self.place, "source": self.meta["source"],
                **metadata.byline(body), **({"part_year": part} if part else {}),
                **({"plans_own_year": True} if plans_own_year(body, self.date) else {}),
                **({"note": note} if (note := self.note()) else {})}

    def note(self) -> str:
        """What staff should check though the report loads, in Chinese; "" when nothing."""
        if DATE_FROM_NAME not in self.meta:
            return ""
        return f"{self.path.name}：元数据头没有日期（date），已按文件名取作 {self.date} 年，请核对，或在元数据头写上 date"


def body_of(raw: str) -> str:
    """The text after the metadata header (all of it when it has none)."""
    header = split_header(raw)
    return raw[header[1]:] if header else raw


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
    """Metadata dict and the offset where the body starts; raises CorpusError if incomplete. A
    header without a date takes the year a file name starts with ("2016-德州经开区.txt")."""
    header = split_header(raw)
    if header is None and raw.startswith("---"):
        raise CorpusError(f"{name}：元数据头没有以 --- 结束，请在元数据之后加一行 ---")
    if header is None:
        raise CorpusError(f"{name}：缺少元数据头，请在文件开头写上 ---、{'、'.join(REQUIRED_META)}、---")
    meta, body_start = header
    if not meta.get("date") and (year := _NAME_YEAR.match(name)):
        meta.update(date=year[0], **{DATE_FROM_NAME: "yes"})  # a warning for staff (`Document.note`), not an error
    missing = [k for k in REQUIRED_META if not meta.get(k)]
    if missing:
        raise CorpusError(f"{name}：元数据头缺少 {'、'.join(missing)}，请补上")
    if not _DATE.match(meta["date"]):
        raise CorpusError(f"{name}：日期“{meta['date']}”应写作 YYYY、YYYY-MM 或 YYYY-MM-DD")
    return meta, body_start


def load_document(path: Path) -> Document:
    """Read and repair one report; raises CorpusError with a clear message."""
    name = path.name
    data = path.read_bytes()
    if b"\x00" in data:
        raise CorpusError(f"{name}：是二进制文件，不是 UTF-8 文本")
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{name}：第 {exc.start} 字节起不是 UTF-8 文字，请另存为 UTF-8") from None
    if not raw.strip():
        raise CorpusError(f"{name}：文件是空的")
    text = as_read(raw)  # its header too: a title in Traditional script is quoted as the answer's script
    meta, body_start = parse_header(text, name)
    paragraphs = layout.repair(text, body_start)
    if not paragraphs:
        raise CorpusError(f"{name}：元数据头之后没有正文")
    return Document(path.stem, path, meta, raw, paragraphs)


def corpus_entries(corpus_dir: Path) -> list[os.DirEntry]:
    """The corpus's report files in name order, from one directory scan, each with its stat
    taken once (`entry.stat()`). Entries, not Paths: at a thousand reports, making a Path per
    file costs more than the scan, and a build needs one only for a report it reads."""
    with os.scandir(corpus_dir) as scan:
        found = [e for e in scan if not e.name.startswith(".") and e.name.lower().endswith(SUFFIXES)
                 and e.is_file()]
    for entry in found:
        entry.stat()  # taken now, as the listing is; every later call returns this one
    return sorted(found, key=lambda entry: entry.name)


def corpus_files(corpus_dir: Path) -> list[Path]:
    return [Path(entry.path) for entry in corpus_entries(corpus_dir)]


def load_corpus(corpus_dir: Path) -> tuple[list[Document], list[str]]:
    """All loadable reports, and one problem message per report that was skipped (what staff
    should check of a loaded one is its `note`)."""
    if not corpus_dir.is_dir():
        raise CorpusError(f"资料库目录 {corpus_dir} 不存在")
    docs, problems = [], []
    for path in corpus_files(corpus_dir):
        try:
            docs.append(load_document(path))
        except CorpusError as exc:
            problems.append(str(exc))
        except OSError as exc:
            problems.append(f"{path.name}: cannot read ({exc.strerror})")
    return docs, problems
