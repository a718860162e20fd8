"""`zoneqa ask` and `zoneqa chat` as a user runs them: the JSON contract, JSON lines, the
plain-text answer with its citation, and an interactive conversation with a follow-up."""
from __future__ import annotations

import io
import json

import pytest

from bot import cli
from conftest import ROOT

KEYS = ["question", "answer", "abstained", "value", "year", "kind", "sources", "latency_ms"]
SOURCE_KEYS = ["doc_id", "title", "section", "text", "score"]
TITLE = "书写高质量发展满意答卷 昆山高新区凝心聚力“全新一跃”（2019年昆山高新区工作会议）"


@pytest.fixture
def seed_env(monkeypatch, seed_settings):
    monkeypatch.setenv("ZONEQA_DATA_DIR", str(seed_settings.index.data_dir))
    monkeypatch.setenv("ZONEQA_CORPUS_DIR", str(seed_settings.index.corpus_dir))
    monkeypatch.delenv("ZONEQA_REPORTING_YEAR", raising=False)
    monkeypatch.delenv("ZONEQA_DEFAULT_PLACE", raising=False)
    monkeypatch.delenv("ZONEQA_ABSTAIN_THRESHOLD", raising=False)
    return seed_settings


@pytest.fixture
def loaded(seed_env, monkeypatch, searcher):
    """The CLI's own settings, but the session's already-loaded index and model (loading the
    model takes seconds; one test below does it for real)."""
    from bot.answering.answerer import Answerer

    seen = []

    def answerer(settings):
        assert settings.index.data_dir == seed_env.index.data_dir and settings.index.corpus_dir == seed_env.index.corpus_dir
        seen.append(settings)
        return Answerer(searcher, settings.answering)

    monkeypatch.setattr(cli, "_answerer", answerer)
    return seen


def out_lines(capsys) -> list[str]:
    return [line for line in capsys.readouterr().out.splitlines() if line.strip()]


def test_ask_json_is_the_output_contract(seed_env, capsys):
    """End to end: the CLI opens the seed index and loads the model itself."""
    assert cli.main(["ask", "--json", "去年高新区GDP多少？"]) == 0
    lines = out_lines(capsys)
    assert len(lines) == 1
    d = json.loads(lines[0])
    assert list(d) == KEYS
    assert d["question"] == "去年高新区GDP多少？"
    assert (d["value"], d["year"], d["kind"], d["abstained"]) == ("762亿元", 2018, "result", False)
    assert "762亿元" in d["answer"] and "2018年" in d["answer"]
    assert d["sources"] and all(list(s) == SOURCE_KEYS for s in d["sources"])
    assert d["sources"][0]["title"] == TITLE and "762亿元" in d["sources"][0]["text"]
    assert isinstance(d["latency_ms"], float) and d["latency_ms"] > 0


def test_ask_json_refusal(loaded, capsys):
    assert cli.main(["ask", "--json", "苏州工业园区去年GDP多少"]) == 0
    d = json.loads(out_lines(capsys)[0])
    assert list(d) == KEYS
    assert d["abstained"] is True and d["value"] is None and d["year"] is None and d["kind"] is None
    assert "苏州工业园区" in d["answer"]


def test_ask_words_are_joined_into_one_question(loaded, capsys):
    assert cli.main(["ask", "--json", "去年高新区", "GDP多少"]) == 0
    assert json.loads(out_lines(capsys)[0])["value"] == "762亿元"


def test_ask_honours_the_reporting_year(loaded, monkeypatch, capsys):
    monkeypatch.setenv("ZONEQA_REPORTING_YEAR", "2020")
    assert cli.main(["ask", "--json", "去年GDP多少"]) == 0
    assert loaded[-1].answering.reporting_year == 2020
    d = json.loads(out_lines(capsys)[0])
    assert "2019年实际完成" not in d["answer"]
    assert d["abstained"] or d["kind"] == "target"


def test_ask_jsonl_answers_each_line_in_order(loaded, monkeypatch, capsys):
    questions = ["去年高新区GDP多少？", "高新区房价现在多少一平", "今年GDP目标定了多少？"]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(questions) + "\n"))
    assert cli.main(["ask", "--jsonl"]) == 0
    rows = [json.loads(line) for line in out_lines(capsys)]
    assert [r["question"] for r in rows] == questions
    assert all(list(r) == KEYS for r in rows)
    assert [r["abstained"] for r in rows] == [False, True, False]
    assert (rows[0]["value"], rows[0]["year"]) == ("762亿元", 2018)
    assert (rows[2]["value"], rows[2]["year"], rows[2]["kind"]) == ("810亿元", 2019, "target")


def test_ask_plain_prints_the_answer_and_where_it_came_from(loaded, capsys):
    assert cli.main(["ask", "去年高新区GDP多少？"]) == 0
    lines = out_lines(capsys)
    assert "762亿元" in lines[0] and "2018年" in lines[0]
    cited = [line for line in lines if "出处" in line]
    assert len(cited) == 1 and f"《{TITLE}》" in cited[0]
    assert any("762亿元" in line for line in lines[lines.index(cited[0]) + 1:])


def test_the_readme_shows_the_answer_as_printed(loaded, capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sample = readme.split('Ask "去年高新区GDP多少？" and it replies\n\n```\n')[1].split("```")[0]
    assert cli.main(["ask", "去年高新区GDP多少？"]) == 0
    assert capsys.readouterr().out == sample


def test_ask_plain_refusal_is_printed(loaded, capsys):
    assert cli.main(["ask", "为什么高新区GDP增长这么快"]) == 0
    lines = out_lines(capsys)
    assert "原因" in lines[0] and not any("出处" in line for line in lines)


def test_ask_without_a_question_is_a_usage_error(loaded, capsys):
    assert cli.main(["ask"]) == 2
    assert "请给出问题" in capsys.readouterr().err


def test_chat_answers_two_questions_with_a_follow_up(loaded, monkeypatch, capsys):
    said = iter(["去年高新区GDP多少？", "那今年呢？"])
    prompts = []

    def fake_input(prompt=""):
        prompts.append(prompt)
        try:
            return next(said)
        except StopIteration:
            raise EOFError from None

    monkeypatch.setattr("builtins.input", fake_input)
    assert cli.main(["chat"]) == 0
    assert len(prompts) == 3  # two questions, then end of input
    lines = out_lines(capsys)
    assert lines[0].startswith("zoneqa")  # the greeting
    replies = [line for line in lines[1:] if not line.startswith(" ")]  # citations are indented
    assert len(replies) == 2
    assert "762亿元" in replies[0] and "2018年" in replies[0]
    assert "810亿元" in replies[1] and "2019年目标" in replies[1]  # the follow-up kept the topic
    assert sum("出处" in line for line in lines) == 2


def test_chat_quits_on_q(loaded, monkeypatch, capsys):
    said = iter(["q", "去年高新区GDP多少？"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(said))
    assert cli.main(["chat"]) == 0
    assert "762" not in capsys.readouterr().out



def test_an_unexpected_error_is_reported_without_the_token(monkeypatch, capsys):
    import bot.cli
    from index import store

    token = "123456:SECRET-token-value"
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", token)

    def explode(*args, **kwargs):
        raise RuntimeError(f"POST https://api.telegram.org/bot{token}/getMe failed")

    monkeypatch.setattr(store, "load", explode)
    assert bot.cli.main(["health"]) == 1
    err = capsys.readouterr().err
    assert "getMe failed" in err and token not in err and "<token>" in err
