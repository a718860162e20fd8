"""The Chinese wording of answers and refusals, on hand-made text."""
from __future__ import annotations

from bot.answering.evidence import Answer
from bot.answering.reading.question import parse
from bot.answering.kinds.people import named
from bot.answering.wording import MAX_ANSWER, focus, higher, refusal, reply, squash
from index.text.timelabel import RESULT, TARGET, TimeLabel

from handmade import question


def test_a_reply_says_place_year_and_kind_then_quotes_the_clause():
    text = reply("全年完成地区生产总值762亿元,增长7.1%;", TimeLabel(2018, RESULT), "昆山高新区")
    assert text == "昆山高新区2018年实际完成：全年完成地区生产总值762亿元，增长7.1%。"


def test_a_reply_drops_the_lead_in_and_a_repeated_place():
    lead = reply("在补短板、惠民生中推动群众生活高质量——新增就业1.2万人", TimeLabel(2018, RESULT), "高新区")
    assert lead == "高新区2018年实际完成：新增就业1.2万人。"
    place = reply("昆山高新区,新增就业1.2万人", TimeLabel(None, None), "昆山高新区")
    assert place == "昆山高新区：新增就业1.2万人。"


def test_an_undated_reply_names_only_the_place():
    assert reply("党工委书记管凤良", TimeLabel(2019, TARGET), "昆山高新区", dated=False) \
        == "昆山高新区：党工委书记管凤良。"


def test_squash_uses_chinese_punctuation_but_keeps_thousands_separators():
    assert squash("收入1,234亿元,增长7%;") == "收入1,234亿元，增长7%"


def test_a_long_reply_is_cut_with_an_ellipsis():
    text = reply("地区生产总值" * 40, TimeLabel(2018, RESULT), "昆山高新区")
    assert len(text) == MAX_ANSWER and text.endswith("…")


def test_a_refusal_names_what_is_missing_and_what_the_reports_have():
    q = question("地区生产总值", year=2020, kind=TARGET)
    assert refusal(q) == "资料中没有2020年地区生产总值的目标。"
    offered = refusal(q, other=(TimeLabel(2019, TARGET), "地区生产总值目标810亿元,增长7%"))
    assert offered == "资料中没有2020年地区生产总值的目标。资料中只有2019年目标的数字，可以改问2019年。"
    same_year = refusal(q, other=(TimeLabel(2020, RESULT), "地区生产总值820亿元"))
    assert same_year == "资料中没有2020年地区生产总值的目标。资料中只有2020年实际完成：地区生产总值820亿元。"
    assert refusal(q, "，无法比较").startswith("资料中没有2020年地区生产总值的目标，无法比较。")


def test_focus_keeps_a_long_sentence_to_the_clauses_around_the_best_one():
    q = question("国家级人才")
    filler = "，".join(f"推进第{i}项重点工程建设" for i in range(1, 9))
    sentence = f"{filler}，新增国家级人才10名，{filler}"
    kept = focus(sentence, q, limit=40)
    assert "新增国家级人才10名" in kept and len(kept) <= 40
    assert focus("新增国家级人才10名", q) == "新增国家级人才10名"


def said(value: str, year: int = 2025, kind: str = RESULT) -> Answer:
    return Answer("", "", abstained=False, value=value, year=year, kind=kind)


def test_two_places_figures_say_which_is_higher_or_why_they_cannot_be_compared():
    assert higher("地区生产总值增速", [("江苏省", said("5.3%")), ("浙江省", said("5.5%"))], True) \
        == "浙江省的地区生产总值增速更高（江苏省5.3%，浙江省5.5%）。"
    assert higher("粮食产量", [("江苏省", said("760亿斤")), ("河南省", said("1.34亿吨"))], False) \
        == "各自的数字单位不同（江苏省760亿斤，河南省1.34亿吨），不能直接比较。"
    assert higher("地区生产总值", [("广东省", said("14.5万亿元")), ("江苏省", said("14万亿元"))], False) \
        .startswith("广东省的地区生产总值更多")
    assert "年份或类型不同" in higher("地区生产总值", [("广东省", said("3.9%")),
                                                    ("江苏省", said("5%", kind=TARGET))], True)
    # GDP asked, growth rates given: no verdict on the GDP itself
    assert "只给出了增速" in higher("地区生产总值", [("广东省", said("3.9%")), ("江苏省", said("5.3%"))], False)


def test_a_name_is_quoted_with_its_clause_not_the_other_names_of_the_sentence():
    q = parse("余杭哪个实验室进了国家实验室体系", 2023, ("余杭区",))
    said = "科技成果蓬勃涌现，之江实验室纳入国家实验室体系，天目山实验室顺利揭牌"
    assert named(said, q) == "科技成果蓬勃涌现，之江实验室纳入国家实验室体系"


def test_a_name_asked_about_a_setting_is_quoted_with_the_sentence_around_it():
    """"工作会议上谁讲话了": the meeting is one clause, the speaker another."""
    q = parse("工作会议上谁讲话了", 2019, ())
    said = "在日前召开的昆山高新区工作会议上，昆山市委常委，昆山高新区党工委书记、管委会主任管凤良表示，2019年是关键之年"
    assert "管凤良" in named(said, q)
