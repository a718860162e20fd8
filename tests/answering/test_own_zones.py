"""Places named inside other names (issue #23): a county's own zone ("青禾开发区") is asked of the county's
report, with the zone as its topic, when that report names the zone as its own ("县经济开发区"); a
subdistrict (…街道) goes by its name without the ending (柳塘街道 → 柳塘), also where that name opens a
longer one ("柳塘之夏"). Over the seed and two made-up reports; a place with a report of its own is still
answered from it."""
from __future__ import annotations

import pytest

from bot.answering.reading.question import parse
from conftest import answerer_over

COUNTY = """---
title: 2020年青禾县政府工作报告
date: 2020-05
place: 青禾县
source: 合成
---

一、2019年工作回顾

2019年，全县实现地区生产总值290.4亿元，同比增长7.4%。县经济开发区“一区三园”扩区调区后面积调整为1868公顷(原为42公顷)。建成产业园区标准厂房5万平方米。
"""

TOWN = """---
title: 2023年云溪县柳塘街道政府工作报告
date: 2023-02
place: 云溪县柳塘街道
source: 合成
---

一、2022年工作回顾

全年完成财政收入12.8亿元。第二届“小城大爱·柳塘之夏”夜市活动吸引线下流量突破20万人次，带动消费1200万元。完成256家企业亩均税收调查，出清38家省市县高耗低效工业企业。
"""


# a county's report that calls its park only "园区", opening a clause: the county's own park
PARK = """---
title: 2009年石门县政府工作报告
date: 2009-02
place: 石门县
source: 合成
---

一、2008年工作回顾

全县财政总收入5.2亿元。园区建设稳步推进,新增入园项目24家,累计达到149家。建成产业园区道路12公里。
"""


@pytest.fixture(scope="module")
def three(tmp_path_factory, model_cache, embedder):
    return answerer_over(tmp_path_factory.mktemp("own-zones"), {"2020-青禾县": COUNTY, "2023-柳塘街道": TOWN,
                                                                "2009-石门县": PARK}, model_cache, embedder)


@pytest.mark.parametrize("question, figure, doc", [
    ("青禾开发区扩区以后面积多大", "1868公顷", "2020-青禾县"),  # the county's own 县经济开发区
    ("青禾县GDP多少", "290.4亿元", "2020-青禾县"),
    ("柳塘之夏夜市带动消费多少钱", "1200万元", "2023-柳塘街道"),  # 柳塘 opens the event's name
    ("柳塘出清了多少家高耗低效企业", "38家", "2023-柳塘街道"),
    ("柳塘街道去年财政收入多少", "12.8亿元", "2023-柳塘街道"),
    ("石门园区入园项目累计有几家", "149家", "2009-石门县"),  # its park, said "园区" opening a clause
    ("石门工业园区入园项目累计有几家", "149家", "2009-石门县"),  # 工业园区, said for short 园区
])
def test_a_place_named_inside_a_name_is_answered_from_its_report(three, question, figure, doc):
    a = three.ask(question)
    assert not a.abstained and figure in a.answer, a.answer
    assert a.sources[0].doc_id == doc


@pytest.mark.parametrize("question, named, not_said", [
    ("青禾开发区GDP多少", "青禾开发区", "290.4"),  # the county's figure is not its zone's
    ("青禾高新区有多大", "青禾高新区", "1868"),  # a zone its county's report never names
    ("石门园区财政总收入多少", "石门园区", "5.2亿元"),  # the county's figure is not its park's
    ("青禾园区有多大", "青禾园区", "1868"),  # 园区 only inside a longer name (产业园区): no park of its own said
])
def test_a_zone_its_county_does_not_speak_of_is_refused_by_its_name(three, question, named, not_said):
    a = three.ask(question)
    assert a.abstained and named in a.answer and not_said not in a.answer, a.answer


def test_a_zone_with_a_report_of_its_own_is_itself():
    assert parse("溧阳高新区去年GDP多少", 2019, ("昆山高新区", "溧阳市", "溧阳高新区")).places == ("溧阳高新区",)
    zone, = parse("溧阳开发区去年GDP多少", 2019, ("昆山高新区", "溧阳市")).terms[1:]
    assert zone.required and "市经济开发区" in zone.forms  # as the city's report would call its own
    assert not any(t.required for t in parse("全国开发区有多少个", 2019, ("昆山高新区",)).terms)  # 全国 has no zone


def test_a_place_opening_a_quoted_name_is_the_place_and_the_name_a_topic():
    q = parse("柳塘之夏夜市带动消费多少钱", 2023, ("昆山高新区", "云溪县柳塘街道"), quoted="双进\n小城大爱·柳塘之夏")
    assert q.places == ("云溪县柳塘街道",)
    assert [t.text for t in q.terms] == ["柳塘之夏", "夜市", "带动", "消费"]  # not 之 / 夏夜 / 市
    assert [t.text for t in parse("柳塘街道带动消费多少钱", 2023, ("云溪县柳塘街道",), quoted="柳塘街道").terms] == \
        ["带动", "消费"]  # the place's name alone opens nothing
