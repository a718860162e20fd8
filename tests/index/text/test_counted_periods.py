"""Periods a report names by their length ("四年来", "今后五年", a heading "过去四年"): a total or an
average said of one is the period's (counted back from the year reviewed, on from the year planned),
not one year's; a target of the year planned said beside them stays that year's."""
from __future__ import annotations

from index.reading.documents import load_document
from index.text.chunking import chunk_document
from index.text.periods import counted_periods
from index.text.timelabel import RESULT, TARGET


def _labels(tmp_path, body: str) -> dict:
    """Each sentence's label, as (year, kind, span), in news of a city's meeting of March 2017."""
    path = tmp_path / "r.md"
    path.write_text("---\ntitle: 某市两会\ndate: 2017-03-12\nplace: 某市\nsource: 测试\n---\n" + body, encoding="utf-8")
    return {s.strip(): (tl.year, tl.kind, tl.span)
            for c in chunk_document(load_document(path)) for s, tl in c.labelled_sentences()}


def test_a_period_named_by_its_length_is_counted_from_the_report():
    assert [span for span, _ in counted_periods("四年来，民生累计投入", 2016, 2017)] == [(2013, 2016)]
    assert [span for span, _ in counted_periods("今后5年的主要目标", 2016, 2017)] == [(2017, 2021)]
    assert counted_periods("一年来，三十年来，这两年", 2016, 2017) == []  # no period, another count, a trend's words


def test_a_total_over_the_years_reviewed_and_the_averages_planned_are_the_periods(tmp_path):
    labels = _labels(tmp_path, "市长作政府工作报告。\n"
                     "四年来，民生累计投入达到1163.5亿元，城乡居民收入分别增加10491元、3849元。\n"
                     "今后五年的主要目标是，全市生产总值年均增长9%以上。城乡居民收入年均分别增长9%、10%以上。\n"
                     "今年主要预期目标是：城镇居民收入增长8.5%。\n")
    assert labels["四年来，民生累计投入达到1163.5亿元，城乡居民收入分别增加10491元、3849元。"] == \
        (None, RESULT, (2013, 2016))
    assert labels["今后五年的主要目标是，全市生产总值年均增长9%以上。"][1:] == (TARGET, (2017, 2021))
    assert labels["城乡居民收入年均分别增长9%、10%以上。"][1:] == (TARGET, (2017, 2021))  # goes on in the period
    assert labels["今年主要预期目标是：城镇居民收入增长8.5%。"] == (2017, TARGET, None)


def test_a_change_from_to_said_of_a_period_counted_back_is_the_period_s(tmp_path):
    """"70年来，…从改革开放之初的7991.5万元提高到133.64亿元，增长169倍": no one year's growth, but the period's
    change, its level reached the last year's."""
    labels = _labels(tmp_path, "县长通报发展变化。\n"
                     "70年来，全县地区生产总值从改革开放之初的7991.5万元提高到133.64亿元，增长169倍。\n")
    assert labels["70年来，全县地区生产总值从改革开放之初的7991.5万元提高到133.64亿元，增长169倍。"] == \
        (2016, RESULT, (1947, 2016))


def test_a_heading_naming_a_period_by_its_length_scopes_the_lines_under_it(tmp_path):
    """News set out with deck headlines: "过去四年" heads a review of the four years, "今年目标" the
    year's targets, each stated in a short line of its own ("城镇居民收入增长8.5%")."""
    labels = _labels(tmp_path, "市长作政府工作报告。\n过去四年\n民生累计投入达1163.5亿\n"
                     "新型城镇化加速推进，城镇化率达到50.84%，比2012年提高5.63个百分点。\n"
                     "今年目标\n城镇居民收入增长8.5%\n市长表示，今年意义重大。\n")
    assert labels["民生累计投入达1163.5亿"] == (None, RESULT, (2013, 2016))
    assert labels["新型城镇化加速推进，城镇化率达到50.84%，比2012年提高5.63个百分点。"][1:] == (RESULT, (2013, 2016))
    assert labels["城镇居民收入增长8.5%"] == (2017, TARGET, None)
