"""Time labels: the year a passage's figures refer to, and result vs target."""

import pytest

from index.text.chunking import chunk_document
from index.reading.documents import load_document
from index.text.sections import scope_of
from index.text.timelabel import (ESTIMATE, RESULT, TARGET, Frame, Scope, TimeLabel, cue_kind, cue_scores,
                                  label, periods_in, plans_own_year, sentence_head, sentence_kind,
                                  years_in)

from conftest import ROOT
SEED = ROOT / "corpus" / "2019-kunshan-hitech-zone-work-conference.md"
EARLY_2020 = Frame.of("2020-02")  # a work report delivered early in 2020: reviews 2019, plans 2020


def header(date: str) -> str:
    return f"---\ntitle: 测试区工作报告\ndate: {date}\nplace: 测试区\nsource: 合成\n---\n"


@pytest.fixture(scope="module")
def seed_chunks():
    return chunk_document(load_document(SEED))


def only(chunks, needle):
    found = [c for c in chunks if needle in c.text]
    assert len(found) == 1, (needle, [c.text for c in found])
    return found[0]


# --- the real seed (a report of 2019-01) ------------------------------------------------------------

@pytest.mark.parametrize("needle,year,kind", [
    ("762亿元", 2018, RESULT),
    ("810亿元", 2019, TARGET),
    ("万人发明专利拥有量65件", 2019, TARGET),
    ("万人发明专利拥有量62件", 2018, RESULT),
    ("一般公共预算收入90亿元", 2018, RESULT),
    ("突破1360亿元", 2019, TARGET),
    ("盘活低效用地1600亩", 2019, TARGET),
    ("实现1690亩低效用地再利用", 2018, RESULT),
    ("新增永久绿地23.6万平方米", 2018, RESULT),
    ("新增高新技术企业90家", 2019, TARGET),
    ("新增国家级人才10名", 2018, RESULT),
    ("引育国家级人才4名", 2019, TARGET),
])
def test_seed_chunk_labels(seed_chunks, needle, year, kind):
    chunk = only(seed_chunks, needle)
    assert (chunk.year, chunk.kind) == (year, kind), chunk.text


# --- explicit years, relative years, cue words -------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    # explicit years
    ("2017年，全区地区生产总值100亿元。", (2017, RESULT)),
    ("2021年地区生产总值120亿元。", (2021, TARGET)),
    ("２０２１年地区生产总值120亿元。", (2021, TARGET)),            # full-width year
    ("2018年完成了90亿元，2019年力争突破100亿元，2020年确保达到110亿元。", (2020, TARGET)),
    # relative years resolved against the report's year
    ("去年全区地区生产总值100亿元。", (2019, RESULT)),
    ("前年全区地区生产总值90亿元。", (2018, RESULT)),
    ("今年全区地区生产总值110亿元。", (2020, TARGET)),
    ("明年全区地区生产总值120亿元。", (2021, TARGET)),
    # cue words alone: results belong to the year before the report, targets to its year
    ("全年完成地区生产总值100亿元，同比增长5%。", (2019, RESULT)),
    ("力争地区生产总值达到110亿元，确保增长8%。", (2020, TARGET)),
    ("目标任务再加码：地区生产总值110亿元。", (2020, TARGET)),
    # cue words decide between a past year and the report's own
    ("今年力争地区生产总值达到110亿元。", (2020, TARGET)),
    # nothing to go on
    ("地区生产总值100亿元。", (None, None)),
])
def test_label(text, expected):
    tl = label(text, EARLY_2020)
    assert (tl.year, tl.kind) == expected


def test_a_change_from_one_named_year_to_another_said_with_wei_is_the_last_year_s():
    tl = label("三次产业比由2012年的14.6:53.1:32.3调整为2016年的13.3:47.6:39.1。", Frame.of("2016-11-25"))
    assert (tl.year, tl.kind) == (2016, RESULT)


