"""How answers look in Telegram: every answer cites its evidence, a comparison both sentences."""
from __future__ import annotations

from bot.telegram import messages


def test_list_answer_without_a_figure_still_cites_its_sentence(answerer):
    answer = answerer.ask("高新区有哪些独角兽企业")
    assert not answer.abstained and answer.value is None
    text = messages.format_answer(answer)
    assert "泽璟医药" in text and "📄" in text and text.count("<blockquote>") == 1


def test_comparison_quotes_both_years_sentences(answerer):
    text = messages.format_answer(answerer.ask("今年GDP目标比去年多多少？"))
    assert "<b>48亿元</b>" in text
    quotes = text.split("<blockquote>")[1:]
    assert len(quotes) == 2 and "810亿元" in quotes[0] and "762亿元" in quotes[1]


def test_refusal_is_plain_text(answerer):
    text = messages.format_answer(answerer.ask("2020年GDP目标是多少？"))
    assert "<b>" not in text and "<blockquote>" not in text and "资料中没有2020年" in text
