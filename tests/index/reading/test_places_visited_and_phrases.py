"""Where a text's opening names a place that is not its own: a title naming the visitors before the place they visit,
and a clause's verb or an ordinal run into a meeting's name (dev14b's zone news, county report and town news)."""
from __future__ import annotations

from index.reading.metadata import infer, title_place


def test_a_title_names_the_place_visited_not_the_visitors_place():
    assert title_place("湘潭县领导到天易经开区调研").value == "天易经开区"
    assert title_place("湘潭县召开经济工作会议").value == "湘潭县"  # no visit: the place is the subject


def test_a_clause_s_verb_before_a_meeting_s_name_is_no_place():
    found = infer("2009年政府工作报告\n\n县长  邓伟\n\n各位代表:\n\n〇〇八年工作回顾\n\n过去的一年,在县人大、县政协的监督和支持下,"
                  "县人民政府统筹实施工业强县、生态立县、和谐兴县“三大战略”,较好地完成了县人大十四届二次会议确定的各项任务。", "r.txt")
    assert "place" not in found


def test_an_ordinal_run_into_a_meeting_s_name_is_no_place():
    found = infer("东石:持续加快建设\n5月30日上午,晋江市东石镇第十三次党代会在东石镇政府召开。", "n.txt")
    assert "place" not in found or found["place"].value in ("晋江市东石镇", "东石镇")
