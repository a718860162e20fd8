"""Development failures of zones-heldout14: an office asked is not held by its deputy ("县长是谁" is not
answered with a 副县长); GDP's energy use said without 单位 ("年均GDP能耗下降5%") is not the GDP; the
sectors said short ("三产增速") are their added value; a tier of a ranking ("全市第一方阵") is no rank.
Hand-made reports (no index, no model)."""
from __future__ import annotations

from answering.test_phone_phrasings import ask, doc

from bot.answering.reading.word_numbers import ordinals

LINGYUN = doc("ly", "广西壮族自治区百色市凌云县", "2018-05-22")
VISIT = ("2018年5月22日,百色市发改委总经济师陈怀德,凌云县委常委、副县长黄金亮陪同考核组到凌云县调研。"
         "凌云县委书记伍奕蓉主持召开汇报会。")


def test_an_office_asked_is_not_answered_by_its_deputy():
    got = ask([(LINGYUN, [VISIT])], "凌云县长是谁", "广西壮族自治区百色市凌云县")
    assert got.abstained and "黄金亮" not in got.answer


def test_the_deputy_asked_is_answered_by_the_deputy():
    got = ask([(LINGYUN, [VISIT])], "凌云副县长是谁", "广西壮族自治区百色市凌云县")
    assert not got.abstained and "黄金亮" in got.answer


def test_the_office_itself_is_still_answered_by_its_holder():
    got = ask([(LINGYUN, [VISIT])], "凌云县委书记是谁", "广西壮族自治区百色市凌云县")
    assert not got.abstained and "伍奕蓉" in got.answer


YUHUI = doc("yh", "安徽省蚌埠市禹会区", "2013-01-10")
ENERGY = ["2012年,节能减排控制在目标范围之内,年均GDP能耗下降5%。",
          "预计,完成地区生产总值100.7亿元,增长14%。"]


def test_gdp_s_energy_use_said_without_danwei_is_not_the_gdp():
    got = ask([(YUHUI, ENERGY)], "禹会区12年GDP多少", "安徽省蚌埠市禹会区")
    assert not got.abstained and "100.7亿元" in got.answer and "能耗" not in got.answer


def test_gdp_s_energy_use_is_asked_by_that_name():
    got = ask([(YUHUI, ENERGY)], "禹会区12年GDP能耗下降多少", "安徽省蚌埠市禹会区")
    assert not got.abstained and "5%" in got.answer and "100.7亿元" not in got.answer


CANGWU = doc("cw", "广西壮族自治区梧州市苍梧县", "2024-01-15")
SECTORS = ["2023年,经济增速稳居全市第一方阵。全县地区生产总值增长6.5%,增速排全市第二,连续三年位居全市第一方阵。"
           "其中,第一产业增加值增长4.9%,第二产业增加值增长15.3%,第三产业增加值增长2.7%。"]


def test_a_sector_said_short_is_its_added_value():
    for asked, figure in (("三产", "2.7%"), ("二产", "15.3%"), ("一产", "4.9%")):
        got = ask([(CANGWU, SECTORS)], f"苍梧{asked}增速多少", "广西壮族自治区梧州市苍梧县")
        assert not got.abstained and figure in got.answer, asked


def test_a_tier_of_a_ranking_is_no_rank():
    assert ordinals("经济增速稳居全市第一方阵") == "经济增速稳居全市第一方阵"
    assert ordinals("增速排全市第二") == "增速排全市第2"
    got = ask([(CANGWU, SECTORS)], "苍梧去年GDP增长多少 全市排第几", "广西壮族自治区梧州市苍梧县")
    assert not got.abstained and "6.5%" in got.answer and "第二" in got.answer and "方阵" not in got.answer
