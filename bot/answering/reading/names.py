"""The names in a question: places (the gazetteer, each report's place and its short name, and
names shaped like a place that no list knows) and metrics, found longest first."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from bot.answering.reading.typed import to_arabic
from bot.answering.vocabulary import alternation, asked_names, figure_words, gazetteer, place_shapes
from index.text.normalise import fold
from index.text.places import ENDINGS, level_of, names_of
from index.text.tokens import Tokenizer, default_tokenizer
from index.text.vocabulary import Vocab


Names = tuple[tuple[str, tuple[str, ...]], ...]  # (canonical, aliases): hashable, so cached
PROPER = ("ns", "nr", "nz")  # jieba's tags of place and person names (it tags 武侯区 as a person's)
# jieba's tags of words never part of a name: pronouns, prepositions, conjunctions, particles,
# adverbs, directions, measure words, time words, verbs
_FUNCTION = ("r", "p", "c", "u", "d", "f", "q", "t", "y", "e", "o", "x", "w", "v")
BOUND_VERB = "vg"  # a verb's morpheme, no word alone ("侮"): a character of a name jieba could not join
COUNTING = "〇一二两三四五六七八九十百千万几"  # numerals counting the word after them ("三" "大省")
SELDOM = 30  # uses in jieba's corpus under which a word is seldom seen: most places' names


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


def around_time(text: str, names: Names, hits: list[tuple[int, str]], rest: str) -> tuple[str, list, str]:
    """(text, hits, rest) of `take` on `text`, read again without the time words masked inside it
    when that finds names where none were, or other ones whose words hold the words of those found:
    "城镇居民去年收入多少", "农村居民19年人均可支配收入", "规上工业企业2015年产值" (规上工业企业产值,
    not the firms counted and an output) say the time inside the metric's name."""
    squeezed = re.sub("(?<=[\u4e00-\u9fff])\0(?=[\u4e00-\u9fff])", "", text)
    again, left = take(squeezed, names) if squeezed != text else ([], rest)
    read, read_again = _said(text, hits, names), _said(squeezed, again, names)
    if again and (not hits or sorted(m for _, m in hits) != sorted(m for _, m in again)
                  and all(any(w in n for n in read_again) for w in read)):
        return squeezed, again, left
    return text, hits, rest


def subjects_only(text: str, names: Names, hits: list[tuple[int, str]], rest: str) -> tuple[list[tuple[int, str]], str]:
    """(hits, rest) of `take` on `text` without the names said right before a measure they do not end with
    (figure_words.tsv `measure`: 主营业务收入, 营收, 利润): "规上工业主营业务收入", "规上服务业营收" ask what
    that measure is of (规上工业 alone is its added value, 服务业 its own), so the name is left as a topic word."""
    measures = tuple(figure_words().get("measure", ()))
    kept = []
    for (pos, metric), form in zip(hits, _said(text, hits, names)):
        if text.startswith(measures, pos + len(form)) and not form.endswith(measures):
            rest = rest[:pos] + text[pos:pos + len(form)] + rest[pos + len(form):]
        else:
            kept.append((pos, metric))
    return kept, rest


def _said(text: str, hits: list[tuple[int, str]], names: Names) -> list[str]:
    """The words of `text` each of `take`'s hits was read from: its longest form there."""
    return [next(f for f, c in forms(names) if c == canonical and text.startswith(f, pos)) for pos, canonical in hits]


def opening(text: str, names: Names, quoted: str) -> tuple[list[tuple[str, tuple[str, ...]]], str]:
    """"昌硕之夏夜市带动消费多少": a place's name opening a longer name reports quote (“小城大爱·昌硕之夏”;
    `quoted`, one a line) names the place and, with the words after it the quoted name holds, a topic
    (昌硕之夏): those words masked, the place's name left to be read; each topic with its forms."""
    hits, _ = take(text, names)
    opened = []
    for (at, _), said in zip(hits, _said(text, hits, names)):
        end = at + len(said)
        more = next((k for k in range(len(text) - end, 1, -1) if text[at:end + k] in quoted), 0)
        if more:  # a name two characters or more longer than the place's
            opened.append((text[at:end + more], (text[at:end + more],)))
            text = text[:end] + "\0" * more + text[end + more:]
    return opened, text


def only_names(text: str, *tables: Names) -> bool:
    """Nothing but names of `tables` and punctuation ("高新区万人发明专利拥有量"): no year, kind or
    question word, so the question asks what the reports hold of the name."""
    for table in tables:
        _, text = take(text, table)
    return not re.sub(r"[\W_\0]", "", text)


