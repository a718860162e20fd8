"""What a mention or "which places" question looks for: the topic by subtraction.

"报告里说没说独角兽", "独角兽的事提了没", "有没有讲到公厕这方面", "独角兽被哪些地方写进了报告",
"说到独角兽的地方有哪些": the topic is what is left once the question's scaffolding is taken
away — the places it names, the mention verbs and endings, the "which places" words and the
other scaffolding words (`mention`, `which_mention`, `mention_end`, `which_places(_of_level)`,
`mention_scaffold` and `mention_particle` of bot/data/question_cues.tsv). A new phrasing costs a word of data.

A sentence names the topic when it holds it whole, or all the parts the asker wrote apart
("独角兽企业和瞪羚企业": `mention_joiner`): a term such as 冰雪经济 is never split into words that
any sentence may hold apart. A topic offered either way ("钼矿或者钼业": `mention_either`) is named
by a sentence naming either. A topic ending in a verb (`object_verb`: "棚户区改造") is named with the verb first too
("改造棚户区").
"""
from __future__ import annotations

import re

from bot.answering.reading import names
from bot.answering.vocabulary import alternation, cues
from index.text.vocabulary import Vocab

def mentioned(text: str, places: names.Names, c: dict[str, tuple[str, ...]], vocab: Vocab,
              typed: str = "") -> str | None:
    """The words a mention question looks for, or None when `text` asks no such question: it
    names no mention verb, or what is left asks for something else ("提到了哪些措施"). A known
    place at either end of a piece left is the place asked about ("江苏的报告里…", "…浙江说了没有"),
    and a piece that is only places is dropped, unless nothing else is left ("提到雄安了吗"); a
    name no list knows, inside a piece, is part of the topic (粤港澳大湾区). `text` is folded;
    the topic is given in the letters of `typed`, the question as typed ("6G", not "6g")."""
    which = c.get("which_places", ()) + c.get("which_places_of_level", ())
    verbs = c.get("mention", ()) + (c.get("which_mention", ()) if _has(text, which) else ())
    if not _has(text, verbs):
        return None
    if re.search(f"(?:{alternation(verbs)})(?:{alternation(c.get('quantity', ()))})", text):
        return None  # "能力提到多少了": 提到 raises a figure to the amount asked, not a mention
    _, known = names.take(text, places)
    _, placeless = names.unknown_places(known, places, vocab)  # each the same length as `text`
    scaffold = verbs + c.get("mention_end", ()) + which + c.get("mention_scaffold", ())
    bare = re.sub(alternation(scaffold), lambda m: "\0" * len(m.group(0)), text)
    edges = "".join(c.get("mention_particle", ()))
    asking = c.get("answer_type", ()) + c.get("quantity", ()) + c.get("who", ())
    pieces, named = [], []
    for m in re.finditer(r"[^\0\s？?！!。，,；;：:“”\"'（）()]+", bare):
        if _has(m.group(0), asking):
            if re.sub(alternation(asking), "", m.group(0)).strip(edges):
                return None  # "报告里提到了哪些措施" asks for a list, not whether
            continue  # "…有几个省提了，是哪些": the places asked for again
        a, b = m.span()
        if not placeless[a:b].replace("\0", "").strip(edges):
            named += [m.group(0).strip(edges)] if m.group(0).strip(edges) else []  # only places
            continue
        while a < b and (known[a] == "\0" or text[a] in edges):
            a += 1
        while b > a and (known[b - 1] == "\0" or text[b - 1] in edges):
            b -= 1
        pieces.append((m.span(), text[a:b]))
    # a piece that is only words carrying no topic ("余杭那报告里…" → 那, "首店经济 有哪几个省…" → 有) or naming
    # the document pointed at ("那篇访谈", "那个讲话") is the asker's speech, not the topic, unless nothing else is left
    filler = alternation(c.get("filler", ()) + c.get("document_named", ()))
    pieces = [p for p in pieces if not filler or re.sub(filler, "", p[1])] or pieces
    if not pieces:  # "提到雄安了吗": the place named is itself the topic
        return _as_typed(named[-1], typed) if named else None
    return _as_typed(_joined(pieces, bare, c.get("mention_either", ())), typed)


def _joined(pieces: list[tuple[tuple[int, int], str]], bare: str, either: tuple[str, ...]) -> str:
    """The topic from its pieces: two the asker set apart by a space alone ("有棚改 棚户区改造的内容", read as a
    comma by `phone_commas`) are offered either way, as with 或者; pieces the scaffolding parts, all of them."""
    topic = pieces[0][1]
    for ((_, end), _), ((start, _), piece) in zip(pieces, pieces[1:]):
        listed = either and start > end and not bare[end:start].strip(" ，,")
        topic += (either[0] if listed else " ") + piece
    return topic


def _as_typed(words: str, typed: str) -> str:
    m = re.search(re.escape(words), typed, re.IGNORECASE)
    return m.group(0) if m else words


def _has(text: str, words: tuple[str, ...]) -> bool:
    return any(w in text for w in words)


def parts(topic: str) -> tuple[str, ...]:
    """The parts of a topic that a sentence must all hold when it does not hold the topic whole:
    those the asker wrote apart, each of two characters or more; none when the topic is one term."""
    joiners = alternation(cues().get("mention_joiner", ()))
    found = tuple(p for p in re.split(rf"\s+|{joiners}", topic) if p) if joiners else tuple(topic.split())
    return found if len(found) >= 2 and all(len(p) >= 2 for p in found) else ()


def options(topic: str) -> tuple[str, ...]:
    """The topics a topic offers either way ("钼矿或者钼业": `mention_either`), or the topic alone."""
    either = alternation(cues().get("mention_either", ()))
    found = tuple(o.strip() for o in re.split(either, topic) if o.strip()) if either else ()
    return found if len(found) >= 2 else (topic,)


def words(topic: str) -> tuple[str, ...]:
    """The words of a topic a sentence may name it by, in the order asked: each option's parts, or the option."""
    return tuple(w for o in options(topic) for w in (parts(o) or (o,)))


def names_topic(folded: str, topic: str) -> bool:
    """Whether a (folded) sentence names the (folded) topic: one of its options whole (or turned: `_turned`), or all
    that option's parts."""
    return any(o in folded or _turned(o) in folded or bool(apart := parts(o)) and all(p in folded for p in apart)
               for o in options(topic))


def _turned(option: str) -> str:
    """An option ending in a verb of `object_verb` said with the verb first, as reports also say it ("棚户区改造" →
    改造棚户区); the option itself when it ends in none, or nothing of two characters is left before it."""
    verb = next((v for v in cues().get("object_verb", ()) if option.endswith(v) and len(option) - len(v) >= 2), "")
    return verb + option[:-len(verb)] if verb else option
