"""Which figure of a sentence is the metric asked (issue #22, figures that are not the metric): a
part given after its whole, a name used as another metric's divisor, a figure after another
metric's name, and the income of one population. Questions read by the parser, answers composed
from hand-made evidence (no index, no model)."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from bot.answering.compose import Composer
from bot.answering.evidence import Evidence, coverage
from bot.answering.reading.question import parse
from handmade import hit
from index.text.timelabel import RESULT, TimeLabel


def answer(text: str, *sentences: str, year: int = 2017):
    """The answer to `text` from `sentences`, each a result of `year`, in retrieval order."""
    q = parse(text, year + 1)
    evidence = [Evidence(hit(s, i + 1), s, TimeLabel(year, RESULT), *coverage(q, s))
                for i, s in enumerate(sentences)]
    return Composer(SimpleNamespace(place_of={}), 0.5).figure(text, q, evidence)


REVENUE = "财政总收入30.9亿元,其中地方财政收入17.3亿元,分别增长13.3%、8.6%"


def test_a_part_given_after_its_whole_does_not_answer_for_the_whole():
    got = answer("去年财政总收入多少", REVENUE)
    assert "30.9亿元" in got.answer and "17.3亿元" not in got.answer
    got = answer("去年财政收入多少", REVENUE)
    assert "30.9亿元" in got.answer and "17.3亿元" not in got.answer


def test_a_metric_named_otherwise_after_the_name_asked_is_not_what_was_asked():
    said = "全年实现生产总值83.91亿元、增长10.8%，完成财政总收入4.17亿元、增长6.1%，完成地方财政收入3.02亿元、增长9.2%"
    got = answer("去年财政总收入多少", said)
    assert "4.17亿元" in got.answer and "3.02亿元" not in got.answer
    got = answer("去年地方财政收入多少", said)
    assert "3.02亿元" in got.answer and "4.17亿元" not in got.answer
    got = answer("去年出口额多少", "完成出口额3000亿元，完成进出口总额5000亿元")
    assert got.value == "3000亿元" and "5000亿元" not in got.answer
    # a fuller form of the name asked is the metric asked, whatever the clauses before it say
    got = answer("去年新增就业多少", "做好重点群体就业工作，加强困难群体就业帮扶，城镇新增就业100万人，零就业家庭动态清零")
    assert not got.abstained and got.value == "100万人"


TRADE = "完成进出口总额5000亿元，完成出口额3000亿元，进口总值2000亿元"


@pytest.mark.parametrize("question, value", [
    ("去年出口额多少", "3000亿元"), ("去年出口多少", "3000亿元"), ("去年出口总额是多少", "3000亿元"),
    ("去年进口额多少", "2000亿元"), ("去年进出口多少", "5000亿元"), ("去年外贸多少", "5000亿元"),
    ("去年进出口总额是多少", "5000亿元"),
])
def test_exports_and_imports_are_parts_of_the_trade_total_each_asked_by_its_own_name(question, value):
    got = answer(question, TRADE)
    assert got.value == value and all(v not in got.answer for v in {"5000亿元", "3000亿元", "2000亿元"} - {value})


def test_the_part_answers_when_the_question_names_it():
    got = answer("去年地方财政收入多少", REVENUE)
    assert "17.3亿元" in got.answer and "30.9亿元" not in got.answer


def test_a_metric_measured_per_unit_of_gdp_is_not_gdp():
    got = answer("2021年GDP增长了多少", "万元GDP综合能耗下降2.3%", year=2021)
    assert got.abstained and "2.3%" not in got.answer
    got = answer("2021年GDP增长了多少", "万元GDP综合能耗下降2.3%", "地区生产总值同比增长15%", year=2021)
    assert not got.abstained and "15%" in got.answer and "2.3%" not in got.answer


def test_a_change_after_another_metric_s_name_is_that_metric_s():
    sentence = "地区生产总值实现432.6亿元,固定资产投资总量211.9亿元,建筑业完成151.6亿元,较去年增长21.8%"
    got = answer("去年GDP增长了多少", sentence)
    assert "21.8%" not in got.answer and "151.6亿元" not in got.answer
    got = answer("去年GDP多少", sentence)
    assert "432.6亿元" in got.answer and "211.9亿元" not in got.answer


def test_residents_income_is_not_one_population_s():
    rural = "农村居民人均可支配收入增长6.1%"
    got = answer("2024年居民收入增长多少", rural, "居民人均可支配收入增长5.4%", year=2024)
    assert "5.4%" in got.answer and "6.1%" not in got.answer
    got = answer("2024年居民收入增长多少", rural, year=2024)
    assert got.abstained and "6.1%" not in got.answer.partition("资料中只有")[0]


def test_one_population_s_income_is_not_another_s():
    got = answer("去年城镇居民人均可支配收入多少", "农民人均收入增加1207元", year=2025)
    assert got.abstained and "1207元" not in got.answer
    got = answer("去年农民收入多少", "农民人均收入增加1207元", year=2025)
    assert not got.abstained and "1207元" in got.answer


def test_both_groups_said_together_name_each_group_and_all_residents():
    both = "城镇和农村常住居民人均可支配收入分别增长3.9%和5.7%"
    for text in ("去年城乡居民收入增长多少", "去年农村居民收入增长多少", "去年居民收入增长多少"):
        got = answer(text, both, year=2025)
        assert not got.abstained and "5.7%" in got.answer, text
    got = answer("去年城镇居民收入多少", "城乡居民人均可支配收入分别达到42149元、18435元", year=2024)
    assert not got.abstained and "42149元" in got.answer


SHARES = "高新技术产品产值占规模以上工业产值的比重约50%,先进制造业产值占规模以上工业产值的比重达66.7%"


def test_a_share_of_a_whole_asks_for_the_part_s_share():
    got = answer("先进制造业占工业产值多少", SHARES)
    assert not got.abstained and "66.7%" in got.answer and "50%" not in got.answer
    got = answer("先进制造业占工业产值多少", "规模以上工业产值增长8%")
    assert got.abstained and "8%" not in got.answer


def test_the_tax_share_said_short_is_the_tax_share():
    sentence = "一般公共预算收入32.7亿元,增长10.8%,税占比90.7%"
    got = answer("去年税收占比多少", sentence, year=2023)
    assert not got.abstained and "90.7%" in got.answer and "10.8%" not in got.answer


def test_a_change_asked_is_not_answered_by_a_level_which_is_only_offered():
    level = "地区生产总值实现432.6亿元"
    got = answer("去年GDP增长了多少", level)
    assert got.abstained and "资料中只有" in got.answer and "432.6亿元" in got.answer
    got = answer("去年GDP增长了多少", level, "地区生产总值增长6.5%")
    assert not got.abstained and "6.5%" in got.answer
    got = answer("去年经济增长多少", level)  # 经济增长 names the metric: its level answers
    assert not got.abstained and "432.6亿元" in got.answer


def test_a_name_holding_a_word_of_the_question_is_not_another_metric():
    got = answer("财政收入里税收占多少比例", "一般公共预算收入90亿元,增长11.4%,税收占比93.2%")
    assert not got.abstained and "93.2%" in got.answer


def test_a_level_answers_where_the_question_asks_no_change_by_a_report_s_verb():
    got = answer("去年减税降费多少", "全年减税降费31.8亿元", year=2022)
    assert not got.abstained and "31.8亿元" in got.answer
    got = answer("去年几项指标增幅全市第一", "一般公共预算收入、固定资产投资等5项主要经济指标增幅位列全市第一")
    assert not got.abstained and "5项" in got.answer


def test_the_base_a_change_is_said_against_is_neither_answered_nor_quoted():
    got = answer("去年GDP增加了多少", "地区生产总值达到1369.7亿元,较上年的1232.1亿元增加137.6亿元,增长11.2%")
    assert not got.abstained and "137.6亿元" in got.answer and "1232.1亿元" not in got.answer


def test_a_time_word_said_inside_the_metric_s_name_leaves_the_name_whole():
    got = answer("城镇居民去年收入多少", "城乡居民人均可支配收入分别达到42149元、18435元", year=2024)
    assert not got.abstained and "42149元" in got.answer
    # the firms' name before the year and their output after it are one metric, not the firms counted
    said = "全区27家规模以上企业实现产值49.45亿元,同比增长3%,实现增加值8.10亿元"
    got = answer("规上工业企业2015年产值多少", said, year=2015)
    assert not got.abstained and "49.45亿元" in got.answer and "8.10亿元" not in got.answer


def test_a_share_asked_of_a_metric_before_zhan_is_its_share_not_its_amount():
    budget = "一般公共预算收入90亿元,增长11.4%,税收占比93.2%"
    for question in ("财政收入里税收占多少比例", "税收占多少比例"):
        got = answer(question, budget, "税收收入83.9亿元")
        assert "93.2%" in got.answer and "83.9亿元" not in got.answer, question


def test_a_figure_said_after_the_name_in_a_clause_of_its_own_is_the_name_s():
    """"财政总收入突破亿元大关,实现11338万元": the figure of the next clause is 财政总收入's, and the
    一般预算收入 named after it is another metric, never the total asked."""
    said = "财政总收入突破亿元大关,实现11338万元,增长57.7%,一般预算收入完成7309万元,累计支出64338万元"
    got = answer("去年财政总收入多少", said)
    assert "11338万元" in got.answer and "7309万元" not in got.answer


def test_revenue_asked_loosely_is_the_total_where_a_report_gives_both():
    """财政总收入 and 一般公共预算收入 are metrics of their own; "财政收入" alone (asked_names.tsv
    `wider:`) asks the total where a report gives it, else the budget revenue."""
    said = "财政总收入突破亿元大关,实现11338万元,增长57.7%,一般预算收入完成7309万元,累计支出64338万元"
    assert answer("去年财政收入多少", said).value == "11338万元"
    got = answer("去年一般预算收入多少", said)
    assert got.value == "7309万元" and "11338万元" not in got.answer
    # the part in the better-ranked sentence, the whole in another
    got = answer("去年财政收入多少", "一般公共预算收入7309万元", "全年完成全口径财政收入11338万元")
    assert got.value == "11338万元"
    got = answer("去年财政收入多少", "一般公共预算收入7309万元,增长5%")
    assert not got.abstained and got.value == "7309万元"


def test_the_total_is_no_name_of_the_budget_revenue_nor_the_other_way():
    got = answer("去年财政总收入多少", "一般公共预算收入7309万元,增长5%")
    assert got.abstained and "7309万元" not in got.answer.partition("资料中只有")[0]
    listed = "全口径财政收入、一般预算财政收入分别实现550.7亿元和95.8亿元"
    assert answer("去年一般预算财政收入多少", listed).value == "95.8亿元"
    assert answer("去年全口径财政收入多少", listed).value == "550.7亿元"
    assert answer("去年财政收入多少", listed).value == "550.7亿元"
    got = answer("去年一般公共预算收入多少", "全口径财政收入133亿元,同比增长37%")
    assert got.abstained and "133亿元" not in got.answer.partition("资料中只有")[0]


def test_a_share_of_the_metric_asked_is_not_the_metric():
    got = answer("去年全年GDP是多少", "服务业增加值占GDP比重达50%")
    assert got.abstained and "50%" not in got.answer
    # the share itself asked is answered by it
    got = answer("去年服务业增加值占GDP比重多少", "服务业增加值86.4亿元,增长13.9%", "服务业增加值占GDP比重达50%")
    assert not got.abstained and got.value == "50%"
    # a divisor the question names only as a topic word (财政支出 is no metric asked) is said by the
    # share's sentence all the same: the answer is as sure as one naming everything asked
    got = answer("科技拨款占财政支出比例去年多少", "科技拨款占财政支出比例达8.6%", "全年科技拨款3.5亿元")
    assert got.value == "8.6%" and got.confidence == 1.0


def test_local_public_revenue_is_not_the_total_revenue():
    """地方公共财政收入 is 一般公共预算收入 by its older name; 公共财政总收入 is the total it is part of."""
    said = "公共财政总收入12.77亿元,下降2.4%,地方公共财政收入8.58亿元,下降4.3%"
    got = answer("地方公共财政收入是涨了还是跌了", said, year=2019)
    assert not got.abstained and "8.58亿元" in got.answer and "12.77亿元" not in got.answer
    got = answer("公共财政总收入多少", said, year=2019)
    assert not got.abstained and "12.77亿元" in got.answer and "8.58亿元" not in got.answer


def test_above_scale_firms_output_is_not_the_town_s_gdp():
    said = "完成地区生产总值25亿元,增长6%;完成规模以上企业生产总值11.14亿元,同比增长33.7%"
    got = answer("2020年规上企业产值增长多少", said, year=2020)
    assert not got.abstained and "33.7%" in got.answer and "6%" not in got.answer.replace("33.7%", "")
    got = answer("2020年GDP多少", said, year=2020)
    assert not got.abstained and "25亿元" in got.answer and "11.14亿元" not in got.answer


def test_rnd_spending_over_gdp_is_the_rnd_intensity():
    said = "全社会R&D支出占GDP比重跨越8%"
    got = answer("去年研发投入强度多少", said, year=2023)
    assert not got.abstained and "8%" in got.answer


def test_a_bare_measure_of_a_thing_named_before_it_is_that_thing_s_not_the_metric_s():
    said = "实现增加值8.10亿元,同比增长15.4%。共有12个技改项目,累计完成投资1.27亿元"
    got = answer("去年固定资产投资完成多少", said)
    assert got.abstained and "1.27亿元" not in got.answer
    got = answer("去年技改项目完成投资多少", said)  # the question names the thing itself
    assert not got.abstained and "1.27亿元" in got.answer
    got = answer("去年固定资产投资多少", "实施工业项目75个,总投资101.8亿元,项目平均投资规模超过亿元")
    assert got.abstained and "101.8亿元" not in got.answer
    got = answer("去年固定资产投资完成多少", "全区完成投资52.6亿元,增长12%")  # the place's own
    assert not got.abstained and "52.6亿元" in got.answer


def test_a_bare_measure_of_a_clause_with_its_own_subject_is_not_the_thing_s_before_it():
    said = "抓好550个省重大项目,力争全年交通、水利、能源领域投资额分别达2400亿元、450亿元、1700亿元"
    got = answer("去年交通投资多少", said)
    assert not got.abstained and "2400亿元" in got.answer
