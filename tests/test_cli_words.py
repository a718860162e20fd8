"""The command line as staff meet it: every command, its help and its error paths speak Chinese
(paths, options, commands and numbers aside), name the file and what to do, never a Python
exception; and what needs no model (a hint, a refusal, a listing, facts, health, a usage error)
never imports the embedding stack."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from chinese import PYTHON_WORDS, english
from conftest import ROOT

ENCODER = ("torch", "sentence_transformers", "transformers")
LONG = "高新区今年的地区生产总值目标是多少" * 300

# Runs each command of argv lists in this one process, output captured per command, then says
# which of the embedding stack got imported on the way.
WALK = r"""
import contextlib, io, json, sys
from bot.cli import main
results = []
for argv in json.loads(sys.argv[1]):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc = main(argv)
        except SystemExit as exit:
            rc = exit.code
    results.append({"argv": argv, "rc": rc, "out": out.getvalue(), "err": err.getvalue()})
print(json.dumps({"results": results, "loaded": [m for m in %r if m in sys.modules]}))
""" % (ENCODER,)


def walk(commands: list[list[str]], **env: str) -> tuple[dict[str, dict], list[str]]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("ZONEQA_", "TELEGRAM_"))}
    run = subprocess.run([sys.executable, "-c", WALK, json.dumps(commands)], cwd=ROOT,
                         env={**environ, **env}, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout.strip().splitlines()[-1])
    return {" ".join(r["argv"]): r for r in found["results"]}, found["loaded"]


@pytest.fixture(scope="module")
def staff_dirs(tmp_path_factory, seed_settings):
    """A copy of the seed corpus and index, and the odd files staff pass by mistake."""
    root = tmp_path_factory.mktemp("walk")
    shutil.copytree(seed_settings.index.corpus_dir, root / "corpus")
    shutil.copytree(seed_settings.index.index_dir, root / "data" / "index")
    (root / "binary.jsonl").write_bytes(b"\xb9\xfa\x00\x01\xff" * 50)
    (root / "empty.jsonl").write_text("\n\n", encoding="utf-8")
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 4)
    return root


COMMANDS = [
    ["--help"], ["index", "--help"], ["index", "build", "--help"], ["corpus", "--help"],
    ["corpus", "add", "--help"], ["corpus", "list", "--help"], ["corpus", "remove", "--help"],
    ["facts", "--help"], ["search", "--help"], ["ask", "--help"], ["chat", "--help"], ["eval", "--help"],
    ["health", "--help"], ["bot", "--help"],
    [], ["asks"], ["corpus"], ["corpus", "remove"], ["ask", "--bogus", "问题"], ["search", "-k", "x", "问题"],
    ["facts", "--kind", "今年"], ["facts", "--year", "去年"], ["facts", "--json", "--html", "x.html"],
    ["ask"], ["search"], ["bot"],
    ["ask", ""], ["ask", "   "], ["ask", LONG], ["ask", "--json", ""],
    ["corpus", "list"], ["corpus", "add", "{root}/nope.pdf"], ["corpus", "add", "{root}/photo.png"],
    ["corpus", "add", "{root}"], ["corpus", "remove", "no-such-report"],
    ["facts"], ["facts", "--place", "河南"], ["facts", "--html", "{root}/数字.html"],
    ["facts", "--html", "{root}/no/such/dir/数字.html"],
    ["health"],
    ["eval", "{root}/nope.jsonl"], ["eval", "{root}/binary.jsonl"], ["eval", "{root}/empty.jsonl"],
    ["eval", "{root}"],
]


@pytest.fixture(scope="module")
def walked(staff_dirs):
    commands = [[a.replace("{root}", str(staff_dirs)) for a in argv] for argv in COMMANDS]
    results, loaded = walk(commands, ZONEQA_DATA_DIR=str(staff_dirs / "data"),
                           ZONEQA_CORPUS_DIR=str(staff_dirs / "corpus"), ZONEQA_HEARTBEAT_MAX_AGE="0")
    return {" ".join(argv): results[" ".join(c)] for argv, c in zip(map(tuple, COMMANDS), commands)}, loaded


def result(walked, *argv: str) -> dict:
    return walked[0][" ".join(argv)]


def test_every_command_and_error_speaks_chinese(walked):
    said = {cmd: english(r["out"] + r["err"]) for cmd, r in walked[0].items()}
    assert {cmd: lines for cmd, lines in said.items() if lines} == {}
    python = {cmd: PYTHON_WORDS.findall(r["out"] + r["err"]) for cmd, r in walked[0].items()}
    assert {cmd: words for cmd, words in python.items() if words} == {}
    assert all(r["out"] or r["err"] for r in walked[0].values())  # nothing passes in silence


def test_none_of_it_imports_the_encoder(walked):
    assert walked[1] == []


def test_usage_errors_exit_2_and_point_to_the_help(walked):
    for argv in (["asks"], ["corpus"], ["search", "-k", "x", "问题"], ["facts", "--kind", "今年"]):
        r = result(walked, *argv)
        assert r["rc"] == 2 and r["err"].startswith("用法：zoneqa") and "-h）" in r["err"], (argv, r)
    assert "-k 的值“x”不是数字" in result(walked, "search", "-k", "x", "问题")["err"]
    assert "缺少参数：子命令" in result(walked, "corpus")["err"]
    assert "无法识别的参数：--bogus" in result(walked, "ask", "--bogus", "问题")["err"]
    assert result(walked, "ask")["rc"] == 2 and "请给出问题" in result(walked, "ask")["err"]


def test_a_question_that_cannot_be_read_gets_a_hint(walked):
    empty, long = result(walked, "ask", ""), result(walked, "ask", LONG)
    assert (empty["rc"], empty["out"]) == (0, "请输入您想了解的问题，例如：“去年高新区GDP多少？”\n")
    assert long["rc"] == 0 and f"问题太长了（{len(LONG)}字）" in long["out"]
    answer = json.loads(result(walked, "ask", "--json", "")["out"])
    assert answer["abstained"] is True and answer["answer"].startswith("请输入您想了解的问题")


def test_file_errors_name_the_file_and_what_to_do(walked, staff_dirs):
    missing = result(walked, "corpus", "add", "{root}/nope.pdf")
    assert missing["rc"] == 1 and f"{staff_dirs}/nope.pdf：文件不存在，请检查路径" in missing["err"]
    assert "目录" in result(walked, "corpus", "add", "{root}")["err"]
    assert "photo.png：不支持这种文件类型" in result(walked, "corpus", "add", "{root}/photo.png")["err"]
    gone = result(walked, "corpus", "remove", "no-such-report")
    assert gone["rc"] == 2 and "没有报告 no-such-report" in gone["err"]
    binary = result(walked, "eval", "{root}/binary.jsonl")
    assert binary["rc"] == 2 and "binary.jsonl 第 0 字节起不是 UTF-8 文字" in binary["err"]
    unwritable = result(walked, "facts", "--html", "{root}/no/such/dir/数字.html")
    assert unwritable["rc"] == 2 and "所在的目录不存在" in unwritable["err"]


def test_an_empty_gold_set_is_refused(walked):
    empty = result(walked, "eval", "{root}/empty.jsonl")
    assert empty["rc"] == 2 and "empty.jsonl 中没有题目" in empty["err"] and empty["out"] == ""


def test_corpus_list_has_a_header(walked):
    header, *rows = result(walked, "corpus", "list")["out"].splitlines()
    assert header.split("\t") == ["报告ID", "日期", "地点", "标题"]
    assert [row.split("\t")[:3] for row in rows] == [["2019-kunshan-hitech-zone-work-conference", "2019-01", "昆山高新区"]]


def test_a_build_error_is_chinese_too(tmp_path):
    """The one path here that prepares the encoder: a corpus that is not there."""
    results, _ = walk([["index", "build", "--corpus", str(tmp_path / "nope")]], ZONEQA_DATA_DIR=str(tmp_path))
    [r] = results.values()
    assert r["rc"] == 2 and f"资料库目录 {tmp_path / 'nope'} 不存在" in r["err"]
    assert english(r["out"] + r["err"]) == []
