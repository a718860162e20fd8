"""The names a place goes by, derived by rule from its official name (place_suffixes.tsv), and a
check over every development text: each of its place's names is read back as that place."""
from __future__ import annotations

import re
from functools import lru_cache

import pytest

from bot.answering.reading.names import places_table
from bot.answering.reading.question import parse
from bot.answering.vocabulary import gazetteer
from conftest import DEVELOPMENT_TEXTS
from index.reading.documents import load_document, split_header
from index.reading.metadata import infer
from index.text.normalise import fold
from index.text.places import names_of
from index.text.vocabulary import load_vocab



@pytest.mark.parametrize("place, names", [
    ("广州市南沙区", ("广州市南沙区", "南沙区", "南沙")),  # without the city it is named under
    ("长沙市长沙县", ("长沙市长沙县", "长沙县")),  # 长沙 is the city, not the county
    ("宝鸡市凤县", ("宝鸡市凤县", "凤县")),  # 凤 alone is too short to name it
    ("长春净月高新技术产业开发区",  # and without the city a zone is named after (cities.txt)
     ("长春净月高新技术产业开发区", "长春净月高新区", "净月高新技术产业开发区", "净月高新区", "长春净月", "净月")),
    ("湘潭九华经济技术开发区", ("湘潭九华经济技术开发区", "湘潭九华经开区", "湘潭九华开发区",  # citizens say 九华经开区
                          "九华经济技术开发区", "九华经开区", "九华开发区", "湘潭九华", "九华")),
    ("苏州工业园区", ("苏州工业园区", "苏州园区", "苏州")),  # 工业园区 alone names no place
    ("长春新区", ("长春新区", "长春")),
    ("昆山国家高新技术产业开发区", ("昆山国家高新技术产业开发区", "昆山高新区", "昆山")),
    # the other official forms of a high-tech zone are said 高新区 too
    ("大连高新技术产业园区", ("大连高新技术产业园区", "大连高新区", "大连")),
    ("成都高新技术开发区", ("成都高新技术开发区", "成都高新区", "成都")),
    ("潍坊高新技术产业园", ("潍坊高新技术产业园", "潍坊高新区", "潍坊")),
    ("广西壮族自治区", ("广西壮族自治区", "广西")),
    ("迪庆藏族自治州", ("迪庆藏族自治州", "迪庆州", "迪庆")),  # an autonomous prefecture is said a 州
    ("大兴安岭地区", ("大兴安岭地区", "大兴安岭")),  # a prefecture that is a 地区 is said without it, as a 盟 is
    ("江苏省", ("江苏省", "江苏")),
    # a 旗 is said by its own name's first character (准旗), not its city's (no 鄂旗)
    ("鄂尔多斯市准格尔旗", ("鄂尔多斯市准格尔旗", "准格尔旗", "准格尔", "准旗")),
    ("达拉特旗", ("达拉特旗", "达拉特", "达旗")),
    # one side of a banner name is said with its side (新旗 would name both sides)
    ("科尔沁右翼中旗", ("科尔沁右翼中旗", "科尔沁右翼中", "科右中旗")),
])
def test_the_names_a_place_goes_by(place, names):
    assert names_of(place, load_vocab()) == names


def test_a_place_named_under_two_levels_goes_by_its_own_name():
    """河南省洛阳市嵩县 is 嵩县 (with or without its city), never 河南 or 洛阳, the levels above it."""
    names = names_of("河南省洛阳市嵩县", load_vocab())
    assert {"洛阳市嵩县", "嵩县"} <= set(names) and not {"河南", "洛阳"} & set(names)
    assert parse("嵩县去年地区生产总值是多少", 2026, ("河南省洛阳市嵩县",)).places == ("河南省洛阳市嵩县",)


def test_a_town_under_a_county_of_one_character_goes_by_its_own_name():
    """黄山市歙县富堨镇 is 富堨镇 and 富堨 (歙县's name is one character), as 沂水县沙沟镇 is 沙沟镇."""
    place = "安徽省黄山市歙县富堨镇"
    assert {"富堨镇", "富堨"} <= set(names_of(place, load_vocab()))
    assert parse("富堨2011年财政收入是多少", 2026, (place, "昆山高新技术产业开发区")).places == (place,)


def test_a_banner_one_side_of_a_name_is_asked_by_its_first_character_and_side():
    places = ("内蒙古自治区呼伦贝尔市新巴尔虎左旗", "内蒙古自治区呼伦贝尔市新巴尔虎右旗")
    assert parse("新左旗17年固投多少", 2026, places).places == places[:1]
    assert parse("新右旗17年固投多少", 2026, places).places == places[1:]


def test_a_prefecture_that_is_a_diqu_is_asked_by_its_name_alone():
    """"大兴安岭林产工业产值增长多少" asks of 黑龙江省大兴安岭地区, not of the corpus's default place."""
    place = "黑龙江省大兴安岭地区"
    assert parse("大兴安岭林产工业产值增长多少", 2026, (place, "昆山高新技术产业开发区")).places == (place,)


ZONE = "乌鲁木齐高新技术产业开发区(新市区)"  # a zone and, in brackets, the district it is run with


