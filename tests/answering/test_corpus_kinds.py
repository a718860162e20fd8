"""A kind only when asked, checked over every development report without hand-written answers.

For each figure the facts table finds for a year and a metric, "X年<metric>多少" (no kind asked;
"增长多少" for a rate) and "X年<metric>完成多少" (完成 may be the verb of a result, or of a plan)
are asked of that report alone, all its passages retrieved, 今年 the year the answerer takes it to
mean (`Frame.now`). The answer may be another figure of the year, but never a refusal whose
"资料中只有…" quotes the very figure of that year and metric. A figure said against another one
("社会消费品零售总额增速高于全市0.1个百分点", figure_words "relative") is not the metric's own, so it is not
asked; nor is a share said before the metric's name ("创造了全市21.7%的地区生产总值"). No index, no model. Then the same rule, and reaching a target, on
hand-made evidence.
"""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from bot.answering.answerer import ROUTES
from bot.answering.asked import Asked
from bot.answering.catalogue import figures
from bot.answering.compose import Composer
from bot.answering.evidence import Evidence, coverage, gather
from bot.answering.reading.question import parse
from bot.answering.vocabulary import figure_words
from conftest import DEVELOPMENT_TEXTS, chunked
from handmade import DOC, evidence, hit
from index.search.searcher import Hit
from index.text.normalise import fold
from index.text.timelabel import TimeLabel
from index.text.vocabulary import load_vocab

# the figure asked as it is given: a level, or a rate of growth
TEMPLATES = {False: ("{year}年{metric}多少", "{year}年{metric}完成多少"),
             True: ("{year}年{metric}增长多少", "{year}年{metric}完成增长多少")}


def _metric(subject: str) -> str | None:
    """The canonical metric a figure's subject names by its full name, else None."""
    folded = fold(subject)
    named = [c for c in load_vocab().synonyms if len(c) >= 4 and fold(c) in folded]
    return max(named, key=len) if named else None


def _asked(path) -> list[tuple[str, str, str]]:
    """(question, the figure, the report) for each year and metric a report states."""
    doc, chunks = chunked(path)
    info = doc.info()
    hits = [Hit(i + 1, i, c, info, 1.0 / (i + 1), i + 1, i + 1) for i, c in enumerate(chunks)]
    compose = Composer(SimpleNamespace(place_of={doc.doc_id: doc.place}), 0.5)
    now = doc.frame.now  # the year 今年 means, as the answerer reads it
    wrong, seen = [], set()
    relative = figure_words().get("relative", ())
    for f in figures(chunks, {doc.doc_id: info}):
        metric = _metric(f.subject)
        if (f.span or not f.year or not f.kind or not metric or (f.year, metric, f.value) in seen
                or any(w in f.subject for w in relative) or "%" in f.value and f"{f.value}的" in f.sentence):
            continue
        seen.add((f.year, metric, f.value))
        for template in TEMPLATES["%" in fold(f.value)]:  # a rate written "3％" too
            text = template.format(year=f.year, metric=metric)
            q = parse(text, now)
            answer = compose.figure(text, q, gather(q, hits))
            if answer.abstained and f.value in answer.answer.partition("资料中只有")[2]:
                wrong.append(f"{doc.doc_id}: {text} → {answer.answer}")
    return wrong


@pytest.mark.parametrize("path", DEVELOPMENT_TEXTS, ids=lambda p: p.stem)
def test_no_refusal_quotes_the_figure_of_the_year_and_metric_asked(path):
    wrong = _asked(path)
    assert not wrong, "\n".join(wrong)


# -- the same rule on hand-made evidence ----------------------------------------------------

def _answer(text: str, now: int, *labelled: tuple[str, int, str]):
    q = parse(text, now)
    evidence = [Evidence(hit(s, i + 1), s, TimeLabel(year, kind), *coverage(q, s))
                for i, (s, year, kind) in enumerate(labelled)]
    return Composer(SimpleNamespace(place_of={}), 0.5).figure(text, q, evidence)


ESTIMATED = ("全年预计完成固定资产投资120亿元,增长8%", 2025, "estimate")
PLANNED = ("固定资产投资增长6%左右", 2025, "target")


def test_a_plan_year_without_its_target_is_answered_with_what_the_reports_hold_for_it():
    """A report planning 2025 and (from a year-end report) 2025's estimate: "2025年投资完成多少"
    asks no kind, so the estimate answers, labelled as one."""
    a = _answer("2025年固定资产投资完成多少", 2025, ESTIMATED)
    assert not a.abstained and a.value == "120亿元" and "2025年预计" in a.answer


def test_a_kind_asked_in_so_many_words_is_not_replaced_by_another():
    a = _answer("2025年固定资产投资目标多少", 2025, ESTIMATED)
    assert a.abstained and a.answer.startswith("资料中没有2025年固定资产投资的目标")


def test_a_year_under_review_is_answered_by_its_result_and_only_offers_its_target():
    a = _answer("2025年固定资产投资增长多少", 2026, PLANNED)
    assert a.abstained and "资料中只有2025年目标" in a.answer
    a = _answer("2025年固定资产投资增长多少", 2026, PLANNED, ESTIMATED)
    assert not a.abstained and a.value == "8%"


