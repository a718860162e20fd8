"""The one reader of the vocabulary files staff edit (`index/data/`, `bot/data/`).

Every file is UTF-8 text; blank lines and lines starting with `#` are comments. Three shapes:

- `lines(path)`: one entry a line (units.txt, stopwords.txt);
- `table(path)`: `key<TAB>word|word|…`, words folded (fullwidth → halfwidth, Traditional →
  Simplified), a repeated key adding to the first (synonyms.tsv, places.tsv, …);
- `rows(path)`: tab-separated columns, as written (timecues.tsv).

A file is read again as soon as it changes on disk (its size or modification time), so an
edited `synonyms.tsv` is seen by the next build or question without a restart. Within
`one_version()` (a question), each file is looked at on disk once: the question sees one version
of it, and a few hundred lookups cost one `stat` per file. That state, and `rows`, live in
`index.filestate`, below the folding, which reads a data file itself (signs.tsv).
"""
from __future__ import annotations

from pathlib import Path

from index.filestate import DataFileError, one_version, rows, signature  # noqa: F401 (served from here)
from index.filestate import read as _read
from index.text.normalise import fold

INDEX_DATA = Path(__file__).parent / "data"

def _lines(path: Path, entries: list[tuple[int, str]]) -> tuple[str, ...]:
    return tuple(ln.strip() for _, ln in entries)


def _table(path: Path, entries: list[tuple[int, str]]) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for _, ln in entries:
        key, _, words = ln.partition("\t")
        out[key.strip()] = out.get(key.strip(), ()) + tuple(
            fold(w.strip()) for w in words.split("|") if w.strip())
    return out


def lines(path: Path) -> tuple[str, ...]:
    return _read(path, "lines", _lines)


def table(path: Path) -> dict[str, tuple[str, ...]]:
    return _read(path, "table", _table)
