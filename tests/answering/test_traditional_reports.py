"""A report in Traditional script with ruby pinyin copied along ("經(jīng)濟(jì)") answers questions typed in
either script, its figures and units read (億 → 亿); its place's name is the one its header gives."""
from __future__ import annotations

import pytest

from conftest import answerer_over

NEWS = """---
title: 青禾經(jīng)濟(jì)開發(fā)區(qū) 2012年度總結(jié)表彰暨2013年工作會議
date: 2013-02-18
place: 青禾经济开发区
source: 合成
---
本報(bào)訊 青禾經(jīng)濟(jì)開發(fā)區(qū)2月18日召開的2012年度總結(jié)表彰暨2013年經(jīng)濟(jì)社會(huì)發(fā)展工作會議透露,今年將瞄準(zhǔn)規(guī)模工業(yè)產(chǎn)值200億元目標(biāo)。 2012年,青禾經(jīng)濟(jì)開發(fā)區(qū)實(shí)現(xiàn)規(guī)模工業(yè)產(chǎn)值162億元。
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, model_cache, embedder):
    return answerer_over(tmp_path_factory.mktemp("traditional"), {"2013-青禾经济开发区": NEWS}, model_cache, embedder)


@pytest.mark.parametrize("question, figure, not_said", [
    ("青禾开发区12年规模工业产值多少", "162亿元", "200"),
    ("青禾開發區12年規模工業產值多少", "162亿元", "200"),  # typed in Traditional script
    ("青禾开发区2013年规模工业产值目标多少", "200亿元", "162"),
])
def test_a_report_in_traditional_script_answers_in_either_script(bot, question, figure, not_said):
    a = bot.ask(question)
    assert not a.abstained and figure in a.answer and not_said not in a.answer and "(" not in a.answer, a.answer
    assert a.sources[0].doc_id == "2013-青禾经济开发区"
