"""The duplicate check's signature cache: it saves reading the corpus, and never changes a decision."""
from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest

from index.reading import ingest, signatures
from index.reading.documents import corpus_files
from index.reading.ingest import IngestError, add_report, remove_report
from index.text.normalise import squeeze
from conftest import CORPUS
from report_files import CASES, report_file

SEED = "2019-kunshan-hitech-zone-work-conference"
SEED_BODY = signatures.read_body(CORPUS / f"{SEED}.md")
SENTENCE = "2018年,昆山高新区全年完成地区生产总值762亿元,增长7.1%;"
OTHER = report_file("other.txt", CASES["report.txt"][0]).decode("utf-8")  # like no report of the corpus
HEADER = "---\ntitle: {}\ndate: 2020\nplace: 昆山高新区\nsource: 测试\n---\n"


def _age(path: Path) -> None:
    """As a file long unchanged: its signature may be cached."""
    old = time.time_ns() - 3600 * 10**9
    os.utime(path, ns=(old, old))


def _add(corpus: Path, name: str, text: str):
    return add_report(corpus, name, text.encode("utf-8"), title="测试报告", date="2022-01",
                      place="昆山高新区", source="测试")


def _cached(corpus: Path) -> set[str]:
    with sqlite3.connect(corpus / signatures.CACHE) as db:
        return {name for (name,) in db.execute("SELECT name FROM signatures")}


def _warm(corpus: Path) -> None:
    signatures.remember(signatures.of_corpus(corpus))
    assert _cached(corpus) == {p.name for p in corpus_files(corpus)}