def test_years_in_and_cues():
    assert years_in("2018年完成，去年和今年", 2020) == [2018, 2019, 2020]
    assert years_in("1999年与２０３０年", 2020) == [1999, 2030]
    assert years_in("增长2018亿元，第12345名", 2020) == []  # a number without 年 is not a year
    assert cue_kind("全年完成") == RESULT and cue_kind("力争确保") == TARGET
    assert cue_kind("完成") is None  # weight 1 alone is not decisive
    # a long cue hides the short ones inside it: 全年完成 (2) is not also 完成 (1)
    assert cue_scores("全年完成")[RESULT] == 2
    assert cue_scores("全年完成、同比")[RESULT] == 4


def test_context_fills_what_the_text_leaves_open():
    ctx = TimeLabel(2016, RESULT)
    assert label("地区生产总值100亿元。", EARLY_2020, context=ctx) == TimeLabel(2016, RESULT, None, "context")
    assert label("力争突破110亿元，确保完成。", EARLY_2020, context=ctx) == TimeLabel(2020, TARGET, None, "cue")
    assert label("2015年地区生产总值90亿元。", EARLY_2020, context=ctx) == TimeLabel(2015, RESULT, None, "year")
    assert TimeLabel(2019, RESULT).describe() == "2019年完成情况"
    assert TimeLabel(2020, TARGET).describe() == "2020年目标"
    assert TimeLabel(None, None).describe() == ""


def yk(tl: TimeLabel) -> tuple:
    return tl.year, tl.kind


def test_comparison_base_does_not_override_the_named_year():
    # a year-end review (December 2020), the first report in which 2020 has results
    late_2020 = Frame.of("2020-12")
    assert yk(label("2020年，全区完成地区生产总值120亿元，比上年增长5%。", late_2020)) == (2020, RESULT)
    assert yk(label("今年上半年，全区完成地区生产总值60亿元，较上年同期增长5%。", late_2020)) == \
        (2020, RESULT)


@pytest.mark.parametrize("sentence", [
    "2020年，全区完成地区生产总值120亿元，比上年增长5%。",  # "完成" of the year planned
    "今年经济社会发展主要预期目标是：地区生产总值增长5%左右，居民收入增长5%左右，新增城镇就业1万人。",
    "全年实现一般公共预算收入增长6%左右。",
])
def test_nothing_of_the_year_planned_is_a_result_before_it_has_happened(sentence):
    """A report delivered in February 2020 plans 2020: no 2020 figure in it is a result yet,
    whatever its verbs; its results are 2019's."""
    tl = label(sentence, EARLY_2020)
    assert not (tl.kind == RESULT and tl.year is not None and tl.year >= 2020), tl


# --- a report from October on: its own year is reviewed, unless a sentence plans it --------------------

OCTOBER_2010 = Frame.of("2010-10-25")  # news of an October meeting: by its date it reviews 2010


@pytest.mark.parametrize("sentence", [
    "力争2010年实现地区生产总值200亿元，增长26%。",
    "2010年，确保全区实现地区生产总值200亿元，增长26%。",
    "2010年经济社会发展的主要目标是：地区生产总值增长12%。",
])
def test_an_explicit_plan_word_makes_the_own_year_of_a_late_year_report_a_target(sentence):
    assert yk(label(sentence, OCTOBER_2010)) == (2010, TARGET)


def test_a_plan_section_makes_the_own_year_of_a_late_year_report_a_target():
    sentence = "2010年全区地区生产总值增长12%。"
    assert yk(label(sentence, OCTOBER_2010)) == (2010, RESULT)  # the date says it is reviewed…
    assert yk(label(sentence, OCTOBER_2010, Scope(kind=TARGET))) == (2010, TARGET)  # …its section says planned


@pytest.mark.parametrize("sentence,expected", [
    ("今年，全区完成地区生产总值200亿元，增长15%。", (2010, RESULT)),
    ("今年以来，全区实现地区生产总值150亿元，同比增长15%。", (2010, RESULT)),
    ("1-9月，全区实现地区生产总值150亿元，同比增长15%。", (2010, RESULT)),
    ("2010年，全区实现地区生产总值200亿元，超额完成年度目标。", (2010, RESULT)),  # a target met
    ("预计全年实现地区生产总值200亿元，增长15%。", (2010, ESTIMATE)),
])
def test_a_late_year_report_s_review_of_its_own_year_stays_a_result(sentence, expected):
    assert yk(label(sentence, Frame.of("2010-12-20"))) == expected


