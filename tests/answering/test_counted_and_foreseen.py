"""A zone's news of its projects: a count told with the figures of what it counts, a later clause of a
question asking a figure of the first clause's subject, and what was foreseen of part of the year."""
from __future__ import annotations

from bot.answering.answerer import Answerer
from bot.answering.reading.question import parse
from bot.answering.settings import AnswerSettings
from handmade import Passages
from index.text.timelabel import RESULT

NEWS = {"doc_id": "kf", "place": "测试开发区", "date": "2026-03-20", "title": "测试开发区重大项目集中开工"}
TEXT = ("2026年测试开发区已储备第一批项目40个,总投资300亿元,年度计划投资100亿元。"
        "其中:续建项目18个,总投资120亿元,年度计划投资45亿元;新建项目22个,总投资180亿元,年度计划投资55亿元。"
        "2026年一季度预计开工项目30个,总投资250.5亿元,年度计划投资90.2亿元。"
        "2026年计划建成学校5所,新增学位3000个。2026年计划办理审批手续190件,平均时限缩短40%。")


def ask(question: str):
    return Answerer(Passages([NEWS], {"kf": TEXT}), AnswerSettings(default_place="测试开发区")).ask(question)


def test_what_was_foreseen_of_part_of_the_year_is_asked_as_foreseen_and_told_with_its_figures():
    assert parse("测试开发区今年一季度出口多少", 2026).kind == RESULT  # a part of the year gone by
    assert parse("测试开发区今年一季度预计开工多少项目", 2026).kind != RESULT
    got = ask("测试开发区今年一季度预计开工多少项目")
    assert not got.abstained and "资料中没有" not in got.answer
    assert "30个" in got.answer and "250.5亿元" in got.answer and "2026" in got.answer


def test_a_count_is_told_with_the_figures_of_what_it_counts_not_another_count():
    got = ask("测试开发区今年储备了多少项目")
    assert "40个" in got.answer and "300亿元" in got.answer and "30个" not in got.answer
    got = ask("测试开发区今年建成几所学校")
    assert "5所" in got.answer and "3000个" not in got.answer
    got = ask("测试开发区今年计划办理多少件审批手续")
    assert "190件" in got.answer and "40%" not in got.answer  # a rate is a figure of its own


def test_a_later_clause_naming_only_a_metric_asks_it_of_the_first_clause_s_subject():
    got = ask("测试开发区2026年新建项目几个 总投资多少")
    assert "22个" in got.answer and "180亿元" in got.answer
    assert "300亿元" not in got.answer and "120亿元" not in got.answer
