"""Domain vocabulary loaded from the data files in `index/data/`, which staff extend.

- `userdict.txt`: jieba user dictionary (metric names that must stay whole);
- `units.txt`: units glued to the number before them;
- `stopwords.txt`: words dropped from lexical matching;
- `synonyms.tsv`: canonical term, then the aliases people use for it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from index.textnorm import fold

DATA_DIR = Path(__file__).parent / "data"


def _lines(path: Path) -> list[str]:
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.lstrip().startswith("#")]


@dataclass(frozen=True)
class Vocab:
    userdict: Path
    units: tuple[str, ...]
    stopwords: frozenset[str]
    synonyms: dict[str, tuple[str, ...]]  # canonical → aliases (folded)

    def canonical_terms(self, text: str) -> list[str]:
        """Canonical terms named in `text` by themselves or by an alias, longest first."""
        folded = fold(text)
        found = [c for c, aliases in self.synonyms.items()
                 if fold(c) in folded or any(a in folded for a in aliases)]
        return sorted(found, key=len, reverse=True)

    def aliases(self, canonical: str) -> tuple[str, ...]:
        return self.synonyms.get(canonical, ())


def parse_synonyms(lines: list[str]) -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for ln in lines:
        canonical, _, rest = ln.partition("\t")
        aliases = tuple(fold(a.strip()) for a in rest.split("|") if a.strip())
        table[canonical.strip()] = table.get(canonical.strip(), ()) + aliases
    return table


@lru_cache(maxsize=4)
def load_vocab(data_dir: Path = DATA_DIR) -> Vocab:
    units = sorted({fold(u) for u in _lines(data_dir / "units.txt")}, key=len, reverse=True)
    return Vocab(
        userdict=data_dir / "userdict.txt",
        units=tuple(units),
        stopwords=frozenset(fold(w) for w in _lines(data_dir / "stopwords.txt")),
        synonyms=parse_synonyms(_lines(data_dir / "synonyms.tsv")),
    )
