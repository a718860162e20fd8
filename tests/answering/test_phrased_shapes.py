"""Question shapes however they are phrased (#23): whether a year's result reached its target asked
by any verb of reaching, a pace asked one way or the other, an overview asked as the year's 账本, which
places asked as 哪几个省区…提的, a list asked by its 关键词, a standing name asked with no year, and a
target its report states in words. Hand-made reports, no index, no model."""
from __future__ import annotations

import pytest

from answering.test_who_and_counts import ask
from bot.answering.evidence import time_agrees
from bot.answering.reading.question import Shape, parse
from index.text.timelabel import RESULT, TARGET, TimeLabel

PLACES = ("广东省", "河南省", "甘肃省", "广西壮族自治区")


def report(doc_id: str, place: str, date: str) -> dict:
    return {"doc_id": doc_id, "place": place, "date": date, "title": f"{date[:4]}年{place}政府工作报告"}


# -- whether the result reached the target, asked by any verb of reaching ----------------------------

GUANGDONG = [report("g25", "广东省", "2025-01-20"), report("g26", "广东省", "2026-01-20")]
GUANGDONG_TEXTS = {"g25": "二、2025年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。",
                   "g26": "一、2025年工作回顾\n地区生产总值增长3.9%、总量连续37年居全国首位。"}


@pytest.mark.parametrize("text", ["广东25年经济增速有没有够上年初定的目标", "广东25年经济增长跑赢预期目标了没",
                                  "广东25年GDP增速有没有达到年初定的目标"])
def test_a_verb_of_reaching_a_target_asks_whether_the_result_reached_it(text):
    got = ask(text, GUANGDONG, GUANGDONG_TEXTS, "广东省")
    assert got.answer.startswith("没有")  # 3.9% is short of 5%左右
    assert "3.9%" in got.answer and "5%左右" in got.answer and "2025年" in got.answer


def test_a_result_above_its_target_reached_it():
    texts = dict(GUANGDONG_TEXTS, g26="一、2025年工作回顾\n地区生产总值增长5.6%。")
    got = ask("广东25年经济增长跑赢预期目标了没", GUANGDONG, texts, "广东省")
    assert got.answer.startswith("完成了") and "5.6%" in got.answer and "5%左右" in got.answer


@pytest.mark.parametrize("text", ["今年GDP目标有没有超过5%", "今年GDP目标定了多少", "去年GDP实现了多少"])
def test_a_target_asked_itself_is_not_whether_it_was_reached(text):
    assert parse(text, 2026, PLACES).shape != Shape.ATTAINED


# -- a pace asked one way or the other -----------------------------------------------------------------

HENAN = [report("h25", "河南省", "2025-01-20"), report("h26", "河南省", "2026-01-20")]
HENAN_TEXTS = {"h25": "一、2024年工作回顾\n全年生产总值6.36万亿元、增长5.1%。\n"
                      "二、2025年工作安排\n主要预期目标是:经济增长5.5%左右。",
               "h26": "一、2025年工作回顾\n生产总值增长5.6%。\n二、2026年工作安排\n主要预期目标是：经济增长5%左右。"}


@pytest.mark.parametrize("text", ["河南GDP增速24年到25年是提速了还是放缓了", "河南经济这两年是快了还是慢了",
                                  "河南GDP增速这两年是放缓了还是加快了"])
def test_a_pace_asked_either_way_is_told_by_both_years_with_its_verdict(text):
    got = ask(text, HENAN, HENAN_TEXTS, "河南省").answer
    assert got.startswith("提速了。\n")  # 5.1% → 5.6%, a verdict on a line of its own
    assert "2024年" in got and "2025年" in got and got.index("5.1%") < got.index("5.6%")


def test_a_pace_asked_of_two_years_shows_those_years_only():
    got = ask("河南GDP增速24年到25年是提速了还是放缓了", HENAN, HENAN_TEXTS, "河南省")
    assert "2026年" not in got.answer  # the year after the two named is not asked