def test_the_clauses_after_an_own_year_pledge_are_that_year_s_targets(tmp_path):
    chunks = synthetic_chunks(tmp_path, "目前，全区正在努力完成好今年各项工作任务。力争2010年实现地区生产总值200亿元，"
                              "增长26%；完成固定资产投资350亿元，增长70%。预计软件收入505.5亿元，增长50%。",
                              "2010-10-25", 400)
    labels = {s[:6]: yk(tl) for c in chunks for s, tl in c.labelled_sentences()}
    assert labels["力争2010"] == labels["完成固定资产"] == (2010, TARGET)
    assert labels["预计软件收入"] == (2010, ESTIMATE)


def test_this_year_so_far_opening_a_clause_is_the_time_of_its_figures(tmp_path):
    chunks = synthetic_chunks(tmp_path, "今年以来，全区实现地区生产总值150亿元，同比增长20%。力争2010年实现地区生产总值"
                              "200亿元，增长26%。", "2009-10-25", 400)
    labels = {s[:4]: yk(tl) for c in chunks for s, tl in c.labelled_sentences()}
    assert labels["今年以来"] == (2009, RESULT) and labels["力争20"] == (2010, TARGET)
    assert years_in("总磷浓度达到2007年以来同期最好水平。", 2024) == []  # the base of a comparison
    # a past year opening its clause with 以来 still counts from a base: the total is not that year's
    assert years_in("2016年以来，累计完成固定资产投资300亿元。", 2020) == []
    # a series of bases after one comparing word: the figure is of neither year
    assert years_in("同比增长8.5%，增速分别高于上年同期、2017年全年0.1、0.9个百分点。", 2018) == []


@pytest.mark.parametrize("body,date,plans", [
    ("力争2010年实现地区生产总值200亿元，增长26%。", "2010-10-25", True),
    ("力争2010年实现地区生产总值200亿元，增长26%。2011年地区生产总值增长12%。", "2010-10-25", False),  # plans the next
    ("力争2010年实现地区生产总值200亿元，增长26%。", "2010-02-20", False),  # early in the year: plans it anyway
    ("2010年，全区实现地区生产总值200亿元，增长15%。", "2010-12-20", False),  # a review
    ("力争2010年各项工作再上新台阶。", "2010-10-25", False),  # no figure pledged
])
def test_a_late_year_text_still_plans_its_own_year_where_it_pledges_its_figures(body, date, plans):
    assert plans_own_year(body, date) is plans


# --- inheritance within a report ---------------------------------------------------------------------

def synthetic_chunks(tmp_path, body: str, date: str = "2020-02", max_chars: int = 40):
    path = tmp_path / "r.md"
    path.write_text(header(date) + body, encoding="utf-8")
    return chunk_document(load_document(path), max_chars)


def test_sentences_inherit_from_their_paragraph(tmp_path):
    chunks = synthetic_chunks(tmp_path, (
        "\n2018年，全区全年完成地区生产总值100亿元，同比增长5%。"
        "工业总产值300亿元，规上企业120家。服务业增加值40亿元。\n"))
    assert len(chunks) >= 2
    assert [(c.year, c.kind) for c in chunks] == [(2018, RESULT)] * len(chunks)
    assert "服务业增加值40亿元" in chunks[-1].text


def test_a_paragraph_in_weak_cue_words_goes_on_of_the_year_the_one_before_named(tmp_path):
    """An article without sections: "为确保…取得新突破" says what was done for, not that its figures are planned,
    and 推进, 全力 are weak words; the paragraph goes on of the year the paragraph before named."""
    chunks = synthetic_chunks(tmp_path, (
        "\n据了解，2019年，全区营业总收入达到2600亿元，增长20%。\n\n"
        "为确保招商引资工作取得新突破，成立重点项目推进工作指挥部，全力协调解决瓶颈问题，落实财政扶持资金2.36亿元。\n"),
        max_chars=200)
    said = [tl for c in chunks for a, b, tl in c.sentences if "2.36亿元" in c.text[a:b]]
    assert [(tl.year, tl.kind) for tl in said] == [(2019, RESULT)]


