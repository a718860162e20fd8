"""Who led a group ("考核组是谁带队"): the person named leading it or first in its composition, never another
official of the text; and a newcomer to an office the text names only by a mask ("***(4月任职)"): refused, never
answered by the one leaving. Hand-made reports: no model, no index on disk."""
from __future__ import annotations

from handmade import ask_of

VISIT = {"doc_id": "kh", "place": "测试县", "date": "2018-05-22", "title": "自治区考核组到测试县开展考核"}
GROUP = ("5月17日,由自治区发改委地区处处长李明远等人组成的县域经济考核第一考核组到测试县进行考核。"
         "考核组指出,县域经济考核是对过去一年经济工作的评价。"
         "测试县委书记王建华,市发改委总经济师赵德清陪同考核。")
LEADERS = {"doc_id": "nj", "place": "测试旗", "date": "2009", "title": "测试旗(年鉴2009卷)"}



def test_who_led_a_group_is_the_official_its_composition_names_first():
    for question in ("去测试县搞考核的考核组是谁带队", "测试县考核组是谁带领的"):
        got = ask_of(VISIT, question, GROUP)
        assert not got.abstained and "李明远" in got.answer, question
        assert "王建华" not in got.answer and "赵德清" not in got.answer, question  # those accompanying it


def test_who_led_a_group_nobody_is_said_to_lead_is_refused_not_answered_by_another_official():
    got = ask_of(VISIT, "测试县考核组是谁带队", "考核组到测试县进行考核。测试县委书记王建华,市发改委总经济师赵德清陪同考核。")
    assert got.abstained and "王建华" not in got.answer and "赵德清" not in got.answer


def test_a_newcomer_the_text_masks_is_refused_never_answered_by_the_one_leaving():
    text = "旗委书记:陶格图(蒙古族 4月离任) ***(4月任职)\n旗长:郭介文(4月离任) 边保民(蒙古族 4月任职)\n"
    got = ask_of(LEADERS, "测试旗4月新上任的旗委书记叫什么", text)
    assert got.abstained and "陶格图" not in got.answer and "隐去" in got.answer
