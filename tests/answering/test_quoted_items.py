"""How much of its sentence an answer quotes: the asked metric's own item of a clause listing several
metrics' figures, the asked level's gap of several, the holder of the office asked among two people."""
from __future__ import annotations

from types import SimpleNamespace

from bot.answering.compose import Composer
from bot.answering.reading.question import parse
from bot.answering.kinds.people import named
from handmade import evidence


def _figure(text: str, sentence: str):
    q = parse(text, 2011)
    return Composer(SimpleNamespace(place_of={}), 0.5).figure(text, q, [evidence(q, sentence, 1, 2010, "result")])


def test_a_clause_listing_several_metrics_figures_is_quoted_for_the_asked_one_alone():
    a = _figure("2010年工业产值多少", "全年共实现工业产值3.83亿元、销售收入3.67亿元、税收3819万元。")
    assert a.value == "3.83亿元" and "工业产值3.83亿元" in a.answer
    assert "3.67亿元" not in a.answer and "3819万元" not in a.answer


def test_the_item_naming_what_is_asked_answers_not_the_first_of_the_list():
    a = _figure("2010年信用村增加到多少个", "信用乡增加到13个、信用村增加到318个。")
    assert a.value == "318个" and "信用村增加到318个" in a.answer and "13个" not in a.answer


def test_a_figure_with_its_change_in_the_next_item_keeps_it():
    a = _figure("2010年招商项目多少个", "全年新签约招商项目1284个、增长271%。")
    assert a.value == "1284个" and "增长271%" in a.answer


def test_a_gap_to_one_level_of_several_is_said_and_quoted_of_that_level_alone():
    q = parse("金华去年GDP增速比全省高多少", 2025)
    said = evidence(q, "全市地区生产总值6925.5亿元、增长6.3%，增速分别高于全省和全国0.8个、1.3个百分点，经济总量站上新台阶。",
                    1, 2024, "result")
    a = Composer(SimpleNamespace(place_of={}), 0.5).against(q.text, q, [said])
    assert a.answer.startswith("比全省高0.8个百分点。") and "增速高于全省0.8个百分点" in a.answer
    assert "1.3" not in a.answer and "全国" not in a.answer


def test_of_two_people_the_holder_of_the_office_asked_is_named():
    q = parse("张家界经开区管委会主任是谁", 2011)
    said = "市政府副秘书长、管委会主任白开文出席并作报告，会议由管委会副主任张进成主持"
    quoted = named(said, q)
    assert "白开文" in quoted and "张进成" not in quoted


def test_an_item_of_a_verb_and_a_figure_is_the_same_subject_s():
    a = _figure("2010年GDP总量多少", "地区生产总值突破3万亿元、达3.6万亿元。")
    assert "达3.6万亿元" in a.answer


def test_an_item_whose_figure_is_of_another_kind_stays_quoted():
    a = _figure("2010年安排了多少重大项目", "安排首批重大项目1678个、年度投资1.1万亿元。")
    assert a.value == "1678个" and "1.1万亿元" in a.answer


def test_of_items_naming_the_metric_alike_the_one_by_the_name_asked_is_quoted_alone():
    """A question saying 财政总收入 or 地方一般公共预算收入 is not asking for the other's figure;
    "财政收入" says neither, so the clause is quoted whole, the total (the wider metric) answering."""
    said = "完成财政总收入671.50亿元、地方一般公共预算收入352.93亿元。"
    a = _figure("2010年财政总收入多少", said)
    assert "财政总收入671.50亿元" in a.answer and "352.93亿元" not in a.answer
    a = _figure("2010年地方一般公共预算收入多少", said)
    assert "地方一般公共预算收入352.93亿元" in a.answer and "671.50亿元" not in a.answer
    a = _figure("2010年财政收入多少", said)
    assert a.value == "671.50亿元" and "352.93亿元" in a.answer
    # 出口额 is a part of 进出口总额, a metric of its own: "出口额多少" is not asking for the total
    a = _figure("2010年出口额多少", "完成进出口总额5000亿元、出口额3000亿元。")
    assert a.value == "3000亿元" and "5000亿元" not in a.answer


def test_without_a_metric_asked_the_first_item_naming_what_is_asked_answers():
    a = _figure("2010年新增孵化载体多少个", "新增孵化载体53个、物理空间194.89万平方米;新增国家级孵化载体9家,数量位列全省第一。")
    assert a.value == "53个" and "9家" not in a.answer


def test_a_target_asked_that_the_year_s_list_states_in_words_says_its_year_and_kind():
    q = parse("福州今年固投定的什么目标", 2026)
    sentence = "固定资产投资增速高于全省平均水平"  # an item of the year's list of targets, no figure in it
    a = Composer(SimpleNamespace(place_of={}), 0.5).sentence(q.text, q, [evidence(q, sentence, 1, 2026, "target")])
    assert "固定资产投资增速高于全省平均水平" in a.answer and "2026年目标" in a.answer
