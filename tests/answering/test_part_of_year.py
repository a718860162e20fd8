"""News of a quarter's or half-year's figures ("前三季度", "1-9月"): it reports on its own year so far,
so a citizen reading it means that year by 今年, whatever month it is dated; and when in the year a
question asks is no topic of it, as reports write it either way and name it once before a list."""
from __future__ import annotations

from answering.test_who_and_counts import ask
from index.reading.documents import load_document
from index.text.timelabel import Frame

KAIPING = {"doc_id": "kp", "place": "开平市", "date": "2018-10-24", "title": "开平市第三季度经济运行情况",
           "part_year": "第三季度"}
QUARTER = ("第三季度,开平市经济运行平稳。第三季度,我市实现生产总值274.79亿元,同比增长7.2%。"
           "剔除6月份的高增长月份外,前三季度基本保持9%左右的幅度平稳运行。"
           "1-9月,我市完成出口总值98.9亿元,同比增长16.9%。")


def test_a_report_on_part_of_its_year_keeps_that_year_now_a_year_end_report_plans_the_next():
    assert Frame.of("2018-10-24", in_year=True).now == 2018
    assert Frame.of("2019-12-25").now == 2020  # a December work report: asked about afterwards
    assert Frame.of("2024-07-20", in_year=True).review == 2024  # 上半年 of 2024, not a review of 2023


def test_a_text_names_the_part_of_the_year_it_covers_in_its_opening(tmp_path):
    path = tmp_path / "2024-雅安市.txt"
    path.write_text("---\ntitle: 实现地区生产总值744.94亿元\ndate: 2024-10-26\nplace: 雅安市\nsource: 雅安日报\n---\n"
                    "实现地区生产总值744.94亿元,同比增长6.3%\n初步统计,前三季度蔬菜产量增长4.5%。\n", encoding="utf-8")
    doc = load_document(path)
    assert doc.info()["part_year"] == "前三季度" and doc.frame.now == 2024
    path.write_text("---\ntitle: 政府工作报告\ndate: 2019-12-25\nplace: 东宝区\nsource: x\n---\n"
                    "12月25日,东宝区第八届人民代表大会第五次会议开幕。\n2019年,全区预计实现地区生产总值369亿元。\n"
                    + "一是产业发展。" * 40 + "上半年工业增长5%。\n", encoding="utf-8")
    doc = load_document(path)  # a part of the year named past the opening is one figure's, not the text's
    assert "part_year" not in doc.info() and doc.frame.now == 2020


def test_this_year_asked_of_a_quarter_s_news_is_its_own_year():
    got = ask("开平今年前三季度出口多少", [KAIPING], {"kp": QUARTER}, "开平市")
    assert not got.abstained and "98.9亿元" in got.answer and "2018" in got.answer


def test_last_year_asked_of_a_quarter_s_news_is_the_year_before_it_does_not_give():
    assert ask("开平去年GDP多少", [KAIPING], {"kp": QUARTER}, "开平市").abstained


def test_when_in_the_year_is_no_topic_of_a_list_s_item():
    ya = {"doc_id": "ya", "place": "雅安市", "date": "2024-10-26", "title": "雅安前三季度", "part_year": "前三季度"}
    text = "初步统计,前三季度蔬菜产量增长4.5%,中草药材产量增长4.3%,园林水果产量增长7.4%,茶叶产量增长6.3%。"
    got = ask("雅安前三季度茶叶产量增长多少", [ya], {"ya": text}, "雅安市")
    assert not got.abstained and "6.3%" in got.answer and "4.5%" not in got.answer


# -- a figure of part of the year says so: a citizen must not take it for the whole year's ------

def test_a_part_year_figure_is_labelled_with_the_part_its_passage_names():
    got = ask("开平今年前三季度出口多少", [KAIPING], {"kp": QUARTER}, "开平市")
    assert got.answer.startswith("开平市2018年1-9月实际完成：") and "98.9亿元" in got.answer


def test_a_part_year_figure_is_labelled_with_the_part_its_own_sentence_names():
    got = ask("开平第三季度生产总值多少", [KAIPING], {"kp": QUARTER}, "开平市")
    assert got.answer.startswith("开平市2018年第三季度实际完成：") and "274.79亿元" in got.answer


def test_a_part_year_figure_whose_passage_names_no_part_takes_the_part_the_text_opens_with():
    ya = {"doc_id": "ya", "place": "雅安市", "date": "2024-10-26", "title": "雅安前三季度", "part_year": "前三季度"}
    text = "工业运行平稳向好,第二产业增加值222.80亿元,增长6.2%。"
    got = ask("雅安第二产业增加值多少", [ya], {"ya": text}, "雅安市")
    assert got.answer.startswith("雅安市2024年前三季度：") and "222.80亿元" in got.answer


def test_the_whole_year_asked_where_only_part_of_it_is_reported_gets_the_part_labelled_as_such():
    got = ask("开平2018年全年GDP多少", [KAIPING], {"kp": QUARTER}, "开平市")
    assert "274.79亿元" in got.answer and "2018年第三季度" in got.answer
    assert "2018年实际完成" not in got.answer


def test_a_whole_year_report_s_figure_names_no_part():
    report = {"doc_id": "kp", "place": "开平市", "date": "2019-01-20", "title": "政府工作报告"}
    text = "2018年,我市实现生产总值360亿元,同比增长7%。"
    got = ask("开平2018年GDP多少", [report], {"kp": text}, "开平市")
    assert got.answer.startswith("开平市2018年实际完成：") and "360亿元" in got.answer


