"""Rules the held-out8 paraphrases needed, on hand-made report passages (no index, no model): short
sector names run together ("二产三产增加值") are two parts; a count of firms is not an added value;
a target met said in words or as a share of the plan; a change said from one year's level to another's."""
from __future__ import annotations

import numpy as np

from bot.answering.answerer import Answerer
from bot.answering.reading.question import parse
from bot.answering.settings import AnswerSettings
from index.search.searcher import Hit
from index.text.chunking import Chunk, split_sentences
from index.text.timelabel import Frame, label

TIANYUAN = {"doc_id": "ty", "place": "湖南省株洲市天元区", "date": "2017-01-10", "title": "天元区2017年政府工作报告"}
TIANYUAN_TEXT = ("2016年,全区地区生产总值完成300.2亿元,增长10.8%。第一产业增加值10.3亿元,增长3.5%;"
        "第二产业增加值145.8亿元,同比增长11.3%;第三产业增加值144.1亿元,同比增长10.8%。")


class OneReport:
    """Every question retrieves the one report passage."""

    def __init__(self, doc: dict, text: str):
        self.doc = doc
        sentences = tuple((s, e, label(text[s:e], Frame.of(doc["date"]))) for s, e in split_sentences(text))
        self.chunk = Chunk(doc["doc_id"] + "-0", doc["doc_id"], text, (), ((0, len(text)),), sentences=sentences)
        self.index = type("Index", (), {"chunks": [self.chunk], "spans": {doc["doc_id"]: range(1)}})()

    def documents(self):
        return [self.doc]

    def encode(self, texts):
        return np.zeros((len(texts), 4), dtype=np.float32)

    def search_encoded(self, query, qvec, k=5, doc_ids=None, *args, **kwargs):
        return [Hit(1, 0, self.chunk, self.doc, 1.0, 1, 1)]


def ask(doc: dict, text: str, question: str):
    return Answerer(OneReport(doc, text), AnswerSettings(default_place=doc["place"])).ask(question)


def test_two_sector_names_run_together_are_two_metrics():
    for said in ("二产三产增加值分别多少", "二产和三产增加值分别多少"):
        assert parse(said, 2017).metrics == ("第二产业增加值", "服务业增加值")
    assert parse("一产二产三产增加值分别多少", 2017).metrics == ("第一产业增加值", "第二产业增加值", "服务业增加值")


def test_each_of_two_sectors_run_together_gets_its_own_figure():
    got = ask(TIANYUAN, TIANYUAN_TEXT, "天元区16年二产三产增加值分别多少")
    assert not got.abstained and "145.8亿元" in got.answer and "144.1亿元" in got.answer
    assert "10.3亿元" not in got.answer


JINNING = {"doc_id": "jn", "place": "云南省昆明市晋宁区", "date": "2023-01-08", "title": "晋宁区2023年政府工作报告"}
JINNING_TEXT = "2022年,全区规模以上工业增加值增长12.5%,新增规模以上工业企业11家,全区规模以上工业企业达107家。"


def test_a_count_of_firms_asked_is_not_their_added_value():
    got = ask(JINNING, JINNING_TEXT, "晋宁22年新增了几家规上工业企业")
    assert not got.abstained and "11家" in got.answer
    assert "12.5%" not in got.answer and "107家" not in got.answer


TIANYUAN_GDP = ("2016年,天元区地区生产总值突破300亿元,增长10.8%,圆满完成了年度计划目标。"
                "其中第一产业增加值10.8亿元,同比增长3.1%。")
SHAGOU = {"doc_id": "sg", "place": "山东省临沂市沂水县沙沟镇", "date": "2021-01-20", "title": "沙沟镇2021年政府工作报告"}
SHAGOU_TEXT = "2020年,地方财政收入实现2496万元,完成任务的117.46%。"


def test_a_result_stated_against_its_target_in_words_answers_whether_it_was_met():
    got = ask(TIANYUAN, TIANYUAN_GDP, "天元区16年GDP完成年度计划目标了吗")
    assert not got.abstained and got.answer.startswith("完成了") and "10.8%" in got.answer
    missed = TIANYUAN_GDP.replace("圆满完成了年度计划目标", "未完成年度计划目标")
    got = ask(TIANYUAN, missed, "天元区16年GDP完成年度计划目标了吗")
    assert not got.abstained and got.answer.startswith("没有完成")


def test_a_share_of_the_plan_answers_whether_it_was_met_asked_with_mei():
    got = ask(SHAGOU, SHAGOU_TEXT, "沙沟镇20年地方财政收入任务完成没")
    assert not got.abstained and got.answer.startswith("完成了") and "117.46%" in got.answer


HORINGER = {"doc_id": "hl", "place": "内蒙古自治区呼和浩特市和林格尔县", "date": "2011-01-10",
            "title": "和林格尔县2011年政府工作报告"}
HORINGER_TEXT = "“十一五”期间,全县地区生产总值由2005年的61.88亿元预计增加到2010年的130亿元,年均增长16%。"
WULIAN = {"doc_id": "wl", "place": "山东省日照市五莲县", "date": "2012-01-10", "title": "五莲县2012年政府工作报告"}
WULIAN_TEXT = "五年来,全县生产总值由2007年的90.3亿元跃升到145.1亿元,年均增长13.3%。"


def test_a_change_said_from_one_year_to_another_answers_a_trend_between_them():
    got = ask(HORINGER, HORINGER_TEXT, "和林格尔GDP从05年到10年怎么变化的")
    assert not got.abstained and "61.88亿元" in got.answer and "130亿元" in got.answer


def test_the_end_year_left_unsaid_is_the_review_year():
    got = ask(WULIAN, WULIAN_TEXT, "五莲县生产总值从07年到11年怎么变化的")
    assert not got.abstained and "90.3亿元" in got.answer and "145.1亿元" in got.answer
    assert ask(WULIAN, WULIAN_TEXT, "五莲县生产总值从07年到12年怎么变化的").abstained


def test_the_added_value_of_firms_above_the_size_line_is_still_named_by_their_name():
    text = "2022年,全区规上工业企业增加值增长8.6%,新增规上工业企业11家。"
    got = ask(JINNING, text, "晋宁22年规上工业增加值增长多少")
    assert not got.abstained and "8.6%" in got.answer and "11家" not in got.answer


LONGGANG = {"doc_id": "lg", "place": "浙江省温州市苍南县龙港镇", "date": "2011-10-20", "title": "龙港镇2011年工作报告"}


def test_output_of_firms_above_a_size_line_in_money_is_not_output_per_wan_yuan():
    text = "2011年前三季度,其中2000万元规模以上工业企业产值达99.6亿元。"
    got = ask(LONGGANG, text, "龙港镇规模以上工业企业产值多少")
    assert not got.abstained and "99.6亿元" in got.answer
