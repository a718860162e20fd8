"""A question naming no place but a name one place's reports quote as their own (“品质高新”) is
about that place, never silently the default place's (reports.scope). Hand-made reports, no model."""
from __future__ import annotations

from bot.answering.answerer import Answerer
from bot.answering.settings import AnswerSettings
from handmade import Passages

XIAN = {"doc_id": "xa", "place": "西安高新区", "date": "2023-01-17", "title": "西安高新区2023年工作发布会"}
HOME = {"doc_id": "home", "place": "昆山高新区", "date": "2023-01-20", "title": "2023年工作会议"}
TEXTS = {"xa": "在“品质高新”方面,高新区将聚焦城市建设短板和民生需求,谋划“品质高新”项目262个。",
         "home": "2023年,高新区将谋划重大项目120个,推动品质提升,打造高新区城市新中心。"}


def ask(question: str, texts: dict[str, str] = TEXTS):
    return Answerer(Passages([XIAN, HOME], texts), AnswerSettings(default_place="昆山高新区")).ask(question)


def test_a_name_one_place_quotes_is_asked_of_that_place():
    got = ask("品质高新今年谋划了多少个项目")
    assert not got.abstained and "262个" in got.answer and "120个" not in got.answer


def test_a_name_the_default_place_says_too_stays_with_the_default():
    texts = {**TEXTS, "home": "2023年,高新区将推进品质高新建设,谋划重大项目120个。"}
    got = ask("品质高新今年谋划了多少个项目", texts)
    assert "262个" not in got.answer


def test_a_default_place_without_reports_is_no_obstacle():
    other = {"doc_id": "ly", "place": "辽源经济开发区", "date": "2023-02-15", "title": "辽源经济开发区工作会议"}
    texts = {"xa": TEXTS["xa"], "ly": "2023年,开发区谋划重大项目120个。"}
    got = Answerer(Passages([XIAN, other], texts), AnswerSettings(default_place="昆山高新区")).ask(
        "品质高新今年谋划了多少个项目")
    assert not got.abstained and "262个" in got.answer
