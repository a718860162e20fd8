"""Comparisons a report states itself, on hand-made evidence: the gap of a figure to a level
("比全省、全市分别高2、1.4个百分点"), and the share of a target reached ("完成全年总量目标的107%")."""
from __future__ import annotations

from types import SimpleNamespace

from bot.answering.comparison import stated_gaps
from bot.answering.compose import Composer
from bot.answering.reading.question import parse
from handmade import evidence


def _against(text: str, *sentences: str):
    q = parse(text, 2024)
    said = [evidence(q, s, i + 1, 2023, "result") for i, s in enumerate(sentences)]
    return q, Composer(SimpleNamespace(place_of={}), 0.5).against(text, q, said)


def test_the_gap_to_the_level_asked_is_given_with_the_figure_not_the_other_levels():
    q, a = _against("GDP增速比全省高多少", "地区生产总值增长8%，比全省、全市分别高2、1.4个百分点。")
    assert q.shape.value == "against" and not a.abstained
    assert a.answer.startswith("比全省高2个百分点。") and "增长8%，比全省高2个百分点" in a.answer
    assert "1.4" not in a.answer
    _, a = _against("GDP增速比全市高多少", "地区生产总值增长8%，比全省、全市分别高2、1.4个百分点。")
    assert a.answer.startswith("比全市高1.4个百分点。") and "全省" not in a.answer


def test_a_gap_said_with_a_verb_keeps_its_direction():
    _, a = _against("去年工业用电增速比全市高多少",  # half-width commas, as the report has them
                    "完成工业用电量22.9亿千瓦时,同比增长20.2%,超过全市19.7个百分点,居全市头部;完成存款余额190亿元")
    assert a.answer.startswith("比全市高19.7个百分点。") and "20.2%" in a.answer
    _, a = _against("GDP增速比全国高多少", "地区生产总值增长4.8%，低于全国0.3个百分点")
    assert a.answer.startswith("比全国低0.3个百分点。")


def test_a_gap_is_quoted_without_the_gap_to_another_level_stated_after_it():
    sentence = "全区实现地区生产总值882.2亿元、增长9.0%，比全省高出1.1个百分点，比全市高出0.8个百分点。"
    _, a = _against("GDP增速比全省高几个百分点", sentence)
    assert a.answer.startswith("比全省高1.1个百分点。") and "增长9.0%，比全省高出1.1个百分点" in a.answer
    assert "0.8" not in a.answer
    _, a = _against("GDP增速比全市高几个百分点", sentence)
    assert a.answer.startswith("比全市高0.8个百分点。") and "增长9.0%，比全市高出0.8个百分点" in a.answer
    assert "1.1" not in a.answer


def test_a_gap_after_the_next_figure_is_not_the_figure_s():
    _, a = _against("GDP增速比全市高多少", "地区生产总值增长9%，比全省高1个百分点，工业增加值增长12%，比全市高3个百分点")
    assert a.abstained and "3个百分点" not in a.answer.partition("资料中只有")[0]


def test_gaps_of_several_figures_to_one_level_are_no_one_figure_s_gap():
    """"工业技改投资、制造业技改投资增速分别高于全国12.7个、12个百分点": two figures, one level."""
    assert stated_gaps("，分别高于全国12.7个、12个百分点") == []
    assert [(g.level, g.value) for g in stated_gaps("，高出全国平均水平9.1个百分点")] == [("全国平均水平", 9.1)]


def test_without_a_stated_gap_the_figure_is_only_offered():
    _, a = _against("GDP增速比全省高多少", "地区生产总值增长8%。")
    assert a.abstained and a.answer.startswith("资料中没有地区生产总值与全省的比较。资料中只有") and "8%" in a.answer
    _, a = _against("去年工业用电增速比全市高多少", "完成工业用电量22.9亿千瓦时,同比增长20.2%")
    assert a.abstained and a.answer.startswith("资料中没有2023年工业用电与全市的比较。")


def test_a_gap_stated_after_another_figure_is_that_figure_s():
    _, a = _against("GDP增速比全省高多少", "地区生产总值增长8%，规上工业增加值增长17.7%，比全省高11.6个百分点")
    assert a.abstained and "11.6" not in a.answer.partition("资料中只有")[0]


