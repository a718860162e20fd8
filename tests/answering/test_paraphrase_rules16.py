"""Rules round 16 needed, on hand-made reports (no index, no model): 哪 typed as its homophone 那 before the word for
an official or a person ("是那个领导通报的") asks who, while 那个 alone is that one; a rank said with 排名, or in a
sentence going on comparing the figure before ("…增长10.8%。高于全省1.3个百分点,排名省第二位"), is that figure's, of the
kind of the figure right before it; the items of a quoted count ("“一轴、一圈、两城、两湖”六大区域") as spelled out."""
from __future__ import annotations

import pytest
from handmade import Passages, asked_over, paragraphs_index

from bot.answering.answerer import Answerer
from bot.answering.compose import Composer
from bot.answering.kinds import lists
from bot.answering.reading.asks import asks_person
from bot.answering.reading.question import parse
from bot.answering.reports import Reports
from bot.answering.settings import AnswerSettings
from index.text.timelabel import TARGET, TimeLabel


def ask(question: str, docs: list[dict], texts: dict[str, str]):
    return Answerer(Passages(docs, texts), AnswerSettings(default_place=docs[0]["place"])).ask(question)


# -- who: 哪 typed as 那 ------------------------------------------------------------------------------------

LONGGANG = {"doc_id": "lg", "place": "龙港镇", "date": "2011-10-19", "title": "龙港镇前三季度经济总体运行情况良好"}
LONGGANG_TEXT = ("昨日上午,记者从我镇统计部门了解到,我镇今年前三季度经济总体运行情况良好。\n\n"
                 "据统计,今年1-9月份,全镇实现工业总产值210亿元,同比增长16%。")


def test_an_official_asked_with_na_is_asked_who_and_refused_where_no_one_is_named():
    got = ask("龙港镇前三季度经济情况是那个领导通报的", [LONGGANG], {"lg": LONGGANG_TEXT})
    assert got.abstained and "没有写明谁" in got.answer and "210亿元" not in got.answer


def test_na_ge_alone_points_at_a_thing_and_asks_no_one():
    assert asks_person(parse("龙港镇那个领导讲的", 2011, ("龙港镇",)))
    assert not asks_person(parse("龙港镇那个电子信息产业园一期啥时候能完工", 2011, ("龙港镇",)))


# -- a rank: said with 排名, going on from the figure before, of the kind of the figure before it -------------------

SHAOYANG = {"doc_id": "sy", "place": "邵阳市", "date": "2015-03-01", "title": "邵阳市政府工作报告"}
SAME = "2014年,全市实现地区生产总值1261.6亿元,增长10.8%,排名全省第二位。财政收入达到117亿元,增长12.2%,排全省第5位。"
GOES_ON = ("2014年,全市实现地区生产总值1261.6亿元,增长10.8%。高于上年0.6个百分点,高于全省1.3个百分点,排名省第二位。"
           "财政收入达到117亿元,增长12.2%,高于全省2.7个百分点,排全省第5位。")
LEVEL = "2014年,全市实现地区生产总值1261.6亿元,排名全省第六位。"


@pytest.mark.parametrize("text", [SAME, GOES_ON])
@pytest.mark.parametrize("question", ["2014年GDP增速在全省排第几", "2014年GDP在全省排第几"])
def test_a_rank_said_with_paiming_after_the_rate_answers_its_rank(text, question):
    got = ask(question, [SHAOYANG], {"sy": text})
    assert not got.abstained and "第二位" in got.answer and "地区生产总值" in got.answer and "第5位" not in got.answer


def test_a_rank_going_on_from_the_figure_before_is_no_other_metrics():
    got = ask("2014年财政收入在全省排第几", [SHAOYANG], {"sy": GOES_ON})
    assert not got.abstained and "第5位" in got.answer and "第二位" not in got.answer


@pytest.mark.parametrize("text", [SAME, GOES_ON])
def test_a_rank_after_a_rate_never_answers_the_level_asked(text):
    got = ask("2014年GDP总量在全省排第几", [SHAOYANG], {"sy": text})
    assert got.abstained and got.answer.startswith("资料中没有")


