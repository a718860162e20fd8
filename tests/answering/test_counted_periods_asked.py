"""What a citizen gets from news of a meeting reviewing "四年来" and planning "今后五年":
- "这几年…一共/增加了多少" asks the period's total or change: the review's "累计" figure, told as the
  years its report counts ("2013—2016年（据2017年报告）"), not one year's nor a trend;
- "今年…目标" gets the year's target, not the five years' average; "未来五年…每年" gets that average;
- "比12年提高了多少" gets the change the review states since the year before its period."""
from __future__ import annotations

from answering.test_who_and_counts import ask
from handmade import QINGHE as PLACE
from handmade import Passages, zone_report
from bot.answering.answerer import Answerer
from bot.answering.settings import AnswerSettings

REVIEW = ("四年来，始终把改善民生作为头等大事，民生累计投入达到1163.5亿元，占到财政总支出的82.7%，"
          "城乡居民收入分别增加10491元、3849元。今后五年的主要目标是，全区生产总值年均增长9%以上。"
          "城乡居民收入年均分别增长9%、10%以上。今年主要预期目标是：城镇居民收入增长8.5%。")
NEWS = zone_report("青禾高新区两会", "2017-03-12", REVIEW)


def test_the_years_total_asked_gets_the_review_s_total_over_its_period():
    got = ask("青禾高新区17年两会报告说这几年民生一共投了多少钱", *NEWS, PLACE)
    assert not got.abstained and "1163.5亿元" in got.answer and "2013—2016年（据2017年报告）" in got.answer
    got = ask("青禾高新区17年人大会上说城里人收入这几年增加了多少", *NEWS, PLACE)
    assert not got.abstained and "10491元" in got.answer and "2017" in got.answer and "9%" not in got.answer


def test_this_year_s_target_is_not_the_plan_period_s_average():
    got = ask("青禾高新区今年城镇居民收入目标涨多少", *NEWS, PLACE)
    assert not got.abstained and "8.5%" in got.answer and "9%" not in got.answer
    got = ask("青禾高新区未来五年GDP每年要涨多少", *NEWS, PLACE)
    assert not got.abstained and "9%以上" in got.answer and "2017—2021年" in got.answer


def test_a_change_since_the_year_before_a_reviewed_period_is_the_review_s():
    docs, texts = zone_report("青禾高新区两会", "2017-03-12", "新型城镇化加速推进，城镇化率达到50.84%，比2012年提高5.63个百分点。")
    got = Answerer(Passages(docs, texts, ("过去四年",)), AnswerSettings(default_place=PLACE)).ask("青禾高新区城镇化率比12年提高了多少")
    assert not got.abstained and "5.63个百分点" in got.answer
