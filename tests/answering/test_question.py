"""Reading a question: intent, years (absolute and relative), result or target, place, metric;
input that is not a question; follow-ups that build on the previous question."""
import pytest

from bot.answering.reading.asks import asks_byline
from bot.answering.reading.question import COMPARISON, ENTITY, FIGURE, LIST, WHY, parse
from bot.answering.reading.typed import MAX_CHARS, clean, problem
from index.text.timelabel import RESULT, TARGET

ZONE = ("昆山高新区",)


def ask(text, year=2019, previous=None, places=ZONE):
    return parse(text, year, places, previous)


@pytest.mark.parametrize("text,intent", [
    ("去年高新区GDP多少？", FIGURE),
    ("高新区三大支柱产业是哪几个", LIST),
    ("有哪些院士的项目落户了", LIST),
    ("高新区党工委书记是谁？", ENTITY),
    ("今年GDP目标比去年多多少？", COMPARISON),
    ("2019年GDP目标比2018年多多少", COMPARISON),
    ("为什么高新区GDP增长这么快", WHY),
    ("为什么？", WHY),
])
def test_intent(text, intent):
    assert ask(text).intent == intent


@pytest.mark.parametrize("text,years,kind", [
    ("去年高新区GDP多少？", (2018,), RESULT),
    ("今年GDP多少", (2019,), TARGET),          # the report's own year is planned, not done
    ("前年GDP多少", (2017,), RESULT),
    ("2018年GDP多少", (2018,), RESULT),
    ("二〇一八年进出口总额是多少？", (2018,), RESULT),
    ("一八年工业产值涨了多少？", (2018,), RESULT),
    ("一九年工业总产值要达到多少", (2019,), TARGET),
    ("2020年GDP是多少", (2020,), TARGET),
    ("GDP是多少", (), None),
])
def test_years_and_kind_for_a_2019_report(text, years, kind):
    q = ask(text)
    assert (q.years, q.kind) == (years, kind)


def test_reporting_year_moves_relative_years():
    q = ask("去年GDP多少", year=2020)
    assert q.years == (2019,) and q.kind == RESULT
    q = ask("今年GDP多少", year=2020)
    assert q.years == (2020,) and q.kind == TARGET


def test_explicit_target_or_result_words_win_over_the_year():
    assert ask("2019年GDP实际完成多少").kind == RESULT
    assert ask("2018年GDP目标多少").kind == TARGET


def test_comparison_keeps_both_years_in_order():
    assert ask("今年GDP目标比去年多多少？").years == (2019, 2018)


@pytest.mark.parametrize("text", ["去年GDP多少", "去年gdp多少", "去年经济总量多少", "去年地区生产总值多少",
                                  "去年國內生產總值多少"])
def test_metric_aliases_resolve_to_the_report_wording(text):
    assert ask(text).metrics == ("地区生产总值",)


def test_traditional_chinese_reads_like_simplified():
    trad, simp = ask("去年高新區GDP是多少"), ask("去年高新区GDP是多少")
    assert (trad.years, trad.kind, trad.metrics, trad.places) == \
        (simp.years, simp.kind, simp.metrics, simp.places) == ((2018,), RESULT, ("地区生产总值",), ZONE)


@pytest.mark.parametrize("text,place", [
    ("去年高新区GDP多少", "昆山高新区"),
    ("昆山高新技术产业开发区去年GDP", "昆山高新区"),
    ("昆山全市去年GDP是多少", "昆山市"),            # the longest name wins: not the zone
    ("苏州工业园区去年GDP多少", "苏州工业园区"),
    ("蘇州工業園區去年的GDP是多少？", "苏州工业园区"),
])
def test_places(text, place):
    assert ask(text).places[0] == place


def test_a_reports_own_place_is_known_without_the_gazetteer():
    q = ask("溧阳高新区去年GDP多少", places=ZONE + ("溧阳高新区",))
    assert q.places == ("溧阳高新区",)


@pytest.mark.parametrize("text,unit", [
    ("空气质量优良天数比例是多少", "percent"),
    ("高新区在全国国家高新区里排第几？", "rank"),
    ("去年高新区财政收入多少钱？", "money"),
    ("阳澄湖科技园规划多大", "area"),
    ("关停搬迁了几家化工企业", "count"),
])
def test_expected_unit(text, unit):
    assert ask(text).unit == unit


def test_follow_up_keeps_the_topic_and_takes_the_new_year():
    first = ask("去年高新区GDP多少？")
    q = ask("那今年呢？", previous=first)
    assert q.follow_up and q.metrics == ("地区生产总值",)
    assert q.years == (2019,) and q.kind == TARGET
    assert q.search_text().startswith("2019年") and "地区生产总值" in q.search_text()


def test_follow_up_asking_for_the_change():
    first = ask("去年高新区GDP多少？")
    q = ask("增长了多少？", previous=first)
    assert q.follow_up and q.asks_change
    assert q.metrics == ("地区生产总值",) and q.years == (2018,)


