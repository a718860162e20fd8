"""Which figure of a sentence is the metric asked (issue #22, figures that are not the metric): a
part given after its whole, a name used as another metric's divisor, a figure after another
metric's name, and the income of one population. Questions read by the parser, answers composed
from hand-made evidence (no index, no model)."""
from __future__ import annotations

from types import SimpleNamespace

from bot.answering.compose import Composer
from bot.answering.evidence import Evidence, coverage
from bot.answering.reading.question import parse
from handmade import hit
from index.text.timelabel import RESULT, TimeLabel


def answer(text: str, *sentences: str, year: int = 2017):
    """The answer to `text` from `sentences`, each a result of `year`, in retrieval order."""
    q = parse(text, year + 1)
    evidence = [Evidence(hit(s, i + 1), s, TimeLabel(year, RESULT), *coverage(q, s))
                for i, s in enumerate(sentences)]
    return Composer(SimpleNamespace(place_of={}), 0.5).figure(text, q, evidence)


REVENUE = "财政总收入30.9亿元,其中地方财政收入17.3亿元,分别增长13.3%、8.6%"


def test_a_part_given_after_its_whole_does_not_answer_for_the_whole():
    got = answer("去年财政总收入多少", REVENUE)
    assert "30.9亿元" in got.answer and "17.3亿元" not in got.answer
    got = answer("去年财政收入多少", REVENUE)
    assert "30.9亿元" in got.answer and "17.3亿元" not in got.answer


def test_the_part_answers_when_the_question_names_it():
    got = answer("去年地方财政收入多少", REVENUE)
    assert "17.3亿元" in got.answer and "30.9亿元" not in got.answer


def test_a_metric_measured_per_unit_of_gdp_is_not_gdp():
    got = answer("2021年GDP增长了多少", "万元GDP综合能耗下降2.3%", year=2021)
    assert got.abstained and "2.3%" not in got.answer
    got = answer("2021年GDP增长了多少", "万元GDP综合能耗下降2.3%", "地区生产总值同比增长15%", year=2021)
    assert not got.abstained and "15%" in got.answer and "2.3%" not in got.answer


def test_a_change_after_another_metric_s_name_is_that_metric_s():
    sentence = "地区生产总值实现432.6亿元,固定资产投资总量211.9亿元,建筑业完成151.6亿元,较去年增长21.8%"
    got = answer("去年GDP增长了多少", sentence)
    assert "21.8%" not in got.answer and "151.6亿元" not in got.answer
    got = answer("去年GDP多少", sentence)
    assert "432.6亿元" in got.answer and "211.9亿元" not in got.answer


def test_residents_income_is_not_one_population_s():
    rural = "农村居民人均可支配收入增长6.1%"
    got = answer("2024年居民收入增长多少", rural, "居民人均可支配收入增长5.4%", year=2024)
    assert "5.4%" in got.answer and "6.1%" not in got.answer
    got = answer("2024年居民收入增长多少", rural, year=2024)
    assert got.abstained and "6.1%" not in got.answer.partition("资料中只有")[0]


def test_one_population_s_income_is_not_another_s():
    got = answer("去年城镇居民人均可支配收入多少", "农民人均收入增加1207元", year=2025)
    assert got.abstained and "1207元" not in got.answer
    got = answer("去年农民收入多少", "农民人均收入增加1207元", year=2025)
    assert not got.abstained and "1207元" in got.answer
