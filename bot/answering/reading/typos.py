"""A metric or place name typed with a slip ("一般公共预箅收入", "美蓝区"): what was typed, and the
known names nearest to it, so a refusal can say plainly that the name was not recognised instead of
quoting the words around the slip ("一般公共预") or answering for another place.

Nearest by edit distance of a name (canonical or alias, index/data/synonyms.tsv) against any run
of the question: the run is what was typed. A place's name, one character off before the same
ending; a short name without one only where it opens the question. General rules, no list of slips.

A name typed by sound ("城镇居民人均可之配收入": citizens type with pinyin input methods, so their slips are most
often homophones) that reads exactly like one known name is that name: the question is answered for it.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from pypinyin import Style, lazy_pinyin, pinyin

from index.text.normalise import fold
from index.text.places import ENDINGS
from index.text.vocabulary import Vocab

SHORTEST = 4  # characters of a name: a shorter one is too easily one slip from an ordinary word
PER_SLIP = 4  # characters of a name per slip allowed (1 for 4–7, 2 for 8–11…)
SUGGESTED = 3  # known names offered
SHORTEST_PLACE = 3  # characters of a place's name one slip from which is a slip: 美兰区, not 美兰…
SHORT_NAME = 2  # … save at the question's start, before what it asks ("美蓝16年GDP"): a short name typed


def near_metric(text: str, vocab: Vocab, speech: tuple[str, ...] = ()) -> tuple[str, tuple[str, ...]] | None:
    """(the run of `text` (folded) nearest to a metric name, the canonical names that near,
    nearest first) when a name is within its slips of a run but not in `text` as written, and the
    run is no other metric's name with at most as many characters around it (地区生产总值 and
    "兰区地区生产总值" are no slips of 人均地区生产总值: the metric is recognised); the run typed
    without the `speech` that ends it ("预箅收入那个": 那个 is no part of the name)."""
    found: dict[str, tuple[int, str]] = {}  # canonical → (slips, run typed)
    chars = set(text)
    for form, canonical in _forms(vocab):
        allowed = len(form) // PER_SLIP
        if len(set(form) - chars) > allowed:  # most names: too many characters not in the question
            continue
        slips, run = _nearest_run(form, text)
        if 0 < slips <= allowed and slips < found.get(canonical, (allowed + 1, ""))[0] \
                and not _holds_name(run, allowed, vocab):
            found[canonical] = (slips, run)
    if not found:
        return None
    ranked = sorted(found, key=lambda c: (found[c][0], -len(found[c][1])))
    typed = found[ranked[0]][1]
    said = next((w for w in sorted(speech, key=len, reverse=True) if typed.endswith(w) and len(typed) > len(w)), "")
    return typed[: len(typed) - len(said)], tuple(ranked[:SUGGESTED])


@lru_cache(maxsize=4)
def _forms(vocab: Vocab) -> tuple[tuple[str, str], ...]:
    return tuple((f, c) for c, aliases in vocab.synonyms.items()
                 for f in dict.fromkeys((fold(c), *aliases)) if len(f) >= SHORTEST)


def _holds_name(run: str, around: int, vocab: Vocab) -> bool:
    """Whether `run` is a metric's name with at most `around` characters beside it."""
    return any(n in run and len(run) - len(n) <= around for n in _named(vocab))


@lru_cache(maxsize=4)
def _named(vocab: Vocab) -> frozenset[str]:
    return frozenset(f for c, aliases in vocab.synonyms.items() for f in (fold(c), *aliases) if f)


def _nearest_run(name: str, text: str) -> tuple[int, str]:
    """The fewest edits turning some run of `text` into `name`, and that run (approximate
    substring matching: the run may start and end anywhere)."""
    # row[j]: (edits, start) for name[:i] against a run of text ending at j
    row = [(0, j) for j in range(len(text) + 1)]
    for i, ch in enumerate(name, 1):
        new = [(i, 0)]
        for j, t in enumerate(text, 1):
            new.append(min((row[j - 1][0] + (ch != t), row[j - 1][1]),
                           (row[j][0] + 1, row[j][1]),
                           (new[j - 1][0] + 1, new[j - 1][1])))
        row = new
    edits, end = min((e, -j) for j, (e, _) in enumerate(row))
    end = -end
    return edits, text[row[end][1]:end].strip()


def near_place(typed: str, places: tuple[tuple[str, tuple[str, ...]], ...], vocab: Vocab) -> tuple[str, ...]:
    """The names of `places` (canonical, aliases) that a place name no list knows, `typed`, is one
    slip from: it ends in the name with one character of the name's own part changed and the same
    ending (美蓝区 ~ 美兰区, not 美兰县; 威海市 ~ 威侮市), after nothing or words of the place's full
    name (海口美蓝区 ~ 海南省海口市美兰区). Each as typed, corrected ("海口美兰区")."""
    suffixes = vocab.suffixes(*ENDINGS)
    out = []
    for place, aliases in places:
        for form in dict.fromkeys((fold(place), *aliases)):
            ending = next((e for e in suffixes if form.endswith(e)), "")
            own = len(form) - len(ending)
            if not ending or len(form) < SHORTEST_PLACE or len(typed) < len(form):
                continue
            head, tail = typed[:len(typed) - len(form)], typed[len(typed) - len(form):]
            slips = [i for i, (a, b) in enumerate(zip(tail, form)) if a != b]
            if len(slips) == 1 and slips[0] < own and head in fold(place):
                out.append(head + form)
    return tuple(dict.fromkeys(out))[:SUGGESTED]


