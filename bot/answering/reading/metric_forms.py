"""The names a metric goes by, in a question and in a report: its own and its aliases, the word
naming two groups at once (城乡), the longer names that contain it but mean another metric
(规上工业产值, 万元GDP综合能耗), the whole a share asked is a share of, and how the names listed before
figures share their words ("A、B产值占比分别…", "食品工业产值、增加值分别…")."""
from __future__ import annotations

import os
import re
from functools import lru_cache

from bot.answering.vocabulary import alternation, asked_names, change_words, figure_words, figure_words_version
from index.text.normalise import fold
from index.text.vocabulary import Vocab, load_vocab, longest_first


def as_named(folded_text: str) -> str:
    """A passage's words as a metric's name says them: two groups said one after the other as the word
    naming both (figure_words.tsv `joint:`, `joined_by`): "城镇和农村居民人均可支配收入" is "城乡居民人均
    可支配收入", which names the residents' income and each group's, not the 农村居民's alone; and a
    subject and its measure without the verb said between them (`name_verb`, `name_measure`):
    "旅游业预计实现收入" is "旅游业收入"."""
    for joint, (first, *rest) in _joints(figure_words_version()):
        if first in folded_text:
            for said in (first + by + other for other in rest for by in figure_words().get("joined_by", ())):
                folded_text = folded_text.replace(said, joint)
    verbs = _name_verbs(figure_words_version())
    return verbs.sub("", folded_text) if verbs else folded_text


@lru_cache(maxsize=4)
def _name_verbs(version: tuple[int, int]) -> re.Pattern | None:
    """A verb (figure_words.tsv `name_verb`) between a subject and its measure (`name_measure`), for one
    version of the file; None when either list is empty."""
    verbs, measures = figure_words().get("name_verb", ()), figure_words().get("name_measure", ())
    if not verbs or not measures:
        return None
    return re.compile(f"(?<=[\u4e00-\u9fff])(?:{alternation(verbs)})(?={alternation(measures)})")


def verbs_named(folded_text: str, vocab: Vocab) -> str:
    """A metric said with its measure as a verb ("地方财政收了多少" is 地方财政收入; figure_words.tsv
    `as_verb:收入`: 收了, 收到) is read by its name, when the subject before the verb and the measure make
    a known one: "财政收了" is 财政收入, "税收了" is no name."""
    for measure, verbs in ((k.partition(":")[2], v) for k, v in figure_words().items() if k.startswith("as_verb:")):
        for form in longest_first(f for f in metric_forms(vocab) if f.endswith(measure) and f != measure):
            for verb in verbs:
                folded_text = folded_text.replace(form[:-len(measure)] + verb, form)
    return folded_text


def distributed(folded_text: str, vocab: Vocab) -> str:
    """Two groups joined before a metric they share, each with its own metric (figure_words.tsv
    `joint:`, `joined_by`): "城镇居民跟农村居民人均可支配收入" and "城镇和农村居民人均可支配收入" are
    "城镇居民人均可支配收入跟农村居民人均可支配收入", two metrics asked, when the first group's name
    of the metric is a known one. A question's reading; a passage's is `joined`."""
    forms = metric_forms(vocab)
    by = alternation(figure_words().get("joined_by", ()))
    for _, parts in _joints(figure_words_version()):
        for first, second in ((a, b) for a in parts for b in parts if a != b):
            pattern = f"{re.escape(first)}([\u4e00-\u9fff]{{0,2}}?)({by}){re.escape(second)}"
            for m in reversed(list(re.finditer(pattern, folded_text))):
                after = folded_text[m.end():]  # the metric's name without its group: "居民人均可支配收入"
                tail = max((f[len(second):] for f in forms
                            if f.startswith(second) and after.startswith(f[len(second):])), key=len, default="")
                if tail.startswith(m.group(1)) and first + tail in forms:
                    end = m.end() - len(second)
                    folded_text = folded_text[:m.start()] + first + tail + m.group(2) + folded_text[end:]
    return folded_text


def heads_listed(folded_text: str, vocab: Vocab) -> str:
    """Short heads said one after the other before the tail they share (figure_words.tsv `run_together`,
    with or without a `joined_by` word between): "二产三产增加值" and "二产和三产增加值" are
    "二产增加值、三产增加值", two metrics asked, when each head with the tail is a known name."""
    heads, forms = figure_words().get("run_together", ()), metric_forms(vocab)
    if not heads:
        return folded_text
    by = alternation(figure_words().get("joined_by", ()))
    pattern = f"({alternation(heads)})(?=(?:{by})?({alternation(heads)}))"  # overlapping: "一产二产三产"
    for m in reversed(list(re.finditer(pattern, folded_text))):
        second, after = m.group(2), folded_text[m.end(2):]
        tail = max((f[len(second):] for f in forms if f.startswith(second) and after.startswith(f[len(second):])
                    and m.group(1) + f[len(second):] in forms), key=len, default="")
        if tail:
            joined = folded_text[m.end(1):m.start(2)]
            folded_text = folded_text[:m.end(1)] + tail + ("" if joined else "、") + folded_text[m.end(1):]
    return folded_text


