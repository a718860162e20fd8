"""How figures are read where a report says them together: n changes for n figures ("分别较2009年增长
48.36%、104%"), a change since an earlier year answering "比前年涨了多少", two groups named at once
(城、乡), a category named by an amount ("超亿元项目"), the length of a streak ("连续44个月"), and
the kind word opening a sentence ("全年预计…") for each of its clauses, and a count in a topic word
(前三 is 前3).
Each is asked of a hand-made report through the answerer, with no index and no model."""
from __future__ import annotations

import pytest

from bot.answering.answerer import Answerer
from bot.answering.comparison import stated_change
from bot.answering.facts import extract
from bot.answering.reading.question import Shape, parse
from bot.answering.settings import AnswerSettings
from handmade import Passages
from index.text.normalise import fold
from index.text.timelabel import ESTIMATE, RESULT

ZONE = {"doc_id": "z", "place": "张家界经济开发区", "date": "2011-02-20", "title": "张家界经开区2011年工作报告"}
CITY = {"doc_id": "c", "place": "韶关市", "date": "2024-01-20", "title": "2024年韶关市政府工作报告"}
COUNTY = {"doc_id": "y", "place": "怀化市沅陵县", "date": "2018-12-25", "title": "政府工作报告"}


def ask(question: str, doc: dict, text: str, titles: tuple[str, ...] = ()):
    return Answerer(Passages([doc], {doc["doc_id"]: text}, titles),
                    AnswerSettings(default_place=doc["place"])).ask(question)


# -- n changes for n figures ------------------------------------------------------------------

LISTED = ("2010年,开发区全年共实现工业产值3.83亿元、销售收入3.67亿元、税收3819万元,完成固定资产投资7.52亿元,"
          "分别较2009年增长48.36%、104%、59.13%、114.97%。")


def test_the_n_th_change_is_the_n_th_figure_s():
    changes = {f.value: f.change for f in extract(LISTED)}
    assert changes == {"3.83亿元": "较2009年增长48.36%", "3.67亿元": "较2009年增长104%",
                       "3819万元": "较2009年增长59.13%", "7.52亿元": "较2009年增长114.97%"}


def test_changes_follow_two_groups_figures_without_a_second_分别():
    facts = {f.subject: f.change for f in extract("城、乡居民人均可支配收入分别为22694元、9527元,增长8.5%、11%。")}
    assert facts["城镇居民人均可支配收入"] == "增长8.5%" and facts["农村居民人均可支配收入"] == "增长11%"


def test_a_change_and_a_gap_are_not_two_changes():
    """"增长7.1%、高于全省1个百分点" says one figure's change and its gap, not one change each."""
    assert all(f.change is None for f in extract("财政收入100亿元,税收20亿元,增长7.1%、高于全省1个百分点"))


# -- a change since the earlier year -----------------------------------------------------------

def test_how_much_it_rose_since_the_year_before_is_the_change_the_report_states():
    got = ask("去年销售收入比前年涨了多少", ZONE, LISTED)
    assert not got.abstained and got.year == 2010 and got.value == "104%"
    assert "2010年" in got.answer and "销售收入3.67亿元，较2009年增长104%" in got.answer
    assert "48.36%" not in got.answer and "59.13%" not in got.answer


def test_a_change_a_year_apart_is_said_against_the_year_before():
    got = ask("去年税收比前年增长了多少", ZONE, "2010年,全区实现税收3819万元,同比增长59.1%。")
    assert not got.abstained and "同比增长59.1%" in got.answer and got.year == 2010


def test_the_amount_it_grew_by_is_still_the_difference_of_the_two_levels():
    home = {"doc_id": "h", "place": "昆山高新区", "date": "2019-01-20", "title": "2019年工作会议"}
    got = ask("财政收入今年目标比去年增加多少", home,
              "2018年,全区完成一般公共预算收入90亿元,增长9%。2019年目标:一般公共预算收入突破100亿元,增长11%。")
    assert not got.abstained and got.value == "10亿元" and "11%" not in got.answer


YEARS = {"z": ("2011-02-20", "2010年,全区实现税收3819万元,比上年增长59.1%。"),
         "z9": ("2010-02-20", "2009年,开发区全年实现税收2400万元,比上年增长20%。"),
         "z8": ("2009-02-20", "2008年,开发区全年实现税收2000万元。")}


def ask_years(question: str):
    docs = [ZONE | {"doc_id": d, "date": date} for d, (date, _) in YEARS.items()]
    passages = Passages(docs, {d: text for d, (_, text) in YEARS.items()})
    return Answerer(passages, AnswerSettings(default_place=ZONE["place"])).ask(question)


