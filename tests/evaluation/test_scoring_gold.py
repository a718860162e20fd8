import pytest

from bot.evaluation.gold import GoldItem
from bot.evaluation.scoring import (check_thresholds, compare, evaluate, normalise, retrieval_ranks, score_answer,
                                    threshold_sweep)
from bot.evaluation.tables import format_compare, format_table


def item(id="q1", type="number", must_contain=("762亿元", "2018"), must_not_contain=("810",),
         evidence="生产总值762亿元", question=None, extra=None):
    return GoldItem(id, question or f"question {id}", f"ideal {id}", tuple(must_contain), tuple(must_not_contain),
                    evidence if type != "unanswerable" else "", type, extra=extra or {})


def result(answer, abstained=False, **extra):
    return {"question": "", "answer": answer, "abstained": abstained, "value": None, "year": None,
            "kind": None, "sources": [], "latency_ms": 1.0, **extra}


def test_normalise():
    assert normalise("２０１８ 年\t762\u3000亿元\n") == "2018年762亿元"


@pytest.mark.parametrize("answer,correct,confusion,reason", [
    ("2018年地区生产总值762亿元。", True, False, "ok"),
    ("２０１８年 地区生产总值 ７６２ 亿元。", True, False, "ok"),
    ("地区生产总值762亿元。", False, False, "missing '2018'"),
    ("2018年762亿元，2019年目标810亿元。", False, True, "contains '810'"),
    ("2018年" + "很" * 140 + "762亿元", True, False, "ok"),           # exactly 150 characters
    ("2018年" + "很" * 141 + "762亿元", False, False, "too long (151 > 150 chars)"),
    ("810亿元", False, True, "missing '762亿元'; missing '2018'; contains '810'"),
], ids=["ok", "fullwidth-spaced", "no-year", "other-year", "150-chars", "151-chars", "wrong-figure"])
def test_score_answerable(answer, correct, confusion, reason):
    v = score_answer(item(), result(answer))
    assert (v.correct, v.confusion, v.reason) == (correct, confusion, reason)


def test_alternatives_any_one_suffices():
    rank = item(must_contain=("第4|第四",), must_not_contain=("第47",))
    assert score_answer(rank, result("位列第四名")).correct
    assert score_answer(rank, result("位列第4名")).correct
    v = score_answer(rank, result("位列第47位"))
    assert not v.correct and v.confusion and v.reason == "contains '第47'"
    assert score_answer(rank, result("位列第五名")).reason == "missing '第4|第四'"


def test_abstention_scoring():
    assert score_answer(item(), result("", abstained=True)).reason == "abstained"
    assert not score_answer(item(), result("", abstained=True)).correct
    unans = item(type="unanswerable", must_contain=(), must_not_contain=("810",))
    assert score_answer(unans, result("报告没有。", abstained=True)).correct
    v = score_answer(unans, result("2020年目标810亿元"))
    assert (v.correct, v.confusion, v.reason) == (False, True, "answered an unanswerable question")


def test_retrieval_ranks():
    hits = [{"text": "无关"}, {"text": "全年完成地区生产总\n\n值７６２亿元"}, {"text": "生产总值762亿元"}]
    assert retrieval_ranks(item(), hits) == 2
    assert retrieval_ranks(item(), hits[:1]) is None
    assert retrieval_ranks(item(), []) is None
    assert retrieval_ranks(item(type="unanswerable"), hits) is None


# Three answerable items whose evidence is at rank 1, 3 and missing; two unanswerable.
ITEMS = [
    item("a1", evidence="E1"),
    item("a2", type="target", must_contain=("810亿元",), must_not_contain=("762",), evidence="E2"),
    item("a3", type="comparison", must_contain=("48亿",), must_not_contain=(), evidence="E3"),
    item("u1", type="unanswerable", must_contain=(), must_not_contain=()),
    item("u2", type="unanswerable", must_contain=(), must_not_contain=(), question="<b>2020</b>"),
]
HITS = {"question a1": ["E1", "x", "y"], "question a2": ["x", "y", "E2"], "question a3": ["x", "y", "z"]}
ANSWERS = {
    "question a1": result("2018年762亿元", latency_ms=10, confidence=0.9,
                          sources=[{"doc_id": "d", "title": "工作会议", "section": "成绩单", "text": "", "score": 1}]),
    "question a2": result("2019年目标762亿元", latency_ms=20, confidence=0.8),   # wrong year: a confusion
    "question a3": result("", abstained=True, latency_ms=30, confidence=0.1),
    "question u1": result("", abstained=True, latency_ms=40, confidence=0.2),
    "<b>2020</b>": result("2020年是900亿元", latency_ms=50),
}


