"""Chinese text → search tokens: jieba words, with numbers and their units kept whole.

jieba alone splits "12.6亿元" into "12.6" + "亿元"; here a number is one token with its
unit ("12.6亿元") plus its bare form ("12.6"), so both "762亿元" and "762" match.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sqlite3
import tempfile
import threading
from functools import lru_cache
from pathlib import Path

import jieba
import jieba.finalseg

from index.text.normalise import fold
from index.text.vocabulary import Vocab, load_vocab

# jieba logs every dictionary it loads at DEBUG on a handler of its own; a question's tokenizer
# (below) is such a load, so any process using this module would print four lines a question
if logging.getLogger("jieba").level < logging.WARNING:
    jieba.setLogLevel(logging.WARNING)

# Thousands separators only in groups of three ("1,000"): "上升4，2019年" is two numbers.
NUMBER = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?:\s*[-~]\s*\d+(?:\.\d+)?)?"
_WORD = re.compile(r"[\w%‰]+", re.UNICODE)


# A question's worth of text: cut with the words it holds, read from the stored dictionary. Longer
# texts are report passages, cut in bulk when building, where loading the whole dictionary pays.
SHORT = 256
_PLACEHOLDER = "\ue000"  # private use, outside the runs jieba looks words up in: never cut as a word


class Tokenizer:
    """Deterministic tokenizer; one instance per vocabulary (jieba dictionaries are slow to load)."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        units = "|".join(re.escape(u) for u in vocab.units)
        self._number = re.compile(rf"({NUMBER})(?:余|多)?({units})?")
        self._lock = threading.Lock()
        self._full: jieba.Tokenizer | None = None
        self._stored: _StoredDictionary | None = None

    @property
    def jieba(self) -> jieba.Tokenizer:
        """jieba with its whole dictionary and our user words (a second to load)."""
        with self._lock:
            if self._full is None:
                full = jieba.Tokenizer()
                force_split = set(jieba.finalseg.Force_Split_Words)
                full.load_userdict(str(self.vocab.userdict))
                _StoredDictionary.save(full, jieba.finalseg.Force_Split_Words - force_split, self.vocab)
                self._full = full
            return self._full

    def for_many(self) -> "Tokenizer":
        """This tokenizer with the whole dictionary loaded, for cutting many texts (a build)."""
        self.jieba  # noqa: B018 (loads it)
        return self

    def jieba_for(self, text: str) -> jieba.Tokenizer:
        """A jieba tokenizer that cuts `text` (or any part of it) exactly as `self.jieba` does:
        for a short text before the whole dictionary is loaded, one holding only the dictionary
        entries of text's substrings, as jieba looks up no other word when cutting it."""
        if self._full is None and len(text) <= SHORT:
            with self._lock:
                self._stored = self._stored or _StoredDictionary.open(self.vocab)
            if self._stored is not None:
                return self._stored.tokenizer_for(text)
        return self.jieba

    def words(self, text: str) -> list[str]:
        """All tokens of `text` in order, stopwords and punctuation removed."""
        text = fold(text)
        cut = self.jieba_for(text)
        out: list[str] = []
        pos = 0
        for m in self._number.finditer(text):
            out += self._cut(cut, text[pos:m.start()])
            number, unit = m.group(1).replace(",", ""), m.group(2)
            out.append(number)
            if unit:
                out.append(number + unit)
            pos = m.end()
        out += self._cut(cut, text[pos:])
        return out

    def _cut(self, cut: jieba.Tokenizer, text: str) -> list[str]:
        if not text.strip():
            return []
        # Search mode adds the sub-words of long metric names, so "专利" still meets
        # "万人发明专利拥有量".
        return [w for w in cut.cut_for_search(text)
                if _WORD.fullmatch(w) and w not in self.vocab.stopwords]


