"""Labels of clauses that name part of a year or one year of a period:
- in a text reviewing its own year (news of part of it, a year-end review), a clause naming a part
  of that year gone by ("1至9月", "上半年", "今年以来") states what was done: a result, whatever the
  sentence before it says, unless it pledges (力争, 确保) or clearly plans;
- "“十三五”规划的起步之年", "“十五五”良好开局", "“十四五”顺利收官" name one year of the period
  (period_years.tsv), so what follows is that year's, not the five years';
- a result after a past period's review goes on in that period."""
import pytest

from index.reading.documents import load_document
from index.text.chunking import chunk_document
from index.text.yearpart import names_part
from index.text.timelabel import RESULT, TARGET, Frame, TimeLabel, label, periods_in, plans_own_year, years_in


def labels(tmp_path, body: str, date: str) -> dict[str, tuple]:
    """Each sentence's (year, kind, span) as a build labels it, by its first eight characters."""
    path = tmp_path / "r.md"
    path.write_text(f"---\ntitle: 测试区经济运行情况\ndate: {date}\nplace: 测试区\nsource: 合成\n---\n{body}",
                    encoding="utf-8")
    return {s[:8]: (tl.year, tl.kind, tl.span) for c in chunk_document(load_document(path), 400)
            for s, tl in c.labelled_sentences()}


def yk(tl: TimeLabel) -> tuple:
    return tl.year, tl.kind


def test_figures_of_months_gone_are_results_after_a_sentence_naming_a_goal(tmp_path):
    got = labels(tmp_path, "今年以来，高新区锚定高质量发展目标，积极推动产业升级。1至9月，实现固定资产投资57.29亿元，"
                 "增长2.7%；限额以上批发业完成销售额37.5亿元，增长0.7%。", "2024-10")
    assert got["1至9月，实现固"] == got["限额以上批发业完"] == (2024, RESULT, None)


def test_a_half_year_s_figures_are_results_though_its_narrative_uses_plan_verbs(tmp_path):
    got = labels(tmp_path, "今年上半年，高新区深入开展作风建设深化年、项目建设深化年、环境整治深化年活动，各项工作有了新的"
                 "进展。全区完成全口径财政税收收入68.46亿元，增长13.3%；工业总产值483.1亿元，增长6.6%。", "2018-08-03")
    assert got["全区完成全口径财"] == got["工业总产值483"] == (2018, RESULT, None)


@pytest.mark.parametrize("sentence", [
    "前三季度力争实现地区生产总值150亿元。",  # a pledge
    "1-9月，全区要把固定资产投资目标任务落实到位，确保完成全年目标任务。",  # clearly a plan
])
def test_a_part_of_the_year_pledged_or_planned_is_no_result(sentence):
    assert yk(label(sentence, Frame.of("2024-08", in_year=True))) != (2024, RESULT)


def test_a_part_named_in_a_text_planning_its_year_decides_nothing():
    # a January report: its 上半年 is still to come
    assert yk(label("上半年，全区实现地区生产总值60亿元。", Frame.of("2024-01"))) != (2023, RESULT)


@pytest.mark.parametrize("text,year", [
    ("年是“十三五”规划的起步之年", 2016), ("努力实现“十三五”良好开局", 2016), ("“十四五”顺利收官", 2025),
    ("以扎实有效的工作确保“十五五”开好局", 2026), ("“十五五”第一年", 2026),
])
def test_a_period_s_first_or_last_year_in_words_is_that_year(text, year):
    assert years_in(text, 2016) == [year] and periods_in(text) == []


def test_a_period_named_as_a_whole_stays_a_period():
    assert periods_in("“十四五”期间，地区生产总值年均增长6%") == [(2021, 2025)]
    assert years_in("“十四五”期间，地区生产总值年均增长6%", 2021) == []


def test_targets_after_a_period_s_first_year_are_that_year_s(tmp_path):
    got = labels(tmp_path, "年是“十三五”规划的起步之年，努力实现“十三五”良好开局。年全区经济要实现地区生产总值增长8%"
                 "左右，固定资产投资增长15%左右，地方公共财政收入确保增长5%、力争增长7%。", "2016-02-15")
    assert got["年全区经济要实现"] == (2016, TARGET, None)


def test_a_later_period_s_start_an_october_text_looks_to_is_no_year_it_plans():
    body = "全力冲刺全年目标任务，为“十二五”发展开好局。力争2010年实现地区生产总值200亿元，增长26%。"
    assert plans_own_year(body, "2010-10-25")