def run(baselines=None):
    calls = []

    def search(q, k):
        calls.append(k)
        return [{"text": t} for t in HITS[q]]

    report = evaluate(ITEMS, ANSWERS.__getitem__, search, baselines=baselines, k=3, progress=False)
    return report, calls


def test_evaluate_summary_arithmetic():
    report, calls = run()
    s = report["summary"]
    assert calls == [3, 3, 3]                        # searched only answerable questions, with k
    assert (s["answerable"], s["answerable_correct"], s["unanswerable"], s["abstained_correct"]) == (3, 1, 2, 1)
    assert s["accuracy"] == pytest.approx(1 / 3)
    assert s["abstention"] == pytest.approx(1 / 2)
    assert s["abstention_precision"] == pytest.approx(1 / 2)   # abstained on a3 (wrong) and u1 (right)
    assert s["confusions"] == 1
    assert (s["hit_at_1"], s["hit_at_3"], s["hit_at_5"]) == pytest.approx((1 / 3, 2 / 3, 2 / 3))
    assert s["mrr"] == pytest.approx((1 + 1 / 3 + 0) / 3)
    assert s["latency_p50_ms"] == 30 and s["latency_p95_ms"] == pytest.approx(48)
    assert s["answer_len_max"] == 12 and s["answer_len_mean"] == pytest.approx((10 + 12 + 11) / 3)
    assert s["by_type"] == {
        "comparison": {"n": 1, "correct": 0, "accuracy": 0.0},
        "number": {"n": 1, "correct": 1, "accuracy": 1.0},
        "target": {"n": 1, "correct": 0, "accuracy": 0.0},
        "unanswerable": {"n": 2, "correct": 1, "accuracy": 0.5},
    }
    assert "baselines" not in report


def test_evaluate_rows():
    rows = run()[0]["rows"]
    assert [r["id"] for r in rows] == ["a1", "a2", "a3", "u1", "u2"]
    assert [r["rank"] for r in rows] == [1, 3, None, None, None]
    assert [r["correct"] for r in rows] == [True, False, False, True, False]
    assert rows[0]["top_source"] == "工作会议 § 成绩单" and rows[1]["top_source"] == ""
    assert rows[0]["confidence"] == 0.9 and "confidence" not in rows[4]
    assert rows[1] == {"id": "a2", "type": "target", "question": "question a2", "expected": "ideal a2",
                       "got": "2019年目标762亿元", "abstained": False, "correct": False, "confusion": True,
                       "reason": "missing '810亿元'; contains '762'", "rank": 3, "latency_ms": 20.0,
                       "top_source": "", "extra": {}, "confidence": 0.8}


def test_evaluate_measures_latency_when_result_lacks_it():
    no_latency = {**ANSWERS["question a1"], "latency_ms": None}
    report = evaluate(ITEMS[:1], lambda q: no_latency, lambda q, k: [], progress=False)
    assert 0 <= report["rows"][0]["latency_ms"] < 1000


def test_baselines_are_scored_with_the_same_rules():
    always_abstain = lambda q: result("", abstained=True)
    report, _ = run({"abstain": always_abstain})
    b = report["baselines"]["abstain"]
    assert (b["accuracy"], b["abstention"], b["abstention_precision"]) == (0.0, 1.0, pytest.approx(2 / 5))
    assert b["by_type"]["unanswerable"] == {"n": 2, "correct": 2, "accuracy": 1.0}
    assert b["answer_len_max"] is None


def test_empty_denominators_are_none():
    report = evaluate(ITEMS[3:4], ANSWERS.__getitem__, lambda q, k: [], progress=False)
    s = report["summary"]
    assert s["accuracy"] is None and s["hit_at_1"] is None and s["mrr"] is None
    assert s["abstention"] == 1.0


def test_check_thresholds():
    s = {"accuracy": 0.8, "abstention": 0.5}
    assert check_thresholds(s, None, None) == []
    assert check_thresholds(s, 0.8, 0.5) == []
    assert check_thresholds(s, 0.81, 0.6) == ["可作答题的正确率（accuracy）0.800 < 0.810",
                                               "不可作答题的拒答率（abstention）0.500 < 0.600"]
    assert check_thresholds(s, None, 0.6) == ["不可作答题的拒答率（abstention）0.500 < 0.600"]
    assert check_thresholds({"accuracy": None, "abstention": 1.0}, 0.5, None) == [
        "可作答题的正确率（accuracy）无法计算：没有这类题目，却要求至少 0.500"]