def speech_after(text: str, words: tuple[str, ...]) -> str:
    """"一般公共预算收入那块多少": the spoken words right after a name taken (`take`'s masks; question_cues.tsv
    `after_name`: 那个, 这块, 啥的) are no part of it and carry no topic: masked too."""
    return re.sub(f"(?<=\0)(?:{alternation(words)})", lambda m: "\0" * len(m.group(0)), text) if words else text


def places_table(doc_places: tuple[str, ...], vocab: Vocab) -> Names:
    return _places_of(doc_places, tuple(gazetteer().items()), vocab)


def places_as_read(doc_places: tuple[str, ...], vocab: Vocab) -> Names:
    """`places_table`, each name also as a question reads it: "新疆生产建设兵团第八师石河子市" is
    read "…第8师石河子市" (`to_arabic`), and is that place's name so read, not 新疆 and a 师石河子市."""
    return _as_read(places_table(doc_places, vocab))


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


@lru_cache(maxsize=16)
def metric_names(vocab: Vocab, asked: Names = ()) -> Names:
    """Each metric by its names in reports (synonyms.tsv) and `asked`, those only questions give
    it (asked_in), which a passage must not be matched by; each name also as a question reads it."""
    more = dict(asked)
    return _as_read(tuple((c, aliases + more.get(c, ())) for c, aliases in vocab.synonyms.items()))


@lru_cache(maxsize=16)
def _as_read(names: Names) -> Names:
    """Each name also as a question reads it, numerals in digits: "第三产业增加值" is asked as
    "第3产业增加值" (`to_arabic`)."""
    return tuple((c, tuple(dict.fromkeys((*aliases, *(to_arabic(a) for a in (fold(c), *aliases))))))
                 for c, aliases in names)


def asked_in(text: str, said: str, vocab: Vocab) -> Names:
    """The names only questions give a metric (asked_names.tsv: 粮食 for 粮食产量) that `text` uses
    alone, not as the head of a longer name (粮食播种面积: the table's !goes_on); a metric marked ~
    only where the name follows no other word (经济, not 冰雪经济) and the question as `said` has a word of
    pace (!paced), which the cue words read before may have taken from `text`."""
    table = asked_names()
    goes_on = "|".join(re.escape(w) for w in table.get("!goes_on", ()))
    tail = f"(?!{goes_on})" if goes_on else ""
    pace = table.get("!paced", ())
    paced = any(w in t for t in (said, text) for w in pace)
    found = []
    for m, forms in table.items():
        if m.startswith("!") or ":" in m or (m.startswith("~") and not paced):
            continue
        metric = m.removeprefix("~")
        own = (fold(metric), *vocab.synonyms.get(metric, ()))
        if used := tuple(f for f in forms if re.search(
                _alone(f, own) if m.startswith("~") else re.escape(f) + tail, text)):
            found.append((metric, used))
    return tuple(found)


def _alone(form: str, own: tuple[str, ...]) -> str:
    """`form` after no other word (经济, not 冰雪经济), nor at the head of one of the metric's `own`
    names (经济增长 is that name, read as the reports say it); before any other word of pace it is
    the metric ("经济涨了多少")."""
    longer = "|".join(re.escape(n[len(form):]) for n in own if n.startswith(form) and len(n) > len(form))
    return "(?<![\u4e00-\u9fff])" + re.escape(form) + (f"(?!{longer})" if longer else "")


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


