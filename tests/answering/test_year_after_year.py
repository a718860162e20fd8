"""Two consecutive reports of one place: report X plans year X, report X+1 gives its results.
Targets come from X, results from X+1, "完成目标了吗" puts them side by side, an actual figure wins
over an estimate, and a five-year average is never given as one year's figure."""
from __future__ import annotations

import pytest

from bot.answering.answerer import Answerer
from conftest import answerer_over

HEADER = "---\ntitle: {year}年测试市政府工作报告\ndate: {date}\nplace: 测试市\nsource: 测试\n---\n"
REPORT_2025 = """{header}2025年测试市政府工作报告
各位代表：
一、2024年工作回顾
过去一年，全市地区生产总值增长5.2%。
全市城镇新增就业10万人。
预计全市研发投入强度达到3%。
二、2025年工作安排
今年主要预期目标是：地区生产总值增长5%左右，城镇新增就业9万人以上，居民消费价格涨幅控制在3%以内。
"""
REPORT_2026 = """{header}2026年测试市政府工作报告
各位代表：
一、“十四五”时期和2025年工作回顾
“十四五”时期极不平凡。
森林覆盖率提高1.5个百分点。
五年来，全市地区生产总值年均增长6.1%。
过去一年，全市地区生产总值增长5.4%，城镇新增就业8.6万人，居民消费价格上涨0.5%。
2024年全市研发投入强度3.05%，比上年提高0.1个百分点。
二、2026年工作安排
今年主要预期目标是：地区生产总值增长5%以上。
"""


@pytest.fixture(scope="module")
def answerer(tmp_path_factory, model_cache, embedder) -> Answerer:
    reports = {"2025": REPORT_2025.format(header=HEADER.format(year=2025, date="2025-01-20")),
               "2026": REPORT_2026.format(header=HEADER.format(year=2026, date="2026-01-22"))}
    return answerer_over(tmp_path_factory.mktemp("x-and-x1"), reports, model_cache, embedder,
                         with_seed=False, default_place="测试市")


def test_the_target_of_year_x_comes_from_report_x(answerer):
    a = answerer.ask("测试市2025年GDP增长目标是多少")
    assert not a.abstained and "5%左右" in a.answer and "5.4%" not in a.answer
    assert (a.year, a.kind) == (2025, "target") and a.sources[0].doc_id == "2025"


def test_the_result_of_year_x_comes_from_report_x_plus_1(answerer):
    a = answerer.ask("测试市2025年GDP实际增长多少")
    assert not a.abstained and "5.4%" in a.answer and "5%左右" not in a.answer
    assert (a.value, a.year, a.kind) == ("5.4%", 2025, "result") and a.sources[0].doc_id == "2026"


def test_last_year_means_the_year_the_newest_report_reviews(answerer):
    a = answerer.ask("测试市去年GDP增长多少")
    assert "5.4%" in a.answer and "6.1%" not in a.answer


@pytest.mark.parametrize("question,verdict,figures", [
    ("测试市2025年GDP增长目标完成了吗", "完成了", ("5%左右", "5.4%")),
    ("测试市去年城镇新增就业目标完成没有", "没有完成", ("9万人以上", "8.6万人")),
    ("测试市2025年居民消费价格涨幅目标实现了吗", "完成了", ("3%以内", "0.5%")),
])
def test_a_target_is_checked_against_its_result_with_both_sentences(answerer, question, verdict, figures):
    a = answerer.ask(question)
    assert not a.abstained and a.answer.startswith(verdict)
    assert all(f in a.answer for f in figures)
    assert {s.doc_id for s in a.sources[:2]} == {"2025", "2026"}


def test_a_target_and_its_result_are_found_with_one_encoding(answerer, monkeypatch):
    encode, encoded = answerer.searcher.embedder.queries, []
    monkeypatch.setattr(answerer.searcher.embedder, "queries",
                        lambda texts: encoded.append(texts) or encode(texts))
    a = answerer.ask("测试市2025年GDP增长目标完成了吗")
    assert a.answer.startswith("完成了") and "5.4%" in a.answer
    assert [len(texts) for texts in encoded] == [1]  # the question alone


def test_an_actual_figure_wins_over_an_earlier_estimate(answerer):
    a = answerer.ask("测试市2024年研发投入强度是多少")
    assert "3.05%" in a.answer and a.value == "3.05%"


def test_a_five_year_average_answers_only_a_question_about_the_five_years(answerer):
    assert "6.1%" not in answerer.ask("测试市2025年GDP增长多少").answer
    a = answerer.ask("测试市十四五期间GDP年均增长多少")
    assert not a.abstained and "6.1%" in a.answer


def test_a_period_asked_is_answered_by_the_paragraphs_that_follow_its_name(answerer):
    """Under a title of a year and its period, "“十四五”时期…" opens the period's paragraphs: their
    figures answer 十四五期间, and are not given as 2025's."""
    a = answerer.ask("测试市十四五期间森林覆盖率提高了多少")
    assert not a.abstained and "1.5个百分点" in a.answer and "2021—2025" in a.answer
    year = answerer.ask("测试市2025年森林覆盖率提高了多少")
    assert year.abstained and "只有“十四五”时期（2021—2025年）" in year.answer

