"""New reports in any common format → corpus files, refusing what would damage the corpus.

Reads .txt/.md, .docx (python-docx), .pdf (pypdf, text layer only) and .html (trafilatura),
infers what metadata it can, refuses duplicates and near-duplicates, and writes the report
atomically in the corpus format (metadata header + text). `remove_report` moves a report into
`corpus/.removed/`, so nothing is ever deleted.

The duplicate check reads only the reports that their cached signatures
(`index.reading.signatures`) say may match, and compares those exactly; every other report costs
one stat and one cached row, not a read.
"""
from __future__ import annotations

import hashlib
import io
import itertools
import os
import re
import time
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from index.files import make_dir, write_atomic
from index.reading import metadata, signatures
from index.reading.documents import CorpusError, corpus_files, load_document, split_header
from index.text.normalise import squeeze

MAX_BYTES = 20 * 1024 * 1024
MAX_UNZIPPED = 100 * 1024 * 1024  # a .docx that inflates beyond this is a zip bomb
MIN_CHARS = 50
CHINA = timezone(timedelta(hours=8))  # "today" for a delivery date is today in China
FIELDS = ("title", "date", "place", "source")
FIELD_NAMES = {"title": "标题", "date": "日期", "place": "地点", "source": "来源"}
NEAR_DUPLICATE = 0.9  # Jaccard similarity of character 5-grams
# A report whose sketch estimates less than this is not compared: with 128 entries a true 0.9
# estimates below it about once in 10^10 comparisons (7 standard deviations).
LIKELY = 0.7
SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")


class IngestError(ValueError):
    """A file that cannot become a report; the message says why, in Chinese words staff understand."""


@dataclass(frozen=True)
class Added:
    doc_id: str
    path: Path
    meta: dict[str, str]
    chars: int
    inferred: dict[str, str]  # field → where it was read, for the fields not given by staff


def safe_name(name: str) -> str:
    """A filename stripped of directories and odd characters (uploads name their own files)."""
    base = os.path.basename(name.replace("\\", "/")).strip() or "report"
    return re.sub(r"[^\w.\-\u4e00-\u9fff]+", "_", base)[:100]


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data:
        raise IngestError(f"{name}：是二进制数据，不是文本文件")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise IngestError(f"{name}：文字编码既不是 UTF-8 也不是 GB18030")


