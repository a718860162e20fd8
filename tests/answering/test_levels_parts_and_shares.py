"""Development failures of zones-heldout13 (round 16): a clause opening on a word of reach alone ("力争达296亿元")
is the level of the metric the clause before names; a refusal of a whole year's figure names a part of the year
it holds ("前三季度") without quoting its figure, which would pass for the year's; a share of a target reached
said without 的 ("完成全年目标任务75%") or with 占 ("占全年任务的194%") is a stated completion share.
Hand-made reports (no index, no model)."""
from __future__ import annotations

from answering.test_phone_phrasings import ask, doc
from answering.test_who_and_counts import ask as ask_texts

from bot.answering.comparison import says_attained, states_completion
from bot.answering.facts import extract

DALI = doc("dl", "大理市", "2012-12-31")
PLAN = [(DALI, ["2013年预期目标:力争全市地区生产总值增长14%以上,力争达296亿元。"])]


def test_a_clause_opening_on_its_reach_word_gives_the_level_of_the_metric_before_it():
    got = ask(PLAN, "大理市13年GDP要达到多少亿", "大理市")
    assert not got.abstained and "296亿元" in got.answer and "2013" in got.answer


def test_a_clause_naming_a_subject_of_its_own_is_not_the_metric_s_level():
    other = [(DALI, ["2013年预期目标:力争全市地区生产总值增长14%以上,财政总收入达29亿元。"])]
    got = ask(other, "大理市13年GDP要达到多少亿", "大理市")
    assert "29亿元" not in got.answer


JIANGXIAN = {"doc_id": "jx", "place": "绛县", "date": "2017-10-31", "title": "县委常委会议", "part_year": "前三季度"}
QUARTERS = {"jx": "前三季度,全县实现生产总值43.7亿元,同比增长8.4%。会议要求确保完成全年各项目标任务。"}


def test_a_refusal_of_the_whole_year_names_the_part_it_holds_without_its_figure():
    got = ask_texts("绛县2017年全年GDP目标是多少", [JIANGXIAN], QUARTERS, "绛县")
    assert got.abstained and "43.7亿元" not in got.answer and "8.4%" not in got.answer
    assert "前三季度" in got.answer


def test_the_part_asked_is_still_answered_with_its_figure():
    got = ask_texts("绛县17年前三季度GDP多少", [JIANGXIAN], QUARTERS, "绛县")
    assert not got.abstained and "43.7亿元" in got.answer


def _share(clause: str):
    return next(f for f in extract(clause) if f.unit == "%")


def test_a_share_of_a_target_is_stated_with_or_without_its_de_and_by_zhan():
    for clause, reached in [("1—9月完成实际利用外资11644万美元占全年任务的194%", True),
                            ("引进新型产业技术研究机构15家,完成全年目标任务75%", False),
                            ("已完成投资193亿元,完成全年计划投资的95%", False)]:
        tail = clause.split(",")[-1]
        assert states_completion(_share(tail)), clause
        assert says_attained(clause, tail) is reached, clause


def test_a_surplus_over_a_plan_or_a_share_of_a_total_is_no_completion_share():
    for clause in ["完成投资15亿元超计划8%", "占总投资的50%", "占全市的50%"]:
        assert not states_completion(_share(clause)), clause


SHARES = [(doc("nn", "南宁高新区", "2020-10-15"),
           ["今年以来,南宁高新区1—9月完成商务部口径实际利用外资11644万美元占全年任务的194%,提前超额完成全年任务。",
            "今年以来,高新区已引进15家新型产业技术研究机构,完成全年目标任务75%。"])]


def test_a_share_stated_so_answers_the_share_asked():
    got = ask(SHARES, "南宁高新区利用外资完成全年任务的百分之几", "南宁高新区")
    assert not got.abstained and "194%" in got.answer
    got = ask(SHARES, "南宁高新区新型产业技术研究机构完成全年任务的百分之几", "南宁高新区")
    assert not got.abstained and "75%" in got.answer and "194%" not in got.answer


def test_a_figure_of_part_of_the_year_is_of_the_part_its_own_words_name():
    news = {"doc_id": "nn", "place": "南宁高新区", "date": "2020-10-15", "title": "南宁高新区", "part_year": "1—9月"}
    text = {"nn": "综合保税区1—8月完成外贸进出口额270.47亿元,同比增长126.3%;"
                  "1—9月完成商务部口径实际利用外资11644万美元占全年任务的194%,提前超额完成全年任务。"}
    got = ask_texts("南宁高新区实际利用外资完成全年任务的百分之几", [news], text, "南宁高新区")
    assert not got.abstained and "194%" in got.answer and "1—8月" not in got.answer
    got = ask_texts("南宁综保区进出口涨了多少", [news], text, "南宁高新区")
    assert not got.abstained and "126.3%" in got.answer and "1—8月" in got.answer
