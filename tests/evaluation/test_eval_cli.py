"""`zoneqa eval` as the CI gate for the gold set: one run of the full gold set on the seed
data, plus cheap runs (a 5-line gold file, a malformed one) for the exit codes."""
from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from bot import cli

from chinese import english
from conftest import GOLD

SUMMARY_KEYS = {"answerable", "answerable_correct", "unanswerable", "abstained_correct", "accuracy",
                "abstention", "confusions", "hit_at_1", "hit_at_3", "hit_at_5", "mrr",
                "latency_p50_ms", "latency_p95_ms"}
SMALL_IDS = ["q001", "q038", "q062", "q070", "q084"]  # figure, target, comparison, list, refusal


@contextlib.contextmanager
def seed_cli(seed_settings, searcher):
    """Env pointing at the seed data; the CLI's settings, with the session's loaded index and
    model instead of loading the model again for each run."""
    from bot.answering.answerer import Answerer

    def answerer(settings):
        assert settings.index.data_dir == seed_settings.index.data_dir
        return Answerer(searcher, settings.answering)

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ZONEQA_DATA_DIR", str(seed_settings.index.data_dir))
        mp.setenv("ZONEQA_CORPUS_DIR", str(seed_settings.index.corpus_dir))
        for name in ("ZONEQA_REPORTING_YEAR", "ZONEQA_DEFAULT_PLACE", "ZONEQA_ABSTAIN_THRESHOLD"):
            mp.delenv(name, raising=False)
        mp.setattr(cli, "_answerer", answerer)
        yield


def run(argv: list[str], seed_settings, searcher) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with seed_cli(seed_settings, searcher), contextlib.redirect_stdout(out), \
            contextlib.redirect_stderr(err):
        code = cli.main(argv)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def full_run(tmp_path_factory, seed_settings, searcher):
    """The one evaluation of the whole gold set, with the thresholds CI uses."""
    report_dir = tmp_path_factory.mktemp("eval-report")
    code, out, err = run(["eval", str(GOLD), "--min-accuracy", "0.95", "--min-abstain", "0.9",
                          "--report", str(report_dir), "--baselines"], seed_settings, searcher)
    return code, out, err, report_dir


@pytest.fixture
def small_gold(tmp_path) -> Path:
    lines = [line for line in GOLD.read_text(encoding="utf-8").splitlines()
             if json.loads(line)["id"] in SMALL_IDS]
    assert len(lines) == 5
    path = tmp_path / "small.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_gold_set_passes_the_ci_gate(full_run):
    code, out, err, _ = full_run
    assert code == 0, err
    labels = {json.loads(line)["type"] for line in GOLD.read_text(encoding="utf-8").splitlines()}
    assert [line for line in english(out + err) if line.split()[0] not in labels] == []  # the gold's own words aside
    assert "低于阈值" not in err
    assert "总体" in out and "各类题目的正确率" in out


def test_report_json_has_the_summary(full_run):
    report_dir = full_run[3]
    report = json.loads((report_dir / "report.json").read_text(encoding="utf-8"))
    summary = report["summary"]
    assert SUMMARY_KEYS <= set(summary)
    gold_lines = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert summary["answerable"] + summary["unanswerable"] == len(gold_lines) == len(report["rows"])
    assert summary["confusions"] == 0
    assert summary["accuracy"] >= 0.95 and summary["abstention"] >= 0.9
    assert summary["answerable_correct"] / summary["answerable"] == summary["accuracy"]
    assert 0 <= summary["hit_at_1"] <= summary["hit_at_3"] <= summary["hit_at_5"] <= 1
    assert 0 < summary["mrr"] <= 1
    assert 0 < summary["latency_p50_ms"] <= summary["latency_p95_ms"]
    assert set(report["baselines"]) == {"只取 BM25 第一段", "只取向量检索第一段"}


