"""Shapes real work reports take, answered end to end over two small hand-written reports:
who delivered a report and where, a figure whose metric name is split by a list, a count or a
share beside the metric that is not its value, a year's level beside its increase, a list given
as the parts of a section, and "十四五末" as the period's last year."""
from __future__ import annotations

import pytest

from bot.answering.answerer import Answerer
from conftest import answerer_over

HEADER = "---\ntitle: {year}年测试省政府工作报告\ndate: {date}\nplace: 测试省\nsource: 测试\n---\n"
REPORT_2025 = """{header}{year}年测试省政府工作报告
——2025年1月15日在测试省第十四届人民代表大会第三次会议上
测试省省长 张三
各位代表：
一、2024年工作回顾
全省经济运行总体平稳，2024年地区生产总值达5.7万亿元、增长5.8%，顺利完成全年主要目标任务。
粮食面积、总产、单产实现“两增一稳”，总产762亿斤。
经过全国第五次经济普查，13个设区市地区生产总值都有所增加，全省共增加2702亿元，2023年达到5.09万亿元。
民营企业、外资企业出口分别占全省的50.6%、41.9%，进出口总额2.95万亿元、增长6%。
二、2025年工作安排
今年重点抓好以下3个方面的工作：
（一）推动科技创新和产业创新深度融合，加快发展新质生产力。全省研发投入强度达到3.3%。
（二）扩大有效需求，推动消费提质升级。社会消费品零售总额增长5%左右。
（三）保障和改善民生，办好民生实事。城镇新增就业100万人以上。
"""
REPORT_2026 = """{header}{year}年测试省政府工作报告
——2026年1月20日在测试省第十四届人民代表大会第四次会议上
测试省省长 李四
各位代表：
一、2025年和“十四五”时期工作回顾
五年来，地区生产总值从4.1万亿元提高到6.1万亿元，居民人均可支配收入五年增长30.8%。
过去一年，全省常住人口城镇化率提高到76.5%。
二、2026年工作安排
今年主要预期目标是：地区生产总值增长5%左右。
"""


@pytest.fixture(scope="module")
def answerer(tmp_path_factory, model_cache, embedder) -> Answerer:
    reports = {"2025": REPORT_2025.format(header=HEADER.format(year=2025, date="2025-01-15"), year=2025),
               "2026": REPORT_2026.format(header=HEADER.format(year=2026, date="2026-01-20"), year=2026)}
    return answerer_over(tmp_path_factory.mktemp("shapes"), reports, model_cache, embedder,
                         with_seed=False, default_place="测试省")


@pytest.mark.parametrize("question,said,not_said", [
    ("2026年测试省政府工作报告是谁作的", ("李四", "第四次会议"), ("张三",)),
    ("测试省2025年的政府工作报告是在哪次会上作的", ("第三次会议", "2025年1月15日"), ("第四次会议",)),
])
def test_who_delivered_a_report_and_where_comes_from_its_opening_lines(answerer, question, said, not_said):
    a = answerer.ask(question)
    assert not a.abstained
    assert all(s in a.answer for s in said) and not any(s in a.answer for s in not_said)
    assert a.sources and all(s in a.sources[0].text for s in said)


def test_a_years_figure_stated_in_a_review_is_a_result_even_beside_the_word_目标(answerer):
    a = answerer.ask("测试省前年GDP总量多少")
    assert not a.abstained and "5.7万亿元" in a.answer
    assert (a.year, a.kind) == (2024, "result")


def test_a_metric_named_by_a_lists_shared_head_is_found(answerer):
    a = answerer.ask("测试省2024年粮食产量多少")
    assert not a.abstained and "762亿斤" in a.answer


def test_a_count_beside_the_metric_is_not_its_value_nor_is_an_increase(answerer):
    a = answerer.ask("测试省2023年GDP到底是多少")
    assert not a.abstained and a.value == "5.09万亿元"
    assert "13个" not in (a.value or "") and a.year == 2023


def test_a_share_of_the_metric_is_not_the_metric(answerer):
    a = answerer.ask("测试省2024年外贸进出口总额是多少")
    assert not a.abstained and a.value == "2.95万亿元" and "50.6%" not in a.answer


def test_a_list_question_gets_the_parts_the_section_announces(answerer):
    a = answerer.ask("测试省2025年重点抓哪几方面工作")
    assert not a.abstained
    for part in ("推动科技创新和产业创新深度融合", "扩大有效需求", "保障和改善民生"):
        assert part in a.answer


def test_the_end_of_a_period_is_its_last_year(answerer):
    a = answerer.ask("十四五末测试省城镇化率到多少了")
    assert not a.abstained and "76.5%" in a.answer and a.year == 2025


def test_a_change_from_one_figure_to_another_answers_the_period(answerer):
    a = answerer.ask("十四五期间测试省GDP从多少涨到了多少")
    assert not a.abstained and "4.1万亿元" in a.answer and "6.1万亿元" in a.answer


def test_a_five_year_growth_is_the_periods_not_the_last_years(answerer):
    five_years = answerer.ask("十四五这五年测试省居民收入一共涨了多少")
    assert not five_years.abstained and "30.8%" in five_years.answer
    last_year = answerer.ask("测试省2025年居民收入增长多少")  # the reports give no such figure
    assert last_year.abstained and last_year.value is None


def test_a_figure_question_ending_in_啥_gets_the_figure(answerer):
    a = answerer.ask("测试省2025年城镇新增就业目标是啥")
    assert not a.abstained and "100万人以上" in a.answer and a.kind == "target"


def test_an_amount_asked_where_the_report_gives_only_a_rate_is_refused_with_the_rate(answerer):
    a = answerer.ask("测试省今年GDP总量是多少")
    assert a.abstained and a.value is None
    assert "数额" in a.answer and "5%左右" in a.answer  # offered, not passed off as the amount