def test_a_year_of_a_place_s_history_dates_only_its_own_clause(tmp_path):
    """"1930年某县正式建县,1954年成立自治县" in news of 2024: the sentences around it, the county's area and what it
    has reached since, are no figures of 1930."""
    chunks = synthetic_chunks(tmp_path, (
        "\n某某介绍,某县总面积3424平方千米,辖7镇1街道11乡。1930年某县正式建县,1954年成立自治县。\n\n"
        "70年来,某县地区生产总值从改革开放之初的7991.5万元提高到133.64亿元。\n"), date="2024-08-15", max_chars=200)
    said = {c.text[a:b][:6]: tl.year for c in chunks for a, b, tl in c.sentences}
    assert said["某某介绍,某"] != 1930 and said["70年来,某"] != 1930
    assert said["1930年某"] == 1930


def test_paragraphs_inherit_from_their_section(tmp_path):
    chunks = synthetic_chunks(tmp_path, (
        "\n开篇一段话。\n\n2021年主要目标\n\n地区生产总值130亿元。\n\n工业总产值350亿元。\n\n"
        "2019年工作回顾\n\n地区生产总值100亿元。\n\n工业总产值300亿元。\n"))
    labels = {c.text: (c.year, c.kind) for c in chunks}
    assert labels["开篇一段话。"] == (None, None)
    assert labels["地区生产总值130亿元。"] == (2021, TARGET)
    assert labels["工业总产值350亿元。"] == (2021, TARGET)
    assert labels["地区生产总值100亿元。"] == (2019, RESULT)
    assert labels["工业总产值300亿元。"] == (2019, RESULT)


def test_labelled_paragraph_becomes_context_for_the_next(tmp_path):
    chunks = synthetic_chunks(tmp_path, (
        "\n工作安排\n\n今年，力争全区地区生产总值达到130亿元。\n\n工业总产值350亿元。\n\n"
        "去年，全区全年完成地区生产总值100亿元，同比增长5%。\n\n服务业增加值40亿元。\n"))
    labels = [(c.text[:6], c.year, c.kind) for c in chunks]
    assert labels == [("今年，力争全", 2020, TARGET), ("工业总产值3", 2020, TARGET),
                      ("去年，全区全", 2019, RESULT), ("服务业增加值", 2019, RESULT)]


def test_the_items_of_a_list_announced_as_targets_are_targets_whatever_their_verbs(tmp_path):
    """"主要预期目标是：…；…实现10亿元，增长42.9%；…" (实现 and 增长 are a review's verbs too);
    an item naming its own year keeps it, and the next sentence is not the list's."""
    chunks = synthetic_chunks(tmp_path, (
        "\n会上作经济工作报告。主要预期目标是：地区生产总值实现44.64亿元，增长20%；"
        "地方财政一般预算收入实现10亿元，增长42.9%；2019年固定资产投资实现50亿元。"
        "全年实现工业产值30亿元，同比增长8%。\n"), max_chars=200)
    said = [(text, (tl.year, tl.kind)) for c in chunks for text, tl in c.labelled_sentences()]

    def of(opening: str) -> tuple:
        return next(lab for text, lab in said if text.startswith(opening))
    assert of("主要预期目标是") == (2020, TARGET)
    assert of("地方财政一般预算收入") == (2020, TARGET)
    assert of("2019年固定资产投资") == (2019, RESULT)
    assert of("全年实现工业产值") == (2019, RESULT)


def test_report_year_comes_from_the_header(tmp_path):
    body = "\n全年完成地区生产总值100亿元，同比增长5%。力争今后地区生产总值达到130亿元，确保增长8%。\n"
    chunks = synthetic_chunks(tmp_path, body, date="2023-01", max_chars=30)
    assert [(c.year, c.kind) for c in chunks] == [(2022, RESULT), (2023, TARGET)]


