"""The names a place goes by, derived by rule from its official name (place_suffixes.tsv), and a
check over every development report: each of its place's names is read back as that place."""
from __future__ import annotations

import pytest

from bot.answering.reading.names import places_table
from bot.answering.reading.question import parse
from bot.answering.vocabulary import gazetteer
from conftest import ROOT
from index.reading.documents import load_document
from index.text.places import names_of
from index.text.vocabulary import load_vocab

# every development report: the provinces', the zones' and the once held-out ones
REPORTS = sorted(p for folder in ("reports", "zones", "heldout", "heldout2", "heldout3", "heldout4", "cities5", "zones5", "zones6")
                 for p in (ROOT / "tests" / folder).glob("*.txt"))


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
    ("广西壮族自治区", ("广西壮族自治区", "广西")),
    ("江苏省", ("江苏省", "江苏")),
])
def test_the_names_a_place_goes_by(place, names):
    assert names_of(place, load_vocab()) == names


def test_every_development_report_s_place_is_read_back_by_each_of_its_names():
    """A name another place has in the gazetteer (常州 is 常州市, not 常州经开区) is that place's."""
    places = tuple(sorted({load_document(p).place for p in REPORTS}))
    assert len(places) >= 20
    table = dict(places_table(places, load_vocab()))
    wrong = []
    for place in places:
        names = table[place]
        assert set(names) <= set(names_of(place, load_vocab())) | set(gazetteer().get(place, ()))
        for name in (place, *names):
            asked = parse(f"{name}去年地区生产总值是多少", 2026, places).places
            if asked != (place,):
                wrong.append(f"{name} → {asked}, not {place}")
    assert not wrong, "\n".join(wrong)
