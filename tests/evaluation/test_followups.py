"""Follow-ups in gold sets: `after` lists the questions asked before, in the same chat, and the
evaluator asks the follow-up as the last turn of that conversation. A fake `ask`, no model."""
import json
from pathlib import Path

import pytest

from bot.evaluation.gold import GoldError, GoldItem, load_gold
from bot.evaluation.report import write_report
from bot.evaluation.scoring import evaluate
from bot.evaluation.tables import format_table

CORPUS = ["全年完成地区生产总值762亿元,增长7.1%", "2024年地区生产总值达13.7万亿元、增长5.8%"]
FIRST = {"id": "f1", "question": "江苏去年GDP增长了多少", "answer": "2025年增长5.3%。", "must_contain": ["5.3%"],
         "must_not_contain": ["5.8%"], "evidence": "", "type": "number"}
FOLLOW = {"id": "f2", "question": "那前年呢", "answer": "江苏省2024年增长5.8%。", "must_contain": ["5.8%", "2024"],
          "must_not_contain": ["5.3%"], "evidence": "增长5.8%", "type": "followup",
          "after": ["江苏去年GDP增长了多少"], "note": "前年 = 2024"}
ALONE = {"id": "g1", "question": "去年高新区GDP多少", "answer": "2018年762亿元。", "must_contain": ["762亿元"],
         "must_not_contain": ["810"], "evidence": "生产总值762亿元", "type": "number"}
NEVER = {"id": "u1", "question": "那2017年呢", "answer": "资料中没有。", "must_contain": [], "must_not_contain": [],
         "evidence": "", "type": "unanswerable", "after": ["去年高新区GDP多少"]}


def write(tmp_path: Path, lines: list) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    return path


def problems(tmp_path: Path, lines: list) -> list[str]:
    with pytest.raises(GoldError) as e:
        load_gold(write(tmp_path, lines), CORPUS)
    return e.value.problems


def test_after_is_read_into_the_item_and_other_keys_stay_extra(tmp_path):
    items = load_gold(write(tmp_path, [ALONE, FOLLOW, NEVER, {**ALONE, "id": "g2", "after": None},
                                       {**ALONE, "id": "g3", "after": []}]), CORPUS)
    assert [i.after for i in items] == [(), ("江苏去年GDP增长了多少",), ("去年高新区GDP多少",), (), ()]
    assert items[1].extra == {"note": "前年 = 2024"}                 # `after` is a field, not an extra
    assert items[1] == GoldItem("f2", "那前年呢", "江苏省2024年增长5.8%。", ("5.8%", "2024"), ("5.3%",), "增长5.8%",
                                "followup", None, ("江苏去年GDP增长了多少",), extra={"note": "前年 = 2024"})
    assert not items[2].answerable and items[2].after


def test_after_must_be_a_list_of_questions(tmp_path):
    lines = [
        {**FOLLOW, "id": "a1", "after": "江苏去年GDP增长了多少"},       # 1: a string, not a list
        {**FOLLOW, "id": "a2", "after": ["江苏去年GDP增长了多少", 3]},  # 2
        {**FOLLOW, "id": "a3", "after": ["江苏去年GDP增长了多少", " "]},  # 3: a blank question
        {**FOLLOW, "id": "a4", "after": [""], "evidence": ""},        # 4: as a type problem, reported alone
        {**FOLLOW, "id": "a5"},                                       # 5 fine
    ]
    assert problems(tmp_path, lines) == [
        "第1行：字段 'after' 应为字符串列表",
        "第2行：字段 'after' 应为字符串列表",
        "第3行：字段 'after' 中的问题不能为空",
        "第4行：字段 'after' 中的问题不能为空",
    ]