# --- sections, spans, estimates (work reports as published) ------------------------------------------

WORK_REPORT = """一、“十四五”时期和2025年工作回顾
地区生产总值连续迈上4个万亿元台阶、达14.2万亿元、年均增长5.7%。
全省城镇新增就业141万人，居民收入稳步增长。
全社会研发投入预计达到5350亿元。
二、“十五五”时期工作总体要求和目标任务
地区生产总值年均增长5%左右，居民人均可支配收入到2030年达到9万元左右。
三、2026年重点工作
今年主要预期目标是：地区生产总值增长5%左右。
开工建设沿江高铁，新增城镇就业120万人以上。
"""


@pytest.fixture(scope="module")
def work_report_labels(tmp_path_factory):
    path = tmp_path_factory.mktemp("wr") / "r.md"
    path.write_text(header("2026-02-03") + WORK_REPORT, encoding="utf-8")
    return {text: tl for c in chunk_document(load_document(path), 200) for text, tl in c.labelled_sentences()}


def find(labels, needle):
    found = [tl for text, tl in labels.items() if needle in text]
    assert len(found) == 1, needle
    return found[0]


@pytest.mark.parametrize("needle,year,kind,span,source", [
    # a level reached (达14.2万亿元) beside a 十四五 average: the level is 2025's, the average the period's
    # (the answer reads which figure says 年均: tests/answering/test_scoring.py)
    ("年均增长5.7%", 2025, RESULT, (2021, 2025), "section"),
    ("城镇新增就业141万人", 2025, RESULT, None, "section"),           # the review section's year
    ("预计达到5350亿元", 2025, ESTIMATE, None, "cue"),                # an estimate of the reviewed year
    ("年均增长5%左右", 2030, TARGET, (2026, 2030), "year"),           # a 十五五 goal (names 2030)
    ("地区生产总值增长5%左右。", 2026, TARGET, None, "year"),          # 今年 in a plan section
    ("开工建设沿江高铁", 2026, TARGET, None, "section"),             # 开工 alone does not make it done
])
def test_sections_spans_and_estimates(work_report_labels, needle, year, kind, span, source):
    tl = find(work_report_labels, needle)
    assert (tl.year, tl.kind, tl.span, tl.source) == (year, kind, span, source)


def test_a_section_title_says_what_its_sentences_speak_of():
    frame = Frame.of("2026-02-03")
    assert scope_of(("一、“十四五”时期和2025年工作回顾",), frame) == Scope(RESULT, 2025, (2021, 2025))
    assert scope_of(("二、“十五五”时期工作总体要求和目标任务",), frame) == Scope(TARGET, None, (2026, 2030))
    assert scope_of(("三、2026年重点工作", "（一）巩固经济稳中向好势头"), frame) == Scope(TARGET, 2026, None)
    assert scope_of(("各位代表",), frame) == Scope()


@pytest.mark.parametrize("date,review,plan", [
    ("2026-01-26", 2025, 2026),   # a work report early in the year reviews the year before
    ("2025-12-20", 2025, 2026),   # a year-end review covers its own year
    ("2019", 2018, 2019),         # a year alone: read as early in the year
])
def test_the_reports_date_gives_the_years_it_reviews_and_plans(date, review, plan):
    frame = Frame.of(date)
    assert (frame.review, frame.plan) == (review, plan)


