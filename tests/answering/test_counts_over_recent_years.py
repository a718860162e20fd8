"""Counts and years as reports say them: a figure said as a multiple of a year's ("是2007年的2.3倍") is its own
year's; a clause of the years up to a report ("近年来，…先后引进各类项目116个") is no one year's, not the year
the text before named, and answers "这些年一共"; people counted with a magnitude before them ("13.81万贫困人口")
are a count in people, though people employed (稳定就业) are not the jobs added; a topic said short ("民企") names
the words reports write it in; a report's session is asked by its numbers ("第几届人大第几次会议"). Hand-made reports."""
from __future__ import annotations

import pytest

from answering.test_who_and_counts import ask
from bot.answering.facts import extract
from bot.answering.reading.asks import asks_byline
from bot.answering.reading.question import parse
from bot.answering.reading.typed import in_report_words
from index.text.timelabel import RESULT, Frame, label, years_in

ZONE = {"doc_id": "z", "place": "青禾高新区", "date": "2010-10-14", "title": "青禾高新区晋升国家级"}
COUNTY = {"doc_id": "c", "place": "青禾县", "date": "2012-02-20", "title": "青禾县政府工作报告"}
RECENT = ("1988年省政府批准设立青禾经济开发区。近年来，青禾高新区先后引进各类项目116个，投资总额超过100亿元。"
          "2009年，高新区全年技工贸总收入实现71.5亿元。")
MULTIPLES = ("2011年，全县实现地区生产总值218亿元，是2007年的1.7倍；地方财政收入6.02亿元，是2007年的2.3倍，年均增长22.9%；"
             "城镇居民人均可支配收入20819元，是2007年的1.8倍。")
POOR = "116个贫困村全部出列，13.81万贫困人口全部脱贫，历史性解决了绝对贫困问题。"


# -- a year a figure is a multiple of is its base --------------------------------------------------

def test_a_year_a_figure_is_a_multiple_of_is_not_its_year():
    assert years_in("地方财政收入6.02亿元，是2007年的2.3倍，年均增长22.9%", 2012) == []
    assert label("地方财政收入6.02亿元，是2007年的2.3倍", Frame.of("2012-02-20")).year != 2007


def test_a_figure_said_as_a_multiple_of_a_year_answers_for_its_own_year():
    got = ask("青禾县2011年地方财政收入有多少钱", [COUNTY], {"c": MULTIPLES}, "青禾县")
    assert not got.abstained and "6.02亿元" in got.answer and "2011年" in got.answer


def test_a_multiple_asked_of_a_year_asks_no_year():
    assert parse("青禾县城镇居民收入是07年的几倍", 2012).years == ()
    got = ask("青禾县城镇居民收入是07年的几倍", [COUNTY], {"c": MULTIPLES}, "青禾县")
    assert not got.abstained and "1.8倍" in got.answer


# -- the recent years together --------------------------------------------------------------------

def test_a_clause_of_recent_years_is_no_year_s():
    frame = Frame.of("2010-10-14")
    got = label("近年来，青禾高新区先后引进各类项目116个", frame)
    assert (got.year, got.kind, got.span) == (None, RESULT, None)
    assert label("近年来，2018年主要经济指标实现了两位数以上的增长", frame).year == 2018  # a year named wins


@pytest.mark.parametrize("question", ["青禾高新区这些年一共引进了几个项目", "青禾高新区引进了几个项目"])
def test_a_total_of_recent_years_answers_for_these_years(question):
    got = ask(question, [ZONE], {"z": RECENT}, "青禾高新区")
    assert not got.abstained and "116个" in got.answer and "1988" not in got.answer


def test_a_total_of_recent_years_is_not_the_year_the_text_before_named():
    got = ask("青禾高新区1988年引进了几个项目", [ZONE], {"z": RECENT}, "青禾高新区")
    assert got.abstained and "116个" not in got.answer


# -- people counted with a magnitude before them ---------------------------------------------------

@pytest.mark.parametrize("sentence, value", [(POOR, "13.81万"), ("带动3万群众远离毒品", "3万"),
                                             ("为80万重点群体提供就业帮扶", "80万")])
def test_a_magnitude_before_the_people_it_counts_is_a_count_of_people(sentence, value):
    assert (value, "万人") in [(f.value, f.unit) for f in extract(sentence)]