def slipped_opening(text: str, covered: tuple[tuple[str, tuple[str, ...]], ...], known: Callable[[str], bool],
                    asks: Callable[[str], bool]) -> tuple[str, tuple[str, ...]]:
    """"美蓝16年GDP": a question whose first SHORT_NAME characters are one slip from a covered place's short
    name (its name without ending, as in `covered`: canonical, aliases), and are no name or word `known`
    ("全市", "美国"), when what follows them is what the question asks (`asks`: its year or metric); (the slip,
    those places typed for), or ("", ()). Only at the question's start: inside a question two characters one
    off a short name are too often parts of words."""
    typed, after = text[:SHORT_NAME], text[SHORT_NAME:]
    if len(typed) < SHORT_NAME or known(typed) or not asks(after):
        return "", ()
    near = []
    for place, aliases in covered:
        forms = sorted(dict.fromkeys((fold(place), *aliases)), key=len)
        for short in (f for f in forms if len(f) == SHORT_NAME and sum(a != b for a, b in zip(typed, f)) == 1):
            # offered by its name with its ending ("美兰区"), as one is typed
            near.append(next((f for f in forms if f.startswith(short) and f != short), place))
    return (typed, tuple(dict.fromkeys(near))[:SUGGESTED]) if near else ("", ())


Names = tuple[tuple[str, tuple[str, ...]], ...]  # (canonical, its forms)


def heard_as(text: str, places: Names, vocab: Vocab, word: Callable[[str], bool]) -> tuple[str, tuple[str, ...]]:
    """`text` with each run that is no name or `word` but reads exactly like the names of ONE place (of `places`,
    as long as SHORTEST_PLACE) or metric (SHORTEST): the same toneless pinyin, as many characters ("美蓝区",
    "城镇居民人均可之配收入"), written as that name; and the names so written, in order. A run that reads like
    several names is left to the offer of near_metric/near_place. A slip in a name's last character only where
    that character begins no `word` ("地区生产总直多少" is 地区生产总值; 美兰去年 is 美兰 before 去年, not 美兰区)."""
    forms, known = _sounded(places, vocab)
    chars = [fold(ch) for ch in text]
    heard: dict[tuple[int, int], set[tuple[str, str]]] = {}  # run (start, end) → (canonical, form) read in it
    for end, last in enumerate(chars, 1):
        for canonical, form, sounds in {*forms.get(_reading(last), ()), *forms.get(last, ())}:
            start = end - len(form)
            if start >= 0 and all(c == f or _sounds_as(c, s) for c, f, s in zip(chars[start:end], form, sounds)) \
                    and (last == form[-1] or not any(word("".join(chars[end - 1:end + n])) for n in (1, 2, 3))):
                heard.setdefault((start, end), set()).add((canonical, form))
    taken: set[int] = set()
    written = {}
    for (start, end), read in sorted(heard.items(), key=lambda r: r[0][0] - r[0][1]):  # longest runs first
        run = "".join(chars[start:end])
        one = len({c for c, _ in read}) == 1
        if one and run not in known and not word(run) and taken.isdisjoint(range(start, end)):
            written[start] = (end, min(f for _, f in read))
            taken.update(range(start, end))
    out, at = [], 0
    for start in sorted(written):
        end, form = written[start]
        out += [text[at:start], form]
        at = end
    return "".join(out) + text[at:], tuple(dict.fromkeys(written[start][1] for start in sorted(written)))


@lru_cache(maxsize=4)
def _sounded(places: Names, vocab: Vocab) -> tuple[dict[str, list[tuple[str, str, tuple[str, ...]]]], frozenset[str]]:
    """The names a run may be heard as, by the sound of their last character and by that character:
    (canonical, form, its syllables); and every known name, which a run written as one is."""
    named = [(c, f, len(f) >= SHORTEST_PLACE) for c, aliases in places for f in dict.fromkeys((fold(c), *aliases))]
    named += [(c, f, len(f) >= SHORTEST) for c, aliases in vocab.synonyms.items()
              for f in dict.fromkeys((fold(c), *aliases))]
    by_sound: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}
    for c, f, heard in named:
        if heard:
            sounds = _syllables(f)
            for key in {sounds[-1], f[-1]}:  # a name ending as written, read there as it seldom is (增长: zhang)
                by_sound.setdefault(key, []).append((c, f, sounds))
    return by_sound, frozenset(f for _, f, _ in named)


def _syllables(name: str) -> tuple[str, ...]:
    """A name's syllables, read as a phrase (长 of 增长 is zhang), one a character; a character not Chinese
    stands for itself."""
    sounds = lazy_pinyin(name, style=Style.NORMAL, errors=list)
    return tuple(sounds) if len(sounds) == len(name) else tuple(name)


def _sounds_as(typed: str, syllable: str) -> bool:
    """Whether a Chinese character typed reads as `syllable` (toneless)."""
    return "\u4e00" <= typed <= "\u9fff" and syllable == _reading(typed)


@lru_cache(maxsize=4096)
def _reading(char: str) -> str:
    """A character's common reading, toneless: 横 is heng, never its rare guang (横州市 is no 广州市); a
    character not Chinese is its own."""
    return pinyin(char, style=Style.NORMAL)[0][0] if "\u4e00" <= char <= "\u9fff" else char