@pytest.mark.parametrize("text,scope,expected", [
    # a year gone by is reviewed, never planned, even beside 目标
    ("2024年地区生产总值达13.7万亿元，顺利完成全年主要目标任务", Scope(),
     TimeLabel(2024, RESULT, None, "year")),
    # a target said to be met is a result: the review section's label stands against 目标任务
    ("粮食产量1350.97亿斤，主要指标增速居全国前列，顺利完成全年主要目标任务", Scope(RESULT, 2025, None),
     TimeLabel(2025, RESULT, None, "section")),
    # "超" says how much, not when: the review section's label stands
    ("接待游客超10.9亿人次，旅游总收入超1.3万亿元，分别增长15.8%和11.5%", Scope(RESULT, 2025, None),
     TimeLabel(2025, RESULT, None, "section")),
    # a change from one year's figure to another's covers the years after the first
    ("人均地区生产总值从2020年的10.5万元提高到2025年的14万元左右", Scope(),
     TimeLabel(2025, RESULT, (2021, 2025), "year")),
    # …and, with one year named where it starts, up to the year reviewed (由…到 as 从…到)
    ("全县生产总值由2020年的90.3亿元跃升到145.1亿元，年均增长13.3%", Scope(),
     TimeLabel(2025, RESULT, (2021, 2025), "year")),
    # …and, with no years, the period its section names
    ("地区生产总值从11.37万亿元提高到14.58万亿元", Scope(RESULT, 2025, (2021, 2025)),
     TimeLabel(2025, RESULT, (2021, 2025), "section")),
    # a five-year growth is the period's, not its last year's
    ("居民人均可支配收入五年增长30.8%", Scope(RESULT, 2025, (2021, 2025)),
     TimeLabel(None, RESULT, (2021, 2025), "section")),
])
def test_real_report_sentences(text, scope, expected):
    assert label(text, Frame.of("2026-01-20"), scope) == expected


def test_a_title_naming_both_a_review_and_a_plan_is_read_by_its_year_or_says_neither():
    frame = Frame.of("2026-01-20")
    assert scope_of(("二、“十四五”时期发展成就和“十五五”时期主要目标任务",), frame) \
        == Scope(periods=((2021, 2025), (2026, 2030)))
    assert scope_of(("二、2026年目标任务和主要工作",), frame) == Scope(TARGET, 2026, None)


@pytest.mark.parametrize("sentence, paragraph, kind", [
    ("地区生产总值增长5.2%，增速居全国第3位。", "", RESULT),  # a word only a result says
    ("力争全社会研发投入强度达到3.35%。", "", TARGET),  # a word only a plan says
    ("新增城镇就业120万人。", "", None),  # cannot tell on its own
    ("力争新增入选国家级项目10个以上。", "", None),  # words pointing both ways
    # a paragraph whose sentences say "result" twice lends its kind to a sentence that says nothing
    ("新增城镇就业120万人。", "外贸进出口同比增长8%。新增城镇就业120万人。获批国家级新区1个。", RESULT),
    # …but one incidental word does not
    ("新增城镇就业120万人。", "外贸进出口同比增长8%。新增城镇就业120万人。", None),
    # an imperative opening, in a paragraph that opens so throughout, is a plan
    ("（三）加快建设现代化产业体系。", "（三）加快建设现代化产业体系。深化国有企业改革。", TARGET),
    ("一是深化国有企业改革。", "一是深化国有企业改革。二是推动设备更新。", TARGET),
    ("加快推进重大项目建设。", "加快推进重大项目建设。1299个重大项目完成投资1.4万亿元。全省经济运行平稳。", None),
    # a purpose clause's plan words aim at the purpose, not at the figures; a pledge after it still pledges
    ("为确保招商引资工作取得新突破，落实财政扶持资金2.36亿元。", "", None),
    ("为确保目标实现，力争地区生产总值增长8%。", "", TARGET),
])
def test_a_sentence_alone_says_its_kind_or_nothing(sentence, paragraph, kind):
    assert sentence_kind(sentence, paragraph) == kind


def test_an_article_without_sections_reads_its_sentences_by_their_own_words():
    frame = Frame.of("2025-01-15")
    # the weighted cue counts would read 新增…增长 as a result; 力争 says it is a plan
    assert label("力争新增城镇就业65万人、地区生产总值增长5%以上。", frame, paragraph="").kind == TARGET
    assert label("外贸进出口同比增长8%。", frame, paragraph="").kind == RESULT


