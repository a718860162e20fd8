"""Rules round 15 needed, on hand-made reports (no index, no model): an official asked for by the word for one
("哪位领导讲的") is asked as 谁, and a text naming nobody who delivered it is refused by what it is (its title);
news naming the speaker in the clause before "向大会作报告"; a session the years reviewed start at ("自…以来") is no
delivery; a ratio's change from one year to another ("由2012年的14.6:53.1:32.3调整为…"); a topic said with its verb
first ("改造棚户区" for 棚户区改造)."""
from __future__ import annotations

import pytest
from handmade import Passages, sentence_reports

from bot.answering.answerer import Answerer
from bot.answering.comparison import from_to_clause
from bot.answering.reading.asks import asks_byline
from bot.answering.reading.question import parse
from bot.answering.reading.topic import names_topic
from bot.answering.settings import AnswerSettings
from index.reading.metadata import byline
from index.text.timelabel import RESULT, TimeLabel


def ask(question: str, docs: list[dict], texts: dict[str, str]):
    return Answerer(Passages(docs, texts), AnswerSettings(default_place=docs[0]["place"])).ask(question)


# -- who: an official asked for, a text that names nobody -------------------------------------------------

YAAN = {"doc_id": "ya", "place": "雅安市", "date": "2024-10-26", "title": "雅安前三季度经济运行情况"}
YAAN_TEXT = "前三季度,全市实现地区生产总值744.94亿元,同比增长6.3%。全市规模以上工业增加值同比增长4.9%。"


@pytest.mark.parametrize("question", ["雅安前三季度经济数据那篇是哪位领导讲的", "雅安前三季度经济那篇是哪个领导讲的"])
def test_an_official_asked_for_is_asked_as_who(question):
    assert asks_byline(parse(question, 2024, ("雅安市",)))


@pytest.mark.parametrize("question", ["雅安前三季度经济数据那篇是哪位领导讲的", "雅安前三季度经济那篇是哪个领导讲的"])
def test_a_text_naming_no_speaker_is_refused_by_what_it_is(question):
    got = ask(question, [YAAN], {"ya": YAAN_TEXT})
    assert got.abstained and "《雅安前三季度经济运行情况》" in got.answer and "没有写明报告人或讲话人" in got.answer
    assert "744.94" not in got.answer and "4.9%" not in got.answer


DONGSHI = ("东石:持续加快 晋西南“新门户”建设\n\n本报讯 (记者 许某 通讯员 乔某) 5月30日上午,晋江市东石镇第十三次党代会在东石镇"
           "政府召开。会议听取、审议、通过了中共东石镇第十二届委员会报告。\n\n"
           "东石镇党委书记洪某立代表中共东石镇第十二届委员会,向大会作报告。\n\n过去五年,东石镇攻坚克难。")


def test_the_speaker_named_in_the_clause_before_delivering_the_report_is_the_speaker():
    said = byline(DONGSHI)
    assert said["speaker"] == "东石镇党委书记洪某立" and "向大会作报告" in said["spoke"]
    doc = {"doc_id": "ds", "place": "东石镇", "date": "2021-06-04", "title": "东石:持续加快 晋西南“新门户”建设", **said}
    got = ask("东石镇党代会报告是谁作的", [doc], {"ds": DONGSHI})
    assert not got.abstained and "洪某立" in got.answer


CANGSHAN = ("2012年苍山县两会《政府工作报告》\n\n2012-02-28 11:43 作者:未知 来源:大众网\n自县十五届人大一次会议以来,本届政府"
            "在县委的坚强领导下,紧紧依靠全县人民,较好完成了目标任务。\n\n各位代表:\n\n现在,我代表县人民政府向大会报告政府工作,请予审议。")


def test_the_session_the_years_reviewed_start_at_is_no_delivery():
    said = byline(CANGSHAN)
    assert "delivered" not in said and "speaker" not in said
    doc = {"doc_id": "cs", "place": "苍山县", "date": "2012-02-28", "title": "2012年苍山县两会《政府工作报告》", **said}
    got = ask("苍山12年那个政府工作报告是谁作的", [doc], {"cs": CANGSHAN})
    assert got.abstained and "没有写明报告人" in got.answer


# -- a ratio's change from one year to another --------------------------------------------------------------

RATIO = "三次产业比由2012年的14.6:53.1:32.3调整为2016年的13.3:47.6:39.1。"


def test_a_ratio_changed_from_one_year_to_another_is_one_change():
    assert from_to_clause(RATIO, 2012, 2016, 2015) == RATIO.rstrip("。")
    assert from_to_clause("结构比由2005年的14:68:18演进为11:64:25。", 2005, 2010, 2010) == "结构比由2005年的14:68:18演进为11:64:25"
    # a ratio's parts are its level, however long, not words before the change's verb
    longer = "三次产业结构由2015年的12.35:45.62:42.03优化为2020年的10.1:40.2:49.7"
    assert from_to_clause(longer + "。", 2015, 2020, 2020) == longer


def test_a_structure_asked_between_two_years_is_told_by_its_change():
    gy = {"doc_id": "gy", "place": "桂阳县", "date": "2016-11-25", "title": "2016年桂阳县人民政府工作报告"}
    text = "一、过去五年工作回顾\n产业转型步伐加快。" + RATIO + "\n二、今后五年工作安排\n加快发展。"
    got = ask("桂阳的三次产业结构2012到2016变成啥样了", [gy], {"gy": text})
    assert not got.abstained and "14.6:53.1:32.3" in got.answer and "13.3:47.6:39.1" in got.answer


# -- a topic said with its verb first -------------------------------------------------------------------------

def test_a_topic_is_named_with_its_verb_first_too():
    assert names_topic("改造棚户区16.72万套、城镇老旧小区6594个", "棚户区改造")
    assert not names_topic("改造老旧小区827个", "棚户区改造")


SHELTERS = [{"doc_id": "js", "place": "江苏省", "date": "2026-02-03", "title": "2026年江苏省政府工作报告"},
            {"doc_id": "gs", "place": "甘肃省", "date": "2026-01-20", "title": "2026年甘肃省政府工作报告"},
            {"doc_id": "zj", "place": "浙江省", "date": "2026-01-14", "title": "2026年浙江省政府工作报告"}]
SHELTER_TEXTS = {"js": "完成棚户区改造3万套。", "gs": "改造棚户区16.72万套、城镇老旧小区6594个。", "zj": "改造老旧小区800个。"}


def test_which_places_name_a_topic_counts_those_saying_its_verb_first():
    answerer = Answerer(sentence_reports(SHELTERS, SHELTER_TEXTS, TimeLabel(2025, RESULT)),
                        AnswerSettings(default_place="江苏省"))
    got = answerer.ask("哪几个地方报告里有棚改 棚户区改造的内容")
    assert not got.abstained and "江苏" in got.answer and "甘肃" in got.answer and "浙江" not in got.answer