class Chat:
    """A fake answerer that remembers nothing between calls: the evaluator hands it the conversation."""

    FIGURES = {("江苏", "去年"): "江苏省2025年地区生产总值增长5.3%。", ("江苏", "前年"): "江苏省2024年增长5.8%。",
               ("高新区", "去年"): "2018年地区生产总值762亿元。"}

    def __init__(self):
        self.calls: list[tuple[str, list[str] | None]] = []

    def ask(self, question: str, after: list[str] | None = None) -> dict:
        self.calls.append((question, after))
        context = " ".join([*(after or []), question])
        place = "江苏" if "江苏" in context else "高新区"
        # The question's own year first, else the one it continues.
        when = next((w for w in ("2017", "前年", "去年") if w in question), "去年" if "去年" in context else None)
        answer = self.FIGURES.get((place, when))
        return {"answer": answer or "资料中没有。", "abstained": answer is None, "latency_ms": 1.0}


def items_of(tmp_path, lines) -> list[GoldItem]:
    return load_gold(write(tmp_path, lines), CORPUS)


def test_follow_ups_are_asked_with_their_conversation_and_others_alone(tmp_path):
    chat, searched = Chat(), []
    items = items_of(tmp_path, [ALONE, FOLLOW, NEVER])
    report = evaluate(items, chat.ask, lambda q, k: searched.append(q) or [{"text": "增长5.8%"}], progress=False)
    assert chat.calls == [("去年高新区GDP多少", None), ("那前年呢", ["江苏去年GDP增长了多少"]),
                          ("那2017年呢", ["去年高新区GDP多少"])]
    assert [r["correct"] for r in report["rows"]] == [True, True, True]
    assert report["summary"]["accuracy"] == 1.0 and report["summary"]["abstention"] == 1.0
    assert [r.get("after") for r in report["rows"]] == [None, ["江苏去年GDP增长了多少"], ["去年高新区GDP多少"]]
    # Retrieval sees what the conversation says; the follow-up alone names no place or metric.
    assert searched == ["去年高新区GDP多少", "江苏去年GDP增长了多少 那前年呢"]
    assert report["rows"][1]["rank"] == 1


def test_without_its_conversation_a_follow_up_is_wrong(tmp_path):
    forgetful = lambda question, after=None: Chat().ask(question)  # drops the conversation
    report = evaluate(items_of(tmp_path, [FOLLOW]), forgetful, lambda q, k: [], progress=False)
    [row] = report["rows"]
    assert not row["correct"] and row["reason"] == "abstained"


def test_an_ask_that_takes_only_the_question_serves_gold_files_without_follow_ups(tmp_path):
    asked = []
    report = evaluate(items_of(tmp_path, [ALONE]), lambda q: asked.append(q) or Chat().ask(q),
                      lambda q, k: [], progress=False)
    assert asked == ["去年高新区GDP多少"] and report["rows"][0]["correct"]
    with pytest.raises(TypeError, match="after"):
        evaluate(items_of(tmp_path, [ALONE, FOLLOW]), lambda q: Chat().ask(q), lambda q, k: [], progress=False)


def test_baselines_get_the_question_alone(tmp_path):
    passages = []
    baseline = lambda q: passages.append(q) or {"answer": "", "abstained": True}
    report = evaluate(items_of(tmp_path, [ALONE, FOLLOW]), Chat().ask, lambda q, k: [],
                      baselines={"top passage": baseline}, progress=False)
    assert passages == ["去年高新区GDP多少", "那前年呢"]
    assert report["baselines"]["top passage"]["by_type"]["followup"] == {"n": 1, "correct": 0, "accuracy": 0.0}


def test_failed_follow_ups_show_their_conversation(tmp_path):
    wrong = lambda question, after=None: {"answer": "2025年增长5.3%。", "abstained": False}
    items = items_of(tmp_path, [{**FOLLOW, "note": None}, {**ALONE, "id": "g9", "after": ["江苏呢", "浙江呢"]}])
    report = evaluate(items, wrong, lambda q, k: [], progress=False)
    text = format_table(report)
    assert "  f2 [followup] 那前年呢\n      此前：江苏去年GDP增长了多少\n      应答：" in text
    assert "      此前：江苏呢 → 浙江呢" in text
    _, html = write_report(report, tmp_path / "out")
    page = html.read_text(encoding="utf-8")
    assert "<th>after</th>" in page and "江苏呢 → 浙江呢" in page