@pytest.mark.parametrize("text, years, spans", [
    ("全年GDP增长4%，快于2024年1.8个百分点。", [], []),  # the base of a comparison, not the figure's year
    ("累计使用外资比“十三五”时期增长71%。", [], []),
    ("比上年增长5%。", [], []),
    ("调度原煤产量1.68亿吨、增长9.8%，产量为“十四五”以来最高。", [], []),
    ("2025年全省生产总值比2024年增长5.1%。", [2025], []),
    ("去年地区生产总值增长5%。", [2025], []),
    ("“十四五”时期全省地区生产总值年均增长5.5%。", [], [(2021, 2025)]),
])
def test_a_year_compared_with_is_not_the_figures_year(text, years, spans):
    assert years_in(text, 2026) == years and periods_in(text) == spans


def test_under_a_title_of_two_periods_a_sentences_kind_says_which_period_it_speaks_of():
    frame = Frame.of("2026-01-20")
    scope = scope_of(("二、“十四五”时期发展成就和“十五五”时期主要目标任务",), frame)
    past = label("一般公共预算收支累计分别突破9千亿元、3万亿元，获批国家级新区1个。", frame, scope, paragraph="")
    coming = label("力争地区生产总值年均增长5%左右。", frame, scope, paragraph="")
    assert (past.kind, past.span) == (RESULT, (2021, 2025))
    assert (coming.kind, coming.span) == (TARGET, (2026, 2030))


@pytest.mark.parametrize("text,expected", [
    # a year named only in a clause after the last figure is another aim's: the 十五五 goal stays the period's
    ("提出地区生产总值年均增长5%左右，为确保实现2035年人均地区生产总值比2020年翻一番打好基础。",
     TimeLabel(2030, TARGET, (2026, 2030), "section")),
    # a year in the figure's own clause, or before it, dates it
    ("地区生产总值年均增长5%左右，到2035年人均地区生产总值达到15万元。", TimeLabel(2035, TARGET, (2026, 2035), "year")),
    # a year in Chinese digits is a year
    ("从党的二十大到二〇三五年，用13年时间基本实现现代化，经济总量实现倍增。", TimeLabel(2035, TARGET, (2026, 2035), "year")),
])
def test_the_year_of_a_goal_section_sentence(text, expected):
    assert label(text, Frame.of("2026-01-20"), Scope(TARGET, None, (2026, 2030))) == expected


def test_a_date_is_no_figure_that_a_later_year_would_not_date():
    assert label("2月15日上午，某开发区召开2018年度工作总结大会。", Frame.of("2019-02-16")).year == 2018


@pytest.mark.parametrize("text", ["顺利完成全年主要目标任务", "实现预期目标", "超额完成年度任务"])
def test_a_target_said_to_be_met_counts_for_a_result(text):
    scores = cue_scores(text)
    assert scores[RESULT] > scores[TARGET]


@pytest.mark.parametrize("scope", [Scope(), Scope(TARGET, 2026, None)])
def test_a_target_still_to_be_met_stays_a_plan(scope):
    text = "确保完成全年目标任务，力争地区生产总值增长5%"
    assert label(text, Frame.of("2026-01-20"), scope).kind == TARGET


@pytest.mark.parametrize("paragraph,clause,head", [
    ("全年预计实现地区生产总值170.98亿元,增长8%;公共财政收入14.5亿元,增长10%。", "公共财政收入", "全年预计实现地区生产总值"),
    ("一是预计实现地区生产总值170.98亿元;公共财政收入14.5亿元。", "公共财政收入", "预计实现地区生产总值"),
    # the sentence's first clause is read alone, and so is one stating its own kind word
    ("全年预计实现地区生产总值170.98亿元,增长8%;公共财政收入14.5亿元。", "全年预计", ""),
    ("全年预计实现地区生产总值170.98亿元;公共财政收入完成14.5亿元;税收9亿元。", "税收", ""),
    # a new sentence, and a kind word past the sentence's opening clause, carry nothing
    ("全年预计实现地区生产总值170.98亿元。公共财政收入14.5亿元。", "公共财政收入", ""),
    ("报告指出,一年来,预计实现地区生产总值1100亿元;空气优良率上升6.4个百分点。", "空气", ""),
])
def test_the_kind_word_opening_a_sentence_heads_its_later_clauses(paragraph, clause, head):
    start = paragraph.index(clause)
    assert sentence_head(paragraph, start, len(paragraph)) == head


