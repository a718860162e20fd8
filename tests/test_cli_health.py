"""`zoneqa health`, as Docker's HEALTHCHECK runs it: the served index loads and the running bot
has heard from Telegram lately (its heartbeat in the data dir); exit status 1 otherwise."""
from __future__ import annotations

import json
import os
import time
from types import SimpleNamespace

import pytest

from bot.cli import main
from index import store
from bot.telegram.liveness import BEAT_EVERY, HEARTBEAT_NAME, Heartbeat, check_heartbeat, last_beat


def clean_env(monkeypatch) -> None:
    for name in list(os.environ):
        if name.startswith(("ZONEQA_", "TELEGRAM_")):
            monkeypatch.delenv(name)


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A data dir whose index loads: how an index loads or fails to is index.store's part
    (tests/index/test_store.py); a missing one fails health in tests/test_cli_usage.py."""
    loaded = SimpleNamespace(path=tmp_path / "index" / "v1", documents={"d": {}}, chunks=[object()] * 3)
    monkeypatch.setattr(store, "load", lambda index_dir, model: loaded if index_dir == tmp_path / "index"
                        else pytest.fail(f"health read another index: {index_dir}"))
    clean_env(monkeypatch)
    monkeypatch.setenv("ZONEQA_DATA_DIR", str(tmp_path))
    return tmp_path


def beat_at(data_dir, seconds_ago: float) -> None:
    (data_dir / HEARTBEAT_NAME).write_text(json.dumps({"at": time.time() - seconds_ago, "how": "polling"}),
                                           encoding="utf-8")


def test_healthy_with_a_fresh_heartbeat(data_dir, capsys):
    beat_at(data_dir, 3)
    assert main(["health"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("正常：索引 v1，1 份报告，3 个片段") and "秒前收到更新（polling）" in out


@pytest.mark.parametrize("age, max_age", [(600, None), (61, "60")])
def test_a_stale_heartbeat_fails(data_dir, capsys, monkeypatch, age, max_age):
    if max_age:
        monkeypatch.setenv("ZONEQA_HEARTBEAT_MAX_AGE", max_age)
    beat_at(data_dir, age)
    assert main(["health"]) == 1
    err = capsys.readouterr().err
    assert f"已经 {age} 秒没有从 Telegram 收到更新" in err and "ZONEQA_HEARTBEAT_MAX_AGE" in err


@pytest.mark.parametrize("content", [None, "", "not json", '{"how": "polling"}'])
def test_no_readable_heartbeat_fails(data_dir, capsys, content):
    if content is not None:
        (data_dir / HEARTBEAT_NAME).write_text(content, encoding="utf-8")
    assert main(["health"]) == 1
    assert "机器人没有心跳记录" in capsys.readouterr().err


def test_the_heartbeat_check_can_be_turned_off(data_dir, capsys, monkeypatch):
    monkeypatch.setenv("ZONEQA_HEARTBEAT_MAX_AGE", "0")
    assert main(["health"]) == 0
    assert "未检查心跳" in capsys.readouterr().out


def test_an_index_that_does_not_load_fails_even_with_a_fresh_heartbeat(tmp_path, capsys, monkeypatch):
    clean_env(monkeypatch)
    monkeypatch.setenv("ZONEQA_DATA_DIR", str(tmp_path))
    beat_at(tmp_path, 1)
    assert main(["health"]) == 1
    assert "不健康" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["-1", "abc", "1.5"])
def test_an_unusable_max_age_is_named(tmp_path, capsys, monkeypatch, value):
    monkeypatch.setenv("ZONEQA_HEARTBEAT_MAX_AGE", value)
    assert main(["health"]) == 2
    assert "环境变量 ZONEQA_HEARTBEAT_MAX_AGE" in capsys.readouterr().err


def test_the_heartbeat_is_written_atomically_and_not_on_every_poll(tmp_path):
    now = [1000.0]
    heart = Heartbeat(tmp_path, clock=lambda: now[0])
    heart.beat("polling")
    now[0] += BEAT_EVERY / 2
    heart.beat("webhook")  # too soon: not written
    assert last_beat(tmp_path) == (1000.0, "polling")
    now[0] += BEAT_EVERY
    heart.beat("webhook")
    assert last_beat(tmp_path) == (now[0], "webhook")
    assert [p.name for p in tmp_path.iterdir()] == [HEARTBEAT_NAME]  # no temporary file left
    assert "秒前" in check_heartbeat(tmp_path, 60, now=now[0] + 59)