def tails_shared(folded_text: str, vocab: Vocab) -> str:
    """A head said before a `joined_by` word and a metric's name that shares the name's tail (two
    characters or more): "城镇居民和农民收入" is "城镇居民收入和农民收入", two metrics asked, when the head
    with the tail is a known name; a head that ends with a known name is a whole name of its own
    ("GDP和财政收入")."""
    forms, by = metric_forms(vocab), figure_words().get("joined_by", ())
    if not by:
        return folded_text
    for m in reversed(list(re.finditer(alternation(by), folded_text))):
        before, after = folded_text[:m.start()], folded_text[m.end():]
        if before.endswith(tuple(forms)):
            continue
        second = max((f for f in forms if after.startswith(f)), key=len, default="")
        tail = next((second[i:] for i in range(1, len(second) - 1) if any(
            f.endswith(second[i:]) and len(f) > len(second) - i and before.endswith(f[:len(f) - len(second) + i])
            for f in forms)), "")
        folded_text = before + tail + folded_text[m.start():] if tail else folded_text
    return folded_text


def each_group(name: str) -> list[str]:
    """A name said of two groups at once, as each group's own name, in the order the groups are
    named (figure_words.tsv `joint:`, `joined_by`): "城乡居民人均可支配收入" and "城镇和农村居民人均
    可支配收入" are "城镇居民人均可支配收入" and "农村居民人均可支配收入"; any other name is itself."""
    for joint, parts in _joints(figure_words_version()):
        for said in (joint, *(by.join(parts) for by in figure_words().get("joined_by", ()))):
            if said in name:
                return [name.replace(said, part, 1) for part in parts]
    return [name]


def joints() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(joint word, the groups it names) of figure_words.tsv `joint:` ("城乡": 城镇, 农村)."""
    return _joints(figure_words_version())


@lru_cache(maxsize=4)
def _joints(version: tuple[int, int]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(joint word, the groups it names) of figure_words.tsv, for one version of the file."""
    return tuple((key.partition(":")[2], parts) for key, parts in figure_words().items()
                 if key.startswith("joint:") and parts)


