"""The names in a question: places (the gazetteer, each report's place and its short name, and
names shaped like a place that no list knows) and metrics, found longest first."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from bot.answering.vocabulary import gazetteer
from index.text.normalise import fold
from index.text.places import ENDINGS, names_of
from index.text.tokens import Tokenizer, default_tokenizer
from index.text.vocabulary import Vocab


Names = tuple[tuple[str, tuple[str, ...]], ...]  # (canonical, aliases): hashable, so cached
PROPER = ("ns", "nr")  # jieba's tags of place and person names (it tags 武侯区 as a person's)


@lru_cache(maxsize=16)
def forms(names: Names) -> tuple[tuple[str, str], ...]:
    """Every (form, canonical) pair, longest form first."""
    return tuple(sorted(((f, c) for c, aliases in names for f in (fold(c), *aliases) if f),
                        key=lambda fc: len(fc[0]), reverse=True))


def take(text: str, names: Names) -> tuple[list[tuple[int, str]], str]:
    """Find names (canonical or alias), longest first; return (position, canonical) and the rest."""
    found = []
    for form, canonical in forms(names):
        if form not in text:
            continue
        pos = text.find(form)
        while form and pos >= 0:
            found.append((pos, canonical))
            text = text[:pos] + "\0" * len(form) + text[pos + len(form):]
            pos = text.find(form)
    return sorted(found), text


def places_table(doc_places: tuple[str, ...], vocab: Vocab) -> Names:
    return _places_of(doc_places, tuple(gazetteer().items()), vocab)


@lru_cache(maxsize=8)
def _places_of(doc_places: tuple[str, ...], known: Names, vocab: Vocab) -> Names:
    """Known places: the gazetteer, plus each report's place and the names it goes by (广西壮族自治区
    → 广西, 广州市南沙区 → 南沙区, 南沙; index.text.places.names_of), unless the gazetteer gives
    that name to another place or two reports' places share it (then it names neither)."""
    table = dict(known)
    taken = {f: c_ for c_, aliases in table.items() for f in (fold(c_), *aliases)}
    names = {p: names_of(p, vocab)[1:] for p in doc_places}
    shared = Counter(n for forms in names.values() for n in set(forms))
    for place, forms in names.items():
        mine = tuple(n for n in forms if taken.get(n, place) == place and shared[n] == 1)
        table[place] = tuple(dict.fromkeys(table.get(place, ()) + mine))
    return tuple(table.items())


@lru_cache(maxsize=4)
def metric_names(vocab: Vocab) -> Names:
    return tuple(vocab.synonyms.items())


@lru_cache(maxsize=4)
def _pos_tokenizer(tokenizer: Tokenizer):
    import jieba.posseg

    return jieba.posseg.POSTokenizer(tokenizer=tokenizer.jieba)


_BLOCK = re.compile(r"[\u4e00-\u9fd5a-zA-Z0-9+#&._]+")  # jieba.posseg's runs: no word spans two


def _could_name(text: str, suffixes: tuple[str, ...], known_spans: list[tuple[int, int]]) -> bool:
    """Whether tagging `text` could find a name: every name found below ends with an ending that
    has a word before it in the same run of text, and is dropped when a known name spans it. So
    when each ending either starts its run or sits, with the whole run before it, inside a known
    name ("高新区GDP", "昆山高新区的"), there is nothing to find, and jieba's tagger (a second to
    load) is not needed."""
    for run in _BLOCK.finditer(text):
        for suffix in suffixes:
            at = text.find(suffix, run.start() + 1, run.end())
            while at >= 0:
                end = at + len(suffix)
                if not any(s <= run.start() and end <= e for s, e in known_spans):
                    return True
                at = text.find(suffix, at + 1, run.end())
    return False


def unknown_places(text: str, known: Names, vocab: Vocab) -> tuple[list[tuple[int, str]], str]:
    """Place names the gazetteer does not know: a name followed by a generic place word
    ("溧阳" + "高新区"), masked so that word is not read as our own 高新区, or a proper name that
    ends in one ("余杭区", "双流县"). A bare name with no such word is only a place when the
    gazetteer lists it (jieba also tags 上市 as a place)."""
    suffixes = vocab.suffixes(*ENDINGS)
    known_spans = [(m.start(), m.end()) for f, _ in forms(known) if f in text
                   for m in re.finditer(re.escape(f), text)]
    if not _could_name(text, suffixes, known_spans):  # most questions: no tagging needed
        return [], text
    found, pos = [], 0
    words = [(w.word, w.flag) for w in _pos_tokenizer(default_tokenizer()).cut(text)]
    for i, (word, flag) in enumerate(words):
        start, pos = pos, pos + len(word)
        following = words[i + 1][0] if i + 1 < len(words) else ""
        end = start + len(word + following)
        # a proper name with its own ending ("余杭区", "双流县", "武侯区"), or a name before an ending
        own = flag in PROPER and any(word.endswith(s) and len(word) - len(s) >= 2 for s in suffixes)
        end = start + len(word) if own else end
        if not (own or (flag.startswith("n") and following in suffixes)) or "\0" in word \
                or any(s <= start and end <= e for s, e in known_spans):  # inside a known name
            continue
        found.append((start, word if own else word + following))
    for start, name in found:
        text = text[:start] + "\0" * len(name) + text[start + len(name):]
    return found, text


def mentions(normalised: str, hits: list[tuple[int, str]],
              table: dict[str, tuple[str, ...]]) -> list[tuple[str, tuple[str, ...]]]:
    """Each place named, with the phrases it forms with the two characters on either side."""
    out = []
    for pos, place in hits:
        forms = sorted((fold(place), *table.get(place, ())), key=len, reverse=True)
        surface = next((f for f in forms if normalised.startswith(f, pos)), fold(place))
        before, after = normalised[max(0, pos - 2):pos], normalised[pos + len(surface):pos + len(surface) + 2]
        phrases = tuple(p for p, ctx in ((before + surface, before), (surface + after, after)) if len(ctx) == 2)
        # A name no gazetteer lists ("国家高新区") is a place only if the reports never use it.
        out.append((place, phrases if place in table else (surface, *phrases)))
    return out
