"""The words of a report sentence quoted for a figure: its clause, or its own item of a list of metrics' figures,
widened back to the clause naming the metric asked (in the sentence before, for a rank going on comparing its
figure); of a from-to change, the level reached or started from."""
from __future__ import annotations

from bot.answering.comparison import later_gap
from bot.answering.evidence import Evidence, coverage
from bot.answering.facts import Fact, segments, values_in
from bot.answering.reading.cues import asks_from_to
from bot.answering.reading.question import Question
from bot.answering.sentences.continued import continued
from bot.answering.vocabulary import unit_group
from bot.answering.wording import between
from index.text.normalise import fold


def window(ev: Evidence, fact: Fact, q: Question) -> str:
    """The fact's clause (or its own item of a list of metrics' figures), widened back to the clause that names the metric if it does not; of a
    from-to change, the level reached alone (with its change when a change is asked) unless the
    period or both its ends are asked, and the level it started from alone."""
    if fact.opening and fact.started:
        return fact.started
    if fact.reached and q.span is None and not asks_from_to(q.normalised):  # "从第几升到第几": both ends
        return fact.reached + (f"，{fact.change}" if q.asks_change and fact.change else "")
    if not q.metrics or q.terms[0].found_in(fold(fact.window)):
        return _own_item(fact, q)
    segs = segments(ev.sentence)
    for i in range(fact.segment - 1, -1, -1):
        if q.terms[0].found_in(fold(segs[i])):
            return later_gap(segs[i], fact.window) or "，".join([segs[i], *between(segs[i + 1:fact.segment], fact),
                                                                   fact.window])
    carried = continued(ev.hit, ev.sentence).lstrip("\0")  # a rank going on from the figure of the sentence before
    return f"{carried}。{'，'.join([*segs[:fact.segment], fact.window])}" if q.terms[0].found_in(carried) else fact.window


def _own_item(fact: Fact, q: Question) -> str:
    """The fact's own item of a clause listing several metrics' figures where it says all the clause
    says of the question and the other items say less ("工业产值3.83亿元", not "销售收入3.67亿元")
    or name the metric only by a name the question does not say ("到账外资多少" is not asking for
    "外商投资5亿美元"), if their figures could be taken for the answer (of its unit
    group); else its window. An item after the first is said after the words the list opens with
    that the question says too ("位居全国百强县…科技创新第6": "位居全国百强县科技创新第6")."""
    clause, _, rest = fact.window.partition("，")
    if not fact.item or fact.item not in clause:
        return fact.window
    own, others = fact.item, clause.replace(fact.item, "", 1)
    lead = "" if clause.startswith(own) else _lead(clause, own, q)
    said = coverage(q, lead + own, require_metric=False)[0]
    less = coverage(q, others, require_metric=False)[0] < said or says_asked_name(q, own) > says_asked_name(q, others)
    if said != coverage(q, clause, require_metric=False)[0] or not less \
            or not any(unit_group(v[4]) == unit_group(fact.unit) for v in values_in(others)):
        return fact.window
    return lead + fact.item + (f"，{rest}" if rest else "")


def _lead(clause: str, own: str, q: Question) -> str:
    """The words a list's clause opens with before its first figure, up to the last word of the
    question among them that its own item does not say ("位居全国百强县投资潜力第3、…" for "科技创新在
    全国百强县里排第几": "位居全国百强县"); "" when there is none."""
    found = values_in(clause)
    opening = clause[: found[0][0]] if found else ""
    folded, mine = fold(opening), fold(own)
    if len(folded) != len(opening):
        return ""
    ends = [at + len(f) for t in q.terms for f in t.forms if len(f) > 1 and f not in mine and (at := folded.rfind(f)) >= 0]
    return opening[: max(ends)] if ends else ""


def says_asked_name(q: Question, text: str) -> bool:
    """Whether `text` names the metric by a name the question itself says."""
    folded = fold(text)
    return bool(q.metrics) and any(f in folded and f in q.normalised for f in q.terms[0].forms)
