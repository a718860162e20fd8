"""A report's body → paragraphs and section paths, for both layouts reports come in."""
from __future__ import annotations

from index.reading.layout import repair

REPORT = """2026年某省政府工作报告
来源：某日报
某省省长 张三
各位代表：
一、2025年工作回顾
过去一年，全省地区生产总值增长5.3%。
（一）经济实力显著增强。规上工业增加值增长6%。
（二）民生福祉持续改善。城镇新增就业120万人。
二、2026年重点工作
今年主要预期目标是：地区生产总值增长5%左右。
主要预期目标
居民消费价格涨幅2%左右。
附件1
2026年省十件民生实事
一、为老年人提供健康服务。新建养老床位1万张。
"""


def paragraphs(body: str):
    return [(p.text, p.section) for p in repair(body, 0)]


def test_one_paragraph_a_line_keeps_every_line_apart():
    texts = [t for t, _ in paragraphs(REPORT)]
    assert "过去一年，全省地区生产总值增长5.3%。" in texts
    assert "（一）经济实力显著增强。规上工业增加值增长6%。" in texts
    assert not any("5.3%" in t and "6%" in t for t in texts)


def test_numbered_parts_open_sections_and_inline_titles_nest_under_them():
    sections = dict(paragraphs(REPORT))
    assert sections["过去一年，全省地区生产总值增长5.3%。"] == ("一、2025年工作回顾",)
    assert sections["（一）经济实力显著增强。规上工业增加值增长6%。"] == \
        ("一、2025年工作回顾", "（一）经济实力显著增强")
    assert sections["今年主要预期目标是：地区生产总值增长5%左右。"] == ("二、2026年重点工作",)


def test_an_unnumbered_heading_nests_below_the_numbered_part_it_stands_in():
    sections = dict(paragraphs(REPORT))
    assert sections["居民消费价格涨幅2%左右。"] == ("二、2026年重点工作", "主要预期目标")


def test_an_appendix_starts_over_and_the_speaker_line_heads_the_opening():
    sections = dict(paragraphs(REPORT))
    assert sections["一、为老年人提供健康服务。新建养老床位1万张。"] == \
        ("附件1", "2026年省十件民生实事", "一、为老年人提供健康服务")
    assert sections["各位代表："] == ("某省省长 张三",)


def test_a_newspaper_page_still_rejoins_a_sentence_broken_across_blank_lines():
    body = "\n\n标题一行\n\n全年完成地区生产总值762亿元,\n\n增长7.1%。\n\n图为园区一角\n\n一般公共预算收入90亿元。\n"
    assert [t for t, _ in paragraphs(body)] == ["全年完成地区生产总值762亿元,增长7.1%。", "一般公共预算收入90亿元。"]


def test_a_short_line_ending_on_a_figure_is_a_statement_not_a_heading():
    """Deck headlines of news ("过去四年" / "民生累计投入达1163.5亿"): the line stating a figure is a
    paragraph of its own, and the line before it the heading it stands under; a heading ending on a
    year is still one."""
    body = ("昨日上午，市人民代表大会开幕。\n过去四年\n民生累计投入达1163.5亿\n四年来，民生累计投入达到1163.5亿元。\n"
            "今年目标\n城镇居民收入增长8.5%\n市长表示，今年意义重大。\n展望2035年\n基本实现现代化。\n")
    got = paragraphs(body)
    assert ("民生累计投入达1163.5亿", ("过去四年",)) in got
    assert ("四年来，民生累计投入达到1163.5亿元。", ("过去四年",)) in got
    assert ("城镇居民收入增长8.5%", ("今年目标",)) in got
    assert ("基本实现现代化。", ("展望2035年",)) in got


def test_a_statement_line_on_a_newspaper_page_stands_alone_but_in_the_title_block():
    body = ("\n\n高新区上半年产业增加值增长9%\n\n大会开幕。\n\n今年目标\n\n城镇居民收入增长8.5%\n\n"
            "市长表示，今年意义重大。\n")
    assert paragraphs(body) == [("大会开幕。", ()), ("城镇居民收入增长8.5%", ("今年目标",)),
                                ("市长表示，今年意义重大。", ("今年目标",))]


def test_a_yearbook_s_list_of_fields_keeps_each_field_apart():
    """"旗长:郭某(4月离任) 边某(4月任职)" is a field of a list, complete as it stands: never run into the next
    line as a broken sentence would be ("…4月任职)政协主席:保某")."""
    body = ("2009卷\n【领导名录】\n旗委书记:陶某某(4月离任) 王某(4月任职)\n人大常委会主任:刘某\n旗长:郭某某(4月离任) "
            "边某某(4月任职)\n政协主席:保某\n【概况】某某旗位于某市东北部,总面积23 096平方公里。\n2008年,全旗生产总值达38.24亿元,")
    texts = [t for t, _ in paragraphs(body)]
    assert "旗长:郭某某(4月离任) 边某某(4月任职)" in texts and "人大常委会主任:刘某" in texts
