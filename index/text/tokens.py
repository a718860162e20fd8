"""Chinese text → search tokens: jieba words, with numbers and their units kept whole.

jieba alone splits "12.6亿元" into "12.6" + "亿元"; here a number is one token with its
unit ("12.6亿元") plus its bare form ("12.6"), so both "762亿元" and "762" match.
"""
from __future__ import annotations

import re
from functools import lru_cache

import jieba

from index.text.normalise import fold
from index.text.vocabulary import Vocab, load_vocab

# Thousands separators only in groups of three ("1,000"): "上升4，2019年" is two numbers.
NUMBER = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?:\s*[-~]\s*\d+(?:\.\d+)?)?"
_WORD = re.compile(r"[\w%‰]+", re.UNICODE)


class Tokenizer:
    """Deterministic tokenizer; one instance per vocabulary (jieba dictionaries are slow to load)."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self.jieba = jieba.Tokenizer()
        self.jieba.load_userdict(str(vocab.userdict))
        units = "|".join(re.escape(u) for u in vocab.units)
        self._number = re.compile(rf"({NUMBER})(?:余|多)?({units})?")

    def words(self, text: str) -> list[str]:
        """All tokens of `text` in order, stopwords and punctuation removed."""
        text = fold(text)
        out: list[str] = []
        pos = 0
        for m in self._number.finditer(text):
            out += self._cut(text[pos:m.start()])
            number, unit = m.group(1).replace(",", ""), m.group(2)
            out.append(number)
            if unit:
                out.append(number + unit)
            pos = m.end()
        out += self._cut(text[pos:])
        return out

    def _cut(self, text: str) -> list[str]:
        if not text.strip():
            return []
        # Search mode adds the sub-words of long metric names, so "专利" still meets
        # "万人发明专利拥有量".
        return [w for w in self.jieba.cut_for_search(text)
                if _WORD.fullmatch(w) and w not in self.vocab.stopwords]


@lru_cache(maxsize=4)
def tokenizer_for(vocab: Vocab) -> Tokenizer:
    """One tokenizer per vocabulary state (a new one once a data file was edited)."""
    return Tokenizer(vocab)


def default_tokenizer() -> Tokenizer:
    return tokenizer_for(load_vocab())