def test_list_cue_with_a_numeral_survives_numeral_conversion():
    assert ask("哪两家电子厂签了关停协议").intent == LIST


def test_a_new_topic_is_not_a_follow_up():
    first = ask("去年高新区GDP多少？")
    q = ask("去年工业总产值多少", previous=first)
    assert not q.follow_up and q.metrics == ("工业总产值",)


def test_output_said_without_its_sector_is_a_topic_of_its_own():
    """"今年产值目标多少" asks for the zone's 产值 ("实现产值6亿元"): never a follow-up, nor an 工业产值."""
    q = ask("今年产值目标多少", previous=ask("去年高新区GDP多少？"))
    assert not q.follow_up and q.metrics == ("产值",) and q.kind == TARGET
    assert ask("今年产值目标多少").metrics == ("产值",)
    assert ask("去年工业产值多少").metrics == ("工业总产值",)


def test_why_after_a_question_stays_a_why():
    assert ask("为什么？", previous=ask("去年高新区GDP多少？")).intent == WHY


def test_a_follow_up_without_previous_has_no_topic():
    q = ask("那今年呢？")
    assert not q.follow_up and not q.terms


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "\x00\x07\x01", "\u200b"])
def test_problem_empty(text):
    assert "请输入" in problem(text)


@pytest.mark.parametrize("text,word", [
    ("😀🎉👍", "中文"),
    ("？！。，……", "中文"),
    ("?!...", "中文"),
    ("What was the GDP last year?", "中文"),
    ("123", "中文"),
    ("去年GDP多少" * 1000, "太长"),
])
def test_problem_messages_are_chinese_and_say_what_to_do(text, word):
    message = problem(text)
    assert message and word in message and "例如" in message


def test_length_limit_is_on_the_cleaned_text():
    assert problem("GDP是多少" + "啊" * (MAX_CHARS - 6)) is None
    assert "太长" in problem("GDP是多少" + "啊" * (MAX_CHARS - 5))
    assert problem("  去年GDP多少  " + " " * 500) is None


@pytest.mark.parametrize("text", ["去年高新区GDP多少？", "去年GDP", "GDP", "PCT专利多少"])
def test_real_questions_have_no_problem(text):
    assert problem(text) is None


def test_clean_drops_control_and_format_characters():
    assert clean("\x00去年\x07高新区\u200bGDP多少\x1b ") == "去年高新区GDP多少"
    assert clean("去年\t高新区\nGDP") == "去年 高新区 GDP"
    assert problem("去年\x00高新区\x07GDP多少") is None


@pytest.mark.parametrize("text,years,span", [
    ("浙江人均GDP十四五末达到多少", (2025,), None),    # the period's last year
    ("十四五时期末城镇化率是多少", (2025,), None),
    ("十四五期间GDP从多少涨到了多少", (), (2021, 2025)),  # the whole period
])
def test_the_end_of_a_period_is_a_year(text, years, span):
    q = parse(text, 2026)
    assert (q.years, q.span) == (years, span)


@pytest.mark.parametrize("noisy", [
    "www.example.com 2018年GDP多少",
    "https://t.me/zoneqa?start=1 2018年GDP多少",
    "<a href=\"https://example.com\">2018年GDP</a>多少",
    "<b>2018年</b>GDP多少<script>alert(1)</script>",
    "&amp; 2018年GDP多少&nbsp;",
    "@zoneqa_bot 2018年GDP多少",
    "**2018年**GDP多少",
    "[2018年GDP多少](http://a.cn)",
    "2018年\x1b[31mGDP\x1b[0m多少",
    "2018年\x00GDP\x07多少",
])
def test_noise_around_a_question_is_not_read_as_part_of_it(noisy):
    plain = parse("2018年GDP多少", 2019)
    q = parse(noisy, 2019)
    assert (q.years, q.metrics, [t.text for t in q.terms]) == (plain.years, plain.metrics, [t.text for t in plain.terms])


def test_a_new_topic_that_goes_on_keeps_the_year_and_kind_asked_before():
    """"高新区今年GDP目标多少" then "那一般公共预算收入呢": 2019's target, not the latest result."""
    first = ask("高新区今年GDP目标多少")
    q = ask("那一般公共预算收入呢", previous=first)
    assert q.metrics == ("一般公共预算收入",) and (q.years, q.kind) == ((2019,), TARGET)
    assert ask("还有一般公共预算收入呢", previous=first).kind == TARGET
    q = ask("那2018年一般公共预算收入呢", previous=first)  # its own year: the year's own kind
    assert (q.years, q.kind) == ((2018,), RESULT)
    assert ask("一般公共预算收入多少", previous=first).years == ()  # a new question altogether