def _docx(data: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if sum(i.file_size for i in zf.infolist()) > MAX_UNZIPPED:
                raise IngestError(f"{name}：解压后超过 {MAX_UNZIPPED // 2**20} MB（疑似压缩炸弹），拒收")
            if "word/document.xml" not in zf.namelist():
                raise IngestError(f"{name}：不是 Word 文档（缺少 word/document.xml）")
    except zipfile.BadZipFile:
        raise IngestError(f"{name}：不是有效的 .docx 文件（已损坏，或不是 zip 格式）") from None
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on damaged files
        raise IngestError(f"{name}：无法读取这个 Word 文档（{type(exc).__name__}）") from None
    return "\n\n".join(p.text.strip() for p in document.paragraphs if p.text.strip())


def _pdf(data: bytes, name: str) -> str:
    import pypdf
    from pypdf.errors import PdfReadError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise IngestError(f"{name}：PDF 已加密，请发送未加密的版本")
        pages = [page.extract_text() or "" for page in reader.pages]
    except IngestError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise IngestError(f"{name}：PDF 文件已损坏或不完整（{type(exc).__name__}）") from None
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text.strip():
        raise IngestError(f"{name}：PDF 没有文字层（扫描件？），请先做文字识别（OCR）")
    return text


def _html(data: bytes, name: str) -> tuple[str, dict[str, str]]:
    import trafilatura

    html = _decode(data, name)
    doc = trafilatura.bare_extraction(html, include_tables=True, with_metadata=True)
    text = (doc.text if doc is not None else "") or ""
    meta = {}
    if doc is not None:
        meta = {k: v for k, v in (("title", doc.title), ("date", doc.date)) if v}
    return text, meta


def extract_text(name: str, data: bytes) -> tuple[str, dict[str, str]]:
    """The plain text of a file, and any metadata the format itself carries."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise IngestError(f"{name}：不支持这种文件类型，请发送 {'、'.join(SUFFIXES)} 文件")
    if not data.strip():
        raise IngestError(f"{name}：文件是空的")
    if len(data) > MAX_BYTES:
        raise IngestError(f"{name}：文件有 {len(data) / 2**20:.1f} MB，超过 {MAX_BYTES // 2**20} MB 的上限")
    if suffix == ".docx":
        return _docx(data, name), {}
    if suffix == ".pdf":
        return _pdf(data, name), {}
    if suffix in (".html", ".htm"):
        return _html(data, name)
    text = _decode(data, name)
    header = split_header(text)  # already in the corpus format: keep its metadata
    return (text[header[1]:], header[0]) if header else (text, {})


def _shingles(squeezed: str) -> set[str]:
    n = signatures.SHINGLE
    return {squeezed[i:i + n] for i in range(max(1, len(squeezed) - n + 1))}


def _same_or_near(text: str, other: str) -> bool:
    """The same text once squeezed, or character 5-grams at least NEAR_DUPLICATE alike."""
    mine, theirs = squeeze(text), squeeze(other)
    if mine == theirs:
        return True
    a, b = _shingles(mine), _shingles(theirs)
    return len(a & b) / max(1, len(a | b)) >= NEAR_DUPLICATE


def find_duplicate(known: signatures.Known, text: str) -> str | None:
    """The id of a report with the same or nearly the same text, if any.

    Signatures only pick the reports to compare; each is compared on its text as read now.
    """
    likely = signatures.estimate(known.sketches, signatures.signature(text)) >= LIKELY
    for name in itertools.compress(known.names, likely):  # the same text included: its estimate is 1
        if _same_or_near(text, signatures.read_body(known.corpus_dir / name)):
            return Path(name).stem
    return None


def add_report(corpus_dir: Path, name: str, data: bytes, *, future_ok: bool = False, **given: str | None) -> Added:
    """Turn one file into a corpus report. `given` may set title, date, place, source.

    Raises IngestError, leaving the corpus untouched, for anything it cannot use, a delivery date
    after today included (a typo such as 2099, or a year read wrongly) unless `future_ok`.
    """
    name = safe_name(name)
    text, carried = extract_text(name, data)
    text = text.replace("\r\n", "\n").strip()
    if len(squeeze(text)) < MIN_CHARS:
        raise IngestError(f"{name}：只有 {len(squeeze(text))} 个字，不像一份报告")
    make_dir(corpus_dir)  # the first upload of a new deployment
    known = signatures.of_corpus(corpus_dir)
    duplicate = find_duplicate(known, text)
    if duplicate:
        raise IngestError(f"{name}：资料库中已有相同或几乎相同的报告 {duplicate}"
                          f"（要替换它，请先 zoneqa corpus remove {duplicate}）")
    found = metadata.infer(text, name, carried)
    inferred = {k: f.source for k, f in found.items() if not given.get(k)}
    meta = {k: f.value for k, f in found.items()} | {k: v for k, v in given.items() if v}
    missing = [k for k in FIELDS if not meta.get(k)]
    if missing:
        labels = "、".join(FIELD_NAMES[k] for k in missing)
        raise IngestError(f"{name}：无法从报告中可靠地识别{labels}，请指定"
                          f"（{' '.join('--' + k for k in missing)}）")
    if not future_ok and _earliest_day(meta["date"]) > datetime.now(CHINA).date():
        raise IngestError(f"{name}：报告日期 {meta['date']} 晚于今天，请核对日期（--date）；"
                          f"确是今后的日期，请加 --future-date")
    digest = hashlib.sha256(squeeze(text).encode()).hexdigest()[:8]
    doc_id = f"{meta['date'][:7]}-{digest}"
    path = corpus_dir / f"{doc_id}.md"
    header = "".join(f"{k}: {' '.join(str(meta[k]).split())}\n" for k in ("title", "date", "place", "source"))
    write_atomic(path, f"---\n{header}---\n{text}\n")
    try:
        load_document(path)
    except CorpusError as exc:
        path.unlink(missing_ok=True)
        raise IngestError(f"{name}：{exc}") from None
    signatures.remember(known)  # only now: a refused file leaves every file as it was, the cache too
    return Added(doc_id, path, meta, len(text), inferred)


def _earliest_day(when: str) -> date:
    """The first day a date of the header's forms (2026, 2026-01, 2026-01-26) can mean."""
    parts = [int(p) for p in re.findall(r"\d+", when)[:3]]
    try:
        return date(*(parts + [1, 1][: 3 - len(parts)]))
    except (TypeError, ValueError):
        raise IngestError(f"报告日期“{when}”不是有效的日期（格式：2026、2026-01 或 2026-01-26）") from None


def remove_report(corpus_dir: Path, doc_id: str) -> Path:
    """Move a report out of the corpus into `.removed/` (kept, never deleted)."""
    matches = [p for p in corpus_files(corpus_dir) if p.stem == doc_id]
    if not matches:
        raise IngestError(f"资料库 {corpus_dir} 中没有报告 {doc_id}")
    removed = corpus_dir / ".removed"
    make_dir(removed)
    target = removed / f"{time.strftime('%Y%m%dT%H%M%S')}-{matches[0].name}"
    os.replace(matches[0], target)
    return target