def test_reaching_a_target_measures_the_result_against_a_target_it_can_be_measured_against():
    """Two 2025 targets name GDP; the one in the result's terms is the target, never the result itself."""
    q = parse("2025年GDP增长目标达到了吗", 2026)
    said = [evidence(q, "地区生产总值年均增长提高0.4个百分点", 1, 2025, "target"),
            evidence(q, "经济增长5.5%左右", 2, 2025, "target"),
            evidence(q, "全省生产总值增长5.6%", 3, 2025, "result")]
    a = Composer(SimpleNamespace(place_of={}), 0.5).compare(q.text, q, said, [((2025, "target"), []),
                                                                             ((2025, "result"), [])])
    assert a.answer == "完成了。2025年目标：经济增长5.5%左右；2025年实际：全省生产总值增长5.6%。"


def test_reaching_a_target_takes_the_result_in_the_target_s_terms():
    """The result's level ("达3.6万亿元") cannot be measured against a growth target: its growth can."""
    q = parse("2025年GDP目标完成没", 2026)
    said = [evidence(q, "地区生产总值增长5%左右", 1, 2025, "target"),
            evidence(q, "地区生产总值突破3万亿元、达3.6万亿元", 2, 2025, "result"),
            evidence(q, "地区生产总值增长5.2%", 3, 2025, "result")]
    a = Composer(SimpleNamespace(place_of={}), 0.5).compare(q.text, q, said, [((2025, "target"), []),
                                                                             ((2025, "result"), [])])
    assert a.answer.startswith("完成了。") and "5.2%" in a.answer and "3.6万亿元" not in a.answer


def test_a_result_that_says_it_beat_its_plan_answers_whether_the_target_was_reached():
    q = parse("2024年省重大项目投资完成计划了吗", 2025)
    said = [evidence(q, "省重大项目投资7300亿元、超年度计划目标13.9%", 1, 2024, "result")]
    a = Composer(SimpleNamespace(place_of={}), 0.5).compare(q.text, q, said, [((2024, "target"), []),
                                                                             ((2024, "result"), [])])
    assert q.shape.value == "attained" and not a.abstained
    assert a.answer == "完成了。2024年实际完成：省重大项目投资7300亿元、超年度计划目标13.9%。"


def test_a_stated_target_is_shown_even_where_the_result_says_it_was_exceeded():
    q = parse("2025年城镇新增就业完成目标没有", 2026)
    said = [evidence(q, "城镇新增就业110万人以上", 1, 2025, "target"),
            evidence(q, "城镇新增就业149.4万人、超额完成国家下达任务", 2, 2025, "result")]
    a = Composer(SimpleNamespace(place_of={}), 0.5).compare(q.text, q, said, [((2025, "target"), []),
                                                                             ((2025, "result"), [])])
    assert "110万人以上" in a.answer and "149.4万人" in a.answer


# -- an amount asked: the amount answers, not the rate that ranks first ----------------------

GDP_RATE = ("全省生产总值增长5.6%，一般公共预算收入4398.6亿元", 2025, "result")


def test_an_amount_asked_is_answered_by_the_amount_a_period_s_change_reached():
    a = _answer("2025年GDP总量有多少", 2026, GDP_RATE,
                ("全省生产总值从2020年的3.68万亿元增长到2025年的4.93万亿元", 2025, "result"))
    assert not a.abstained and "4.93万亿元" in a.answer and "5.6%" not in a.answer


def test_an_amount_asked_is_answered_by_the_clause_whose_subject_is_its_amount():
    a = _answer("去年外贸进出口总额多少", 2026, ("外贸进出口增长8.4%，总额突破8000亿元、排西部第二", 2025, "result"))
    assert not a.abstained and "8000亿元" in a.answer


def test_another_metric_s_amount_does_not_answer_for_the_metric_asked():
    a = _answer("2025年GDP总量有多少", 2026, GDP_RATE)
    assert a.abstained and "4398.6亿元" not in a.answer and "5.6%" in a.answer  # the rate offered only


def test_a_threshold_in_an_amount_asks_for_the_amount():
    a = _answer("2025年GDP突破5万亿了吗", 2026, GDP_RATE,
                ("全省生产总值从2020年的3.68万亿元增长到2025年的4.93万亿元", 2025, "result"))
    assert "4.93万亿元" in a.answer


# -- a metric named alone asks what the reports hold of it -----------------------------------

def _held(text: str, *sentences: str):
    q = parse(text, 2019, ("昆山高新区",))
    asked = Asked(text, q, place="昆山高新区", now=2019,
                  search=SimpleNamespace(hits=[hit(s, i + 1) for i, s in enumerate(sentences)]))
    reports = SimpleNamespace(dates=lambda place: {DOC["doc_id"]: DOC["date"]})
    return ROUTES[q.shape](asked, reports, Composer(SimpleNamespace(place_of={DOC["doc_id"]: DOC["place"]}), 0.5))


PATENTS = ("2018年，万人发明专利拥有量达62件。", "2019年，万人发明专利拥有量力争达到65件。")


def test_a_metric_named_alone_is_answered_with_the_latest_result_and_the_plan_s_target():
    a = _held("高新区万人发明专利拥有量", *PATENTS)
    assert a.answer.splitlines() == ["昆山高新区2018年实际完成：万人发明专利拥有量达62件。",
                                     "昆山高新区2019年目标：万人发明专利拥有量力争达到65件。"]


@pytest.mark.parametrize("text", ["高新区万人发明专利拥有量是多少", "高新区2018年万人发明专利拥有量"])
def test_a_question_word_or_a_year_asks_one_figure(text):
    assert _held(text, *PATENTS).answer.count("万人发明专利拥有量") == 1