def test_an_estimate_of_the_year_a_report_plans_is_its_aim():
    early_2025 = Frame.of("2025-02-13")
    said = "会议提出2025年经济社会发展预期目标是:到2025年底,体制机制更具活力,GDP预计增长7%以上"
    assert label(said, early_2025) == TimeLabel(2025, TARGET, None, "year")
    # an estimate of the year reviewed stays one
    assert label("2024年全区地区生产总值预计增长5.5%", early_2025).kind == ESTIMATE


def test_the_year_before_said_as_the_base_of_a_comparison_is_not_the_figure_s_year():
    assert years_in("与上年同期相比分别增长23.4%和19.1%", 2011) == []
    assert years_in("与2010年相比,全镇工业总产值增长16%", 2011) == []


def test_a_clause_whose_own_kind_words_side_with_its_section_keeps_the_section_s_kind():
    """Under "一、2021年工作回顾", plan verbs weighed against "顺利完成了…实现了…" do not make a target of
    the review; an estimate there still says so itself."""
    review = Scope(kind=RESULT, year=2021)
    sentence = ("全力支持服务合作区建设，加快推进大湾区建设38项重点工作落实，奋力打造合作区战略拓展区，顺利完成了"
                "区人大会议确定的目标任务，实现了良好开局。")
    assert yk(label(sentence, Frame.of("2022-01"), review)) == (2021, RESULT)
    assert yk(label("加快推进数字经济，数字经济核心产业增加值预计增长10%。", Frame.of("2022-01"), review)) == \
        (2021, ESTIMATE)


def test_a_word_holding_a_plan_s_cue_says_nothing_of_a_kind():
    """主要 holds 要 ("主要经济指标"): a mid-year review of how many of its targets were missed is a result."""
    frame = Frame.of("2017-09-01")
    assert label("11项主要经济指标中,有6项没有完成“双过半”目标任务,固定资产投资等个别指标差欠较大。", frame).kind == RESULT
    assert label("一是部分主要指标欠账较大。", frame).kind is None
    assert label("要把重要产业项目建设好。", frame).kind == TARGET  # the plan's own 要 still counts


def test_a_count_of_the_meeting_s_delegates_is_a_result_not_the_plan_before_it(tmp_path):
    path = tmp_path / "r.md"
    path.write_text("---\ntitle: 测试市人代会开幕\ndate: 2026-01-19\nplace: 测试市\nsource: 合成\n---\n"
                    "会议将审议“十五五”规划纲要，到2030年地区生产总值力争达到300亿元。\n大会应到代表148名，实到代表133名，"
                    "符合法定人数。\n", encoding="utf-8")
    got = {s[:6]: tl for c in chunk_document(load_document(path), 400) for s, tl in c.labelled_sentences()}
    assert (got["大会应到代表"].year, got["大会应到代表"].kind, got["大会应到代表"].span) == (2025, RESULT, None)
    assert got["大会应到代表"].source == "meeting"  # of the meeting's day: an answer names that day (2026), not 2025


def test_a_review_headed_with_its_year_holds_against_a_sentence_s_plan_verbs():
    scope = Scope(kind=RESULT, year=2022)
    text = ("面对严峻形势，我们把学习宣传贯彻落实党的二十大精神作为全年工作主线，坚持稳中求进工作总基调，落实“疫情要防住、"
            "经济要稳住、发展要安全”的要求，按照“稳盘、挖潜、谋增、提效”总体思路，全力优产业、强基础、稳经济，经济社会保持平稳健康发展。")
    assert cue_kind(text, 4) == TARGET  # its plan verbs alone would say plan
    got = label(text, Frame.of("2023-01"), scope)
    assert (got.year, got.kind) == (2022, RESULT)
    # a sentence naming the plan year is that year's, whatever its section
    assert label("2023年，全区要坚持稳中求进，力争地区生产总值增长6%。", Frame.of("2023-01"), scope).year == 2023
