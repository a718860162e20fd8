"""Rules the dev14b texts (east and south-central: a 2009 county report, a town's report of September 2017, a
zone's 1–10月 news of 2017) needed, on hand-made reports (no index, no model): the whole year before the months so
far, a threshold passed beside the figure reached, the names a measure goes by there (规模工业, 地方收入, 国税/地税),
and a count of firms giving its measures to the clause after it."""
from __future__ import annotations

import pytest
from answering.test_who_and_counts import ask

from bot.answering.reading.question import parse
from index.text.chunking import listed_heads

ZONE = {"doc_id": "ty", "place": "湘潭天易经济技术开发区", "date": "2017-11-24", "title": "县领导到天易经开区调研"}
SO_FAR = ("今年1-10月,天易经开区完成技工贸总收入590.1亿元,增长15.2%;完成工业总产值429.3亿元,增长15.5%;"
          "完成规模工业总产值334.5亿元,增长18%;完成固定资产投资137.5亿元,增长22.1%。"
          "预计全年完成技工贸总收入750亿元,增长15%;工业总产值527亿元,增长13%;固定资产投资210亿元,增长25%。")
TOWN = {"doc_id": "qb", "place": "吴川市覃巴镇", "date": "2017-09-01", "title": "覃巴镇2017年政府工作报告"}
TAXES = ("2016年工作回顾\n2016年我镇两税收入4001万元,同比增收747万元,增幅22.96%。其中国税收入2479万元,同比增收228万元,"
         "增幅10.13%,地税收入1522万元,同比增收519万元,增幅51.7%。两税收入首次突破4000万元,取得优越成绩!"
         "2016年,全镇实现工业总产值19.88亿元,全镇有规模以上企业7家,产值14.33亿元,增加3.956亿元。")
COUNTY = {"doc_id": "yf", "place": "宜丰县", "date": "2009-02", "title": "2009年政府工作报告"}
REVENUE = "全县实现生产总值36.8亿元,同比增长15.9%;财政总收入3.12 亿元,增长37%,其中地方收入1.73亿元,增长31.8%。"


@pytest.mark.parametrize("question, whole, part", [("天易经开区17年全年技工贸总收入预计多少", "750亿元", "590.1亿元"),
                                                   ("天易经开区2017年固定资产投资多少", "210亿元", "137.5亿元")])
def test_the_whole_year_s_estimate_answers_for_the_year_before_the_months_so_far(question, whole, part):
    got = ask(question, [ZONE], {"ty": SO_FAR}, ZONE["place"])
    assert not got.abstained and whole in got.answer and "2017" in got.answer and "预计" in got.answer
    assert part not in got.answer


def test_the_months_asked_are_answered_by_the_months_so_far():
    got = ask("天易经开区17年1到10月固定资产投资多少", [ZONE], {"ty": SO_FAR}, ZONE["place"])
    assert not got.abstained and "137.5亿元" in got.answer and "1-10月" in got.answer and "210亿元" not in got.answer


@pytest.mark.parametrize("question, figure, other", [("天易开发区1到10月工业总产值多少", "429.3亿元", "334.5亿元"),
                                                     ("天易开发区1到10月规模工业总产值多少", "334.5亿元", "429.3亿元")])
def test_the_output_of_the_firms_above_the_size_line_said_as_规模工业_is_not_all_industry_s(question, figure, other):
    text = "今年1-10月,完成规模工业总产值334.5亿元,增长18%;完成工业总产值429.3亿元,增长15.5%。"
    got = ask(question, [ZONE], {"ty": text}, ZONE["place"])
    assert not got.abstained and figure in got.answer and other not in got.answer


def test_a_threshold_passed_is_no_answer_where_another_sentence_gives_the_figure_reached():
    milestone_first = "2016年工作回顾\n两税收入首次突破4000万元,取得优越成绩!2016年我镇两税收入4001万元,增幅22.96%。"
    got = ask("覃巴镇去年两税收入多少", [TOWN], {"qb": milestone_first}, TOWN["place"])
    assert not got.abstained and "4001万元" in got.answer and "2016" in got.answer
    assert "突破4000万元" not in got.answer


@pytest.mark.parametrize("question, figure, other", [("覃巴地税收入涨了多少", "51.7%", "10.13%"),
                                                     ("覃巴镇去年国税收了多少", "2479万元", "1522万元")])
def test_each_tax_office_s_revenue_is_its_own(question, figure, other):
    assert parse(question, 2017).metrics[0] in ("地税收入", "国税收入")  # not 税收 read inside 地税收入
    got = ask(question, [TOWN], {"qb": TAXES}, TOWN["place"])
    assert not got.abstained and figure in got.answer and other not in got.answer


def test_a_count_of_firms_gives_its_measures_to_the_clause_after_it():
    assert "规模以上企业产值14.33亿元" in listed_heads("全镇有规模以上企业7家,产值14.33亿元")
    got = ask("覃巴镇规上企业产值多少", [TOWN], {"qb": TAXES}, TOWN["place"])
    assert not got.abstained and "14.33亿元" in got.answer and "19.88亿元" not in got.answer


def test_地方收入_within_the_total_revenue_is_the_local_revenue():
    got = ask("宜丰县2008年地方财政收入有多少", [COUNTY], {"yf": REVENUE}, COUNTY["place"])
    assert not got.abstained and "1.73亿元" in got.answer and "2008" in got.answer
