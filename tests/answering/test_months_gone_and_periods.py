"""What a citizen gets from news that speaks of part of a year or of a five-year period:
- news of January to September: its figures are what was done in those months, not the year's
  targets, so "今年全年目标" is refused and "1到9月" gets the figure as that part's result;
- news of an early-year meeting: "年是“十三五”规划的起步之年" names 2016, so its targets are that
  year's, not the five years';
- a review of a past period ("“十二五”期间，…境内财政收入43.58亿元"): asked of that period, its figures
  answer, with the multiple said of each ("分别是“十一五”末的2.35倍和2.85倍");
- a review of the 十一五 with its last year ("一、“十一五”发展回顾和2010年工作情况"): a total of the five
  years answers a question on the period, never one on 2010; a period a multiple is asked of ("是十一五
  末的几倍") is its base, no year asked."""
from __future__ import annotations

import pytest

from answering.test_who_and_counts import ask
from bot.answering.answerer import Answerer
from bot.answering.reading.question import parse
from bot.answering.settings import AnswerSettings
from handmade import QINGHE as PLACE
from handmade import Passages, zone_report


def report(date: str, text: str) -> tuple[list[dict], dict[str, str]]:
    return zone_report("青禾高新区经济运行情况", date, text)


NINE_MONTHS = report("2024-10", "今年以来，高新区锚定高质量发展目标，积极推动产业升级和创新驱动。1至9月，全区经济运行"
                     "整体平稳。1至9月，全区实现社会消费品零售总额71.06亿元，增长0.5%；餐饮业完成营业额1.42亿元，"
                     "增长17.4%。三是固定资产投资稳健增长。1至9月，实现固定资产投资57.29亿元，增长2.7%。")


def test_a_full_year_target_asked_of_news_on_nine_months_is_refused():
    got = ask("青禾高新区今年全年固投目标是多少", *NINE_MONTHS, PLACE)
    assert got.abstained and "1至9月" in got.answer and "目标：" not in got.answer


def test_a_figure_of_nine_months_is_that_part_s_result():
    got = ask("青禾高新区1到9月固定资产投资多少", *NINE_MONTHS, PLACE)
    assert not got.abstained and "57.29亿元" in got.answer and "2024年1至9月实际完成" in got.answer
    got = ask("青禾高新区餐饮业营业额涨了多少", *NINE_MONTHS, PLACE)  # a clause after the part named
    assert not got.abstained and "17.4%" in got.answer and "目标" not in got.answer


def test_a_whole_year_pledge_in_news_on_nine_months_is_still_a_target():
    docs, texts = report("2024-10", "1至9月，全区实现固定资产投资57.29亿元，增长2.7%。全年力争实现固定资产投资80亿元。")
    got = ask("青禾高新区今年全年固投目标是多少", docs, texts, PLACE)
    assert not got.abstained and "80亿元" in got.answer and "2024年目标" in got.answer


FIRST_YEAR = report("2016-02-15", "“十二五”期间，全区经济保持较好态势，生产总值达到150亿元，是“十一五”末的1.7倍；"
                    "境内财政收入43.58亿元，公共财政预算收入19.97亿元，分别是“十一五”末的2.35倍和2.85倍。"
                    "年是“十三五”规划的起步之年，努力实现“十三五”良好开局。年全区经济要实现地区生产总值增长8%左右，"
                    "固定资产投资增长15%左右，地方公共财政收入确保增长5%、力争增长7%。")


def test_targets_said_after_a_period_s_first_year_are_that_year_s():
    got = ask("青禾高新区今年固投计划增长多少", *FIRST_YEAR, PLACE)
    assert not got.abstained and "15%" in got.answer and "2016年目标" in got.answer and "2020" not in got.answer
    got = ask("青禾高新区地方公共财政收入要增长多少", *FIRST_YEAR, PLACE)  # a floor and an aim, both said
    assert not got.abstained and "5%" in got.answer and "7%" in got.answer


def test_a_figure_of_a_past_period_answers_a_question_naming_it():
    got = ask("青禾高新区十二五期间境内财政收入多少", *FIRST_YEAR, PLACE)
    assert not got.abstained and "43.58亿元" in got.answer and "“十二五”" in got.answer
    assert "2.35倍" in got.answer and "19.97" not in got.answer
    got = ask("青禾高新区十二五公共财政预算收入做到了多少", *FIRST_YEAR, PLACE)
    assert not got.abstained and "19.97亿元" in got.answer and "43.58" not in got.answer


def test_a_multiple_said_respectively_is_its_own_figure_s():
    got = ask("青禾高新区公共财政预算收入是十一五末的几倍", *FIRST_YEAR, PLACE)
    assert not got.abstained and "2.85倍" in got.answer and "2.35倍" not in got.answer


ELEVENTH = zone_report("青禾高新区政府工作报告", "2011-01-04", "“十一五”时期是全区发展极不平凡的五年。五年累计完成全社会固定资产"
                       "投资420亿元，是“十五”时期的6倍。")


def test_a_total_of_the_eleventh_plan_reviewed_with_its_last_year_is_the_period_s_not_that_year_s():
    answerer = Answerer(Passages(*ELEVENTH, ("一、“十一五”发展回顾和2010年工作情况",)), AnswerSettings(default_place=PLACE))
    got = answerer.ask("青禾高新区十一五期间固定资产投资累计多少")
    assert not got.abstained and "420亿元" in got.answer and "“十一五”时期（2006—2010年）" in got.answer
    got = answerer.ask("青禾高新区2010年固定资产投资多少")
    assert got.abstained and "2010年实际完成" not in got.answer


@pytest.mark.parametrize("question,years", [("公共财政预算收入是十一五末的几倍", ()), ("十一五末生产总值多少", (2010,))])
def test_a_period_a_multiple_is_asked_of_is_no_year_asked(question, years):
    assert parse(question, 2016).years == years
