"""Who delivered each development report, asked with no hand-written answer: the speaker its opening
names (as the build reads it), and never the one its news says chaired the meeting."""
from __future__ import annotations

import re

from conftest import DEVELOPMENT_TEXTS

from bot.answering.answerer import Answerer
from bot.answering.settings import AnswerSettings
from handmade import Passages
from index.reading.documents import body_of, load_document

CHAIRED = re.compile(r"([\u4e00-\u9fff]{2})主持")  # "执行主席马志龙主持": at least the name's last two characters


def test_asking_who_delivered_a_report_names_its_speaker_and_not_the_chair():
    checked, wrong = 0, []
    for path in DEVELOPMENT_TEXTS:
        doc = load_document(path)
        info, head = doc.info(), body_of(doc.raw)[:1500]  # where news names who spoke, and the chair
        speaker = "".join(str(info.get("speaker", "")).split())
        if len(speaker) < 2:
            continue
        checked += 1
        answerer = Answerer(Passages([info], {doc.doc_id: head}), AnswerSettings(default_place=doc.place))
        got = "".join(answerer.ask(f"{doc.date[:4]}年的报告是谁作的").answer.split())  # "韦 韬" as printed
        chairs = {m[1] for m in CHAIRED.finditer(doc.title + head)} - {speaker[-2:]}
        if speaker[-2:] not in got or any(c in got for c in chairs if c not in speaker):
            wrong.append(f"{path.name}: {speaker} → {got}")
    assert checked >= 20 and not wrong, "\n".join(wrong)
