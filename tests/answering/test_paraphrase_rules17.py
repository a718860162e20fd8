"""Rules round 17 needed, on hand-made reports (no index, no model): years counted with 这 ("这四年") are the ones a
review counts back ("四年来"); 没 said 木 in net slang ("完成了木有") asks yes or no; a rank said after a rate in the
same window ("增长0.6%、排全市第4位") ranks that rate, and one in words after 全州, 全旗, 全盟 or 全镇 ("全州第一") is a rank; a
crop asked by its growing ("烟叶种植") is named by the crop; amounts compared where each place gives a rate alone are
refused."""
from __future__ import annotations

import pytest
from answering.test_who_and_counts import ask as ask_as
from handmade import QINGHE, Passages, sentence_reports, zone_report

from bot.answering.answerer import Answerer
from bot.answering.settings import AnswerSettings
from index.text.timelabel import RESULT, TimeLabel


def ask(question: str, docs: list[dict], texts: dict[str, str]):
    return Answerer(Passages(docs, texts), AnswerSettings(default_place=docs[0]["place"])).ask(question)


def test_a_period_counted_with_zhe_is_the_review_s():
    news = zone_report("青禾高新区两会", "2017-03-12", "四年来,青禾经济换挡不失速,年均增长10.1%,经济总量净增加822.4亿元,"
                                                     "是2012年的1.5倍。今后五年的主要目标是,全区生产总值年均增长9%以上。")
    got = ask_as("青禾高新区这四年经济总量涨了多少", *news, QINGHE)
    assert not got.abstained and "822.4亿元" in got.answer and "2013—2016年" in got.answer and "9%" not in got.answer


def test_mu_you_asks_whether_a_task_was_done():
    news = zone_report("青禾高新区多项经济指标逆势增长", "2020-11-09",
                       "1—9月完成实际利用外资11644万美元占全年任务的194%,提前超额完成全年任务。")
    got = ask_as("青禾高新区20年利用外资任务完成了木有", *news, QINGHE)
    assert not got.abstained and got.answer.startswith("完成了") and "194%" in got.answer


YUPING = {"doc_id": "yp", "place": "玉屏侗族自治县", "date": "2023-02-23", "title": "玉屏侗族自治县政府工作报告"}
RATE_THEN_RANK = "2022年,完成地区生产总值105.85亿元,增长0.6%、排全市第4位。"


def test_a_rank_after_a_rate_in_its_window_ranks_the_rate():
    got = ask("玉屏22年地区生产总值增速在全市排几", [YUPING], {"yp": RATE_THEN_RANK})
    assert not got.abstained and "第4位" in got.answer
    got = ask("玉屏22年GDP总量在全市排第几", [YUPING], {"yp": RATE_THEN_RANK})
    assert got.abstained and "105.85亿元" not in got.answer.partition("资料中只有")[0]


TEXTS = {"嵩县": "加快发展烟叶、核桃产业。", "松溪县": "粮食产量6.81万吨,烟叶产量2.4万担。", "大理市": "洱海水质连续7个月达Ⅱ类。",
         "北镇市": "完成30万吨稻米加工项目。", "临夏县": "易地扶贫搬迁2329户。", "东方市": "货物吞吐量达1645.6万吨。",
         "弥勒市": "建成高标准农田7.1万亩。", "绛县": "规模以上工业增加值9.7亿元。"}
DOCS = [{"doc_id": f"d{i}", "place": p, "date": "2019-01-20", "title": f"{p}政府工作报告"} for i, p in enumerate(TEXTS)]


def test_a_crop_asked_by_its_growing_is_named_by_the_crop():
    texts = {d["doc_id"]: TEXTS[d["place"]] for d in DOCS}
    answerer = Answerer(sentence_reports(DOCS, texts, TimeLabel(2018, RESULT)), AnswerSettings(default_place="嵩县"))
    got = answerer.ask("都有哪些地方提到烟叶种植啊")
    assert "嵩县" in got.answer and "松溪" in got.answer and "北镇" not in got.answer and "大理" not in got.answer



def test_amounts_compared_where_both_give_rates_alone_is_a_refusal():
    docs = [{"doc_id": "dt", "place": "东台经济开发区", "date": "2019-02-12", "title": "东台经济开发区推进会"},
            {"doc_id": "ga", "place": "广安经开区", "date": "2024-02-18", "title": "广安经开区高质量发展大会"}]
    texts = {"dt": "2018年,一般公共预算收入同比增长8%。", "ga": "2023年,地方一般公共预算收入增长12.5%。"}
    answerer = Answerer(Passages(docs, texts), AnswerSettings(default_place="广安经开区"))
    got = answerer.ask("东台开发区和广安经开区一般公共预算收入谁多")
    assert got.abstained and "8%" in got.answer and "12.5%" in got.answer
    got = answerer.ask("东台开发区和广安经开区一般公共预算收入谁涨得快")
    assert not got.abstained and "8%" in got.answer and "12.5%" in got.answer


@pytest.mark.parametrize("whole", ["全州", "全旗", "全盟", "全镇"])
def test_a_rank_in_words_after_a_prefecture_banner_or_town_is_a_rank(whole):
    mile = {"doc_id": "ml", "place": "弥勒市", "date": "2023-01-31", "title": "弥勒市政府工作报告"}
    text = f"2022年,全市经济总量连续多年保持{whole}第一,增速跃居{whole}第5。"
    got = ask(f"弥勒经济总量在{whole}排第几", [mile], {"ml": text})
    assert not got.abstained and f"{whole}第一" in got.answer


def test_targets_compared_as_rates_are_answered():
    docs = [{"doc_id": "hn", "place": "河南省", "date": "2026-01-20", "title": "2026年河南省政府工作报告"},
            {"doc_id": "hb", "place": "河北省", "date": "2026-01-20", "title": "2026年河北省政府工作报告"}]
    texts = {"hn": "今年主要预期目标是:地区生产总值增长5.5%左右。", "hb": "今年主要预期目标是:地区生产总值增长5%以上。"}
    got = Answerer(Passages(docs, texts), AnswerSettings(default_place="河南省")).ask("河南河北今年GDP目标谁高")
    assert not got.abstained and "5.5%左右" in got.answer and "5%以上" in got.answer


def test_a_rank_said_of_a_high_base_is_the_level_s():
    mile = {"doc_id": "ml", "place": "弥勒市", "date": "2023-01-31", "title": "弥勒市政府工作报告"}
    text = "2022年,全市地区生产总值增长3.1%,在经济总量连续多年保持全州第一的高基数下,增速跃居全州第5。"
    got = ask("弥勒经济总量在全州排第几", [mile], {"ml": text})
    assert not got.abstained and "全州第一" in got.answer
    got = ask("弥勒22年GDP增速全州排第几", [mile], {"ml": text})
    assert not got.abstained and "第5" in got.answer