@lru_cache(maxsize=4)
def _also_said(version: tuple[int, int]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(a question's word, the words reports also say it in) of figure_words.tsv `also_said:`, for one version of
    the file."""
    return tuple((key.partition(":")[2], words) for key, words in figure_words().items()
                 if key.startswith("also_said:"))


def metric_names(metric: str, vocab: Vocab) -> tuple[str, ...]:
    """The names a metric goes by in a report: its own, its aliases, and those said of two groups at
    once (figure_words.tsv `joint:城乡`: "城乡居民人均可支配收入分别为32204元、13904元" names the
    城镇 and the 农村 figures alike)."""
    return with_joint((fold(metric), *vocab.aliases(metric)))


def wider_names(metric: str, said: str, vocab: Vocab) -> tuple[str, ...]:
    """The names of the wider metric a question also asks when the fullest name of `metric` it
    `said` is a loose one (asked_names.tsv `wider:`): "财政收入多少" asks 财政总收入 as well as
    一般公共预算收入; "地方财政收入多少" and "一般预算财政收入多少" ask the latter alone."""
    fullest = max((f for f in metric_names(metric, vocab) if f in said), key=len, default="")
    return tuple(n for w in asked_names().get("wider:" + fullest, ()) for n in metric_names(w, vocab))


def with_joint(forms: tuple[str, ...]) -> tuple[str, ...]:
    """The forms, and each with a group it names said as the word naming it with the others
    (figure_words.tsv `joint:城乡`: "城镇居民" is named by "城乡居民" too), a level's word by the
    level alone (`level_mark`: "国家级" by "国家"), and a word by what a report also says for it (`also_said`)."""
    joint = tuple(f.replace(part, joint) for joint, parts in _joints(figure_words_version())
                  for part in parts for f in forms if part in f)
    # "国家级" is named by "国家" too (`level_mark`)
    level = tuple(f[:-len(m)] for m in figure_words().get("level_mark", ()) for f in forms
                  if f.endswith(m) and len(f) - len(m) >= 2)
    # a question's word a report also says otherwise (`also_said:`): "要争创什么" by "创建千亿园区", "民企" by "民营企业"
    also = tuple(f.replace(word, other) for word, others in _also_said(figure_words_version()) for other in others
                 for f in forms if word in f)
    return tuple(dict.fromkeys(forms + joint + level + also))


def shadows(forms: tuple[str, ...], vocab: Vocab, said: str = "") -> tuple[str, ...]:
    """The longer names that contain a form but mean something else, but for one the question
    `said` itself ("服务业增加值占GDP比重多少" asks about 占GDP)."""
    return tuple(s for s in _shadows_at(forms, vocab, figure_words_version()) if s not in said)


def unshadowed(text: str, forms: tuple[str, ...], shadows: tuple[str, ...]) -> str:
    """`text` with the longer names that mean something else (`shadows`) masked, but where they are part of
    one of `forms`: "规上工业企业增加值" names 规上工业增加值, though 规上工业企业 alone counts firms; a name
    after a divisor (figure_words.tsv `divisor`) is masked only where the divisor follows no figure."""
    own = tuple(f for f in forms if any(s in f for s in shadows))
    pieces = re.split(f"({alternation(own)})", text) if own else [text]
    per = tuple(figure_words().get("divisor", ()))
    for i in range(0, len(pieces), 2):  # the pieces between the own forms
        for longer in shadows:
            # after a figure a divisor is an amount: "2000万元规模以上工业企业产值" is no 万元 of output
            after = r"(?<![\d.])" if longer.startswith(per) else ""
            pieces[i] = re.sub(after + re.escape(longer), "\0", pieces[i])
    return "".join(pieces)


@lru_cache(maxsize=4096)  # every question's words are looked up in every metric name
def _shadows_at(forms: tuple[str, ...], vocab: Vocab,
                figure_words_at: tuple[int, int]) -> tuple[str, ...]:
    """The longer names that contain a form but mean something else: other metrics' names, the form
    after a word that makes it what another metric is measured per ("万元GDP综合能耗" is energy use,
    not GDP: figure_words.tsv `divisor`), and the words said to hold a loose name otherwise (`shadow:`:
    "稳定就业"), for one version of figure_words.tsv."""
    names = metric_forms(vocab)
    per = {d + f for d in figure_words().get("divisor", ()) for f in forms}
    other = {w for f in forms for w in figure_words().get(f"shadow:{f}", ())}  # "稳定就业" is not 新增就业
    return longest_first({n for n in names if n not in forms and any(f in n for f in forms)} | per | other - set(forms))


@lru_cache(maxsize=4)
def metric_forms(vocab: Vocab) -> frozenset[str]:
    """Every metric name and alias, folded."""
    return frozenset({fold(c) for c in vocab.synonyms} | {a for al in vocab.synonyms.values() for a in al})


def shared_metrics(unread: str, rest: str, metric_hits: list[tuple[int, str]], c: dict[str, tuple[str, ...]],
                   vocab: Vocab) -> tuple[tuple[str, ...], str | None]:
    """The metrics asked, and the whole a share asked is of (not itself asked): "财政收入里税收占多少
    比例" asks 税收占比, a share of 一般公共预算收入."""
    whole, part = whole_of_share(unread, rest, metric_hits, c), shared_part(rest, metric_hits, c)
    asked = ((share_metric(m, vocab) or m) if m == part else m for _, m in metric_hits if m != whole)
    return tuple(dict.fromkeys(asked)), whole


def whole_of_share(unread: str, rest: str, metric_hits: list[tuple[int, str]],
                    c: dict[str, tuple[str, ...]]) -> str | None:
    """The metric a share asked is a share of, when something else is what it is a share of
    ("先进制造业占工业产值多少": 先进制造业's share, not 工业产值): the first metric named, right
    after a `share_of` cue, with words before the cue; or named before the metric the cue follows
    ("财政收入里税收占多少比例": 税收's share of 一般公共预算收入). None otherwise."""
    if not metric_hits:
        return None
    pos, metric = metric_hits[0]
    cues_ = c.get("share_of", ())
    cue = next((w for w in cues_ if unread[:pos].endswith(w)), None)
    if cue and re.search(r"[\u4e00-\u9fff]", rest[:pos - len(cue)]):
        return metric
    return metric if len(metric_hits) > 1 and shared_part(rest, metric_hits, c) else None


def shared_part(rest: str, metric_hits: list[tuple[int, str]], c: dict[str, tuple[str, ...]]) -> str | None:
    """The metric whose share is asked, named right before a `share_of` cue ("税收占多少比例"), or None.
    Not before 占比: "R&D占比" is a name of its own, left to the vocabulary."""
    if not metric_hits:
        return None
    pos, metric = metric_hits[-1]
    last = len(rest) - len(rest[pos:].lstrip("\0"))  # just after the last metric named
    said = [w for w in c.get("share_of", ()) if rest.startswith(w, last)]
    return metric if said and not any(rest.startswith(w + "比", last) for w in said) else None


def share_metric(metric: str, vocab: Vocab) -> str | None:
    """The metric that is a share of `metric` ("税收总额" → 税收占比): one named by a name of `metric`
    and a share word (figure_words.tsv `share`), or None."""
    said = {n + w for n in (fold(metric), *vocab.aliases(metric)) for w in figure_words().get("share", ())}
    return next((m for m, aliases in vocab.synonyms.items() if said & {fold(m), *aliases}), None)


def sibling(metric: str, word: str, vocab: Vocab) -> str | None:
    """The known metric that is `metric` with one of its words swapped for `word` ("农村居民收入比城镇
    快吗": 城镇 beside 农村居民人均可支配收入 is 城镇居民人均可支配收入), or None."""
    n = len(word)
    for other in vocab.synonyms:
        if other != metric and word in other and any(
                metric[i:i + n] != word and metric[:i] + metric[i + n:] == other.replace(word, "", 1)
                for i in range(len(metric) - n + 1)):
            return other
    return None


def shared_head(items: list[str]) -> list[str]:
    """"食品工业产值、增加值" → 食品工业产值, 食品工业增加值: an item that is only a measure
    (figure_words.tsv `measure`: 产值, 增加值, 营收…) after a first item ending in one is a measure of
    the first item's subject; other items are left as they are."""
    measures = tuple(sorted(figure_words().get("measure", ()), key=len, reverse=True))
    first = next((m for m in measures if items and items[0].endswith(m) and len(items[0]) > len(m)), None)
    if first is None:
        return items
    head = items[0][:-len(first)]
    return [items[0]] + [head + i if i.strip() in measures else i for i in items[1:]]


def heads(forms: tuple[str, ...]) -> set[str]:
    """What a text naming one of `forms` holds: a form's first two characters, or its first one
    ending a list's item when items share the last one's tail ("一、二、三产增加值": 二、)."""
    return {h for f in forms for h in (f[:2], f[:1] + "、")}


def tail_shared(form: str, text: str) -> bool:
    """"一、二、三产增加值" names 二产增加值: items as long as one another, each sharing the last one's
    tail (so "加工、制造业增加值" does not name 工业增加值)."""
    return any(p.search(text) for tail, p in _tail_patterns(form) if tail in text)


@lru_cache(maxsize=4096)
def _tail_patterns(form: str) -> tuple[tuple[str, re.Pattern], ...]:
    """Each way `form` can be said as a list sharing its tail: the tail, and the list."""
    return tuple((form[i:], re.compile(f"(?<![\\d.]){re.escape(form[:i])}(?:、[^，。；;、]{{{i}}})+{re.escape(form[i:])}"))
                 for i in range(1, len(form) - 1))


def split_tail(item: str, before: list[str]) -> tuple[str, str]:
    """Split the last item of "A、B产值占比" into its head "B" and the shared tail "产值占比" (a head as
    long as the items before it when they are all of one length below four); where no
    known name opens it and an item `before` it ends with a metric's name, each item is a whole name
    of its own ("规上工业增加值、规上服务业营收"): no tail is shared."""
    folded, vocab = fold(item), load_vocab()
    words = sorted({w for w in known_terms(vocab) if folded.startswith(w)}, key=len, reverse=True)
    if words:
        return item[:len(words[0])], item[len(words[0]):]
    if any(fold(b).endswith(tuple(metric_forms(vocab))) for b in before):
        return item, ""
    # an item said in the shape of the one before it ("重大项目开工、重大项目竣工贡献度"): the head as long as it
    prev = before[-1].strip() if before else ""
    if len(os.path.commonprefix([prev, item])) >= 2 and len(prev) < len(item):
        return item[:len(prev)], item[len(prev):]
    # items said as short as one another ("一、二、三产增加值", "出口、进口总额"): the head as long as theirs
    lengths = {len(b.strip()) for b in before}
    short = lengths.pop() if len(lengths) == 1 else 0
    cut = short if 0 < short < min(len(item), 4) else min(len(item), 4)
    return item[:cut], item[cut:]


@lru_cache(maxsize=4)
def known_terms(vocab: Vocab) -> frozenset[str]:
    return frozenset(vocab.user_words()) | {fold(c) for c in vocab.synonyms}


def change_said(normalised: str, names: list[tuple[str, ...]]) -> bool:
    """Whether a report's change verb is said outside the metrics' own names (`names`: each metric's
    forms) and measure words (figure_words.tsv `name_measure`): 增加 of "工业增加值去年多少" asks for
    no change, "工业增加值增加了多少" does."""
    for form in sorted({f for forms in names for f in forms} | set(figure_words().get("name_measure", ())),
                       key=len, reverse=True):
        normalised = normalised.replace(form, "\0")
    return any(w in normalised for w in change_words())
