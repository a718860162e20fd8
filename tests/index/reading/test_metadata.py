"""A new report's metadata, read from the report itself, as staff would see it."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from index.reading.documents import split_header
from index.reading.metadata import byline, infer

REPORTS = sorted((ROOT / "tests" / "reports").glob("*.txt"))


def body_and_header(path: Path) -> tuple[str, dict[str, str]]:
    raw = path.read_text(encoding="utf-8")
    meta, start = split_header(raw)
    return raw[start:], meta


@pytest.mark.parametrize("path", REPORTS, ids=[p.stem for p in REPORTS])
def test_every_development_report_gives_its_delivery_date_place_and_title(path):
    body, header = body_and_header(path)
    found = infer(body, path.name)
    assert found["date"].value == header["date"]  # the delivery date, not the page's publication date
    assert found["place"].value == header["place"]
    assert found["title"].value == header["title"]
    assert found["date"].source == "报告开头的会议日期行"


def test_the_publication_date_of_a_news_page_is_not_the_delivery_date():
    body, _ = body_and_header(next(p for p in REPORTS if p.stem == "2026-江苏省"))
    assert "时间：2026-02-09" in body
    assert infer(body, "x.txt")["date"].value == "2026-02-03"


def test_place_from_the_speakers_office_when_no_delivery_line_names_it():
    text = "关于2025年工作的报告\n\n广西壮族自治区人民政府主席 某某\n\n各位代表：\n今年全区生产总值增长5%左右。"
    found = infer(text, "r.txt")
    assert found["place"].value == "广西壮族自治区" and found["place"].source == "报告人职务"


def test_a_bare_title_gets_its_year_and_place():
    text = "政府工作报告\n——2026年1月26日在广东省第十四届人民代表大会第五次会议上\n\n各位代表：\n正文。"
    found = infer(text, "r.txt")
    assert found["title"].value == "2026年广东省政府工作报告"


def test_no_place_is_made_up_from_a_sentence():
    text = ("经济运行报告\n\n全年全面完成工业园区改造，国家级经开区考核进位，新建产业园区三个。"
            "全面完成工业园区提升。")
    found = infer(text, "r.txt")
    assert "place" not in found and "date" not in found
    assert found["source"].value == "上传文件 r.txt"


def test_source_line_is_the_source():
    body, _ = body_and_header(next(p for p in REPORTS if p.stem == "2026-河南省"))
    assert infer(body, "x.txt")["source"].value == "河南日报"


@pytest.mark.parametrize("path", REPORTS, ids=[p.stem for p in REPORTS])
def test_every_development_report_says_who_delivered_it_and_at_which_meeting(path):
    body, header = body_and_header(path)
    said = byline(body)
    assert said["delivered"].startswith(f"{int(header['date'][:4])}年")
    assert "人民代表大会" in said["delivered"] and "会议上" in said["delivered"]
    assert "省长" in said.get("speaker", said["delivered"])  # its own line, or the delivery line's end


def test_no_byline_is_made_up_from_a_sentence():
    assert byline("全省召开经济工作会议。\n2025年1月在全省大会上，省长强调要抓好落实，推动经济持续回升向好。") == {}