@pytest.mark.parametrize("question", ["去年税收比前年增长了多少", "2010年税收比2009年增长了多少"])
def test_how_much_it_grew_between_two_years_is_a_comparison_not_a_trend(question):
    """比前年 names the earlier of two years: the later year's stated change answers, not the series."""
    assert parse(question, 2011).shape == Shape.COMPARISON
    got = ask_years(question)
    assert not got.abstained and got.value == "59.1%" and got.year == 2010 and got.kind == RESULT
    assert "全区实现税收3819万元，比上年增长59.1%" in got.answer and "2400" not in got.answer


def test_the_amount_grown_by_between_two_years_is_their_difference():
    got = ask_years("去年税收比前年增加了多少")
    assert not got.abstained and got.value == "1419万元" and "3819" in got.answer and "2400" in got.answer


def test_how_it_went_since_the_year_before_is_still_the_trend():
    assert parse("去年税收比前年怎么样", 2011).shape == Shape.TREND
    got = ask_years("去年税收比前年怎么样")
    # the two years named, not the year before them (2008: 2000万元)
    assert not got.abstained and all(f in got.answer for f in ("2400万元", "3819万元"))
    assert "2000万元" not in got.answer


@pytest.mark.parametrize("sentence,later,earlier,stated", [
    ("税收3819万元，较2009年增长59.1%", 2010, 2009, "较2009年增长59.1%"),
    ("税收3819万元，较2009年增长59.1%", 2010, 2008, None),  # since another year
    ("税收3819万元，比上年增长9%", 2010, 2009, "比上年增长9%"),
    ("税收3819万元，比上年增长9%", 2010, 2008, None),  # two years apart
    ("税收3819万元，年均增长20%", 2010, 2009, None),  # a period's yearly average
])
def test_only_a_change_since_the_earlier_year_is_stated_between_the_two(sentence, later, earlier, stated):
    assert stated_change(extract(sentence)[0], later, earlier) == stated


# -- two groups named at once ------------------------------------------------------------------

INCOMES = "2018年全县预计实现地区生产总值170.98亿元,增长8%,城、乡居民人均可支配收入分别为22694元、9527元,增长8.5%、11%。"


@pytest.mark.parametrize("question,own,other", [
    ("沅陵县18年城镇居民人均可支配收入多少", "城镇居民人均可支配收入为22694元，增长8.5%", "9527元"),
    ("沅陵农村居民人均可支配收入2018年多少", "农村居民人均可支配收入为9527元，增长11%", "22694元"),
])
def test_城_乡_with_a_list_mark_names_each_group(question, own, other):
    got = ask(question, COUNTY, INCOMES)
    assert not got.abstained and got.year == 2018 and own in got.answer and other not in got.answer


# -- a category named by an amount -------------------------------------------------------------

PROJECTS = "全市新签约招商项目1284个、增长271%,其中超亿元项目287个、增长90%;新增规上工业企业60家。"


@pytest.mark.parametrize("question", ["韶关去年超亿元项目有几个", "韶关去年亿元以上项目有多少个"])
def test_an_amount_before_a_noun_names_the_category_asked(question):
    got = ask(question, CITY, PROJECTS)
    assert not got.abstained and got.year == 2023 and "超亿元项目287个" in got.answer and "1284" not in got.answer


def test_an_amount_with_no_noun_after_it_is_still_a_threshold():
    q = parse("GDP超过1万亿了吗", 2024)
    assert q.shape == Shape.YES_NO and q.threshold == "1万亿"
    assert not any("万亿" in t.text for t in parse("GDP能过万亿吗", 2024).terms if t.text != "万亿")



REVENUE = "2018年全县财政总收入突破亿元大关，实现11338万元，增长57.7℅，一般预算收入完成7309万元。"


@pytest.mark.parametrize("question, verdict", [
    ("沅陵县18年财政收入破亿了没", "是的，已达到1亿。"),  # a magnitude alone is one of it
    ("沅陵县18年财政收入过千亿了吗", "没有，还不到1000亿。"),
    ("沅陵县18年财政收入破万亿了没有", "没有，还不到1万亿。"),
])
def test_a_magnitude_alone_after_a_threshold_verb_is_one_of_it(question, verdict):
    got = ask(question, COUNTY, REVENUE)
    assert got.answer.startswith(verdict) and "11338万元" in got.answer and "7309万元" not in got.answer
    assert "增长57.7℅" in got.answer  # quoted as written, though read as a rate
    assert parse("高新技术企业上万了吗", 2024).threshold == "1万"
    assert parse("人口超百万了吗", 2024).threshold == "100万"
    assert parse("去年超亿元项目有几个", 2024).threshold is None  # a category

