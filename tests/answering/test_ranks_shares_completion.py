"""Ranks, shares and completion rates (issue #23, development failures of zones-heldout12 and paraphrases-heldout12):
the rank of a rate ("增速居全省第5位") answers "增速排第几", the rank of a level ("总量居全省第6位") "总量排第几",
never the other; a rank said in words after 排名 ("全市排名第一") is a rank; a later clause asking a share of a
whole ("…有几家,占全市多少") is the first's share; the share of its target a result reached is the one its report
states, never worked out; an open platform is named by its short name (综保区). Hand-made reports (no index, no model)."""
from __future__ import annotations

from answering.test_phone_phrasings import ask, doc

from bot.answering.reading.question import Shape, parse
from bot.answering.reading.word_numbers import ordinals
from bot.answering.sentences.kind_asked import rank_kinds

LUZHOU = doc("lz", "四川省泸州市", "2021-02-23")
BOTH = [(LUZHOU, ["2020年,全市实现地区生产总值2157.2亿元、总量居全省第6位,增长4.2%、增速居全省第5位。"])]
LEVEL_ONLY = [(LUZHOU, ["2020年,地方一般公共预算收入170.1亿元,同口径增长12.9%,总量居全省第3位。"])]


def test_a_rate_s_rank_answers_a_question_asking_the_rate_s():
    got = ask(BOTH, "泸州2020年GDP增速在四川排第几名", "四川省泸州市")
    assert not got.abstained and "第5位" in got.answer


def test_a_level_s_rank_answers_a_question_asking_the_level_s():
    got = ask(BOTH, "泸州2020年GDP总量在四川排第几", "四川省泸州市")
    assert not got.abstained and "第6位" in got.answer and "第5位" not in got.answer


def test_where_only_the_other_kind_is_ranked_it_is_offered_not_answered():
    got = ask(LEVEL_ONLY, "泸州2020年一般公共预算收入增速在四川排第几", "四川省泸州市")
    assert got.abstained and got.answer.startswith("资料中没有") and "第3位" in got.answer


def test_a_rank_question_naming_no_kind_takes_either():
    got = ask(LEVEL_ONLY, "泸州2020年一般公共预算收入在四川排第几", "四川省泸州市")
    assert not got.abstained and "第3位" in got.answer


def test_a_longer_name_holding_a_kind_word_names_no_kind():
    assert rank_kinds("规模以上工业增加值增速居全省") == {"rate"}
    assert rank_kinds("进出口规模稳居全国") == {"level"}
    assert rank_kinds("居全省") == set()


def test_a_rank_in_words_after_paiming_is_a_rank():
    assert ordinals("上半年规上工业产值增速全市排名第一") == "上半年规上工业产值增速全市排名第1"
    zone = [(doc("nn", "南宁高新区", "2020-10-15"),
             ["今年以来,上半年规上工业产值增速全市排名第一,规上工业增加值增速全市排名第二。"])]
    got = ask(zone, "南宁高新区上半年规上工业产值增速在全市排第几", "南宁高新区")
    assert not got.abstained and "排名第一" in got.answer and "第二" not in got.answer


NANNING = doc("nn", "南宁高新区", "2020-10-15")


def test_a_later_clause_asking_a_share_of_a_whole_is_the_first_s_share():
    zone = [(NANNING, ["今年以来,已入库培育的自治区级瞪羚企业达18家,占南宁市(36家)的50%。"])]
    got = ask(zone, "南宁高新区瞪羚企业有几家,占全市多少", "南宁高新区")
    assert not got.abstained and "18家" in got.answer and "50%" in got.answer and "没有" not in got.answer


COMPLETION = [(NANNING, ["今年以来,跨境电子商务综合试验区1—9月完成进出口额约12.82亿元,完成全年任务的98.62%。",
                         "今年以来,新型产业技术研究机构增加值增长20%,进出口额增长35%。"])]


def test_the_share_of_its_target_reached_is_the_one_stated():
    q = parse("南宁跨境电商综试区完成全年任务的百分之几了", 2020)
    assert q.shape == Shape.FIGURE and q.unit == "percent"
    got = ask(COMPLETION, "南宁跨境电商综试区完成全年任务的百分之几了", "南宁高新区")
    assert not got.abstained and "98.62%" in got.answer


def test_a_share_of_its_target_no_sentence_states_is_refused_not_taken_from_another_rate():
    got = ask(COMPLETION, "南宁新型产业技术研究机构完成全年任务的百分之几", "南宁高新区")
    assert got.abstained and "20%" not in got.answer.split("资料中只有")[0]


def test_whether_the_target_was_reached_is_still_asked_yes_or_no():
    assert parse("跨境电商综试区完成全年任务了吗", 2020).shape == Shape.ATTAINED


def test_an_open_platform_is_asked_by_its_short_name():
    zone = [(NANNING, ["今年以来,南宁综合保税区完成外贸进出口额270.47亿元,在全国97家综合保税区中排名第15。"])]
    got = ask(zone, "南宁综保区在全国综保区里排第几", "南宁高新区")
    assert not got.abstained and "第15" in got.answer


def test_the_share_of_its_target_reached_in_the_report_s_own_year_is_its_result_so_far():
    q = parse("昆明经开区2018年招商引资内资完成全年任务的百分之多少", 2018)
    assert q.kind == "result" and q.shape == Shape.FIGURE
    news = [(doc("km", "昆明经开区", "2018-11-05"),
             ["2018年1至10月昆明经开区招商引资累计完成内资107.06亿元,完成全年任务的85.6%。"])]
    got = ask(news, "昆明经开区2018年招商引资内资完成全年任务的百分之多少", "昆明经开区")
    assert not got.abstained and "85.6%" in got.answer
