"""Domain vocabulary from the data files in `index/data/`, which staff extend.

- `userdict.txt`: jieba user dictionary (metric names that must stay whole);
- `units.txt`: units glued to the number before them;
- `stopwords.txt`: words dropped from lexical matching;
- `synonyms.tsv`: canonical term, then the aliases people use for it;
- `relative_years.tsv`: 去年, 明年, … and how many years they are from "now";
- `place_suffixes.tsv`: the generic endings of place names, by kind;
- `magnitudes.tsv`: 万亿, 亿, 万… and the value each scales its unit by;
- `cities.txt`: cities a zone may be named after (长春净月高新区 is also 净月高新区).
- `city_short_forms.tsv`: the short forms citizens call a city by (乌鲁木齐 → 乌市);
- `signs.tsv`: the look-alikes of a sign (℅ for %), read by `index.text.normalise`.

`load_vocab()` returns the same `Vocab` while the files are unchanged and a new one as soon as
one of them is edited, so caches keyed on a `Vocab` follow the files.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from index import datafiles
from index.datafiles import INDEX_DATA
from index.text.normalise import fold

FILES = ("userdict.txt", "units.txt", "stopwords.txt", "synonyms.tsv", "relative_years.tsv",
         "place_suffixes.tsv", "magnitudes.tsv", "cities.txt", "city_short_forms.tsv", "signs.tsv")


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one object per file state
class Vocab:
    userdict: Path
    units: tuple[str, ...]  # folded, longest first
    stopwords: frozenset[str]
    synonyms: dict[str, tuple[str, ...]] = field(repr=False)  # canonical → aliases (folded)
    relative_years: tuple[tuple[str, int], ...] = ()  # (word, offset from the reference year)
    place_suffixes: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    magnitudes: tuple[tuple[str, float, str], ...] = ()  # (word, value, English), longest first
    cities: tuple[str, ...] = ()  # folded, longest first
    city_short_forms: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)  # city → 乌市

    def in_base_units(self, number: float, unit: str) -> tuple[float, str]:
        """4.64, "万亿元" → 4.64e12, "元": a figure with its magnitude taken out of its unit."""
        for word, value, _ in self.magnitudes:
            if unit.startswith(word):
                return number * value, unit[len(word):]
        return number, unit

    def canonical_terms(self, text: str) -> list[str]:
        """Canonical terms named in `text` by themselves or by an alias, longest first."""
        folded = fold(text)
        found = [c for c, forms in self._forms if any(f in folded for f in forms)]
        return sorted(found, key=len, reverse=True)

    @cached_property  # folded once per vocabulary: every question's search is expanded with it
    def _forms(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return tuple((c, (fold(c), *aliases)) for c, aliases in self.synonyms.items())

    def aliases(self, canonical: str) -> tuple[str, ...]:
        return self.synonyms.get(canonical, ())

    def user_words(self) -> tuple[str, ...]:
        """The words of the jieba user dictionary (first column), folded."""
        return tuple(fold(ln.split()[0]) for ln in datafiles.lines(self.userdict))

    def suffixes(self, *kinds: str) -> tuple[str, ...]:
        """Place-name endings of the given kinds (all kinds if none), longest first."""
        chosen = kinds or tuple(self.place_suffixes)
        return longest_first(s for k in chosen for s in self.place_suffixes.get(k, ()))


def longest_first(words) -> tuple[str, ...]:
    """The distinct words, longest first, and words of one length in a fixed order: a set's order
    follows the hash seed, and a name read by the first ending that fits must read the same on
    every run."""
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


_loaded: dict[Path, tuple[tuple, Vocab]] = {}


@lru_cache(maxsize=8)
def _paths(data_dir: Path) -> tuple[Path, ...]:
    return tuple(data_dir / name for name in FILES)


def load_vocab(data_dir: Path = INDEX_DATA) -> Vocab:
    """The vocabulary in `data_dir`, read again whenever one of its files changed."""
    sig = tuple(datafiles.signature(path) for path in _paths(data_dir))
    hit = _loaded.get(data_dir)
    if hit is not None and hit[0] == sig:
        return hit[1]
    vocab = Vocab(
        userdict=data_dir / "userdict.txt",
        units=longest_first(fold(u) for u in datafiles.lines(data_dir / "units.txt")),
        stopwords=frozenset(fold(w) for w in datafiles.lines(data_dir / "stopwords.txt")),
        synonyms=datafiles.table(data_dir / "synonyms.tsv"),
        relative_years=tuple((fold(w), int(d)) for w, d in
                             datafiles.rows(data_dir / "relative_years.tsv", 2)),
        place_suffixes=datafiles.table(data_dir / "place_suffixes.tsv"),
        magnitudes=tuple(sorted(((fold(w), float(v), en) for w, v, en in
                                 datafiles.rows(data_dir / "magnitudes.tsv", 3)), key=lambda m: -len(m[0]))),
        cities=longest_first(fold(c) for c in datafiles.lines(data_dir / "cities.txt")),
        city_short_forms={fold(c): forms for c, forms in datafiles.table(data_dir / "city_short_forms.tsv").items()},
    )
    _loaded[data_dir] = (sig, vocab)
    return vocab