@pytest.fixture
def corpus(tmp_path) -> Path:
    """The seed report and each of its quarters as a report of its own, all long unchanged."""
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    paragraphs = SEED_BODY.split("\n\n")
    for i in range(4):
        part = "\n\n".join(paragraphs[i * len(paragraphs) // 4:(i + 1) * len(paragraphs) // 4])
        (corpus / f"2020-part{i}.md").write_text(HEADER.format(f"第{i}部分") + part, encoding="utf-8")
    for path in corpus.iterdir():
        _age(path)
    return corpus


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The corpus files the duplicate check reads, in order."""
    read, real = [], signatures.read_body
    monkeypatch.setattr(signatures, "read_body", lambda path: read.append(path.name) or real(path))
    return read


def test_a_near_duplicate_is_refused_from_the_cache_reading_only_the_report_it_resembles(corpus, reads):
    _warm(corpus)
    reads.clear()
    near = SEED_BODY.replace(SENTENCE, "2018年,全区新增市级以上研发机构12家,新增高新技术企业85家;")
    assert near != SEED_BODY and ingest._same_or_near(near, SEED_BODY)
    with pytest.raises(IngestError, match=f"已有相同或几乎相同的报告 {SEED}"):
        _add(corpus, "near.txt", near)
    assert reads == [f"{SEED}.md"]


def test_a_different_report_is_accepted_without_reading_the_corpus(corpus, reads):
    _warm(corpus)
    reads.clear()
    added = _add(corpus, "other.txt", OTHER)
    assert added.path.exists() and reads == []


def test_a_report_edited_after_it_was_cached_is_judged_by_its_new_content(corpus):
    _warm(corpus)
    (corpus / f"{SEED}.md").write_text(HEADER.format("改写") + OTHER, encoding="utf-8")  # same name
    with pytest.raises(IngestError, match=f"已有相同或几乎相同的报告 {SEED}"):
        _add(corpus, "other.txt", OTHER)
    _add(corpus, "seed.txt", SEED_BODY)  # what it said before is no longer in the corpus


def test_a_report_rewritten_within_one_clock_tick_is_judged_by_its_last_content(corpus):
    path = corpus / "2021-new.md"
    first = report_file("a.txt", CASES["report.docx"][0]).decode("utf-8")
    path.write_text(HEADER.format("新") + first, encoding="utf-8")
    _add(corpus, "other.txt", OTHER)  # the cache is brought up to date, but for this file: just written
    before = path.stat()
    path.write_text(HEADER.format("新") + first[::-1], encoding="utf-8")  # as many bytes: the same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as a coarse file-system clock leaves it
    with pytest.raises(IngestError, match="已有相同或几乎相同的报告 2021-new"):
        _add(corpus, "reversed.txt", first[::-1])


def _garbage(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 16)


def _truncated(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:3000])


@pytest.mark.parametrize("damage", [_garbage, _truncated])
def test_a_damaged_cache_neither_blocks_an_upload_nor_hides_a_duplicate_and_is_rebuilt(corpus, damage):
    _warm(corpus)
    damage(corpus / signatures.CACHE)
    with pytest.raises(IngestError, match=f"已有相同或几乎相同的报告 {SEED}"):
        _add(corpus, "again.txt", SEED_BODY.replace(SENTENCE, ""))
    added = _add(corpus, "other.txt", OTHER)
    assert _cached(corpus) == {p.name for p in corpus_files(corpus)} - {added.path.name}


def test_a_locked_cache_neither_blocks_an_upload_nor_hides_a_duplicate(corpus, monkeypatch):
    _warm(corpus)
    monkeypatch.setattr(signatures, "BUSY_SECONDS", 0.1)
    remove_report(corpus, "2020-part0")  # so the upload has something to write
    with closing(sqlite3.connect(corpus / signatures.CACHE, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")  # another process writing, for longer than we wait
        with pytest.raises(IngestError, match=f"已有相同或几乎相同的报告 {SEED}"):
            _add(corpus, "again.txt", SEED_BODY)
        assert _add(corpus, "other.txt", OTHER).path.exists()
        other.execute("ROLLBACK")
    assert "2020-part0.md" in _cached(corpus)  # not written while locked


def test_removed_reports_leave_the_cache_and_no_longer_count(corpus):
    _warm(corpus)
    part = signatures.read_body(corpus / "2020-part0.md")
    remove_report(corpus, "2020-part0")
    _add(corpus, "other.txt", OTHER)
    assert "2020-part0.md" not in _cached(corpus)
    _add(corpus, "part.txt", part)


def test_the_check_reads_the_files_the_corpus_lists(tmp_path):
    for name in ("a.md", "B.MD", "c.txt", ".hidden.md", "d.pdf", "e.md.bak", "f.", "g.md.tmp"):
        (tmp_path / name).write_text(HEADER.format(name) + OTHER, encoding="utf-8")
    (tmp_path / "dir.md").mkdir()
    (tmp_path / ".removed").mkdir()
    (tmp_path / ".removed" / "h.md").write_text(OTHER, encoding="utf-8")
    (tmp_path / "link.md").symlink_to(tmp_path / "a.md")
    (tmp_path / "broken.md").symlink_to(tmp_path / "missing.md")
    expected = ["B.MD", "a.md", "c.txt", "link.md"]  # reports only: no hidden, other, broken or folder names
    assert signatures.of_corpus(tmp_path).names == [p.name for p in corpus_files(tmp_path)] == expected


@pytest.mark.parametrize("chars", [60, 300, 3000])
def test_a_sketch_estimates_the_jaccard_similarity(chars):
    text = SEED_BODY[:chars]
    for changed in (text.replace("高新区", "开发区", 1), text[: chars // 2], text[::-1]):
        mine, theirs = ingest._shingles(squeeze(text)), ingest._shingles(squeeze(changed))
        exact = len(mine & theirs) / len(mine | theirs)
        sketches = signatures.signature(changed)[None, :]
        assert abs(signatures.estimate(sketches, signatures.signature(text))[0] - exact) < 0.12


def test_sketches_are_the_same_in_every_process_and_change_only_with_the_cache_version():
    # A new way of computing sketches needs a new signatures.VERSION, or old caches would mislead.
    digest = hashlib.sha256(signatures.signature(SEED_BODY).tobytes()).hexdigest()[:16]
    assert (signatures.VERSION, digest) == (1, "aeef0e4addf5a03a")


def test_the_first_upload_of_a_new_deployment_creates_the_corpus_folder(tmp_path):
    added = _add(tmp_path / "corpus", "first.txt", OTHER)
    assert added.path.parent == tmp_path / "corpus" and added.path.exists()


def test_a_report_saved_with_a_byte_order_mark_is_compared_without_its_header(tmp_path):
    """A short report, whose header would be a large share of its text if read as body."""
    corpus, body = tmp_path / "corpus", SENTENCE * 3
    corpus.mkdir()
    (corpus / "bom.md").write_bytes(b"\xef\xbb\xbf" + (HEADER.format("短报告") + body).encode("utf-8"))
    _age(corpus / "bom.md")
    with pytest.raises(IngestError, match="相同或几乎相同"):
        _add(corpus, "again.txt", body)
