"""Places no list knows, told by their shape (reading/names.py `unknown_places`): a name, then an
ending of index/data/place_suffixes.tsv. A question naming one is about that place — refused by
its name where the reports do not cover it — and a word that only looks like a place (a level,
a generic word, a place a thing went to) is not one. Read without a model."""
from __future__ import annotations

import pytest

from bot.answering.reading.question import parse

PLACES = ("昆山高新区", "安康市汉滨区", "宝鸡市凤县", "长沙市长沙县")


def places(question: str) -> tuple[str, ...]:
    return parse(question, 2019, PLACES).places


@pytest.mark.parametrize("question, place", [
    ("余杭区去年GDP多少", "余杭区"),  # jieba tags the name with its ending a place's
    ("成都市武侯区去年GDP多少", "成都市武侯区"),  # the longest name, not also 成都市
    ("寿光市今年GDP目标多少", "寿光市"),  # … or the name alone, read without its ending
    ("玉山镇去年GDP多少", "玉山镇"),  # jieba splits it: 玉 / 山镇
    ("千灯镇去年GDP多少", "千灯镇"),  # 千 / 灯 / 镇
    ("新吴区去年GDP多少", "新吴区"),  # 新 / 吴 / 区, not 吴区
    ("萧山区去年GDP多少", "萧山区"),  # 萧 / 山区
    ("宁乡经开区今年GDP目标", "宁乡经开区"),  # the longest ending: 经开区 across 经 / 开区
    ("保定高新区去年GDP多少", "保定高新区"),  # a city of cities.txt, though jieba tags 保定 a verb
    ("溧阳高新区去年GDP多少", "溧阳高新区"),  # a zone named after a known place is not that place
    ("花桥经济开发区今年GDP目标多少", "花桥经济开发区"),
    ("青岛西海岸新区去年GDP增长多少", "青岛西海岸新区"),
    ("天府新区去年GDP增长多少", "天府新区"),
    ("光明区去年GDP多少", "光明区"),
    ("杨凌示范区去年GDP多少", "杨凌示范区"),
    ("沛县去年GDP多少", "沛县"),  # one character before 县 (place_shapes.tsv)
    ("未央区今年GDP目标", "未央区"),  # jieba tags it a common noun, but seldom saw 未央
    ("美蓝区16年GDP多少", "美蓝区"),  # 美 / 蓝区: a word jieba made up of one character and its ending
    ("海口美蓝区16年GDP多少", "海口美蓝区"),  # 海口 / 美 / 蓝区
    ("威侮市去年GDP多少", "威侮市"),  # 威 / 侮 / 市: a verb's morpheme, no verb said
    ("兴陇台区去年GDP多少", "兴陇台区"),
    ("西湖新区去年GDP多少", "西湖新区"),
    ("金蓝县去年GDP多少", "金蓝县"),
    ("余抗区去年GDP多少", "余抗区"),  # 余 / 抗区: jieba tags 余 a numeral, but it counts nothing
])
def test_a_name_shaped_like_a_place_is_that_place(question, place):
    assert places(question) == (place,)


@pytest.mark.parametrize("question", [
    "开发区去年GDP多少", "园区去年GDP多少", "新区去年GDP多少", "全市去年GDP多少", "本区去年GDP多少",
    "我县去年GDP多少", "市场规模多少", "城区人口多少", "社区有多少个", "校区有几个", "景区接待游客多少",
    "主城区面积多大", "产业园区去年产值多少", "老城区改造投资多少", "各乡镇财政收入多少",
    "市级以上项目多少个", "县域经济增长多少", "区级财政收入多少", "农村和城镇居民收入多少",
    "示范区建设情况", "全市开发区有几个", "去年有几个项目落户余杭区",
    "今年有几家企业要上市", "今年新上市几家企业",  # 上市 is a word, not 上 + 市
    "建了哪三大省基础科学中心", "今年要改造多少个老旧小区",  # 三 counts 大省; 小区 is a common word
    "棚户区改造投资多少", "工业区产值多少",  # a rare common word is listed (place_shapes.tsv), a common one is seen often
])
def test_a_word_that_only_looks_like_a_place_is_none(question):
    assert places(question) == ()


def test_no_place_begins_inside_a_known_place_s_name():
    """"赣州经开区省大中型项目…": jieba reads 开区省 a word, but it begins inside 赣州经开区 and names no province."""
    assert parse("赣州经开区省大中型项目完成了多少投资", 2023, ("赣州经济技术开发区",)).places == ("赣州经济技术开发区",)


@pytest.mark.parametrize("question, place", [
    ("安康市汉滨区去年GDP多少", "安康市汉滨区"),  # a report's place, not 安康市 and another
    ("凤县去年GDP多少", "宝鸡市凤县"),
    ("长沙县去年GDP多少", "长沙市长沙县"),
    ("高新区去年GDP多少", "昆山高新区"),
    ("昆山高新区去年GDP多少", "昆山高新区"),
    ("十四五期间苏州城镇累计新增就业多少人", "苏州市"),  # not "苏州城镇": 城镇 is a word
])
def test_a_known_place_is_read_as_itself_not_by_its_shape(question, place):
    assert places(question) == (place,)
