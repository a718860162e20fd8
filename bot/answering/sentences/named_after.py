"""Figures said before their names ("创造了全市21.7%的地区生产总值、20.5%的财政收入…和近90%的工业企业利润"):
the name after a figure's 的 is what it measures, and a rate so said is a share of that name's total, not its
level or growth. `bot.answering.facts` reads lists of them; the scoring asks `share_named_after`."""
from __future__ import annotations

import re
from dataclasses import replace

from bot.answering.vocabulary import alternation, figure_words
from index.text.normalise import fold
from index.text.vocabulary import load_vocab

RATE = "%"  # as bot.answering.facts, which reads with this module
_NAME = re.compile(r"的([\u4e00-\u9fff][^，,；;。、]*)")


def _name_after(text: str, end: int) -> str | None:
    """The name a figure ending at `end` is said of ("的财政收入" → 财政收入); None when its 的 introduces
    a word of its own kind (figure_words.tsv `own_after`: "8.5%的增长", "100亿元的目标"; not a metric's
    longer name opening with one: "的规模以上工业主营业务收入") or nothing."""
    m = _NAME.match(text, end)
    if m is None:
        return None
    name, vocab = fold(m[1]), load_vocab()
    own = max((len(w) for w in figure_words().get("own_after", ()) if name.startswith(w)), default=0)
    longer = any(name.startswith(f) and len(f) > own for c in vocab.canonical_terms(name)
                 for f in (fold(c), *vocab.aliases(c)))
    return None if own and not longer else m[1]


def named_after(seg: str, facts: list, value_re: re.Pattern) -> list:
    """The clause's facts, each item of a list whose items after the first open on their figure (or on a
    word of reach: "近90%") and whose every figure is followed by 的 and its name made its own item, the
    name its subject. Items part at 、 and at a joining word before a figure ("…进出口总额和近90%的…").
    `facts` unchanged when the clause is no such list or its facts are not one per item."""
    words = figure_words()
    joins = alternation(tuple(w for w in words.get("joined_by", ()) if w != "、"))
    leads = alternation(words.get("reach", ()))
    parts = re.split(rf"、|(?:{joins})(?=(?:{leads})?\d)", seg) if joins else seg.split("、")
    items = []
    for n, part in enumerate(parts):
        found = list(value_re.finditer(part))
        name = _name_after(part, found[0].end()) if len(found) == 1 else None
        opening = part[:found[0].start()] if found else ""
        if name is None or not part.endswith(name) or n and opening and opening not in words.get("reach", ()):
            return facts
        items.append((part, found[0].group(0).strip(), name))
    mine = [i for i, f in enumerate(facts) if not f.opening]
    if len(items) < 2 or len(mine) != len(items) or any(facts[i].value not in v for i, (_, v, _) in zip(mine, items)):
        return facts
    out = list(facts)
    for i, (part, _, name) in zip(mine, items):
        out[i] = replace(facts[i], subject=name, item=part)
    return out


def share_named_after(fact) -> bool:
    """"创造了全市20.5%的财政收入", "贡献了全国38.7%的贸易增量": a rate followed by 的 and a name is a share
    of that name's total (not of its own kind: "实现8.5%的增长")."""
    if fact.unit != RATE:
        return False
    text = fact.item or fact.window
    at = text.find(fact.value)
    return at >= 0 and _name_after(text, at + len(fact.value)) is not None