def unknown_places(text: str, known: Names, vocab: Vocab,
                   venues: tuple[str, ...] = ()) -> tuple[list[tuple[int, str]], str]:
    """Place names no list knows, by their shape: a name, then a generic ending of
    place_suffixes.tsv, the longest that fits ("宁乡" + "经开区", "保定" + "高新区", so that word is not
    read as our own 高新区), masked. The name before the ending is a proper name (jieba's tag, or
    a city of cities.txt), characters jieba could not join into a word ("千灯镇"), or a noun
    right before the ending ("光明区", "天府新区"); a word with its own ending is a place when
    jieba tags it or its name as a proper name ("余杭区", "寿光市"), or seldom saw its name
    ("未央区"). Not a place: a name begun inside a known one ("开区省" of "赣州经开区省大中型项目"), a generic
    word (place_shapes.tsv: 老城区), a level (全市, 本区, 我县, 市级: no name before the ending),
    nor a place a thing went to, after one of `venues` ("落户…")."""
    suffixes = vocab.suffixes(*ENDINGS)
    known_forms = {f for f, _ in forms(known)}
    known_spans = [m.span() for f in known_forms if f in text for m in re.finditer(re.escape(f), text)]
    if not _could_name(text, suffixes, known_spans):  # most questions: no tagging needed
        return [], text
    hits, _ = take(text, known)  # the known names read, longest first: the words they cover are theirs
    held = [(at, at + len(said)) for (at, _), said in zip(hits, _said(text, hits, known))]
    words = [(w.word, w.flag) for w in _pos_tokenizer(default_tokenizer()).cut(text)]
    starts = [0]
    for word, _ in words:
        starts.append(starts[-1] + len(word))
    shapes = place_shapes()
    generic, single = set(shapes.get("generic", ())), shapes.get("one_character", ())
    found = []
    for i, (word, flag) in enumerate(words):
        end = starts[i + 1]
        ending = next((s for s in suffixes if text.endswith(s, 0, end)), None)
        if ending is None or "\0" in word:
            continue
        begin = end - len(ending)
        j = next(k for k in range(i, -1, -1) if starts[k] <= begin)  # the word the ending starts in
        # an ending of its own ("区", "高新区") may follow lone characters and a known place
        # ("新" "吴" "区", "溧阳" "高新区"); a word's own ending, only names ("玉" "山镇", not "广东" "城镇")
        alone = lone = starts[j] == begin
        if not alone:  # the ending is part of a word: the word is the name ("余杭区", "山镇")
            own = text[starts[j]:begin]
            if len(own) >= 2 and not (_proper(words[j][1]) or _proper_name(own, vocab) or _seldom_seen(own)):
                continue  # 工业区, 示范区: a common word
            # one character and its ending that jieba made up, or seldom saw ("蓝区", not 小区, 城镇),
            # ends a name as a lone ending does ("美" "蓝区"), though not after a numeral ("三" "大省")
            begin, lone = starts[j], len(own) == 1 and not _common(words[j][0])
        elif j > 0 and words[j - 1][1].startswith("n") and len(words[j - 1][0]) >= 2 \
                and not _level(words[j - 1][0], suffixes):
            j, begin = j - 1, starts[j - 1]  # "光明" + "区", "天府" + "新区"
        if text[begin:end] in known_forms and end - begin > len(ending):
            continue  # a known place ("吴江区"), though a known place may name a zone ("溧阳" + "高新区")
        while j > 0 and _name_part(*words[j - 1], vocab, lone, counted=not alone) \
                and (alone or not any(a < starts[j] and starts[j - 1] < b for a, b in known_spans)):
            j, begin = j - 1, starts[j - 1]  # "青岛" + "西海岸新区", "千" + "灯" + "镇"
        counted = _after_ordinal(text, begin, shapes.get("ordinal", ()))
        if counted:
            begin += 1  # "第8师石河子市": 师 counts the ordinal, no part of the name after it
        name = text[begin:end]
        stem = len(name) - len(ending)
        if stem < 1 or (stem == 1 and not (ending in single and _proper(flag))) or name in generic \
                or (counted and name in known_forms) \
                or any(a <= begin and end <= b or a < begin < b for a, b in known_spans) \
                or any(begin < b and a < end and not (begin <= a and b <= end) for a, b in held) \
                or any(v in text[max(0, begin - 4 - len(v)):begin] for v in venues):
            continue
        found.append((begin, name))
    # "成都市武侯区": the longest name, not also the city inside it
    found = [(b, n) for b, n in found if not any(b2 <= b and b + len(n) <= b2 + len(n2) and n2 != n
                                                for b2, n2 in found)]
    for begin, name in found:
        text = text[:begin] + "\0" * len(name) + text[begin + len(name):]
    return found, text


def place_forms(place: str, known: Names, vocab: Vocab) -> tuple[str, ...]:
    """The words a sentence names a place asked about by: its names, and for a place's own zone
    ("阳新开发区") those its place's reports call it by ("县经济开发区")."""
    zone = own_zone(place, known, vocab)
    return (fold(place), *dict(known).get(place, ()), *(zone[1] if zone else ()))


