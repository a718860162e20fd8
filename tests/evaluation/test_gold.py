import json
from collections import Counter
from pathlib import Path

import pytest

from bot.evaluation.gold import GoldError, GoldItem, load_gold, normalise
from bot.evaluation.scoring import score_answer

from conftest import ROOT
CORPUS = ROOT / "corpus" / "2019-kunshan-hitech-zone-work-conference.md"
DEV = ROOT / "tests" / "gold" / "dev.jsonl"

GOOD = {"id": "q1", "question": "去年GDP多少？", "answer": "2018年762亿元。", "must_contain": ["762亿元", "2018"],
        "must_not_contain": ["810"], "evidence": "生产总值762亿元", "type": "number"}
ABSTAIN = {"id": "q2", "question": "2020年GDP？", "answer": "报告没有。", "must_contain": [],
           "must_not_contain": [], "evidence": "", "type": "unanswerable", "doc": None}


def write(tmp_path: Path, lines: list) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines) + "\n",
                    encoding="utf-8")
    return path


def problems(tmp_path: Path, lines: list, corpus: list[str] | None = None) -> list[str]:
    with pytest.raises(GoldError) as e:
        load_gold(write(tmp_path, lines), corpus)
    return e.value.problems


def test_loads_valid_items(tmp_path):
    items = load_gold(write(tmp_path, [GOOD, "", {**ABSTAIN, "doc": "report"}]), ["全年地区生产总值762亿元"])
    assert [i.id for i in items] == ["q1", "q2"]
    assert items[0] == GoldItem("q1", "去年GDP多少？", "2018年762亿元。", ("762亿元", "2018"), ("810",),
                                "生产总值762亿元", "number", None)
    assert items[0].answerable and not items[1].answerable
    assert items[1].doc == "report"
    with pytest.raises(AttributeError):
        items[0].id = "x"


def test_normalise_removes_whitespace_and_applies_nfkc():
    assert normalise(" ７６２ 亿元\n\n增长７.１％\u3000") == "762亿元增长7.1%"


def test_evidence_matches_across_broken_lines_and_width(tmp_path):
    corpus = ["地区生产总\n\n\n\n值７６２亿元"]
    assert len(load_gold(write(tmp_path, [GOOD]), corpus)) == 1


def test_lines_as_staff_write_them_load_with_their_own_keys_and_labels(tmp_path):
    staff = {**GOOD, "type": "target_2019", "note": "表3，2019年目标", "source": {"page": 4}}
    items = load_gold(write(tmp_path, [staff, {**ABSTAIN, "reviewed": True}]), ["全年地区生产总值762亿元"])
    assert [(i.type, i.extra) for i in items] == [
        ("target_2019", {"note": "表3，2019年目标", "source": {"page": 4}}), ("unanswerable", {"reviewed": True})]
    assert items[0].answerable and not items[1].answerable
    assert items[0].must_contain == ("762亿元", "2018") and items[1].doc is None


