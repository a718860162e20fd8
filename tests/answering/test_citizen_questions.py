"""Questions as citizens ask them: yes or no against a figure, whether the reports mention
something, a metric over the years (with the points for a chart), an overview of a year, several
figures in one question, several places, and a place named inside a topic."""
from __future__ import annotations

import pytest

from bot.answering.answerer import Answerer
from conftest import answerer_over

HEADER = "---\ntitle: 2026年{place}政府工作报告\ndate: 2026-01-20\nplace: {place}\nsource: 测试\n---\n"
BODY = """2026年{place}政府工作报告
各位代表：
一、2025年工作回顾
过去一年，全省地区生产总值增长{gdp}，城镇新增就业{jobs}。
{extra}
二、2026年工作安排
今年主要预期目标是：地区生产总值增长{target}。
"""


@pytest.fixture(scope="module")
def two_places(tmp_path_factory, model_cache, embedder) -> Answerer:
    reports = {
        "甲": HEADER.format(place="测试省") + BODY.format(place="测试省", gdp="5.3%", jobs="141万人",
                                                        target="5%左右", extra="大力发展低空经济，建成通用机场3个。"),
        "乙": HEADER.format(place="样例省") + BODY.format(place="样例省", gdp="5.5%", jobs="115万人",
                                                        target="5%以上", extra="新建高标准农田200万亩。"),
    }
    return answerer_over(tmp_path_factory.mktemp("two"), reports, model_cache, embedder,
                         with_seed=False, default_place="")


@pytest.mark.parametrize("question,verdict,figure", [
    ("高新区去年GDP过750亿了吗", "是的", "762亿元"),
    ("高新区去年GDP到800亿了没有", "没有", "762亿元"),
    ("高新区去年空气优良天数比例到80%了吗", "没有", "79.1%"),
])
def test_yes_or_no_against_a_figure(answerer, question, verdict, figure):
    a = answerer.ask(question)
    assert not a.abstained and a.answer.startswith(verdict) and figure in a.answer


def test_whether_the_reports_mention_something_with_a_quote(answerer):
    yes = answerer.ask("高新区的报告里提没提阳澄湖创新论坛")
    assert not yes.abstained and yes.answer.startswith("提到了") and "阳澄湖创新论坛" in yes.sources[0].text
    no = answerer.ask("高新区的报告里提到冰雪经济了吗")
    assert no.abstained and "冰雪经济" in no.answer


def test_a_metric_over_the_years_results_and_targets_marked(answerer):
    a = answerer.ask("高新区GDP这两年怎么变化的")
    assert not a.abstained
    assert a.answer.index("762亿元") < a.answer.index("810亿元")  # time order
    assert "2018年实际完成" in a.answer and "2019年目标" in a.answer
    assert [(year, kind) for year, kind, _, _ in a.series] == [(2018, "result"), (2019, "target")]
    assert len(a.sources) == 2


def test_an_overview_gives_the_headline_figures_of_the_year(answerer):
    a = answerer.ask("昆山高新区去年干得怎么样")
    assert not a.abstained and "762亿元" in a.answer and "90亿元" in a.answer
    assert "810亿元" not in a.answer  # the year's results, not its targets


def test_an_overview_encodes_the_question_alone_and_leaves_its_headline_metrics_to_bm25(answerer, monkeypatch):
    encode, calls = answerer.searcher.encode, []
    monkeypatch.setattr(answerer.searcher, "encode", lambda texts: calls.append(texts) or encode(texts))
    a = answerer.ask("昆山高新区去年干得怎么样")
    assert "762亿元" in a.answer and "90亿元" in a.answer
    assert calls == [["昆山高新区去年干得怎么样"]]


def test_every_part_of_a_question_is_answered(answerer):
    a = answerer.ask("去年高新区GDP和财政收入各是多少")
    assert not a.abstained and "762亿元" in a.answer and "90亿元" in a.answer


def test_a_place_named_as_a_level_is_not_the_place_asked_about(answerer):
    a = answerer.ask("哪个孵化器获评江苏省级科技企业孵化器")
    assert "江苏" not in a.answer.split("：")[0]  # not refused as a question about 江苏
    assert not a.answer.startswith("资料中没有关于江苏")


def test_two_places_side_by_side(two_places):
    a = two_places.ask("测试省和样例省去年GDP谁增长得快")
    assert not a.abstained and "5.3%" in a.answer and "5.5%" in a.answer
    assert {s.place for s in a.sources} == {"测试省", "样例省"}


def test_each_place_one_line(two_places):
    a = two_places.ask("各省2026年GDP增长目标分别是多少")
    lines = a.answer.splitlines()
    assert len(lines) == 2 and any("5%左右" in ln for ln in lines) and any("5%以上" in ln for ln in lines)
    assert "5.3%" not in a.answer


def test_which_places_mention_something(two_places):
    a = two_places.ask("哪些地方提到了低空经济")
    # counted as what the places found are: both reports are provinces'
    assert not a.abstained and a.answer.startswith("1个省") and "测试省" in a.answer
    assert "样例省" not in a.answer
    none = two_places.ask("哪些地方提到了冰雪经济")
    assert none.abstained


def test_a_person_is_found_by_the_office_as_written(answerer):
    a = answerer.ask("高新区党工委书记是谁")
    assert not a.abstained and "管凤良" in a.answer
    deputy = answerer.ask("高新区党工委副书记是谁")  # another office, not in the report
    assert deputy.abstained and "管凤良" not in deputy.answer


def test_a_clause_that_asks_its_own_figure_is_answered_on_its_own_line(answerer):
    a = answerer.ask("去年建成几所学校，新增多少学位")
    lines = a.answer.splitlines()
    assert len(lines) == 2 and "10所" in lines[0] and "4620个" in lines[1]


def test_the_clauses_of_a_question_share_one_encoding(answerer, monkeypatch):
    encode, calls = answerer.searcher.encode, []
    monkeypatch.setattr(answerer.searcher, "encode", lambda texts: calls.append(texts) or encode(texts))
    a = answerer.ask("去年建成几所学校，新增多少学位")
    assert "10所" in a.answer and "4620个" in a.answer
    assert calls == [["去年建成几所学校,新增多少学位"]]  # the whole question, encoded once


def test_an_overview_of_a_year_without_figures_offers_the_first_metric_of_another(answerer):
    a = answerer.ask("高新区2016年干得怎么样")
    assert a.abstained and "2016年地区生产总值" in a.answer
    assert "762亿元" in a.sources[0].text