def test_a_refusal_quoting_a_part_year_figure_names_the_part():
    got = ask("开平2018年GDP目标多少", [KAIPING], {"kp": QUARTER}, "开平市")
    assert got.abstained
    assert "274.79亿元" not in got.answer or "2018年第三季度" in got.answer


def test_a_preliminary_count_of_part_of_the_year_names_the_part():
    ya = {"doc_id": "ya", "place": "雅安市", "date": "2024-10-26", "title": "雅安前三季度", "part_year": "前三季度"}
    text = "农业生产形势较好。初步统计,前三季度蔬菜产量增长4.5%,茶叶产量增长6.3%。"
    got = ask("雅安蔬菜产量增长多少", [ya], {"ya": text}, "雅安市")
    assert "4.5%" in got.answer and "2024年前三季度" in got.answer


def test_what_news_of_part_of_the_year_says_of_the_whole_year_names_no_part():
    text = "第三季度,开平市经济运行平稳。全年出口总值预计达到130亿元。"
    got = ask("开平全年出口预计多少", [KAIPING], {"kp": text}, "开平市")
    assert got.answer.startswith("开平市2018年预计：") and "130亿元" in got.answer



def test_a_target_set_beside_part_of_the_year_s_result_names_the_part():
    from bot.answering.comparison import attainment_reply

    said = attainment_reply(2018, "地区生产总值增长7%", "生产总值274.79亿元，同比增长7.2%", None, "开平市", "1-9月")
    assert said == "开平市2018年目标：地区生产总值增长7%；2018年1-9月实际：生产总值274.79亿元，同比增长7.2%。"


# -- a part-year text's whole-year targets are its own year's; it plans no later year ------------

YEAR_SO_FAR = ("1-9月,开平市经济运行平稳。1-9月,全市完成规上工业增加值156.3亿元,同比增长8.1%。"
               "全年力争规上工业增加值增长9%以上。")


def test_a_part_year_text_s_whole_year_target_is_its_own_year_s():
    got = ask("开平今年规上工业增加值目标多少", [KAIPING], {"kp": YEAR_SO_FAR}, "开平市")
    assert not got.abstained and "9%" in got.answer and "2018年目标" in got.answer
    assert "2019" not in got.answer


def test_a_part_year_text_s_figure_so_far_is_its_own_year_s_result():
    got = ask("开平今年规上工业增加值实际完成多少", [KAIPING], {"kp": YEAR_SO_FAR}, "开平市")
    assert got.answer.startswith("开平市2018年1-9月实际完成：") and "156.3亿元" in got.answer


def test_a_part_year_text_naming_its_year_s_target_labels_it_a_target_of_that_year():
    from index.text.timelabel import TARGET, label
    frame = Frame.of("2018-10-24", in_year=True)
    assert (label("2018年全市地区生产总值目标增长7.5%。", frame).year,
            label("2018年全市地区生产总值目标增长7.5%。", frame).kind) == (2018, TARGET)
    assert label("全年力争地区生产总值增长7.5%。", frame).year == 2018
    assert label("明年力争地区生产总值增长7%。", frame).year == 2019  # a later year only where it is named


def test_a_quarter_s_figure_compared_with_a_whole_year_is_the_quarter_s_of_its_own_year():
    """"增速分别高于上年同期、2017年全年…": the bases of a comparison name neither the figure's year
    nor the whole year, so the answer says the quarter and the year of the news."""
    hrb = {"doc_id": "hrb", "place": "哈尔滨新区", "date": "2018", "title": "哈尔滨新区一季度", "part_year": "一季度"}
    text = ("记者获悉,一季度新区经济继续保持快速发展的良好势头。一季度,哈尔滨新区实现地区生产总值161.5亿元,同比增长8.5%,"
            "增速分别高于上年同期、2017年全年0.1、0.9个百分点。")
    got = ask("哈尔滨新区一季度GDP多少", [hrb], {"hrb": text}, "哈尔滨新区")
    assert not got.abstained and "161.5亿元" in got.answer
    assert "2018年一季度" in got.answer and "2017年" not in got.answer.partition("：")[0]


def test_a_part_of_its_year_gone_by_in_news_planning_that_year_is_answered_as_done_in_that_part():
    # news of September 2016 (no part of the year in its opening): its 1-8月 figures are done, not 2016's targets
    suining = {"doc_id": "sn", "place": "遂宁经开区", "date": "2016-09-05", "title": "遂宁经开区召开党工委会议"}
    text = ("要持续加力发劲,确保全年目标任务圆满完成。今年1-8月,全区完成地区生产总值117.6亿元,同比增长9.1%;"
            "完成公共财政预算收入3.3亿元,同比增长18.79%;完成固定资产投资113亿元。")
    got = ask("遂宁经开区16年前8个月固投到多少了", [suining], {"sn": text}, "遂宁经开区")
    assert got.answer.startswith("遂宁经开区2016年1-8月实际完成：") and "113亿元" in got.answer
    got = ask("遂宁经开区16年1-8月财政收入多少", [suining], {"sn": text}, "遂宁经开区")
    assert not got.abstained and "3.3亿元" in got.answer and "1-8月" in got.answer
