"""The one reader of staff-edited vocabulary files: shapes, comments, and re-reading on change."""
from __future__ import annotations

import os
import shutil

import pytest

from index import datafiles
from index.datafiles import INDEX_DATA, DataFileError
from index.text.tokens import default_tokenizer
from index.text.vocabulary import load_vocab


def write(path, text: str, bump: int = 0) -> None:
    path.write_text(text, encoding="utf-8")
    if bump:  # a distinct modification time even on coarse file systems
        st = path.stat()
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + bump))


def test_table_folds_words_merges_repeated_keys_and_skips_comments(tmp_path):
    path = tmp_path / "t.tsv"
    write(path, "# comment\n甲\tＡ|b\n\n甲\tC\n乙\t\n")
    assert datafiles.table(path) == {"甲": ("a", "b", "c"), "乙": ()}


def test_rows_refuse_a_line_with_the_wrong_number_of_columns_in_chinese(tmp_path):
    path = tmp_path / "r.tsv"
    write(path, "result\t2\t完成\nresult\t完成\n")
    with pytest.raises(DataFileError, match="第2行应有3列"):
        datafiles.rows(path, 3)


def test_an_edited_file_is_read_again(tmp_path):
    path = tmp_path / "t.tsv"
    write(path, "甲\ta\n")
    assert datafiles.table(path) == {"甲": ("a",)}
    write(path, "甲\ta|b\n", bump=10**9)
    assert datafiles.table(path) == {"甲": ("a", "b")}


def test_one_question_sees_one_version_of_a_file_and_the_next_question_the_edit(tmp_path):
    path = tmp_path / "t.tsv"
    write(path, "甲\ta\n")
    with datafiles.one_version():
        assert datafiles.table(path) == {"甲": ("a",)}
        write(path, "甲\ta|b\n", bump=10**9)  # staff save the file while a question is answered
        assert datafiles.table(path) == {"甲": ("a",)}
    assert datafiles.table(path) == {"甲": ("a", "b")}
    with datafiles.one_version():
        assert datafiles.table(path) == {"甲": ("a", "b")}


def test_an_edited_synonyms_file_reaches_the_tokenizer_without_a_restart(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(INDEX_DATA, data)
    before = load_vocab(data)
    assert load_vocab(data) is before  # unchanged files: the same vocabulary, caches stay warm
    assert "地区生产总值" not in before.canonical_terms("高新区的经济体量")
    with open(data / "synonyms.tsv", "a", encoding="utf-8") as fh:
        fh.write("地区生产总值\t经济体量\n")
    st = (data / "synonyms.tsv").stat()
    os.utime(data / "synonyms.tsv", ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    after = load_vocab(data)
    assert after is not before
    assert "地区生产总值" in after.canonical_terms("高新区的经济体量")


def test_the_default_tokenizer_follows_the_vocabulary():
    assert default_tokenizer() is default_tokenizer()
    assert default_tokenizer().vocab is load_vocab()
