"""A report without a header, as staff upload it: the place and date its opening makes clear, and none made up."""
from __future__ import annotations

import pytest

from index.reading.metadata import infer


@pytest.mark.parametrize("text, place", [
    # a framing clause, then the place that does what the text reports
    ("今年以来,石嘴山市大武口区坚持以“三大战略”为引领,全力打造三大产业集群。", "石嘴山市大武口区"),
    # the first framed clause opens with no place; the next one does
    ("压力之下,动能更足。在宏观经济下行的大背景下,白城经济开发区发展依然劲头十足。", "白城经济开发区"),
    # two framing clauses; a name jieba does not know, named again further on
    ("今年以来,在县委、县政府的坚强领导下,青禾街道深入贯彻落实各项部署。\n一、青禾街道上半年工作总结", "青禾街道"),
    ("中国网讯 虎年春节刚过,大庆高新区便打响了一场经济“攻坚战”。", "大庆高新区"),
])
def test_the_place_opening_the_clause_after_a_framing_clause_is_the_text_s(text, place):
    found = infer(text, "n.txt")
    assert (found["place"].value, found["place"].source) == (place, "开头框定语之后的主语")


@pytest.mark.parametrize("text", [
    "今年以来,区委区政府高度重视经济运行,各项工作取得成效。",  # the party's and government's bodies, no place
    "今年以来,全区上下紧紧围绕市委部署,经济平稳运行。",  # a phrase ending in an ending, said once
    "今年以来,高新区锚定高质量发展目标,积极推动产业升级。",  # an ending alone
    "今年以来,在市委市政府坚强领导下,经开区深入贯彻落实各项部署。",
    "今年以来,青禾街道深入贯彻落实各项部署。",  # a name no word list knows, said once
])
def test_no_place_is_read_after_a_framing_clause_from_what_names_none(text):
    assert "place" not in infer(text, "n.txt")


def test_a_session_numbered_without_its_di_names_its_place_only_when_the_clause_says_it_opens():
    text = "华声在线讯 2月4日上午,邵阳市十五届人大三次会议在市委礼堂隆重开幕,500余名人大代表出席大会。"
    assert infer(text, "n.txt")["place"].value == "邵阳市"
    assert infer("1月4日上午,黄冈市五届人大三次会议开幕。", "n.txt")["place"].value == "黄冈市"
    text = "20日,提请市十六届人大五次会议审议的政府工作报告,提出了今年经济社会发展主要预期目标。"
    assert "place" not in infer(text, "n.txt")
    # the session with its 第 wins: the full name of the place, not the headline's short one
    text = "海口美兰区七届人大三次会议开幕。\n9日上午,海口市美兰区第七届人民代表大会第三次会议举行。"
    assert infer(text, "n.txt")["place"].value == "海口市美兰区"


@pytest.mark.parametrize("text, date", [
    # a dateline closing on 消息
    ("海口网3月9日消息(记者 某某)9日上午,某某区第七届人民代表大会第三次会议举行。\n报告回顾了2016年工作,部署了2017年任务。",
     "2017-03-09"),
    # the year the meeting held that day is named after, whatever target year the text names too
    ("2月27日,某某经济技术开发区召开2018年重点项目建设誓师大会。\n到2020年,全区将建成万亿级产业集群。", "2018-02-27"),
    # a congress's session at the year's end, naming the year it reviews and the one it plans
    ("12月26日上午,区第十七届人民代表大会第三次会议在区会务中心隆重开幕。\n报告指出,2013年,我区出色完成各项任务。"
     "会议确立了区政府2014年工作的总体要求。", "2013-12-26"),
])
def test_a_month_and_day_take_the_year_the_opening_makes_clear(text, date):
    assert infer(text, "n.txt")["date"].value == date


@pytest.mark.parametrize("text", [
    # a day in a report's review, no session's: the years around it do not date it
    "一、2025年工作回顾\n2025年是很不平凡的一年。11月6日至10日,总书记亲临视察并出席全国运动会开幕式。\n2026年要稳中求进。",
    # a year-end session naming years not running
    "12月26日上午,区第十七届人民代表大会第三次会议开幕。\n报告指出,2013年,我区完成各项任务;到2020年,全区将全面小康。",
    # a meeting named after no year among several the text names
    "3月18日,某某市在开发区召开重大项目集中开工现场推进会。\n2018年,经开区增长10%;到2021年,打造千亿级园区。",
])
def test_a_day_whose_year_is_unclear_leaves_the_date_to_staff(text):
    assert "date" not in infer(text, "n.txt")