@pytest.mark.parametrize("sentence", ["办理不动产登记4万宗", "起降1万架次"])
def test_a_magnitude_before_other_things_is_no_count_of_people(sentence):
    assert not [f for f in extract(sentence) if f.unit == "万人"]


def test_people_counted_with_a_magnitude_answer_how_many_people():
    got = ask("青禾县一共脱贫多少人", [COUNTY], {"c": POOR}, "青禾县")
    assert not got.abstained and "13.81万" in got.answer and "116个" not in got.answer


# -- a topic said short ----------------------------------------------------------------------------

def test_a_topic_said_short_names_the_words_reports_write_it_in():
    term, = [t for t in parse("诚信化工连着几年进了全省民企100强", 2024).terms if t.text == "民企"]
    assert term.found_in("诚信化工连续三年入选全省民营企业100强") and term.found_in("全省民企100强")
    term, = [t for t in parse("某某旗有多少个村委会", 2009).terms if t.text == "村委会"]
    assert term.found_in("全旗辖8个苏木镇,有村民委员会84个,村民小组278个")


# -- the session a report was delivered at, asked by its numbers -----------------------------------

@pytest.mark.parametrize("text", ["青禾县这份报告是在第几届人大第几次会议上做的", "青禾县政府工作报告是第几届人大第几次会议上作的"])
def test_a_session_asked_by_its_numbers_is_asked_of_the_byline(text):
    assert asks_byline(parse(text, 2023))


def test_a_report_pointed_at_asks_no_byline_by_itself():
    assert not asks_byline(parse("青禾县这份报告里GDP增长多少", 2023))


def test_people_employed_are_not_the_jobs_added():
    """"4386万异地务工人员稳定就业" is a count of people, but not of 新增就业 (figure_words.tsv `shadow:就业`)."""
    got = ask("青禾县新增就业有多少人", [COUNTY], {"c": "城镇新增就业超14.3万人。建成就业驿站15个，43.8万异地务工人员稳定就业。"},
              "青禾县")
    assert not got.abstained and "14.3万人" in got.answer and "43.8万" not in got.answer


# -- a period's change since the year before it ----------------------------------------------------

XIANYANG = {"doc_id": "x", "place": "青禾市", "date": "2017-02-20", "title": "青禾市政府工作报告"}
FOUR_YEARS = "四年来，青禾经济换挡不失速，年均增长10.1%，经济总量净增加822.4亿元，是2012年的1.5倍；城镇化率达到50.84%。"


def test_a_period_s_change_answers_against_the_year_before_it_quoted_with_its_multiple():
    got = ask("青禾经济总量比12年多了多少", [XIANYANG], {"x": FOUR_YEARS}, "青禾市")
    assert not got.abstained and "822.4亿元" in got.answer and "是2012年的1.5倍" in got.answer


def test_multiples_said_of_figures_in_one_clause_are_quoted_with_both():
    """"20819元、7950元，分别是2007年的1.8倍、1.7倍": no figure's quote gives it the other's multiple."""
    got = ask("青禾县农民人均纯收入是07年的几倍", [COUNTY],
              {"c": "城镇居民人均可支配收入20819元、农民人均纯收入7950元，分别是2007年的1.8倍、1.7倍。"}, "青禾县")
    assert got.abstained or "1.7倍" in got.answer


def test_output_asked_by_its_verb_is_the_output_not_the_capacity():
    """"产了多少车": the 产量 a report states, not the 产能 of the sentence before."""
    doc = {"doc_id": "ld", "place": "某某新区", "date": "2014-12-08", "title": "某某新区汽车城"}
    text = ("今年,产能20万辆的乘用车基地7月竣工投产,与产能40万辆的宝骏基地形成汽车城的“双核驱动”。\n"
            "到10月底,宝骏基地实现产量28.81万辆;乘用车新基地实现产量7.8143万辆。")
    assert "产量" in [t.text for t in parse("宝骏基地产了多少车", 2014).terms]
    assert in_report_words("这几年建成投产了多少个项目") == "这几年建成投产了多少个项目"  # 投产 ends no 产量
    got = ask("某某新区宝骏基地到10月底产了多少车", [doc], {"ld": text}, "某某新区")
    assert not got.abstained and "28.81万辆" in got.answer and "40万辆" not in got.answer