def test_compare():
    old, _ = run()
    new = {"summary": {**old["summary"], "accuracy": 2 / 3, "confusions": 0},
           "rows": [{**r, "correct": r["id"] in ("a1", "a2", "u2")} for r in old["rows"]]}
    cmp = compare(old, new)
    assert cmp["newly_failing"] == [{"id": "u1", "question": "question u1"}]
    assert cmp["newly_passing"] == [{"id": "a2", "question": "question a2"}, {"id": "u2", "question": "<b>2020</b>"}]
    assert cmp["delta"]["accuracy"] == pytest.approx(1 / 3) and cmp["delta"]["confusions"] == -1
    text = format_compare(cmp)
    assert "可作答题的正确率      accuracy: +0.333" in text and "年份或类型混淆        confusions: -1" in text
    assert "新答错（1）：\n  u1  question u1" in text
    assert "新答对（2）：" in text


def test_format_table():
    report, _ = run({"abstain": lambda q: result("", abstained=True)})
    text = format_table(report)
    assert "  可作答题的正确率      accuracy              0.333" in text
    assert "  检索 MRR              mrr                   0.444" in text
    header = next(line for line in text.splitlines() if line.strip().startswith("类型"))
    assert header.split() == ["类型", "system", "abstain"]
    assert "unanswerable          1/2 0.50        2/2 1.00" in text
    assert "全部可作答题             0.333           0.000" in text
    assert "答错的题（3）" in text
    assert "a2 [target] question a2" in text and "原因：missing '810亿元'; contains '762'（检索排名 3" in text
    assert " a1 [" not in text


def test_threshold_sweep_turns_low_confidence_answers_into_abstentions():
    rows = [
        {"type": "number", "abstained": False, "correct": True, "confidence": 0.95},
        {"type": "number", "abstained": False, "correct": True, "confidence": 0.6},
        {"type": "number", "abstained": False, "correct": False, "confidence": 0.9},
        {"type": "unanswerable", "abstained": True, "correct": True, "confidence": 0.0},
        {"type": "unanswerable", "abstained": False, "correct": False, "confidence": 0.55},
    ]
    sweep = {t["threshold"]: t for t in threshold_sweep(rows, (0.5, 0.7, 1.0))}
    assert sweep[0.5]["accuracy"] == pytest.approx(2 / 3) and sweep[0.5]["abstention"] == 0.5
    assert sweep[0.7]["accuracy"] == pytest.approx(1 / 3) and sweep[0.7]["abstention"] == 1.0
    assert sweep[1.0]["accuracy"] == 0 and sweep[1.0]["answered"] == 0


# Labels as staff write them: only `unanswerable` is scored by abstention.
FREE = [
    item("t1", type="target_2019", must_contain=("810亿元",), must_not_contain=("762",), evidence="E1",
         extra={"note": "表3"}),
    item("t2", type="目标", must_contain=("810亿元",), must_not_contain=("762",), evidence="E1"),
    item("u1", type="unanswerable", must_contain=(), must_not_contain=()),
    item("z1", type="zeta", must_contain=("48亿",), must_not_contain=(), evidence="E1", extra={"pages": [3, 4]}),
]
FREE_ANSWERS = {"question t1": result("2019年目标810亿元"), "question t2": result("", abstained=True),
                "question u1": result("", abstained=True), "question z1": result("多了40亿")}


def test_free_type_labels_get_their_own_rows_and_only_unanswerable_is_scored_by_abstention():
    report = evaluate(FREE, FREE_ANSWERS.__getitem__, lambda q, k: [{"text": "E1"}], progress=False)
    s = report["summary"]
    assert list(s["by_type"]) == ["target_2019", "zeta", "目标", "unanswerable"]
    assert s["by_type"]["target_2019"] == {"n": 1, "correct": 1, "accuracy": 1.0}
    assert s["by_type"]["目标"] == {"n": 1, "correct": 0, "accuracy": 0.0}    # abstaining is wrong here
    assert s["by_type"]["unanswerable"] == {"n": 1, "correct": 1, "accuracy": 1.0}
    assert (s["answerable"], s["answerable_correct"], s["unanswerable"]) == (3, 1, 1)
    assert [r["rank"] for r in report["rows"]] == [1, 1, None, 1]
    assert [r["extra"] for r in report["rows"]] == [{"note": "表3"}, {}, {}, {"pages": [3, 4]}]


def test_format_table_lists_free_labels_aligned_and_extra_keys_of_failures():
    text = format_table(evaluate(FREE, FREE_ANSWERS.__getitem__, lambda q, k: [], progress=False))
    block = text[text.index("各类题目的正确率"):text.index("拒答阈值的取舍")].strip().splitlines()
    assert [line.split()[0] for line in block[2:]] == ["target_2019", "zeta", "目标", "unanswerable", "全部可作答题"]
    # Aligned in a terminal, where each Chinese character takes two columns.
    assert block[3:6] == ["  zeta                  0/1 0.00",
                          "  目标                  0/1 0.00",
                          "  unanswerable          1/1 1.00"]
    assert "      其他：pages: [3, 4]" in text
    assert "note: 表3" not in text                                  # t1 passed: not listed
