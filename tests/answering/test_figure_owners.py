"""Which figure a clause's change, rank or gap belongs to, on hand-made sentences: a change clause naming no
metric after a share of a plan, a rank or a counting method; the rank of a total and of its growth; two gaps
to different levels in one sentence."""
from __future__ import annotations

from types import SimpleNamespace

from handmade import hit

from bot.answering.compose import Composer
from bot.answering.evidence import Evidence, coverage
from bot.answering.facts import extract
from bot.answering.reading.question import parse
from index.text.timelabel import RESULT, TARGET, TimeLabel

PLAN = "一季度全区工业总产值完成52.4亿元,占年计划的23.6%,同比增长12.5%;税收收入完成3.1亿元,占预算的27%,同比下降4%。"
RANKS = "全县地区生产总值186.4亿元,居全市第3位,按可比价格计算,增长7.2%,居全市第5位,三年平均增长5.6%。"
GAPS = "力争全区生产总值增速高于全省平均水平3个百分点,高于全国平均水平4.5个百分点,财政收入增长8%。"


def _ask(text: str, sentence: str, kind: str = RESULT, year: int = 2020):
    q = parse(text, year + 1)
    said = [Evidence(hit(sentence, 1), sentence, TimeLabel(year, kind), *coverage(q, sentence))]
    composer = Composer(SimpleNamespace(place_of={}), 0.5)
    return composer.against(text, q, said) if q.against else composer.figure(text, q, said)


def test_a_change_after_a_share_of_the_plan_is_the_figure_s_not_the_share_s():
    changes = {f.value: f.change for f in extract(PLAN)}
    assert changes["52.4亿元"] == "同比增长12.5%" and changes["3.1亿元"] == "同比下降4%"
    assert changes["23.6%"] is None and changes["27%"] is None
    got = _ask("一季度工业总产值同比增长多少", PLAN)
    assert not got.abstained and "12.5%" in got.answer and "23.6%" not in got.answer


def test_a_share_of_the_plan_achieved_is_a_result():
    assert parse("一季度工业总产值完成年计划的百分之多少", 2021).kind != TARGET
    got = _ask("一季度工业总产值完成年计划的百分之多少", PLAN)
    assert not got.abstained and "23.6%" in got.answer


def test_a_change_past_a_rank_and_a_counting_method_is_the_total_s():
    got = _ask("全县地区生产总值增长多少", RANKS)
    assert not got.abstained and "7.2%" in got.answer and "5.6%" not in got.answer


def test_a_rank_after_a_growth_rate_ranks_the_growth():
    got = _ask("GDP增速在全市排第几位", RANKS)
    assert not got.abstained and "第5位" in got.answer and "第3位" not in got.answer
    got = _ask("GDP总量在全市排第几位", RANKS)
    assert not got.abstained and "第3位" in got.answer and "第5位" not in got.answer


def test_an_average_growth_over_years_is_quoted_without_the_year_s_growth():
    got = _ask("地区生产总值三年平均增长多少", RANKS)
    assert not got.abstained and "5.6%" in got.answer and "7.2%" not in got.answer


def test_of_two_gaps_to_different_levels_the_level_asked_answers():
    for level, own, other in (("全国", "4.5个百分点", "3个百分点"), ("全省", "3个百分点", "4.5个百分点")):
        got = _ask(f"全区生产总值增速要比{level}高多少", GAPS, TARGET)
        assert not got.abstained and own in got.answer and other not in got.answer
        got = _ask(f"全区GDP增速目标高出{level}平均几个百分点", GAPS, TARGET)
        assert not got.abstained and own in got.answer and other not in got.answer


def test_a_change_beside_a_level_does_not_take_the_level_s_place():
    sentence = "全区地区生产总值连续三年跨越百亿台阶,2020年达到186亿元、增长6.2%,增速居全市第2位。"
    got = _ask("2020年全区GDP总量多少", sentence)
    assert not got.abstained and "186亿元" in got.answer


def test_each_part_of_a_several_metrics_question_takes_its_own_figure_not_its_fellow_s():
    # the first metric's clause, then its figure's, then the second metric's: asked together, each part keeps
    # to its own figure, and the quote of the first names no figure of the second
    revenue = "财政总收入突破两亿元大关,实现21456万元,增长18.2%,一般预算收入完成9870万元,累计支出54321万元。"
    q = parse("某县去年财政总收入跟一般预算收入各多少", 2021)
    said = [Evidence(hit(revenue, 1), revenue, TimeLabel(2020, RESULT), *coverage(part, revenue)) for part in q.parts()]
    composer = Composer(SimpleNamespace(place_of={}), 0.5)
    total, kept = (composer.figure("", part, [ev]) for part, ev in zip(q.parts(), said))
    assert "21456万元" in total.answer and "9870万元" not in total.answer
    assert "9870万元" in kept.answer and "21456万元" not in kept.answer
