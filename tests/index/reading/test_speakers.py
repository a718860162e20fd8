"""Who delivered a report or spoke at a meeting, as a text's opening says it: a speaker line under
the delivery line (an office or a body, then a name), else the sentence of news naming who spoke."""
from __future__ import annotations

import re

import pytest
from conftest import DEVELOPMENT_TEXTS

from index.reading.documents import body_of
from index.reading.metadata import byline
from index.text.normalise import as_read

PLAN_REPORT = """关于区2021年国民经济和社会发展计划执行情况与2022年国民经济和社会发展计划(草案)的报告
20211214日在汉南区第十届人民代表大会第一次会议上
{speaker}
各位代表:
区人民政府委托,现向大会报告2021年国民经济和社会发展计划执行情况。
"""


def test_a_body_then_a_name_under_the_delivery_line_is_the_speaker():
    said = byline(PLAN_REPORT.format(speaker="区发展和改革局 龚德茂"))
    assert said["speaker"] == "区发展和改革局 龚德茂"
    assert said["delivered"].startswith("2021年12月14日")


def test_a_name_alone_printed_letter_spaced_under_the_delivery_line_is_the_speaker():
    assert byline(PLAN_REPORT.format(speaker="栗 俊 昌"))["speaker"] == "栗 俊 昌"
    # a letter-spaced word anywhere else names nobody
    assert "speaker" not in byline("目 录\n" + PLAN_REPORT.format(speaker=""))


def test_a_name_alone_between_the_meeting_s_line_and_its_day_is_the_speaker():
    """"――在某某镇第十届人民代表大会第一次会议上 / 肖某某 / (2016年11月24日)": no office, no spacing."""
    head = "政府工作报告\n――在某某镇第十届人民代表大会第一次会议上\n{name}\n{day}\n各位代表:\n现在,我向大会作工作报告。\n"
    assert byline(head.format(name="肖某某", day="(2016年11月24日)"))["speaker"] == "肖某某"
    assert "speaker" not in byline(head.format(name="工作报告", day="各位代表:"))  # no day under it: a heading


def test_a_name_alone_above_the_greeting_under_a_dated_delivery_line_is_the_speaker():
    """"20142月25日在某某镇 / 第十六届人民代表大会第三次会议上 / 王某某 / 各位代表": the delivery line broken, its 年
    dropped; the day it states frames the name under it, as a day line under the name does."""
    head = "政 府 工 作 报 告\n20142月25日在某某镇\n第十六届人民代表大会第三次会议上\n王某某\n各位代表、同志们:\n现在,我作报告。\n"
    said = byline(head)
    assert said["speaker"] == "王某某" and said["delivered"].startswith("2014年2月25日在某某镇第十六届")


@pytest.mark.parametrize("dot", ["·", "•", "・", "．"])
def test_a_minority_name_of_parts_joined_by_a_dot_is_the_speaker_however_the_dot_is_printed(dot):
    """"阿迪力·哈斯木": seven characters with the dot, longer than other names."""
    name = f"阿迪力{dot}哈斯木"
    assert byline(PLAN_REPORT.format(speaker=f"代县长 {name}"))["speaker"] == f"代县长 {name}"
    assert byline(PLAN_REPORT.format(speaker=f"县发展和改革委员会 买买提{dot}艾力"))["speaker"] \
        == f"县发展和改革委员会 买买提{dot}艾力"
    said = byline(f"县委副书记、县长格桑{dot}次仁代表县人民政府向大会作政府工作报告。")
    assert said["speaker"] == f"县长格桑{dot}次仁"


def test_a_body_naming_nobody_is_no_speaker():
    assert "speaker" not in byline(PLAN_REPORT.format(speaker="杭州市余杭区发展和改革局"))


@pytest.mark.parametrize("news,speaker", [
    ("2月15日上午,辽源经济开发区召开2018年度工作总结大会。张凤林出席会议并讲话。会上,宣读了表彰决定。", "张凤林"),
    (("大洋网讯 2月8日,南沙区第四届人民代表大会第四次会议开幕。区委书记卢一先出席会议。\n"
     "根据会议议程,南沙区区长吴扬向大会作政府工作报告。"), "南沙区区长吴扬"),
    # a meeting called a 大会 as well as a 会议, and a work report named for what it is about
    ("昨日,某某高新区管委会举行2010年总结表彰大会,市委常委、常务副市长冷某某出席大会并发表讲话。", "常务副市长冷某某"),
    ("2月14日,我区召开2012年经济工作会议。会上,党工委书记、管委会主任李某某作经济工作报告。", "管委会主任李某某"),
    # the government spoken for, between the name and the delivering
    ("4月20日,某某县第十八届人民代表大会第四次会议开幕。会上,曹某某代表县人民政府向大会作政府工作报告。", "曹某某"),
    ("县委副书记、县长楚某某代表县人民政府向大会作政府工作报告。", "县长楚某某"),
    ("党委副书记、行政负责人金某某代表该镇人民政府向大会作政府工作报告。", "行政负责人金某某"),
    ("代表们步入会场,听取代理市长陈某某作政府工作报告。", "代理市长陈某某"),  # what the audience did is not said of them
])
def test_news_of_a_meeting_names_who_spoke_with_the_office_it_gives(news, speaker):
    assert byline(news)["speaker"] == speaker