def test_report_html_is_written(full_run):
    html = full_run[3] / "report.html"
    assert html.exists() and "<html" in html.read_text(encoding="utf-8").lower()


def test_accuracy_below_the_minimum_exits_1(small_gold, seed_settings, searcher):
    code, _, err = run(["eval", str(small_gold), "--min-accuracy", "1.01"], seed_settings, searcher)
    assert code == 1
    assert "低于阈值：可作答题的正确率（accuracy）" in err


def test_compare_lists_a_question_whose_verdict_flipped(full_run, small_gold, tmp_path,
                                                         seed_settings, searcher):
    old = json.loads((full_run[3] / "report.json").read_text(encoding="utf-8"))
    row = next(r for r in old["rows"] if r["id"] == "q038")
    assert row["correct"]
    row["correct"] = False  # as if q038 failed last time
    old_path = tmp_path / "old.json"
    old_path.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(["eval", str(small_gold), "--compare", str(old_path)], seed_settings, searcher)
    assert code == 0
    passing = out[out.index("新答对"):]
    assert "新答对（1）：" in passing and "q038" in passing
    failing = out[out.index("新答错"):out.index("新答对")]
    assert "新答错（0）：" in failing and "q0" not in failing


def test_gold_file_as_staff_write_it_is_scored(tmp_path, seed_settings, searcher):
    lines = {g["id"]: g for g in map(json.loads, GOLD.read_text(encoding="utf-8").splitlines())}
    target = lines["q038"] | {"type": "target_2019", "note": "2019年目标，来自表3"}
    path = tmp_path / "staff.jsonl"
    path.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in (target, lines["q084"])),
                    encoding="utf-8")
    code, out, err = run(["eval", str(path), "--report", str(tmp_path / "out")], seed_settings, searcher)
    assert code == 0, err
    assert "  target_2019           1/1 1.00" in out and "  unanswerable          1/1 1.00" in out
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert list(report["summary"]["by_type"]) == ["target_2019", "unanswerable"]
    rows = {r["id"]: r for r in report["rows"]}
    assert rows["q038"]["extra"] == {"note": "2019年目标，来自表3"}
    assert "810亿元" in rows["q038"]["got"] and rows["q038"]["correct"]
    assert rows["q084"]["abstained"] and rows["q084"]["correct"] and rows["q084"]["extra"] == {}
    assert (report["summary"]["answerable"], report["summary"]["unanswerable"]) == (1, 1)


def test_malformed_gold_exits_2_with_line_numbers(tmp_path, seed_settings, searcher):
    good = GOLD.read_text(encoding="utf-8").splitlines()[0]
    bad = dict(json.loads(good), id="x2", must_contain="762亿元")
    no_answer = {k: v for k, v in json.loads(good).items() if k != "answer"} | {"id": "x4"}
    wrong_evidence = dict(json.loads(good), id="x5", evidence="地区生产总值999亿元")
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join([good, json.dumps(bad, ensure_ascii=False), "{not json",
                               json.dumps(no_answer, ensure_ascii=False),
                               json.dumps(wrong_evidence, ensure_ascii=False), good]) + "\n",
                    encoding="utf-8")
    code, out, err = run(["eval", str(path)], seed_settings, searcher)
    assert code == 2
    for n, what in [(2, "字段 'must_contain' 应为字符串列表"), (3, "JSON 格式错误"), (4, "缺少字段 'answer'"),
                    (5, "语料中找不到 evidence"), (6, "id 'q001' 重复")]:
        assert any(line.startswith(f"第{n}行：") and what in line for line in err.splitlines()), (n, err)
    assert "共 5 处问题" in err and not any(line.startswith("第1行") for line in err.splitlines())
    assert "总体" not in out  # nothing was evaluated


def test_missing_gold_file_exits_2(tmp_path, seed_settings, searcher):
    code, _, err = run(["eval", str(tmp_path / "nope.jsonl")], seed_settings, searcher)
    assert code == 2 and "nope.jsonl" in err
