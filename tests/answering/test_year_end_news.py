"""Texts dated from October on: a year-end review reviews its own year and plans the next, so 今年
asked of it is the next year; but news of an October meeting that pledges its own year's figures
("力争2010年实现地区生产总值200亿元") still plans that year, and 今年 asked of it is that year. A
citizen must get the figure as the year's target, not as a result, and not under the next year."""
from __future__ import annotations

from answering.test_who_and_counts import ask
from handmade import QINGHE as PLACE
from handmade import zone_report


def report(date: str, text: str) -> tuple[list[dict], dict[str, str]]:
    return zone_report("青禾高新区召开全区干部会议", date, text)


OCTOBER_NEWS = report("2010-10-25", "10月25日，高新区召开全区处级以上干部会议，奋力冲刺全年目标任务。目前，高新区正在努力"
                      "全面完成好今年各项工作任务。力争2010年实现地区生产总值200亿元，增长26%；完成固定资产投资350亿元，"
                      "增长70%。预计软件和服务外包收入505.5亿元，增长50%。")


def test_this_year_s_pledged_figure_asked_of_october_news_is_its_own_year_s_target():
    got = ask("青禾高新区今年GDP力争多少", *OCTOBER_NEWS, PLACE)
    assert not got.abstained and "200亿元" in got.answer and "2010年目标" in got.answer
    assert "2011" not in got.answer


def test_a_figure_after_the_pledge_in_its_sentence_is_the_same_year_s_target():
    got = ask("青禾高新区今年固投目标增长多少", *OCTOBER_NEWS, PLACE)
    assert not got.abstained and "70%" in got.answer and "2010年目标" in got.answer


def test_october_news_estimate_of_its_year_stays_an_estimate():
    got = ask("青禾高新区今年软件和服务外包收入预计多少", *OCTOBER_NEWS, PLACE)
    assert not got.abstained and "505.5亿元" in got.answer and "2010年预计" in got.answer


def test_a_result_of_its_own_year_asked_of_october_news_that_only_pledges_it_is_refused():
    assert ask("青禾高新区今年GDP实际完成多少", *OCTOBER_NEWS, PLACE).abstained


def test_next_year_s_pledge_in_october_news_is_what_this_year_means_after_it():
    docs, texts = report("2009-10-25", "今年以来，全区实现地区生产总值150亿元，同比增长20%。"
                                       "力争2010年实现地区生产总值200亿元，增长26%。")
    got = ask("青禾高新区今年GDP力争多少", docs, texts, PLACE)  # read after 2009: 今年 is 2010
    assert not got.abstained and "200亿元" in got.answer and "2010年目标" in got.answer
    got = ask("青禾高新区2009年GDP多少", docs, texts, PLACE)
    assert not got.abstained and "150亿元" in got.answer and "2009年" in got.answer and "目标" not in got.answer


def test_a_december_review_s_this_year_stays_a_result_of_its_year():
    docs, texts = report("2010-12-20", "今年，全区完成地区生产总值200亿元，增长15%。")
    got = ask("青禾高新区2010年GDP多少", docs, texts, PLACE)
    assert not got.abstained and "200亿元" in got.answer and "2010年实际完成" in got.answer
    assert ask("青禾高新区今年GDP目标多少", docs, texts, PLACE).abstained  # 今年 is 2011, which it does not plan
