"""`zoneqa facts` and the summary after `zoneqa corpus add`: what staff see of how the reports
were read (each figure's year, result or target, its sentence and where its label came from)."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from bot.cli import main
from conftest import ROOT, make_settings

COLUMNS = ["地点", "年份", "类型", "数值", "变化", "指标", "依据", "原句", "报告", "存疑"]
SEED_DOC = "2019-kunshan-hitech-zone-work-conference"
JIANGSU_2026 = ROOT / "tests" / "reports" / "2026-江苏省.txt"


@pytest.fixture
def served(tmp_path, seed_settings, model_cache, monkeypatch):
    """The CLI pointed at a copy of the built seed index."""
    settings = make_settings(tmp_path / "data", tmp_path / "corpus", model_cache)
    shutil.copytree(seed_settings.index.index_dir, settings.index.index_dir)
    shutil.copytree(seed_settings.index.corpus_dir, settings.index.corpus_dir)
    for name in [n for n in os.environ if n.startswith("ZONEQA_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("ZONEQA_DATA_DIR", str(settings.index.data_dir))
    monkeypatch.setenv("ZONEQA_CORPUS_DIR", str(settings.index.corpus_dir))
    return settings


def facts(capsys, *options: str) -> list[dict[str, str]]:
    """The rows `zoneqa facts` prints, by column name."""
    assert main(["facts", *options]) == 0
    out, err = capsys.readouterr()
    header, *lines = out.splitlines()
    assert header.split("\t") == COLUMNS
    rows = [dict(zip(COLUMNS, line.split("\t"))) for line in lines]
    assert all(len(row) == len(COLUMNS) for row in rows)
    assert f"共 {len(rows)} 个数字" in err
    return rows


def one(rows: list[dict[str, str]], value: str) -> dict[str, str]:
    [row] = [r for r in rows if r["数值"] == value]
    return row


def test_facts_lists_each_figure_with_year_kind_sentence_and_label_source(served, capsys):
    rows = facts(capsys)
    gdp = one(rows, "762亿元")
    assert (gdp["地点"], gdp["年份"], gdp["类型"], gdp["变化"], gdp["依据"]) == \
        ("昆山高新区", "2018年", "实际", "增长7.1%", "句中年份")
    assert "地区生产总值" in gdp["指标"] and gdp["报告"] == SEED_DOC
    assert gdp["原句"].startswith("2018年,昆山高新区全年完成地区生产总值762亿元")
    target = one(rows, "810亿元")
    assert (target["年份"], target["类型"]) == ("2019年", "目标")
    assert "目标任务再加码:完成地区生产总值810亿元" in target["原句"]
    assert {r["类型"] for r in rows} <= {"实际", "目标", "预计", "多年", "未定"}
    assert {r["依据"] for r in rows} <= {"句中年份", "提示词", "所在章节", "上下文", "报告日期", "—"}


def test_facts_filters_by_kind_year_and_place(served, capsys):
    every = facts(capsys)
    targets = facts(capsys, "--kind", "目标")
    assert targets and {r["类型"] for r in targets} == {"目标"}
    assert "810亿元" in {r["数值"] for r in targets} and "762亿元" not in {r["数值"] for r in targets}
    assert facts(capsys, "--kind", "target") == targets

    of_2018 = facts(capsys, "--year", "2018", "--kind", "实际")
    assert of_2018 and {(r["年份"], r["类型"]) for r in of_2018} == {("2018年", "实际")}
    assert "762亿元" in {r["数值"] for r in of_2018}
    assert len(of_2018) < len(every)

    assert facts(capsys, "--place", "高新区") == every  # a place by the name people use
    assert main(["facts", "--place", "河南"]) == 2
    assert "没有“河南”的报告（现有：昆山高新区）" in capsys.readouterr().err


def test_facts_doubtful_lists_only_the_figures_a_check_doubts_with_the_reason(served, capsys, monkeypatch):
    from bot.answering import doubts

    monkeypatch.setattr(doubts, "doubt", lambda f, *when: "测试用的理由" if f.value == "762亿元" else None)
    assert one(facts(capsys), "762亿元")["存疑"] == "测试用的理由"
    [row] = facts(capsys, "--doubtful")
    assert (row["数值"], row["年份"], row["存疑"]) == ("762亿元", "2018年", "测试用的理由")
    assert main(["facts", "--doubtful", "--json"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert json.loads(line)["doubt"] == "测试用的理由"
    with pytest.raises(SystemExit):
        main(["facts", "--kind", "今年"])
    assert "类型只能是 实际、目标、预计、多年" in capsys.readouterr().err


def test_facts_json_prints_one_object_per_line(served, capsys):
    assert main(["facts", "--json", "--year", "2019"]) == 0
    objects = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert objects and all(o["year"] == 2019 for o in objects)
    target = next(o for o in objects if o["value"] == "810亿元")
    assert (target["place"], target["type"], target["kind"], target["source"]) == \
        ("昆山高新区", "target", "target", "year")
    assert "810亿元" in target["sentence"] and target["doc_id"] == SEED_DOC and target["span"] is None


def test_facts_reads_the_index_without_loading_the_model(served):
    probe = ("import json, sys\nfrom bot.cli import main\nrc = main(['facts', '--json'])\n"
             "print(json.dumps({'rc': rc, 'model': [m for m in ('sentence_transformers', 'transformers') "
             "if m in sys.modules]}), file=sys.stderr)")
    run = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=os.environ.copy(),
                         capture_output=True, text=True, timeout=120)
    assert json.loads(run.stderr.strip().splitlines()[-1]) == {"rc": 0, "model": []}
    assert any(json.loads(line)["value"] == "762亿元" for line in run.stdout.splitlines())


def test_corpus_add_shows_what_was_understood_of_the_report(served, capsys):
    assert main(["corpus", "add", str(JIANGSU_2026)]) == 0
    out = capsys.readouterr().out
    understood = out.split("识别结果：\n")[1]
    assert "地点：江苏省　报告日期：2026-02-03" in understood
    years = re.search(r"涉及年份：(.+)", understood)[1]
    assert re.search(r"(^|；)2025年 实际 \d+", years) and re.search(r"(^|；)2026年 目标 \d+", years)
    assert re.search(r"2021—2025年 多年 \d+", years)  # the 十四五 review: one span, not one year
    total, counts = re.search(r"识别出 (\d+) 个数字：(.+)", understood).groups()
    counted = dict(re.findall(r"(实际|目标|预计|多年|未定) (\d+)", counts))
    assert list(counted)[:4] == ["实际", "目标", "预计", "多年"]
    assert sum(map(int, counted.values())) == int(total)
    assert all(int(counted[k]) > 0 for k in ("实际", "目标", "多年"))
    examples = re.findall(r"• (\S+) (实际|目标|预计|多年) (\S+)（依据：\S+）“(.+)”", understood)
    assert len(examples) == 3
    assert {kind for _, kind, _, _ in examples} >= {"实际", "目标"}
    assert all(value.split("（")[0] in sentence.replace("…", "") for _, _, value, sentence in examples)
    assert "zoneqa facts --place 江苏省" in understood


def test_facts_html_writes_the_page_of_the_figures_listed(served, capsys, tmp_path):
    listed = facts(capsys, "--kind", "目标")
    path = tmp_path / "目标.html"
    assert main(["facts", "--kind", "目标", "--html", str(path)]) == 0
    assert capsys.readouterr().out == f"已写入 {path}：{len(listed)} 个数字，用浏览器打开即可筛选和排序\n"
    html = path.read_text(encoding="utf-8")
    rows = re.findall(r'<tr data-place="([^"]*)" data-kind="([^"]*)"', html)
    assert len(rows) == len(listed) and set(rows) == {("昆山高新区", "目标")}
    assert "<mark>810亿元</mark>" in html


def test_facts_html_marks_the_doubtful_figures(served, capsys, tmp_path, monkeypatch):
    from bot.answering import doubts

    monkeypatch.setattr(doubts, "doubt", lambda f, *when: "测试用的理由" if f.value == "762亿元" else None)
    path = tmp_path / "存疑.html"
    assert main(["facts", "--doubtful", "--html", str(path)]) == 0
    html = path.read_text(encoding="utf-8")
    [row] = re.findall(r'<tr class="doubt"[^>]*>(.*?)</tr>', html)
    assert "<mark>762亿元</mark>" in row and "⚠ 测试用的理由" in row
    assert len(re.findall(r"<tr [^>]*data-place=", html)) == 1
