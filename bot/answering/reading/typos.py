"""A metric name typed with a slip ("一般公共预箅收入"): what was typed, and the known names nearest
to it, so a refusal can say plainly that the metric was not recognised instead of quoting the
words around the slip ("一般公共预").

Nearest by edit distance of a name (canonical or alias, index/data/synonyms.tsv) against any run
of the question: the run is what was typed. A general rule, no list of slips.
"""
from __future__ import annotations

from functools import lru_cache

from index.text.normalise import fold
from index.text.vocabulary import Vocab

SHORTEST = 4  # characters of a name: a shorter one is too easily one slip from an ordinary word
PER_SLIP = 4  # characters of a name per slip allowed (1 for 4–7, 2 for 8–11…)
SUGGESTED = 3  # known names offered


def near_metric(text: str, vocab: Vocab) -> tuple[str, tuple[str, ...]] | None:
    """(the run of `text` (folded) nearest to a metric name, the canonical names that near,
    nearest first) when a name is within its slips of a run but not in `text` as written."""
    found: dict[str, tuple[int, str]] = {}  # canonical → (slips, run typed)
    chars = set(text)
    for form, canonical in _forms(vocab):
        allowed = len(form) // PER_SLIP
        if len(set(form) - chars) > allowed:  # most names: too many characters not in the question
            continue
        slips, run = _nearest_run(form, text)
        if 0 < slips <= allowed and slips < found.get(canonical, (allowed + 1, ""))[0]:
            found[canonical] = (slips, run)
    if not found:
        return None
    ranked = sorted(found, key=lambda c: (found[c][0], -len(found[c][1])))
    return found[ranked[0]][1], tuple(ranked[:SUGGESTED])


@lru_cache(maxsize=4)
def _forms(vocab: Vocab) -> tuple[tuple[str, str], ...]:
    return tuple((f, c) for c, aliases in vocab.synonyms.items()
                 for f in dict.fromkeys((fold(c), *aliases)) if len(f) >= SHORTEST)


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
