"""Chinese numerals in questions become digits, but only where they are clearly numbers."""
import pytest

from bot.answering.reading.typed import to_arabic


@pytest.mark.parametrize("text,expected", [
    ("二〇一八年", "2018年"),                   # a year written digit by digit
    ("二零一九年", "2019年"),
    ("二〇二一年工业总产值计划多少", "2021年工业总产值计划多少"),
    ("一八年工业产值涨了多少", "18年工业产值涨了多少"),  # two-digit year; the parser reads 18年 as 2018
    ("七百六十二", "762"),
    ("七百六十二亿元", "762亿元"),
    ("一百亿元", "100亿元"),
    ("一亿元", "1亿元"),
    ("九十家", "90家"),
    ("十名", "10名"),
    ("两个", "2个"),
    ("一个百分点", "1个百分点"),
    ("第四", "第4"),
    ("第四十七位", "第47位"),
    ("第一", "第1"),
    ("百分之七点一", "7.1%"),
    ("这两年GDP增长多少", "这2年GDP增长多少"),    # one numeral before a unit
    ("〇家", "0家"),
], ids=lambda v: v if isinstance(v, str) else None)
def test_numbers_become_digits(text, expected):
    assert to_arabic(text) == expected


@pytest.mark.parametrize("text", [
    "一般公共预算收入",
    "三大支柱",
    "高新区三大支柱产业有哪些",
    "一带一路",
    "三湖两园一镇",
    "五区一线",
    "一些",
    "万一",
    "一点",
    "一二三四",          # not a year (no 年), not a number
    "准格尔十二五社零年均增长多少",  # 社零 is 社会消费品零售总额: 零 alone before 年 counts nothing
])
def test_words_containing_numerals_are_untouched(text):
    assert to_arabic(text) == text


def test_mixed_sentence_converts_only_the_numbers():
    assert to_arabic("二〇一八年一般公共预算收入是不是九十亿元") == "2018年一般公共预算收入是不是90亿元"


def test_text_without_numerals_is_unchanged():
    text = "去年高新区GDP是多少？2018年762亿元"
    assert to_arabic(text) == text


@pytest.mark.parametrize("text,bad", [("今年新增两三家跨国公司地区总部", "23家"),
                                      ("引进三四个重大项目", "34个")])
def test_approximate_ranges_are_not_read_as_one_number(text, bad):
    assert bad not in to_arabic(text)
