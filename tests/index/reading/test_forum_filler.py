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


# the token two pages close their lines with, the only Latin words a development text loses
LINE_TAGS = {"2019-松溪县.txt": "Iu", "2018-新巴尔虎左旗.txt": "Zeu"}


def test_no_development_text_loses_a_character_term_or_figure():
    stripped = Counter()
    for path in sorted(p for top in ("tests", "corpus") for p in (ROOT / top).rglob("*") if p.suffix in (".txt", ".md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        read = without_filler(text)
        lost = Counter(_KEPT.findall(text)) - Counter(_KEPT.findall(read))
        assert set(lost) <= {LINE_TAGS.get(path.name)} and not Counter(_KEPT.findall(read)) - Counter(
            _KEPT.findall(text)), path
        assert not re.search(r"[^\x20-\x7e]", "".join(c for c in Counter(text) - Counter(read))), path
        stripped[path.name] = len(text) - len(read)
    # only the forum repost (13 runs, 329 characters) and the two pages closing their lines with a token carry filler
    assert {name for name, n in stripped.items() if n} == {"2012-大理市.txt", *LINE_TAGS}
    repost = without_filler((ROOT / "tests" / "heldout13" / "2012-大理市.txt").read_text(encoding="utf-8"))
    assert not re.search(r"[A-Za-z]", repost.split("\n---\n", 1)[1])
    for name, tag in LINE_TAGS.items():
        path = next((ROOT / "tests").rglob(name))
        assert tag not in without_filler(path.read_text(encoding="utf-8")).split("\n---\n", 1)[1], name


def test_a_mixed_case_token_closing_line_after_line_is_filler_and_a_unit_is_not():
    text = "".join(f"第{i}行说了什么。Zeu\n" for i in range(5)) + "(2018年2月3日)Zeu\n用电量5亿kWh\n"
    assert "Zeu" not in without_filler(text) and "(2018年2月3日)\n" in without_filler(text)
    assert "5亿kWh" in without_filler(text)
    assert without_filler("各位代表:Zeu\n") == "各位代表:Zeu\n"  # once is no filler
    tags = "".join(f"第{i}行,增长9.{i}%。GDP\n" for i in range(6))
    assert without_filler(tags) == tags  # a term in one case
