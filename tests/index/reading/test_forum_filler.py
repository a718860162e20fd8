"""A report reposted on a forum carries the forum's anti-copy filler inside its lines ("力争达296亿元7 M& T" a+
{* Q3 b( I7 J' D"): pairs of a digit or sign and a Latin letter or symbol. It is read without them, so its figures,
lines and the cues around them read as the report wrote them; a short line ending on a hedged figure ("●财政总收入
增长18%以上") is a statement of its own, not a caption. No real figure or term is ever taken for filler: checked
over every development text."""
from __future__ import annotations

import re
from collections import Counter

import pytest
from conftest import ROOT

from index.reading.documents import load_document
from index.text.normalise import as_read, without_filler

REPOST = """---
title: 大理市委全会召开
date: 2012-12-31
place: 大理市
source: 论坛转帖
---
本报讯 会议总结去年该市的经济社会发展状况,为今年的发展制定目标和规划。* w- A- G8 i7 b4 X8 ~" i
2013预期目标; P1 |( q" ~6 S( i
●力争全市地区生产总值增长14%以上,力争达296亿元7 M& T" a+ {* Q3 b( I7 J' D
●财政总收入增长18%以上
4 o* d, v6 G: p ●城镇居民人均可支配收入增长15%以上4 t% ~; K3 G, O
●农民人均纯收入增长15%以上, m" m4 j' [8 k" m" a( L4 t- t
回顾
; X. V, T. D G$ v 报告指出,预计该市地区生产总值完成255亿元。
"""


def test_forum_filler_is_dropped_and_the_report_s_words_kept():
    assert as_read("力争达296亿元7 M& T\" a+ {* Q3 b( I7 J' D\n●财政") == "力争达296亿元\n●财政"
    assert as_read("2013预期目标; P1 |( q\" ~6 S( i") == "2013预期目标"
    # a space the page folds into the next sign ("D G$ v") is filler too
    assert as_read("; X. V, T. D G$ v 报告指出") == "报告指出"


@pytest.mark.parametrize("text", [
    "全县生产总值(GDP)增长8%，PM2.5浓度下降，5G基站1200个，R&D投入占比3%，新增3A级景区2家",
    "A B C D E F级企业", "x = 1 + 2 - 3", "1: a, 2: b", "项目分为A、B、C三类", "http://www.dalibaizu.com/thread-45275-1-1.html",
])
def test_terms_figures_and_short_latin_stay(text):
    assert as_read(text) == text


def test_a_reposted_report_reads_its_targets_and_lines_whole(tmp_path):
    path = tmp_path / "2012-大理市.txt"
    path.write_text(REPOST, encoding="utf-8")
    paragraphs = [p.text for p in load_document(path).paragraphs]
    assert "●力争全市地区生产总值增长14%以上,力争达296亿元" in paragraphs
    assert "●财政总收入增长18%以上" in paragraphs and "●农民人均纯收入增长15%以上" in paragraphs
    assert not any(re.search(r"[A-Za-z]", p) for p in paragraphs)


# what filler never holds: a Chinese character, two Latin letters side by side, a figure glued to its unit
_KEPT = re.compile(r"[\u4e00-\u9fff]|[A-Za-z]{2,}\d*|\d+(?:\.\d+)?(?:%|[\u4e00-\u9fff])")


def test_no_development_text_loses_a_character_term_or_figure():
    stripped = Counter()
    for path in sorted(p for top in ("tests", "corpus") for p in (ROOT / top).rglob("*") if p.suffix in (".txt", ".md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        read = without_filler(text)
        assert Counter(_KEPT.findall(read)) == Counter(_KEPT.findall(text)), path
        assert not re.search(r"[^\x20-\x7e]", "".join(c for c in Counter(text) - Counter(read))), path
        stripped[path.name] = len(text) - len(read)
    # only the forum repost among the development texts carries filler (13 runs, 329 characters), all of it
    assert {name for name, n in stripped.items() if n} == {"2012-大理市.txt"}
    repost = without_filler((ROOT / "tests" / "heldout13" / "2012-大理市.txt").read_text(encoding="utf-8"))
    assert not re.search(r"[A-Za-z]", repost.split("\n---\n", 1)[1])