class _StoredDictionary:
    """jieba's dictionary with our user words (its frequencies, and the prefixes jieba keeps with
    frequency 0) in SQLite, next to jieba's own cache: a short text's words are read in a
    millisecond, where loading the whole dictionary takes a second on every cold start. Written
    whenever the whole dictionary is loaded (every build does), under a name that changes with
    jieba's version and the user words."""

    def __init__(self, db: sqlite3.Connection, seed: Path):
        self._db, self._lock, self._seed = db, threading.Lock(), seed
        meta = dict(db.execute("SELECT key, value FROM meta"))
        self.total, self.longest = int(meta["total"]), int(meta["longest"])
        for word in json.loads(meta["force_split"]):  # user words given frequency 0: never one word
            jieba.finalseg.add_force_split(word)

    @staticmethod
    def path(vocab: Vocab) -> Path:
        key = hashlib.sha256(jieba.__version__.encode() + b"\0" + vocab.userdict.read_bytes()).hexdigest()[:16]
        return Path(jieba.dt.tmp_dir or tempfile.gettempdir()).resolve() / f"zoneqa-jieba-{key}.sqlite"

    @classmethod
    def open(cls, vocab: Vocab) -> "_StoredDictionary | None":
        path = cls.path(vocab)
        seed = path.with_suffix(".seed.txt")
        try:
            if not seed.exists():
                seed.write_text(f"{_PLACEHOLDER} 1\n", encoding="utf-8")
            return cls(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False), seed)
        except (OSError, sqlite3.Error, KeyError, ValueError):  # not written yet, or unreadable
            return None

    @classmethod
    def save(cls, full: jieba.Tokenizer, force_split: set[str], vocab: Vocab) -> None:
        path = cls.path(vocab)
        if path.exists():
            return
        tmp = None
        try:
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            os.close(fd)
            with sqlite3.connect(tmp) as db:
                db.execute("CREATE TABLE words (word TEXT PRIMARY KEY, freq INTEGER) WITHOUT ROWID")
                db.executemany("INSERT INTO words VALUES (?, ?)", full.FREQ.items())
                db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
                db.executemany("INSERT INTO meta VALUES (?, ?)", [
                    ("total", str(full.total)), ("longest", str(max(map(len, full.FREQ), default=1))),
                    ("force_split", json.dumps(sorted(force_split), ensure_ascii=False))])
            db.close()
            os.replace(tmp, path)
        except (OSError, sqlite3.Error):  # e.g. a full or read-only disk: cold starts load it all
            if tmp:
                Path(tmp).unlink(missing_ok=True)

    def tokenizer_for(self, text: str) -> jieba.Tokenizer:
        # jieba looks words up only within its runs of Chinese characters, letters and digits
        pieces = {run[i:j] for run in jieba.re_han_default.findall(text)
                  for i in range(len(run)) for j in range(i + 1, min(len(run), i + self.longest) + 1)}
        with self._lock:
            found = self._db.execute("SELECT word, freq FROM words WHERE word IN (SELECT value FROM json_each(?))",
                                     (json.dumps(list(pieces), ensure_ascii=False),)).fetchall()
        # Through jieba's public API: a dictionary of one word no text holds, then the words found
        # (each adds its own prefixes), then that word again with the rest of the whole dictionary's
        # count, so every word's probability, freq / total, is the whole dictionary's.
        cut = jieba.Tokenizer(dictionary=str(self._seed))
        for word, freq in found:
            if freq:  # the 0s are prefixes, which add_word adds; a 0 given to it would force a split
                cut.add_word(word, freq)
        cut.add_word(_PLACEHOLDER, self.total - cut.total)
        return cut


@lru_cache(maxsize=4)
def tokenizer_for(vocab: Vocab) -> Tokenizer:
    """One tokenizer per vocabulary state (a new one once a data file was edited)."""
    return Tokenizer(vocab)


def default_tokenizer() -> Tokenizer:
    return tokenizer_for(load_vocab())