def test_a_slower_pace_is_said_so_and_a_trend_not_asking_it_has_no_verdict():
    texts = dict(HENAN_TEXTS, h26="一、2025年工作回顾\n生产总值增长4.8%。")
    assert ask("河南GDP增速这两年是加快了还是放缓了", HENAN, texts, "河南省").answer.startswith("放缓了。\n")
    plain = ask("河南GDP增速这两年啥走势", HENAN, texts, "河南省").answer
    assert "5.1%" in plain and "4.8%" in plain and "放缓" not in plain and "提速" not in plain


# -- an overview, which places, a list of keywords -----------------------------------------------------

def test_the_year_s_books_are_its_headline_figures():
    q = parse("泉港23年经济账本几个大数报一下", 2024, ("泉州市泉港区",))
    assert q.shape == Shape.OVERVIEW and q.kind == RESULT and q.years == (2023,)


def test_which_provinces_mention_it_asked_as_who_brought_it_up():
    docs = [report("gd", "广东省", "2026-01-20"), report("gs", "甘肃省", "2025-01-20"),
            report("hn", "河南省", "2026-01-20")]
    texts = {"gd": "积极对接西部陆海新通道，拓展国际海运航线网络。", "gs": "深度融入西部陆海新通道建设。",
             "hn": "推进郑州航空港建设。"}
    got = ask("西部陆海新通道都是哪几个省区在报告里提的", docs, texts, "河南省")
    assert got.answer.startswith("2个") and "广东省" in got.answer and "甘肃省" in got.answer
    assert "河南" not in got.answer and "海运" not in got.answer  # the places, not their passages


def test_the_keywords_of_what_is_built_are_the_sentence_naming_them():
    docs = [{"doc_id": "lz", "place": "兰州新区", "date": "2023-01-10", "title": "兰州新区召开工作会议"}]
    texts = {"lz": "会议强调，要优化提升城市规划，着力打造生态宜居、安全韧性、智慧融合的现代化新城。"}
    for text in ("兰州新区要打造啥样的现代化新城，几个关键词", "兰州新区要打造什么样的现代化新城"):
        got = ask(text, docs, texts, "兰州新区")
        assert not got.abstained and "生态宜居、安全韧性、智慧融合" in got.answer


# -- a standing name asked with no year, a target stated in words --------------------------------------

def test_a_name_asked_of_no_year_nor_kind_is_answered_by_a_period_s_plan():
    plan = TimeLabel(2015, TARGET, span=(2011, 2015))
    assert time_agrees(parse("大连高新区的功能定位是啥", 2010), plan)
    assert not time_agrees(parse("大连高新区地区生产总值多少", 2010), plan)  # a figure is still the year's
    assert not time_agrees(parse("大连高新区2010年的功能定位是啥", 2010), plan)  # and a year asked, that year's


FUZHOU = [report("fz", "福州市", "2026-01-20")]
TARGETS = "今年经济社会发展的主要预期目标是:地区生产总值增长5.5%左右;固定资产投资增速高于全省平均水平;出口总额增长4%。"


def test_a_target_its_list_states_in_words_answers_with_its_year_and_kind():
    for text in ("福州今年固投定的什么目标", "福州今年固投目标是多少"):
        got = ask(text, FUZHOU, {"fz": TARGETS}, "福州市")
        assert not got.abstained and "2026年目标" in got.answer and "固定资产投资增速高于全省平均水平" in got.answer


def test_a_target_stated_as_a_level_of_standing_after_an_aim_word_answers_a_metric_no_list_knows():
    said = "书记某某提出,要以实施工程为抓手,倾尽全力确保技工贸总收入跃上千亿园区台阶。"
    got = ask("福州今年技工贸总收入要冲到多少", FUZHOU, {"fz": said}, "福州市")
    assert not got.abstained and "2026年目标" in got.answer and "技工贸总收入跃上千亿园区台阶" in got.answer


@pytest.mark.parametrize("said", ["今年要扩大有效投资，推动固定资产投资稳步增长。",  # no level it is held to
                                  "今年要确保全市固定资产投资增速高于全省平均水平。"])  # nor opening on the metric
def test_a_clause_that_only_names_the_metric_is_no_target(said):
    assert ask("福州今年固投目标是多少", FUZHOU, {"fz": said}, "福州市").abstained


def test_a_result_asked_is_not_answered_by_a_target_in_words():
    assert ask("福州今年固投实际增长多少", FUZHOU, {"fz": TARGETS}, "福州市").abstained
