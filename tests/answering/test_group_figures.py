"""Figures given with 分别 for two groups named at once (figure_words.tsv `joint:`, `joined_by`):
the n-th figure is the n-th group's, so a question about one group gets its own figure, quoted
under its own name. Questions read by the parser, answers composed from hand-made evidence."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from bot.answering.compose import Composer
from bot.answering.evidence import Evidence, Sentences, coverage
from bot.answering.facts import extract
from bot.answering.reading.question import parse
from handmade import hit
from index.text.timelabel import RESULT, TimeLabel

def answer(text: str, sentence: str, year: int):
    """The answer to `text` from one sentence, a result of `year`."""
    q = parse(text, year + 1)
    evidence = [Evidence(hit(sentence, 1), sentence, TimeLabel(year, RESULT), *coverage(q, sentence))]
    return Composer(SimpleNamespace(place_of={}), 0.5).figure(text, q, evidence)


JOINT = "城乡居民人均可支配收入分别增长4.3%、6.1%"
JOINED = "全省生产总值增长5.5%，城镇和农村居民人均可支配收入分别增长4.3%、5.5%，十方面民生实事圆满完成"


@pytest.mark.parametrize("sentence,rural", [(JOINT, "6.1%"), (JOINED, "5.5%")])
def test_the_second_figure_is_the_second_group_s(sentence, rural):
    got = answer("去年农村居民收入增长多少", sentence, year=2024)
    assert not got.abstained and rural in got.answer and "4.3%" not in got.answer
    assert "农村居民人均可支配收入增长" + rural in got.answer
    got = answer("去年城镇居民收入增长多少", sentence, year=2024)
    assert not got.abstained and "4.3%" in got.answer and rural not in got.answer


def test_levels_given_for_two_groups_go_to_each_group():
    got = answer("去年农村居民收入多少", "城镇和农村居民人均可支配收入分别超过8万元、4.5万元", year=2025)
    assert not got.abstained and "4.5万元" in got.answer and "8万元" not in got.answer


def test_a_figure_count_that_does_not_fit_the_groups_leaves_the_clause_whole():
    """Three figures for two groups: no figure is given to a group it may not be."""
    assert all("农村居民" not in f.window for f in extract("城乡居民人均可支配收入分别增长4.3%、6.1%、5%"))


def test_a_name_for_no_group_keeps_its_figures_as_said():
    facts = extract("进出口、出口分别增长7%、11%")
    assert [(f.value, f.window) for f in facts] == [("7%", "进出口增长7%"), ("11%", "出口增长11%")]


def test_a_change_asked_of_an_income_is_its_rate_not_its_level():
    """收入 names what changed when a change is asked, so the level beside the rate does not win."""
    both = "城镇和农村居民人均可支配收入分别超过8万元、4.5万元，城镇和农村居民人均可支配收入分别增长4.3%、5.5%"
    got = answer("农村居民收入去年增长是多少", both, year=2025)
    assert not got.abstained and "5.5%" in got.answer and "4.5万元" not in got.answer
    got = answer("去年农村居民收入多少", both, year=2025)
    assert not got.abstained and "4.5万元" in got.answer


def test_both_groups_asked_get_the_figures_of_both():
    got = answer("凤县去年城里人和农村人收入各多少", "城乡居民人均可支配收入分别达到42149元、18435元", year=2024)
    assert not got.abstained and "42149元" in got.answer and "18435元" in got.answer


def test_a_group_said_in_everyday_words_before_renjun_gets_its_own_figure():
    """城里人均 is 城镇人均 (everyday_words.tsv), not 城里人 followed by 均: the 城镇 figure alone."""
    got = answer("城里人均可支配收入去年到多少了", "城镇、农村常住居民人均可支配收入分别达到44300元和22700元",
                 year=2015)
    assert not got.abstained and "44300元" in got.answer and "22700元" not in got.answer
    got = answer("乡下人均可支配收入去年到多少了", "城镇、农村常住居民人均可支配收入分别达到44300元和22700元",
                 year=2015)
    assert not got.abstained and "22700元" in got.answer and "44300元" not in got.answer


def test_a_year_said_between_the_group_and_its_income_keeps_the_group():
    said = "城镇居民人均可支配收入35504元、增长8.7%,农村居民人均可支配收入17772元、增长8.5%"
    got = answer("农村居民19年人均可支配收入咋样", said, year=2019)
    assert not got.abstained and "17772元" in got.answer and "35504元" not in got.answer
    got = answer("城里人人均能支配多少钱", said, year=2019)
    assert not got.abstained and "35504元" in got.answer and "17772元" not in got.answer


def test_sectors_listed_by_their_ordinals_each_get_their_figure():
    """"一、二、三产增加值分别增长…": the second figure is 二产's, even run together and after 其中."""
    said = "其中一、二、三产增加值分别增长4.4%5.9%5.8%"
    assert [(f.subject, f.value) for f in extract(said)] == [
        ("一产增加值增长", "4.4%"), ("二产增加值增长", "5.9%"), ("三产增加值增长", "5.8%")]
    got = answer("去年二产增加值增长多少", "全市地区生产总值完成423.46亿元,增长5.4%," + said, year=2025)
    assert not got.abstained and "5.9%" in got.answer and "4.4%" not in got.answer and "5.8%" not in got.answer
    q = parse("去年二产增加值增长多少", 2026)  # the sentence is one that can name the metric, "二产" unsaid
    assert Sentences([hit(said, 1)]).naming(q.terms[0]) == {0}


