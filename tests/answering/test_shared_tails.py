"""A name listed before another that shares its tail ("城镇居民和农民收入") is that tail's metric too; a loose
name of farmers' income asks the older 农民人均纯收入 as well; a multiple (倍) never answers an amount asked."""
from __future__ import annotations

from answering.test_who_and_counts import ask
from bot.answering.reading.question import parse

ZHOUKOU = {"doc_id": "zk", "place": "河南省周口市", "date": "2009-02-20", "title": "周口市2009年政府工作报告"}
ZHOUKOU_TEXT = ("今年经济社会发展的主要预期目标是:生产总值增长11%;居民消费价格总水平涨幅控制在4%左右;"
                "城镇居民人均可支配收入增长7%,农民人均纯收入增长6%。")


def test_a_head_listed_before_a_metric_shares_its_tail():
    assert parse("2009年城镇居民和农民收入目标各涨多少", 2009).metrics == ("城镇居民人均可支配收入", "农村居民人均可支配收入")
    assert parse("工业和服务业增加值各多少", 2009).metrics[1:] == ("服务业增加值",)
    assert len(parse("工业和服务业增加值各多少", 2009).metrics) == 2


def test_names_of_their_own_share_no_tail():
    assert parse("GDP和财政收入各多少", 2009).metrics == ("地区生产总值", "一般公共预算收入")


def test_each_group_listed_before_a_shared_tail_gets_its_own_target():
    got = ask("周口2009年城镇居民和农民收入目标各涨多少", [ZHOUKOU], {"zk": ZHOUKOU_TEXT}, ZHOUKOU["place"])
    assert not got.abstained and "7%" in got.answer and "6%" in got.answer and "4%" not in got.answer


NINGGUO = {"doc_id": "ng", "place": "安徽省宣城市宁国市", "date": "2011-02-20", "title": "宁国市2011年政府工作报告"}
NINGGUO_TEXT = ("2010年,全市经济平稳较快增长。五年累计完成全社会固定资产投资是“十五”时期的6倍。")


def test_a_multiple_does_not_answer_an_amount_asked():
    got = ask("宁国2010年固定资产投资多少亿", [NINGGUO], {"ng": NINGGUO_TEXT}, NINGGUO["place"])
    assert got.abstained and not got.answer.startswith("宁国市2010年实际完成")


def test_farmers_income_asked_loosely_is_answered_by_the_older_net_income():
    got = ask("周口2009年农民收入目标涨多少", [ZHOUKOU], {"zk": ZHOUKOU_TEXT}, ZHOUKOU["place"])
    assert not got.abstained and "6%" in got.answer and "7%" not in got.answer