# -- the length of a streak --------------------------------------------------------------------

STREAK = "固定资产投资增长5.3%,增速连续44个月居全省前3,连续10个季度获省投资“赛马”激励。"


def test_a_streak_asked_is_the_streak_the_sentence_states_in_the_unit_asked():
    got = ask("韶关固投增速连续多少个月居全省前三", CITY, STREAK)
    assert not got.abstained and "连续44个月居全省前3" in got.answer and "固定资产投资" in got.answer
    assert "10个季度" not in got.answer


def test_a_streak_in_words_answers_and_no_streak_is_refused():
    got = ask("韶关外贸连续几年保持增长", CITY, "外贸进出口总额增长14.3%,连续七年保持增长。")
    assert not got.abstained and "连续七年保持增长" in got.answer
    got = ask("韶关外贸连续几年保持增长", CITY, "外贸进出口总额增长14.3%,保持增长。")
    assert got.abstained and "14.3%" not in got.answer.partition("资料中只有")[0]


# -- the kind word opening a sentence ----------------------------------------------------------

REVIEW = ("一、2018年工作回顾",)
ESTIMATED = ("全年预计实现地区生产总值170.98亿元,增长8%;全社会固定资产投资增长16.5%;"
             "公共财政收入14.5亿元,增长10%;地方公共财政收入8.06亿元,增长8%。")


@pytest.mark.parametrize("question,value,clause", [
    ("沅陵县2018年公共财政收入多少", "14.5亿元", "公共财政收入14.5亿元，增长10%"),
    ("沅陵县2018年地区生产总值多少", "170.98亿元", "全年预计实现地区生产总值170.98亿元"),
])
def test_a_kind_word_opening_a_sentence_speaks_for_each_of_its_clauses(question, value, clause):
    """Under a review's title, 预计 opening the sentence makes every clause cut at ； an estimate."""
    got = ask(question, COUNTY, ESTIMATED, REVIEW)
    assert not got.abstained and got.value == value and got.year == 2018 and got.kind == ESTIMATE
    assert "预计" in got.answer and "实际完成" not in got.answer and clause in got.answer


def test_a_clause_stating_its_own_kind_word_is_read_alone():
    got = ask("沅陵县2018年公共财政收入多少", COUNTY,
              "全年预计实现地区生产总值170.98亿元,增长8%;公共财政收入完成14.5亿元,增长10%。", REVIEW)
    assert not got.abstained and got.value == "14.5亿元" and got.kind == RESULT and "预计" not in got.answer


# -- a count in a topic word -------------------------------------------------------------------

RANKED = "全市规上工业增加值增长8.1%,增速居全省第5。全市外贸进出口总额增长14.3%,增速居全省第1。"
TOP = "全市规上工业增加值增长8.1%,增速居全省前30。全市外贸进出口总额增长14.3%,增速居全省前3。"


@pytest.mark.parametrize("question,text,value,clause,other", [
    ("韶关去年增速全省第一的指标增长了多少", RANKED, "14.3%", "外贸进出口总额增长14.3%", "8.1%"),
    ("韶关去年增速居全省前三的指标增长多少", TOP, "14.3%", "外贸进出口总额增长14.3%", "8.1%"),
])
def test_a_count_in_words_is_the_count_in_digits(question, text, value, clause, other):
    got = ask(question, CITY, text)
    assert not got.abstained and got.value == value and got.year == 2023 and got.kind == RESULT
    assert clause in got.answer and other not in got.answer


@pytest.mark.parametrize("question,sentence,named", [
    ("韶关有几家企业进入全省民营企业十强", "5家企业入选全省民营企业10强", True),
    ("韶关有几家企业进入全省民营企业十强", "5家企业入选全省民营企业二十强", False),
    ("韶关增速连续几个月居全省前三", "增速连续44个月居全省前3", True),
    ("韶关增速连续几个月居全省前3", "增速连续44个月居全省前三", True),
    ("韶关增速连续几个月居全省前三", "增速连续44个月居全省前30", False),
])
def test_a_rank_or_a_count_is_named_in_words_or_digits(question, sentence, named):
    term = next(t for t in parse(question, 2024).terms if "强" in t.text or "前" in t.text)
    assert term.found_in(fold(sentence)) == named


def test_a_count_asked_in_words_is_not_any_figure_in_digits():
    """"增长了几个点" falls back on a count a sentence writes in words ("三个"); "第3个", "2个县" are none."""
    got = ask("韶关去年GDP增长了几个点", CITY, "全市2个县获评全国百强县,乐昌成为全省第3个地区生产总值超百亿元镇。")
    assert got.abstained and "资料中没有2023年地区生产总值" in got.answer