@pytest.mark.parametrize("text", ["去年城镇居民收入多少", "去年城镇居民收入分别多少"])
def test_a_question_s_own_fen_bie_does_not_quote_the_other_group_s_figure(text):
    """"凤县 正蓝旗城镇居民收入分别多少": the question's 分别 spreads it over places; the clause's 分别 gives
    the groups their figures: only the 城镇 one answers."""
    got = answer(text, "城乡常住居民人均可支配收入分别达到37462元和17597元，增长7%和10%", year=2018)
    assert not got.abstained and "37462元" in got.answer and "17597元" not in got.answer


def answer_in(text: str, sentence: str, label: TimeLabel, asked_in: int):
    """The answer to `text`, asked in `asked_in`, from one sentence labelled `label`."""
    q = parse(text, asked_in)
    evidence = [Evidence(hit(sentence, 1), sentence, label, *coverage(q, sentence))]
    return Composer(SimpleNamespace(place_of={}), 0.5).figure(text, q, evidence)


FIVE_YEARS = TimeLabel(None, RESULT, (2021, 2025), "section")  # a 十四五 review's sentence


@pytest.mark.parametrize("text,other", [("2025年农村低保标准提高了多少", "9.9%"), ("2025年城镇低保标准提高了多少", "13.2%")])
def test_a_clause_of_two_groups_is_never_one_group_s_answer(text, other):
    """In a period's review the clause as said ("城乡低保标准分别增长9.9%、13.2%") may be dated otherwise than each
    group's figure: it is still not one group's answer, so the other group's figure is never given."""
    got = answer_in(text, "城乡低保标准分别增长9.9%、13.2%，困难残疾人生活补贴标准提高25%，增幅均为近五年最高。", FIVE_YEARS, 2026)
    assert other not in got.answer


def test_both_groups_asked_still_get_the_clause():
    got = answer_in("2025年城乡低保标准分别增长多少", "城乡低保标准分别增长9.9%、13.2%。", TimeLabel(2025, RESULT), 2026)
    assert not got.abstained and "9.9%" in got.answer and "13.2%" in got.answer


@pytest.mark.parametrize("text,own,other", [("去年农村居民收入多少", "7750元", "23292元"),
                                            ("去年城镇居民收入多少", "23292元", "7750元"),
                                            ("去年农村居民收入增长多少", "10%", "8.8%")])
def test_figures_paired_before_fen_bie_and_their_changes_go_to_each_group(text, own, other):
    """"城乡居民收入达到23292元和7750元、分别增长8.8%和10%": the levels joined by 和, then their changes said
    `respectively` after a 、, are each group's by position; never the other group's figure."""
    got = answer(text, "城乡居民收入达到23292元和7750元、分别增长8.8%和10%,基本完成年度目标任务", year=2015)
    assert not got.abstained and own in got.answer and other not in got.answer
