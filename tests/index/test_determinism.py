"""Same input, same index: tokens, chunks, time labels and BM25 rankings do not depend on the
process (Python salts str hashes per process, so set and dict-of-set orders can differ)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import CORPUS, ROOT

QUESTIONS = ["今年财政收入计划增长多少", "去年高新区GDP多少", "高新区有哪些国家级平台"]
SCRIPT = r"""
import json, sys
from pathlib import Path
from index.reading.documents import load_corpus
from index.search.lexical import Lexical
from index.text.chunking import chunk_document
from index.text.tokens import default_tokenizer

docs, _ = load_corpus(Path(sys.argv[1]))
chunks = [c for d in docs for c in chunk_document(d)]
tok = default_tokenizer()
lexical = Lexical.build([tok.words(c.embed_text()) for c in chunks])
ranks = {}
for q in json.loads(sys.argv[2]):
    scores = lexical.scores(tok.words(q))
    ranks[q] = [chunks[i].chunk_id for i in scores.argsort(kind="stable")[::-1][:5]]
print(json.dumps({
    "chunks": [[c.chunk_id, c.text, list(map(list, c.spans)), c.section, c.year, c.kind] for c in chunks],
    "tokens": [tok.words(c.text) for c in chunks[:40]],
    "ranks": ranks,
}, ensure_ascii=False))
"""


def run(hash_seed: str) -> dict:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(CORPUS), json.dumps(QUESTIONS)],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=True)
    return json.loads(out.stdout)


def test_chunks_labels_tokens_and_rankings_are_the_same_in_every_process():
    first, second = run("1"), run("2")
    assert first["chunks"] and all(first["ranks"].values())
    assert first == second