@pytest.mark.parametrize("name", ["乌鲁木齐高新区", "乌鲁木齐高新技术产业开发区", "新市区", ZONE,
                                  "乌市高新区"])  # 乌市: citizens' short form of 乌鲁木齐 (city_short_forms.tsv)
def test_a_place_with_a_second_name_in_brackets_is_asked_by_either(name):
    assert parse(f"{name}去年地区生产总值是多少", 2026, (ZONE,)).places == (ZONE,)  # as staff wrote it


def test_a_second_name_in_brackets_is_not_shortened():
    """新市 is no name of it: "新市民" is a word."""
    assert "新市" not in names_of(ZONE, load_vocab())
    assert parse("新市民住房保障情况怎么样", 2026, (ZONE,)).places == ()


def test_a_zone_with_no_name_of_its_own_goes_by_its_city_s_name():
    """四川省遂宁市经济技术开发区 is 遂宁经开区 to citizens; 衢州市衢州经济技术开发区 keeps its own name."""
    names = names_of("四川省遂宁市经济技术开发区", load_vocab())
    assert {"遂宁经开区", "遂宁开发区", "遂宁经济技术开发区"} <= set(names)
    assert parse("遂宁经开区16年1到8月GDP多少", 2016, ("四川省遂宁市经济技术开发区",)).places == \
        ("四川省遂宁市经济技术开发区",)
    assert "衢州市衢经开区" not in names_of("浙江省衢州市衢州经济技术开发区", load_vocab())


def test_a_province_said_without_its_ending_before_a_city_is_a_level_above():
    names = names_of("江西鹰潭经济开发区", load_vocab())
    assert {"鹰潭经济开发区", "鹰潭经开区", "鹰潭开发区"} <= set(names) and "江西" not in names
    assert names_of("吉林高新区", load_vocab())[:1] == ("吉林高新区",)  # 吉林 is its city: nothing is cut
    assert "高新区" not in names_of("吉林高新区", load_vocab())


def test_a_city_s_short_form_names_a_place_named_after_the_city():
    assert "呼市经开区" in names_of("呼和浩特经济技术开发区", load_vocab())
    assert "乌市" not in names_of("昆山高新区", load_vocab())  # only a place named after that city


def test_a_banner_is_asked_by_its_first_character_unless_another_banner_shares_it():
    places = ("准格尔旗", "杭锦旗", "杭锦后旗", "达拉特旗", "达尔罕茂明安联合旗")
    assert parse("准旗15年一般公共预算收入有多少", 2026, places).places == ("准格尔旗",)
    assert parse("杭旗15年一般公共预算收入有多少", 2026, places).places == ("杭锦旗",)  # 杭锦后旗 is 杭后旗
    assert parse("杭后旗15年一般公共预算收入有多少", 2026, places).places == ("杭锦后旗",)
    assert parse("达旗15年一般公共预算收入有多少", 2026, places).places != ("达拉特旗",)  # both are 达旗


def _said_names(path) -> set[str]:
    """The names a text goes by outside the reader's rules: the one it is filed under ("2012-迪庆州.txt",
    as whoever added it calls its place) and the one read from its own words, where one is read."""
    raw = path.read_text(encoding="utf-8")
    found = infer(raw[split_header(raw)[1]:], path.name)
    said = {found["place"].value} if "place" in found else set()
    filed = path.stem.partition("-")[2]
    return said | ({filed} if re.fullmatch(r"[\u4e00-\u9fff]{2,}", filed) else set())


PLACE_OF = {p: load_document(p).place for p in DEVELOPMENT_TEXTS}
PLACES = tuple(sorted(set(PLACE_OF.values())))


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, ...]]:
    return dict(places_table(PLACES, load_vocab()))


@pytest.mark.parametrize("place", PLACES)
def test_every_development_text_s_place_is_read_back_by_each_of_its_names(place):
    """Each of the names the place reader gives a text's place, and the names the text goes by, is
    read back as that place and no other text's; a name another place has in the gazetteer (常州 is
    常州市, not 常州经开区) is that place's."""
    names = _table()[place]
    assert set(names) <= set(names_of(place, load_vocab())) | set(gazetteer().get(place, ()))
    said = {n for p, its in PLACE_OF.items() if its == place for n in _said_names(p)}
    wrong = [f"{name} → {asked}" for name in dict.fromkeys((place, *names, *sorted(said)))
             if (asked := parse(f"{name}去年地区生产总值是多少", 2026, PLACES).places) != (place,)]
    assert not wrong, "\n".join(wrong)


def test_no_name_the_rules_give_a_place_is_the_start_of_a_term():
    """"高新技术产业" is no name of 大连高新技术产业园区: else "高新技术产业增加值增长多少" asks about it."""
    vocab = load_vocab()
    terms = {fold(t) for canonical, aliases in vocab.synonyms.items() for t in (canonical, *aliases)}
    wrong = [f"{place}: {name}" for place in PLACES for name in names_of(place, vocab)[1:]
             if any(t.startswith(name) for t in terms)]
    assert not wrong, "\n".join(wrong)


def test_the_place_check_covers_every_kind_of_place():
    assert len(PLACES) >= 55 and len(DEVELOPMENT_TEXTS) >= 70
