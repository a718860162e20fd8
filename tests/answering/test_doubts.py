"""Doubtful labels as staff see them: a result of the year a report plans, a figure of a
sentence announcing the main targets that is not a target."""
from __future__ import annotations

from bot.answering.catalogue import Figure
from bot.answering.doubts import doubts
from index.text.timelabel import RESULT, TARGET

DOCS = {"jan": {"date": "2026-01-20"}, "dec": {"date": "2025-12-18"},
        "aug": {"date": "2018-08-03", "part_year": "上半年"}}
HEADLINE = "今年经济社会发展主要预期目标是：地区生产总值增长5%左右，居民收入增长5%。"


def figure(doc_id: str, year: int, kind: str, value: str, sentence: str, span=None) -> Figure:
    return Figure(doc_id, "某省", year, span, kind, value, "地区生产总值", None, sentence, "cue", "")


def test_a_result_of_the_year_a_january_report_plans_is_doubtful():
    f = figure("jan", 2026, RESULT, "120万人", "新增城镇就业120万人。")
    assert doubts([f], DOCS) == {f: "2026年的实际值出现在2026年1月的报告里：报告只能为这一年定目标"}


def test_news_of_part_of_its_year_states_that_part_as_a_result_whatever_its_month():
    f = figure("aug", 2018, RESULT, "68.46亿元", "上半年全区完成全口径财政税收收入68.46亿元。")
    assert doubts([f], DOCS) == {}
    assert doubts([figure("aug", 2019, RESULT, "5%", "增长5%。")], DOCS)  # but not the next year's


def test_a_december_report_states_its_own_year_as_a_result():
    f = figure("dec", 2025, RESULT, "120万人", "新增城镇就业120万人。")
    assert doubts([f], DOCS) == {}
    assert doubts([figure("dec", 2026, RESULT, "5%", "增长5%。")], DOCS)  # but not the next year's


def test_news_of_part_of_a_year_states_that_year_s_results_so_far():
    """"一季度，实现地区生产总值161.5亿元": news of a quarter dated by its year alone plans nothing."""
    quarter = {"q1": {"date": "2018", "part_year": "一季度"}, "y": {"date": "2018"}}
    assert doubts([figure("q1", 2018, RESULT, "161.5亿元", "一季度，实现地区生产总值161.5亿元。")], quarter) == {}
    assert doubts([figure("y", 2018, RESULT, "161.5亿元", "实现地区生产总值161.5亿元。")], quarter)


def test_a_part_of_its_year_gone_by_a_clause_names_is_done_in_a_report_planning_that_year():
    """"今年1-8月，…；完成固定资产投资113亿元" in news of September: that year's results so far."""
    sept = {"sn": {"date": "2016-09-05"}}
    done = Figure("sn", "某区", 2016, None, RESULT, "113亿元", "固定资产投资", None, "完成固定资产投资113亿元；", "cue", "",
                  "1-8月")
    assert doubts([done], sept) == {}
    assert doubts([figure("sn", 2016, RESULT, "113亿元", "完成固定资产投资113亿元；")], sept)  # a whole year's


def test_a_figure_after_the_announcement_of_targets_must_be_a_target():
    wrong = figure("dec", 2025, RESULT, "5%左右", HEADLINE)
    right = figure("dec", 2026, TARGET, "5%左右", HEADLINE)
    assert "主要预期目标" in doubts([wrong], DOCS)[wrong]
    assert doubts([right], DOCS) == {}


def test_a_figure_before_the_announcement_is_not_its_target():
    sentence = "地区生产总值增长5.3%，主要目标任务较好完成。"
    assert doubts([figure("dec", 2025, RESULT, "5.3%", sentence)], DOCS) == {}


def test_a_multi_year_figure_is_not_held_to_one_year():
    f = figure("jan", None, RESULT, "5.5%", "五年来年均增长5.5%。", span=(2021, 2025))
    assert doubts([f], DOCS) == {}


def test_the_summary_after_an_upload_shows_staff_the_doubtful_figures():
    from bot.answering.catalogue import Summary

    f = figure("jan", 2026, RESULT, "120万人", "全年新增城镇就业120万人。")
    summary = Summary("jan", "某省", "2026-01-20", (), (("实际", 1),), 1, (f,), tuple(doubts([f], DOCS).items()))
    lines = summary.lines()
    assert "存疑 1 个（请核对章节标题或提示词，全部：zoneqa facts --place 某省 --doubtful）：" in lines
    assert lines[-1] == "• 120万人：2026年的实际值出现在2026年1月的报告里：报告只能为这一年定目标“全年新增城镇就业120万人。”"