@pytest.mark.parametrize("news,meeting", [
    ("20日,提请市十六届人大五次会议审议的政府工作报告,提出了今年主要预期目标。",
     "提请市十六届人大五次会议审议的政府工作报告"),
    ("大洋网讯 2月8日,南沙区第四届人民代表大会第四次会议开幕。", "南沙区第四届人民代表大会第四次会议开幕"),
])
def test_news_of_a_report_says_at_which_session_it_was_delivered_and_names_no_speaker_by_the_report_s_name(
        news, meeting):
    """"政府工作报告" holds 作报告, yet names nobody who delivered it."""
    assert byline(news) == {"delivered": meeting}


def test_news_of_a_work_meeting_names_the_officer_who_put_forward_its_work_as_speaker():
    """News of a work meeting (a 务虚会 too) saying "党工委书记某某提出" names its speaker: an office before the name."""
    news = "1月8日至9日,某某经开区召开2018年工作务虚会议,总结过去一年的工作。某某经开区党工委书记尹某某提出,要以实施工程为抓手。"
    assert byline(news)["speaker"] == "某某经开区党工委书记尹某某"


@pytest.mark.parametrize("text", ["会议提出,要以实施工程为抓手。", "报告明确提出,全年增长8%。", "会上,与会人员表示,要抓好落实。"])
def test_what_a_meeting_or_report_put_forward_names_no_speaker_without_an_office(text):
    assert "speaker" not in byline(text)


def test_a_headline_s_session_ends_where_it_goes_on_to_name_others():
    said = byline("五莲县第十七届人民代表大会第一次会议隆重开幕 马某主持会议 杜某某作政府工作报告\n1月8日,会议开幕。")
    assert said["delivered"] == "五莲县第十七届人民代表大会第一次会议隆重开幕"


def test_a_year_s_meeting_numbered_nowhere_is_no_session():
    assert "delivered" not in byline("2月14日,我区召开2012年经济工作会议。会上宣读了表彰决定。")


def test_a_session_named_as_a_past_decision_is_not_where_the_report_is_delivered():
    text = "各位代表:\n现在,我代表镇人民政府向大会报告政府工作。\n一年来,全镇较好地完成了镇四届人大二次会议确定的目标任务。"
    assert "delivered" not in byline(text)
    assert "delivered" not in byline("2月25日,会议深入贯彻落实市委五届十次全会、市五届人大三次会议精神。")


@pytest.mark.parametrize("text", [
    "各位代表:\n现在,我代表区人民政府,向大会作政府工作报告,请予审议。",  # the speaker says 我
    "区委书记卢一先出席会议。全年地区生产总值增长4.2%。",  # attended, spoke no word
])
def test_a_text_naming_nobody_who_spoke_has_no_speaker(text):
    assert "speaker" not in byline(text)


def test_every_report_printing_its_presenter_above_the_greeting_has_that_presenter_as_speaker():
    """As printed, the line above "各位代表" holds the presenter, office (or body) and name spaced
    apart ("省长 李炳军", "区发展和改革局 龚德茂", "区 长 庄 红", "代县长 阿迪力·哈斯木"), in the text as read
    (a page in Traditional script with ruby pinyin, "會(huì)議", is read in Simplified, as the index reads it)."""
    checked, wrong = 0, []
    for path in DEVELOPMENT_TEXTS:
        body = as_read(body_of(path.read_text(encoding="utf-8")))
        lines = [ln.strip() for ln in body[:1000].splitlines() if ln.strip()]
        greeting = next((i for i, ln in enumerate(lines) if ln.startswith("各位代表")), 0)
        above = lines[greeting - 1] if greeting else ""
        if re.fullmatch(r"[\u4e00-\u9fff]+[\s\u3000]+[\u4e00-\u9fff\s·•・．]+", above):  # 代县长 阿迪力·哈斯木
            checked += 1
            if byline(body).get("speaker") != above:
                wrong.append(f"{path.name}: {above} → {byline(body).get('speaker')}")
    assert checked >= 20 and not wrong, "\n".join(wrong)


def test_every_report_whose_news_names_who_delivered_it_for_the_government_has_that_speaker():
    """News says it "楚德勤代表县人民政府向大会作政府工作报告": the name before 代表 (its last two
    characters at least, whatever office runs into it) is the speaker's."""
    checked, wrong = 0, []
    for path in DEVELOPMENT_TEXTS:
        body = body_of(path.read_text(encoding="utf-8"))
        m = re.search(r"([\u4e00-\u9fff]{2})代表[\u4e00-\u9fff]{0,8}政府[,，]?(?:向大会)?作[\u4e00-\u9fff]*报告", body[:1500])
        if m and not re.match("[我区县市镇]", m[1][-2:]):
            checked += 1
            if m[1] not in byline(body).get("speaker", ""):
                wrong.append(f"{path.name}: {m[0]} → {byline(body).get('speaker')}")
    assert checked >= 5 and not wrong, "\n".join(wrong)


def test_news_naming_who_delivered_the_report_keeps_the_clause_saying_it_with_every_office():
    said = byline("县委副书记、县长楚某某代表县人民政府向大会作政府工作报告。楚某某说,过去一年…")
    assert said["speaker"] == "县长楚某某"
    assert said["spoke"] == "县委副书记、县长楚某某代表县人民政府向大会作政府工作报告"
