"""A place named inside a longer known name is that name: the words a catalogue place's name covers are
not read again for other places, and a name read by its shape does not start on an ordinal's unit."""
from __future__ import annotations

import pytest

from bot.answering.reading.question import parse

PLACE = "石河子经济技术开发区(新疆生产建设兵团第八师石河子市)"  # its second name holds 新疆 and 第八师


@pytest.mark.parametrize("name", [PLACE, "新疆生产建设兵团第八师石河子市", "石河子经济技术开发区"])
def test_a_place_named_by_a_name_holding_other_names_is_that_place_alone(name):
    assert parse(f"{name}去年地区生产总值是多少", 2026, (PLACE,)).places == (PLACE,)


def test_a_name_read_by_its_shape_does_not_start_on_an_ordinal_s_unit():
    """"第八师石河子市": 师 counts the ordinal; the place no list knows is 石河子市, not 师石河子市."""
    places = parse("兵团第八师石河子市去年地区生产总值是多少", 2026, ()).places
    assert "师石河子市" not in places and not any(p.startswith("师") for p in places)