@pytest.mark.parametrize("text,kind,said", [
    ("2019年GDP目标多少", TARGET, True),
    ("2018年GDP实际多少", RESULT, True),
    ("2018年实际使用外资多少", RESULT, False),    # 实际 is the metric's own word: the year decides
    ("2019年实际使用外资多少", TARGET, False),
    ("2019年GDP预计多少", TARGET, False),         # an estimate: the year's figure, whichever kind
    ("2018年固定资产投资完成多少", RESULT, False),  # 完成 is said of plans and results alike
    ("2018年争取上级资金多少", RESULT, False),
])
def test_a_kind_is_asked_only_in_so_many_words(text, kind, said):
    q = ask(text)
    assert (q.kind, q.kind_asked) == (kind, said)


def test_a_yes_no_about_reaching_a_target_figure_compares_the_result_with_it():
    q = parse("江苏2025年GDP增长达到5%的目标了吗", 2026, ("江苏省",))
    assert q.shape.value == "attained" and q.years == (2025,)
    assert parse("江苏2025年GDP增长能达到5%吗", 2026, ("江苏省",)).shape.value == "yes/no"


def test_an_office_asked_with_a_de_is_the_same_office():
    assert [t.text for t in ask("高新区的党工委书记是谁").terms] == ["党工委书记"]
    assert [t.text for t in ask("高新区党工委书记是谁").terms] == ["党工委书记"]


def test_the_verb_of_an_honour_is_not_a_topic_word():
    """"被评为…独角兽的是哪家公司": the report says 获评; the honour is what must be found."""
    assert "评为" not in [t.text for t in ask("被评为独角兽的是哪家公司").terms]


@pytest.mark.parametrize("text", ["高新区GDP和一般公共预算收入哪个增长快", "去年GDP和一般公共预算收入哪个多"])
def test_which_of_two_metrics_asks_each_of_them(text):
    q = ask(text)
    assert q.shape.value == "several" and q.metrics == ("地区生产总值", "一般公共预算收入")
    assert q.kind == (RESULT if "去年" in text else None)


@pytest.mark.parametrize("text,place,office", [
    ("北京市长是谁", "北京市", "市长"),        # not 北京市 + "长是"
    ("余杭区长是谁", "余杭区", "区长"),
    ("江苏省长是谁", "江苏省", "省长"),
    ("江苏省省长是谁", "江苏省", "省长"),
])
def test_where_a_place_and_an_office_overlap_both_are_read(text, place, office):
    q = parse(text, 2026, (place,))
    assert q.places == (place,) and [t.text for t in q.terms] == [office]


def test_an_office_asks_for_the_byline_where_that_office_delivered_the_report():
    q = parse("泉山区区长叫啥", 2024, ("徐州市泉山区",))
    assert asks_byline(q, "区 长 庄 红")              # the speaker's line, spaced out as printed
    assert not asks_byline(q, "省长 刘小涛")


@pytest.mark.parametrize("text,asked", [("兴隆台区08年政府工作报告是哪个区长做的", True),
                                        ("政府工作报告里哪个区增长最快", False)])
def test_which_office_holder_delivered_the_report_asks_for_its_byline(text, asked):
    """哪个 asks a person right before an office (question_cues.tsv `who_before_action`)."""
    assert asks_byline(parse(text, 2009, ("盘锦市兴隆台区",)), "区 长 刘世杰", "政府工作报告") is asked
    assert not asks_byline(parse(text, 2009, ("盘锦市兴隆台区",)), "", "政府工作报告")  # named elsewhere


@pytest.mark.parametrize("text", ["GDP24年到25年变化大吗", "GDP增速前后两年变化", "GDP这两年有啥变化"])
def test_a_change_over_the_years_is_a_trend(text):
    assert parse(text, 2026, ()).shape.value == "trend"


def test_tax_revenue_is_a_metric_two_metrics_can_be_compared_on():
    q = ask("南沙18年GDP和税收总额哪个增长快", places=("南沙区",))
    assert q.shape.value == "several" and q.metrics == ("地区生产总值", "税收总额")


@pytest.mark.parametrize("text", ["2023年第三产业增加值多少", "2023年三产增加值多少"])
def test_a_metric_whose_name_holds_a_numeral_is_read_though_the_numeral_becomes_a_digit(text):
    """"第三" is read as "第3"; the metric's names (synonyms.tsv) are read the same way."""
    q = parse(text, 2024)
    assert q.metrics[:1] == ("服务业增加值",)


@pytest.mark.parametrize("text,change", [("工业增加值去年多少", False), ("第三产业增加值多少", False),
                                         ("工业增加值去年增加了多少", True), ("税收增加了多少", True)])
def test_a_change_verb_inside_a_metric_s_name_asks_no_change(text, change):
    """增加 of 增加值 is the measure's name: "工业增加值去年多少" asks the amount, not its growth."""
    assert parse(text, 2021).asks_change is change
