"""The facts page as staff use it, in a real headless browser with no network: the reports with
their counts, every figure filtered by place, year, kind and text, sorted by any column, the figure
marked in its sentence, doubtful figures flagged with their reason."""
from __future__ import annotations

import pytest

from bot.answering.catalogue import Figure
from bot.figures_page import TABLE_COLUMNS, page, write_page
from browser import offline_browser

DOCUMENTS = {
    "js-2026": {"title": "2026年江苏省政府工作报告", "date": "2026-02-03", "place": "江苏省",
                "speaker": "江苏省省长 刘小涛"},
    "zj-2026": {"title": "2026年浙江省政府工作报告", "date": "2026-01-20", "place": "浙江省"},
}
GDP_JS = Figure("js-2026", "江苏省", 2025, None, "result", "5.3%", "地区生产总值增长", None,
                "全省地区生产总值增长5.3%、增量保持全国第一，", "year", "一、2025年工作回顾")
TARGET_JS = Figure("js-2026", "江苏省", 2026, None, "target", "5%左右", "经济增长", None,
                   "今年经济社会发展的主要预期目标是：经济增长5%左右；", "section", "二、2026年工作安排")
SPAN_JS = Figure("js-2026", "江苏省", None, (2021, 2025), None, "1.5万亿元", "地区生产总值增量", None,
                 "十四五期间地区生产总值增量1.5万亿元<超过>预期。", "cue", "一、2025年工作回顾")
GDP_ZJ = Figure("zj-2026", "浙江省", 2025, None, "result", "9.2万亿元", "地区生产总值", "增长5.5%",
                "全省生产总值9.2万亿元、增长5.5%。", "year", "一、2025年工作回顾")
PARKS_ZJ = Figure("zj-2026", "浙江省", 2026, None, "result", "18座", "新建口袋公园", None,
                  "新建口袋公园18座。", "date", "一、2025年工作回顾")
FIGURES = [GDP_JS, TARGET_JS, SPAN_JS, GDP_ZJ, PARKS_ZJ]
DOUBTFUL = {PARKS_ZJ: "2026年的实际值出现在2026年1月的报告里"}


@pytest.fixture(scope="module")
def browser():
    with offline_browser() as session:
        yield session


@pytest.fixture
def opened(browser, tmp_path):
    path = tmp_path / "数字.html"
    write_page(path, FIGURES, DOCUMENTS, DOUBTFUL)
    browser.get(path.as_uri())
    return browser


def cells(browser, table: str) -> list[list[str]]:
    """The visible rows of a table, by cell text."""
    return browser.script(
        "return Array.prototype.filter.call(document.querySelectorAll(arguments[0] + ' tbody tr'),"
        " function(r){return !r.hidden;}).map(function(r){"
        " return Array.prototype.map.call(r.cells, function(c){return c.textContent.trim();});});",
        f"#{table}")


def values(browser) -> list[str]:
    return [row[3] for row in cells(browser, "figures")]


def choose(browser, select: str, value: str) -> None:
    browser.click(f'#{select} option[value="{value}"]')


def shown(browser) -> str:
    return browser.text("#shown")


def test_the_page_opens_offline_with_nothing_fetched(opened):
    assert opened.title == "识别出的数字"
    assert opened.script("return performance.getEntriesByType('resource').length") == 0
    assert values(opened) == [f.value for f in FIGURES] and shown(opened) == "5"


def test_each_report_with_its_place_date_speaker_and_counts_by_kind(opened):
    header = opened.script(
        "return Array.prototype.map.call(document.querySelectorAll('#reports th'), function(c){return c.textContent;});")
    assert header == ["报告", "地点", "报告日期", "报告人", "实际", "目标", "预计", "多年", "未定", "存疑"]
    assert cells(opened, "reports") == [
        ["2026年江苏省政府工作报告", "江苏省", "2026-02-03", "江苏省省长 刘小涛", "1", "1", "0", "1", "0", "0"],
        ["2026年浙江省政府工作报告", "浙江省", "2026-01-20", "—", "2", "0", "0", "0", "0", "1"]]


def test_filters_by_place_year_kind_and_text(opened):
    choose(opened, "place", "江苏省")
    assert values(opened) == ["5.3%", "5%左右", "1.5万亿元"] and shown(opened) == "3"
    choose(opened, "year", "2024")  # only the 十四五 total spans it
    assert values(opened) == ["1.5万亿元"]
    choose(opened, "place", "")  # 全部地点
    choose(opened, "year", "2025")
    assert values(opened) == ["5.3%", "1.5万亿元", "9.2万亿元"]
    choose(opened, "kind", "实际")
    assert values(opened) == ["5.3%", "9.2万亿元"]
    opened.type("#text", "增长5.5")
    assert values(opened) == ["9.2万亿元"] and shown(opened) == "1"


def test_sorts_by_any_column_and_back(opened):
    def header(name: str) -> str:
        return f"#figures th:nth-child({TABLE_COLUMNS.index(name) + 1})"

    opened.click(header("数值"))  # by the number, not the text: 1.5 < 5 < 5.3 < 9.2 < 18
    assert values(opened) == ["1.5万亿元", "5%左右", "5.3%", "9.2万亿元", "18座"]
    opened.click(header("数值"))
    assert values(opened) == ["18座", "9.2万亿元", "5.3%", "5%左右", "1.5万亿元"]
    opened.click(header("地点"))
    assert [row[0] for row in cells(opened, "figures")] == ["江苏省"] * 3 + ["浙江省"] * 2
    opened.click(header("年份"))
    assert [row[1] for row in cells(opened, "figures")] == ["2021—2025年", "2025年", "2025年", "2026年", "2026年"]


def test_the_figure_is_marked_in_its_sentence(opened):
    marks = opened.script(
        "return Array.prototype.map.call(document.querySelectorAll('#figures tbody tr'),"
        " function(r){var m=r.querySelector('mark'); return m && m.textContent;});")
    assert marks == [f.value for f in FIGURES]
    assert "1.5万亿元<超过>预期" in cells(opened, "figures")[2][7]  # the sentence's own text, escaped


def test_doubtful_figures_are_marked_with_the_reason(opened):
    rows = cells(opened, "figures")
    assert rows[4][-1] == "⚠ 2026年的实际值出现在2026年1月的报告里"
    assert all(row[-1] == "" for row in rows[:4])
    assert opened.script("return document.querySelectorAll('#figures tr.doubt').length") == 1
    opened.click("#doubtful")
    assert values(opened) == ["18座"]


def test_the_page_is_one_file_with_no_address_in_it():
    html = page(FIGURES, DOCUMENTS, DOUBTFUL)
    assert "src=" not in html and "href=" not in html and "http" not in html and "<link" not in html