def _attained(sentence: str):
    q = parse("2021年GDP完成全年目标了吗", 2022)
    said = [evidence(q, sentence, 1, 2021, "estimate")]
    return q, Composer(SimpleNamespace(place_of={}), 0.5).compare(q.text, q, said, [((2021, "target"), []),
                                                                                    ((2021, "result"), [])])


def test_a_stated_share_of_the_target_says_whether_it_was_reached_by_the_year_s_estimate():
    q, a = _attained("地区生产总值预计实现1900亿元，完成全年总量目标的107%，同比增长15%")
    assert q.shape.value == "attained" and not a.abstained
    assert a.answer.startswith("完成了。") and "1900亿元" in a.answer and "107%" in a.answer
    _, a = _attained("地区生产总值预计实现1600亿元，完成全年总量目标的92%")
    assert a.answer.startswith("没有完成。") and "92%" in a.answer


def test_the_share_is_the_figure_s_own_not_an_earlier_figure_s():
    _, a = _attained("一般公共预算收入预计完成150.9亿元,完成全年总量目标的98%;地区生产总值预计实现1900亿元,完成全年总量目标的107%")
    assert a.answer.startswith("完成了。") and "107%" in a.answer and "98%" not in a.answer


def test_without_a_target_or_a_stated_share_there_is_nothing_to_compare():
    _, a = _attained("地区生产总值预计实现1900亿元，同比增长15%")
    assert a.abstained and "目标" in a.answer


# -- two metrics of one place: each side its own figure, then which is larger ------------------

ZONE_2022 = ("完成存款余额190亿元、增长6%,贷款余额201亿元、增长11%;完成总税收42.18亿元。", 2022, "result")


def _metrics(text: str, *said: tuple[str, int, str]):
    q = parse(text, 2023)
    ev = [evidence(q, s, i + 1, year, kind) for i, (s, year, kind) in enumerate(said)]
    return q, Composer(SimpleNamespace(place_of={}), 0.5).metrics(text, q, ev)


def test_two_metrics_each_show_their_own_figure_then_which_is_larger_and_by_how_much():
    q, a = _metrics("去年贷款余额比存款多还是少", ZONE_2022)
    assert q.shape.value == "two metrics" and not a.abstained
    assert a.answer.startswith("多。2022年实际完成：贷款余额201亿元") and "存款余额190亿元" in a.answer
    assert a.answer.endswith("贷款余额比存款多11亿元（201−190=11）。") and a.value == "11亿元"
    _, a = _metrics("去年存款比贷款多多少", ZONE_2022)
    assert a.answer.startswith("少。") and "存款比贷款少11亿元" in a.answer


def test_two_growth_rates_differ_by_percentage_points():
    _, a = _metrics("去年贷款增速比存款高多少", ZONE_2022)
    assert a.answer.startswith("高。") and "贷款比存款高5个百分点（11−6=5）" in a.answer


def test_a_metric_the_reports_do_not_give_leaves_nothing_to_compare():
    _, a = _metrics("去年贷款余额比进出口多多少", ZONE_2022)
    assert a.abstained and a.answer.startswith("资料中没有2022年进出口") and "无法比较" in a.answer


def test_figures_of_different_years_are_not_compared():
    _, a = _metrics("贷款余额比存款多多少", ("贷款余额201亿元", 2022, "result"), ("存款余额150亿元", 2021, "result"))
    assert a.abstained and "无法比较" in a.answer and "51" not in a.answer


def test_a_year_or_a_level_after_bi_is_not_a_second_metric():
    assert parse("GDP比去年增长多少", 2023).shape.value == "figure"
    assert parse("GDP增速比全省高多少", 2023).shape.value == "against"
    assert parse("R&D占比和新增孵化载体各多少", 2023).shape.value != "two metrics"  # 占比 compares nothing
    assert parse("城镇居民收入比农村居民收入高多少", 2023).shape.value == "two metrics"


def test_a_second_metric_named_without_its_head_is_of_the_first_s():
    q = parse("农村居民收入增速比城镇快吗", 2023)  # 城镇: the group's own metric, 城镇居民人均可支配收入
    assert [[t.text for t in side] for side in q.versus] == [["农村居民人均可支配收入"], ["城镇居民人均可支配收入"]]
