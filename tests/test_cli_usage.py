"""Usage errors are answered at once: exit status 2, a message, and no model (not even torch) loaded."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT

PROBE = r"""
import json, sys
from bot.cli import main
rc = main(json.loads(sys.argv[1]))
print(json.dumps({"rc": rc, "loaded": sorted(m for m in ("torch", "sentence_transformers", "faiss")
                                             if m in sys.modules)}))
"""


def run(argv: list[str], **env: str) -> tuple[dict, str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("ZONEQA_", "TELEGRAM_"))}
    out = subprocess.run([sys.executable, "-c", PROBE, json.dumps(argv)], cwd=ROOT,
                         env={**environ, **env}, capture_output=True, text=True, timeout=120)
    return json.loads(out.stdout.strip().splitlines()[-1]), out.stderr


@pytest.mark.parametrize("argv, env, message", [
    (["ask"], {}, "请给出问题"),
    (["search", "-k", "3"], {}, "请给出问题"),
    (["bot"], {}, "没有设置 TELEGRAM_BOT_TOKEN"),
    (["bot", "--webhook", "https://example.org/zq"], {"TELEGRAM_BOT_TOKEN": "1:secret"}, "--webhook 需要同时给出 --port"),
    (["ask", "去年GDP多少"], {"ZONEQA_RATE_LIMIT": "ten"}, "环境变量 ZONEQA_RATE_LIMIT"),
    (["bot"], {"TELEGRAM_BOT_TOKEN": "1:secret", "ZONEQA_RETENTION_DAYS": "0"}, "环境变量 ZONEQA_RETENTION_DAYS"),
    (["health"], {"ZONEQA_HEARTBEAT_MAX_AGE": "soon"}, "环境变量 ZONEQA_HEARTBEAT_MAX_AGE"),
    (["bot"], {"TELEGRAM_BOT_TOKEN": "1:secret", "ZONEQA_STARTUP_RETRY_SECONDS": "-1"},
     "环境变量 ZONEQA_STARTUP_RETRY_SECONDS"),
])
def test_a_usage_error_exits_2_without_loading_the_model(argv, env, message):
    result, stderr = run(argv, **env)
    assert result == {"rc": 2, "loaded": []}
    assert message in stderr
    assert "secret" not in stderr


def test_a_health_check_reads_the_index_without_importing_the_encoder():
    """Docker runs it every minute: it must not pay for torch (about 2 s), nor talk to Telegram.
    It fails with status 1 (Docker reserves 2)."""
    result, stderr = run(["health"], ZONEQA_DATA_DIR="/nonexistent/zoneqa-data")
    assert result["rc"] == 1 and "不健康" in stderr and "zoneqa index build" in stderr
    assert not {"torch", "sentence_transformers"} & set(result["loaded"])