def test_every_problem_is_reported_with_its_line(tmp_path):
    no_type = {k: v for k, v in GOOD.items() if k != "type"}
    lines = [
        GOOD,                                                     # 1 fine
        "{not json",                                              # 2
        "[1, 2]",                                                 # 3
        {**no_type, "id": "q3"},                                  # 4
        {**GOOD, "id": "q4", "must_contain": "762亿元"},            # 5
        {**GOOD, "id": "q5", "must_not_contain": [810]},          # 6
        {**GOOD, "id": "q6", "type": "guess", "evidnce": "x"},    # 7 fine: a free label, an extra key
        GOOD,                                                     # 8 duplicate of line 1
        {**GOOD, "id": "q7", "evidence": "生产总值999亿元"},          # 9
        {**GOOD, "id": "q8", "doc": 3},                           # 10
        {**GOOD, "id": "q9", "type": ["number"]},                 # 11
        {**GOOD, "id": "q10", "evidence": ""},                    # 12
        {**ABSTAIN, "id": "q11", "evidence": "生产总值762亿元"},      # 13
        {**GOOD, "id": 12},                                       # 14
    ]
    found = problems(tmp_path, lines, ["全年地区生产总值762亿元"])
    assert found == [
        "第2行：JSON 格式错误：Expecting property name enclosed in double quotes（第2列）",
        "第3行：不是 JSON 对象",
        "第4行：缺少字段 'type'",
        "第5行：字段 'must_contain' 应为字符串列表",
        "第6行：字段 'must_not_contain' 应为字符串列表",
        "第8行：id 'q1' 重复（首次出现在第1行）",
        "第9行：语料中找不到 evidence：'生产总值999亿元'",
        "第10行：字段 'doc' 应为字符串",
        "第11行：字段 'type' 应为字符串",
        "第12行：可作答的题目需要填写 evidence 和 must_contain",
        "第13行：unanswerable 题目的 evidence 必须为空",
        "第14行：字段 'id' 应为字符串",
    ]


def test_error_message_lists_all_problems(tmp_path):
    path = write(tmp_path, ["oops", "[]"])
    with pytest.raises(GoldError) as e:
        load_gold(path)
    assert str(e.value).splitlines() == [f"{path}：共 2 处问题", "第1行：JSON 格式错误：Expecting value（第1列）",
                                         "第2行：不是 JSON 对象"]


def test_evidence_is_not_checked_without_corpus(tmp_path):
    assert len(load_gold(write(tmp_path, [{**GOOD, "evidence": "不在语料里"}]))) == 1


# --- the dev gold set itself ---------------------------------------------------------------

# (2018 result, 2019 target) of the same metric, or of metrics a reader would confuse.
YEAR_PAIRS = [("762", "810"), ("90亿", "100亿"), ("1280", "1360"), ("7.1%", "7%"), ("11.4%", "11%"),
              ("6.7%", "6.3%"), ("62件", "65件"), ("300家", "90家"), ("10名", "4名"), ("1690亩", "1600亩"),
              ("662亩", "600亩"), ("3.5%", "8.6%")]


@pytest.fixture(scope="module")
def body() -> str:
    return CORPUS.read_text(encoding="utf-8").split("---", 2)[2]


@pytest.fixture(scope="module")
def dev(body) -> list[GoldItem]:
    return load_gold(DEV, [body])


def test_dev_set_size_and_mix(dev):
    counts = Counter(i.type for i in dev)
    assert len(dev) >= 75
    assert counts["unanswerable"] >= 12
    assert counts["number"] >= 28 and counts["target"] >= 18 and counts["comparison"] >= 6
    assert counts["list"] + counts["fact"] >= 6
    assert len({normalise(i.question) for i in dev}) == len(dev)


def test_dev_evidence_is_verbatim_and_on_one_line(dev, body):
    for item in dev:
        if item.evidence:
            assert item.evidence in body and "\n" not in item.evidence, item.id


def test_dev_results_and_targets_exclude_the_other_years_figure(dev):
    checked = 0
    for item in dev:
        pairs = YEAR_PAIRS if item.type == "number" else [(b, a) for a, b in YEAR_PAIRS] if item.type == "target" else []
        alts = [alt for s in item.must_contain for alt in s.split("|")]
        for mine, other in pairs:
            if any(alt.startswith(mine) for alt in alts):
                assert other in item.must_not_contain, (item.id, other)
                checked += 1
    assert checked >= 20


def test_dev_states_the_year(dev):
    for item in dev:
        if item.type in ("number", "target"):
            assert ("2018" if item.type == "number" else "2019") in item.must_contain, item.id


def test_dev_ideal_answers_pass_their_own_checks(dev):
    for item in dev:
        verdict = score_answer(item, {"answer": item.answer, "abstained": not item.answerable})
        assert verdict.correct and not verdict.confusion, (item.id, verdict.reason)
