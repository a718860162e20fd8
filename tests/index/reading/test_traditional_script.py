"""A report in Traditional script, copied from a page with ruby pinyin after some characters ("本報(bào)訊"),
is read in Simplified script without the pinyin, so that the vocabulary reads its words and units (億 → 亿);
its figures are quoted as written. A bracketed Latin term ("(GDP)", "(PM2.5)") is the report's own."""
from __future__ import annotations

import hashlib

from index.reading.documents import load_document
from index.reading.metadata import infer
from index.text.normalise import as_read

NEWS = """---
title: 青禾經(jīng)濟(jì)開發(fā)區(qū) 2012年度總結(jié)表彰暨2013年工作會議
date: 2013-02-18
place: 青禾经济开发区
source: 合成
---
本報(bào)訊 青禾經(jīng)濟(jì)開發(fā)區(qū)2月18日召開的2012年度總結(jié)表彰暨2013年經(jīng)濟(jì)社會(huì)發(fā)展工作會議透露,今年將瞄準(zhǔn)規(guī)模工業(yè)產(chǎn)值200億元目標(biāo)。2012年,實(shí)現(xiàn)規(guī)模工業(yè)產(chǎn)值162億元。
"""


def test_ruby_pinyin_is_dropped_and_traditional_script_read_as_simplified():
    assert as_read("本報(bào)訊 實(shí)現(xiàn)規(guī)模工業(yè)產(chǎn)值162億元") == "本报讯 实现规模工业产值162亿元"


def test_bracketed_latin_and_a_simplified_text_stay_as_written():
    text = "全县生产总值(GDP)增长8%，细颗粒物（PM2.5）浓度下降，昇腾生态企业落户"  # 昇: a name, no Traditional script
    assert as_read(text) == text
    assert as_read("我(wǒ)们") == "我们" and as_read("(GDP)(pm)") == "(GDP)(pm)"  # tone marks only


def test_a_report_in_traditional_script_is_read_in_simplified(tmp_path):
    path = tmp_path / "2013-青禾经济开发区.txt"
    path.write_text(NEWS, encoding="utf-8")
    doc = load_document(path)
    assert doc.title == "青禾经济开发区 2012年度总结表彰暨2013年工作会议"
    assert "实现规模工业产值162亿元" in doc.paragraphs[0].text and "(" not in doc.paragraphs[0].text
    assert doc.content_hash == hashlib.sha256(NEWS.encode("utf-8")).hexdigest()  # the file's, as the build checks it


def test_the_place_and_day_of_news_in_traditional_script_are_read():
    found = infer(NEWS.split("---\n", 2)[2], "n.txt")
    assert found["place"].value == "青禾经济开发区" and found["date"].value == "2013-02-18"