def own_zone(name: str, known: Names, vocab: Vocab) -> tuple[str, tuple[str, ...]] | None:
    """"阳新开发区": a name no list knows, a known place's name (a province's, city's, county's or town's, not
    全国's nor a zone's) and a zone's ending, is that place's own zone, which its reports call by the place's
    name or by its level ("县经济开发区"), or by the ending alone ("园区建设稳步推进", `says_own_zone`).
    The place, and the words its reports would name the zone by: each of those before the ending as
    written or as people say it (经济开发区 for 开发区; 园区 for 工业园区), and those endings alone; None for any
    other name."""
    ending = next((e for e in vocab.suffixes("zone") if name.endswith(e) and len(name) > len(e)), None)
    if ending is None or any(f == name for f, _ in forms(known)):
        return None
    owner = next((c for f, c in forms(known) if f == name[:-len(ending)]), None)
    if owner is None or level_of(owner, vocab) in (None, "zone"):
        return None
    level = next(e for e in vocab.suffixes(*ENDINGS) if fold(owner).endswith(e))
    said = (ending, *(e for e in vocab.suffixes("zone") if ending in vocab.place_suffixes.get(f"said:{e}", ())),
            *vocab.place_suffixes.get(f"said:{ending}", ()))  # and for short: 工业园区 as 园区
    owned = (level, *(f for f, c in forms(known) if c == owner))
    return owner, tuple(o + e for o in owned for e in said) + said


def says_own_zone(text: str, words: tuple[str, ...], vocab: Vocab) -> bool:
    """Whether a place's reports (`text`) speak of its own zone by one of `own_zone`'s words: a name
    ("县经济开发区") anywhere, an ending alone only opening a clause ("。园区建设稳步推进"), where the
    report's own zone is its subject; inside a longer name ("产业园区") it is another's."""
    bare = [w for w in words if w in vocab.suffixes("zone")]
    return any(w in text for w in words if w not in bare) or bool(
        bare and re.search(rf"(?:^|[。；;，,！？!?\n])\s*(?:{alternation(tuple(bare))})", text))


def _after_ordinal(text: str, at: int, ordinals: tuple[str, ...]) -> bool:
    """Whether `at` is right after an ordinal and its number ("第8", "第八": place_shapes.tsv `ordinal`),
    so the character there is the unit it counts (第8师, 第3次), not a name's first."""
    return bool(ordinals) and re.search(f"(?:{alternation(ordinals)})[0-9{COUNTING}]+$", text[:at]) is not None


def _level(word: str, suffixes: tuple[str, ...]) -> bool:
    """全市, 本区, 城区: one character and an ending, a level or a part of a place, not a name."""
    return any(word.endswith(s) and len(word) - len(s) == 1 for s in suffixes)


def _proper(flag: str) -> bool:
    return flag.startswith(PROPER)


def _proper_name(word: str, vocab: Vocab) -> bool:
    """A city's name, or a word jieba tags, read alone, as a proper name ("寿光")."""
    if word in vocab.cities:
        return True
    tagged = list(_pos_tokenizer(default_tokenizer()).cut(word))
    return len(tagged) == 1 and _proper(tagged[0].flag)


def _seldom_seen(word: str) -> bool:
    """A word of 2–3 characters jieba's dictionary holds but its corpus seldom saw: a place's own
    name, which jieba may tag a common noun (未央, seen 24 times), where the common words before an
    ending are seen thousands of times (工业, 示范, 试验, 核心). The few rare common ones are
    listed in place_shapes.tsv (主城区)."""
    if len(word) > 3:
        return False
    cut = default_tokenizer().jieba_for(word)
    cut.check_initialized()
    return 0 < cut.FREQ.get(word, 0) < SELDOM


def _common(word: str) -> bool:
    """A word jieba's corpus saw often (小区, 城镇, 山区), not one it made up cutting (蓝区)."""
    cut = default_tokenizer().jieba_for(word)
    cut.check_initialized()
    return cut.FREQ.get(word, 0) >= SELDOM


def _name_part(word: str, flag: str, vocab: Vocab, lone: bool, counted: bool = False) -> bool:
    """A word that may be part of a place's name before its ending: a proper name or a place word
    (jieba's "s": 西海岸), or, when `lone`, a lone character jieba joined to nothing that is not a
    function word or a verb (我, 各, 和, 要; a verb's bound morpheme is no verb said: 威 侮 市), nor,
    before a word that can be `counted`, a numeral counting it (三 大省, though 余 抗区)."""
    if "\0" in word or not re.fullmatch(r"[\u4e00-\u9fff]+", word):
        return False
    return _proper(flag) or flag == "s" or word in vocab.cities or \
        (lone and len(word) == 1 and (flag == BOUND_VERB or not flag.startswith(_FUNCTION))
         and not (counted and word in COUNTING) and word not in vocab.stopwords)


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