def test_a_rank_after_a_level_is_the_levels():
    assert "第六位" in ask("2014年GDP总量在全省排第几", [SHAOYANG], {"sy": LEVEL}).answer
    assert ask("2014年GDP增速在全省排第几", [SHAOYANG], {"sy": LEVEL}).abstained


def test_a_sentence_opening_on_another_word_goes_on_from_nothing():
    text = "2014年,全市实现地区生产总值1261.6亿元,增长10.8%。居民人均可支配收入增长9%,增速排全省第五。"
    got = ask("2014年GDP增速在全省排第几", [SHAOYANG], {"sy": text})
    assert got.abstained and "第五" not in got.answer.partition("资料中只有")[0]


# -- a list: the items a quoted count abbreviates, as the paragraphs around spell them out ---------------------

BAIYUN = {"doc_id": "by", "title": "白云区十四届人大五次会议召开", "date": "2010-01", "place": "白云区"}
BAIYUN_PARAGRAPHS = [
    ["白云区今年将打造“一轴、一圈、两城、两湖”六大区域建设,并发展一南一北两个“总部经济”。"],
    ["“一轴”指广州北轴;“一圈”指以新白云国际机场为核心辐射带动的北部四个镇空港经济圈;“两城”指白云新城、金沙洲居住新城;"
     "“两湖”指白云新城两翼的白云湖、南湖。2010年,主要预期目标是:地区生产总值增长10%。"],
    ["白云区今年将完善“考核、督查、激励”三项机制。“考核”指年度绩效考核。"],
]
BAIYUN_INDEX = paragraphs_index("by", [((), TimeLabel(2010, TARGET), [(f"b{p}", t) for t in texts])
                                       for p, texts in enumerate(BAIYUN_PARAGRAPHS)])
BAIYUN_REPORTS = Reports([BAIYUN], BAIYUN_INDEX, AnswerSettings(default_place="白云区"))


def listed(question: str, ids: list[str]):
    return lists.answer(asked_over(BAIYUN_REPORTS, BAIYUN_INDEX, BAIYUN, question, 2010, ids), BAIYUN_REPORTS,
                        Composer(BAIYUN_REPORTS, 0.5))


def test_the_items_of_a_quoted_count_are_listed_as_spelled_out_nearby():
    got = listed("白云区2010年要打造的六大区域是哪些", ["b0", "b1"])
    assert not got.abstained and "六大区域" in got.answer and "共4项" not in got.answer
    for place in ("北轴", "空港经济圈", "白云新城", "金沙洲", "白云湖", "南湖"):
        assert place in got.answer
    assert "地区生产总值" not in got.answer


def test_a_quoted_count_not_all_of_whose_items_are_spelled_out_is_quoted_as_it_stands():
    got = listed("白云区今年要完善的三项机制是哪些", ["b2"])
    assert "考核、督查、激励" in got.answer and "年度绩效考核" not in got.answer


# -- works by their everyday short forms --------------------------------------------------------------------

LHASA = {"doc_id": "ls", "place": "拉萨经济技术开发区", "date": "2013-06-01", "title": "拉萨经开发区打造“投资创业高地”"}
LHASA_TEXT = ("开发区B区建设项目正式启动以来,柳东路、乃岗路、拉青路等13条市政道路基本完成基础性工程,总长18.76公里,"
              "总投资11.3亿元。")


def test_a_road_said_short_is_the_reports_road():
    got = ask("拉萨经开区B区修的13条市政路总长多少公里", [LHASA], {"ls": LHASA_TEXT})
    assert not got.abstained and "18.76公里" in got.answer


def test_a_comparison_with_no_rank_goes_on_from_nothing():
    text = "2014年,全市实现地区生产总值1261.6亿元,增长10.8%。高于全省平均水平。"
    assert ask("2014年GDP增速在全省排第几", [SHAOYANG], {"sy": text}).abstained