def test_results_after_a_past_period_s_review_are_that_period_s(tmp_path):
    got = labels(tmp_path, "“十二五”期间，全区经济保持较好态势，生产总值达到150亿元，是“十一五”末的1.7倍；境内财政收入"
                 "43.58亿元，公共财政预算收入19.97亿元，分别是“十一五”末的2.35倍和2.85倍，并成功晋级为国家级开发区。",
                 "2016-02-15")
    assert got["境内财政收入43"] == (None, RESULT, (2011, 2015))


def test_news_of_january_reports_on_its_year_so_far(tmp_path):
    # "1月份" is the year so far, as "1-9月" is: its figures are that year's results, not the year reviewed
    got = labels(tmp_path, "该区提出瞄准一流的奋斗目标，1月份共完成财政收入2.84亿元，同比增长64.6%。今年1月份共完成地区生产总值"
                 "6.8亿元，同比增长23.2%；全社会总产值19.5亿元，同比增长24.1%。", "2011-02")
    assert got["该区提出瞄准一流"] == got["今年1月份共完成"] == got["全社会总产值19"] == (2011, RESULT, None)


@pytest.mark.parametrize("text,part", [("1月份共完成财政收入2.84亿元", True), ("11月份，全区完成投资5亿元", False),
                                       ("1月16日，全市召开人民代表大会", False)])
def test_january_as_a_month_is_a_part_of_the_year_but_not_a_day_of_it_nor_november(text, part):
    assert names_part(text) is part


@pytest.mark.parametrize("text,part", [("截至10月底，已竣工项目26个", True), ("截止3月末，完成投资5亿元", True),
                                       ("截至12月底，完成投资5亿元", False), ("到6月底前全部完成", False)])
def test_figures_as_of_a_month_s_end_are_of_the_year_so_far_but_not_as_of_december_nor_by_a_deadline(text, part):
    assert names_part(text) is part


def test_november_news_of_figures_as_of_october_s_end_speaks_of_its_own_year(tmp_path):
    # news of its year under way, not a year-end review planning the next: its 今年 is its own year
    body = ("2022年以来,测试区高质量推动重大项目建设。突出“两新”导向,组织实施投资亿元以上重大项目125个。"
            "总投资678亿元,截至10月底,已完成投资193亿元。")
    got = labels(tmp_path, body, "2022-11-14")
    assert got["突出“两新”导向"][0] == 2022 and got["总投资678亿元"] == (2022, RESULT, None)
    path = tmp_path / "r.md"
    assert load_document(path).frame.now == 2022


def test_a_level_a_past_period_reached_beside_its_yearly_rate_is_its_last_year_s_but_a_total_is_not(tmp_path):
    got = labels(tmp_path, "一、“十三五”时期工作回顾\n\n工业增加值从1.66亿元增长到2.05亿元，年均增长4.32%；城镇居民人均可支配收入达"
                 "29354元，年均增长8.82%；五年累计完成固定资产投资达120亿元，年均增长10%。", "2021-01-26")
    assert got["工业增加值从1."] == got["城镇居民人均可支"] == (2020, RESULT, (2016, 2020))
    assert got["五年累计完成固定"] == (None, RESULT, (2016, 2020))


# -- a part of its year gone by, in a text planning that year (news of September): done, not planned --

SEPTEMBER = ("周霖临强调,要持续加力发劲,确保全年目标任务圆满完成。今年1-8月,全区完成地区生产总值117.6亿元,同比增长9.1%;"
             "完成公共财政预算收入3.3亿元,同比增长18.79%;完成固定资产投资113亿元;规上工业增加值增长10.4%。")


def _parts(tmp_path, body: str, date: str) -> dict[str, tuple]:
    path = tmp_path / "r.md"
    path.write_text(f"---\ntitle: 测试区党工委会议\ndate: {date}\nplace: 测试区\nsource: 合成\n---\n{body}", encoding="utf-8")
    return {s[:6]: (tl.year, tl.kind, tl.part) for c in chunk_document(load_document(path), 400)
            for s, tl in c.labelled_sentences()}


def test_a_part_of_the_year_a_text_plans_is_done_in_the_clauses_after_it_too(tmp_path):
    got = _parts(tmp_path, SEPTEMBER, "2016-09-05")
    for clause in ("今年1-8月", "完成公共财政", "完成固定资产", "规上工业增加"):
        assert got[clause] == (2016, RESULT, "1-8月"), clause


def test_a_part_of_the_year_planned_or_naming_another_year_stays_so(tmp_path):
    got = _parts(tmp_path, "今年上半年力争实现地区生产总值60亿元;完成固定资产投资30亿元。"
                 "今年1-8月,全区完成地区生产总值117.6亿元;2015年完成固定资产投资100亿元。", "2016-03-05")
    assert got["今年上半年力"][:2] == (2016, TARGET)
    assert got["2015年完"][:2] == (2015, RESULT)
