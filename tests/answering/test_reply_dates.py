"""The report's date in a reply: the meeting's day for a count of the meeting, the report's year for a
period named by its length, the report's day for who held an office. A reply looks its report up once,
and only when it names that date (a table of reports without documents answers every other reply).
Questions read by the parser, answers composed from hand-made evidence."""
from __future__ import annotations

from types import SimpleNamespace

from handmade import hit

from bot.answering.compose import Composer
from bot.answering.evidence import Evidence, coverage
from bot.answering.reading.question import parse
from index.text.timelabel import RESULT, TimeLabel


def _reports(date: str):
    """A table of one report dated `date` that counts how often it is looked up."""
    looked: list[str] = []

    def document(doc_id: str) -> dict:
        looked.append(doc_id)
        return {"date": date}
    return SimpleNamespace(place_of={}, document=document), looked


def _evidence(text: str, sentence: str, label: TimeLabel, asked_in: int):
    q = parse(text, asked_in)
    return q, [Evidence(hit(sentence, 1), sentence, label, *coverage(q, sentence))]


DELEGATES = "大会应到代表127人,因事因病请假14人,实到代表113人,符合法定人数。"


def test_a_count_of_the_meeting_names_the_meeting_s_day_from_one_lookup():
    q, evidence = _evidence("那次人代会实到代表几个", DELEGATES, TimeLabel(2014, RESULT, None, "meeting"), 2015)
    reports, looked = _reports("2015-02-04")
    got = Composer(reports, 0.5).figure(q.text, q, evidence)
    assert not got.abstained and "113人" in got.answer and "2015年2月4日" in got.answer and "2014" not in got.answer
    assert len(looked) == 1


SPENT = "四年来，民生累计投入达1163.5亿元。"


def test_a_period_named_by_its_length_names_its_report_s_year_from_one_lookup():
    q, evidence = _evidence("这几年民生一共投入多少钱", SPENT, TimeLabel(None, RESULT, (2013, 2016)), 2018)
    reports, looked = _reports("2017-01-12")
    got = Composer(reports, 0.5).figure(q.text, q, evidence)
    assert not got.abstained and "1163.5亿元" in got.answer and "2013—2016年（据2017年报告）" in got.answer
    assert len(looked) == 1


SECRETARY = "德州经济技术开发区党工委书记鄂宏达出席会议并作重要讲话。"


def test_who_holds_an_office_is_said_on_the_report_s_day_from_one_lookup():
    q, evidence = _evidence("德州经开区党工委书记叫啥", SECRETARY, TimeLabel(None, None), 2017)
    reports, looked = _reports("2016-03-09")
    got = Composer(reports, 0.5).sentence(q.text, q, evidence)
    assert not got.abstained and "鄂宏达" in got.answer and "2016年3月9日" in got.answer
    assert len(looked) == 1


def test_a_reply_naming_no_date_of_its_report_needs_no_document():
    sentence = "全区一般公共预算收入总量12.24亿元,同比增长18.06%。"
    q, evidence = _evidence("一般公共预算收入多少", sentence, TimeLabel(2020, RESULT), 2021)
    got = Composer(SimpleNamespace(place_of={}), 0.5).figure(q.text, q, evidence)
    assert not got.abstained and "12.24亿元" in got.answer and "2020年" in got.answer
