"""Place names and their short forms, by a general rule rather than a list of places.

河南省 → 河南, 广西壮族自治区 → 广西, 新疆维吾尔自治区 → 新疆, 内蒙古自治区 → 内蒙古, 溧阳高新区 → 溧阳:
strip one generic ending (`place_suffixes.tsv`), then the ethnic qualifiers before it
(恩施土家族苗族自治州 → 恩施). A form of fewer than two characters is no name (区 alone, 东区 → 东).
"""
from __future__ import annotations

import re

from index.text.normalise import fold
from index.text.vocabulary import Vocab

ENDINGS = ("province", "city", "county", "town", "zone")  # a place's levels


def short_name(place: str, vocab: Vocab) -> str | None:
    """The place's name without its generic ending, or None when that leaves no name."""
    name = fold(place).strip()
    for suffix in vocab.suffixes(*ENDINGS):
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = _without_qualifiers(name[: -len(suffix)], vocab.suffixes("qualifier"))
            return stem if len(stem) >= 2 else None
    return None


def as_spelled(text: str, vocab: Vocab) -> str:
    """`text` with an ending spelled two ways at once in its usual spelling ("拉萨经开发区" → 拉萨经开区; the
    variants of place_suffixes.tsv `spelled:`), so a page's title and a citizen's question name the same place."""
    for key, variants in vocab.place_suffixes.items():
        if key.startswith("spelled:"):
            for variant in variants:
                text = text.replace(variant, key.partition(":")[2])
    return text


def level_of(place: str, vocab: Vocab) -> str | None:
    """The place's level (a kind of ENDINGS), by its longest ending: 昆山高新区 is a zone, 吴江区 a county."""
    name = _bracketed(fold(place).strip())[0]
    ends = [(len(e), kind) for kind in ENDINGS for e in vocab.suffixes(kind) if name.endswith(e) and len(name) > len(e)]
    return max(ends)[1] if ends else None


def names_of(place: str, vocab: Vocab) -> tuple[str, ...]:
    """Every name a place goes by, folded, the official one first: without the levels it is named
    under (广州市南沙区 → 南沙区, 河南省洛阳市嵩县 → 洛阳市嵩县, 嵩县), with an ending as people say it (…高新技术产业开发区 →
    …高新区, 迪庆藏族自治州 → 迪庆州) and without qualifiers people drop (国家), with the short form
    citizens call its city by (乌鲁木齐高新区 → 乌市高新区), and each of these without its ending
    (南沙, 广西) while a name of two characters or more is left; by its own name's first character
    and an `initial` ending (准格尔旗 → 准旗); under a province said without its ending (`province_said`:
    江西鹰潭经济开发区 → 鹰潭经济开发区); a second name in brackets
    (…开发区(新市区)) is a name of it too, as written (its short form may be a word: 新市民)."""
    name = fold(place).strip()
    main, second = _bracketed(name)
    province, main = _under_province(main, vocab)
    bases, above = _under_parents(main, vocab)
    if province:  # the name as written stays one
        bases, above = [province + main, *bases], above | {province}
    initial = _initial(bases[-1], vocab)  # its own name, under no level
    bases += [by_city for b in bases if (by_city := _by_its_city(b, vocab))]
    for base in list(bases):
        for long_ending in vocab.suffixes(*ENDINGS):
            said = vocab.place_suffixes.get(f"said:{long_ending}", ())
            if said and base.endswith(long_ending):
                stem = _without_qualifiers(base[: -len(long_ending)], vocab.suffixes("qualifier"))
                bases += [stem + ending for ending in said if len(stem) >= 2]
                break
    bases += [without for b in bases if (without := _without_city(b, vocab))]
    bases += [short + b[len(city):] for b in bases for city, shorts in vocab.city_short_forms.items()
              if b.startswith(city) and len(b) - len(city) >= 2 for short in shorts]
    shorts = [short_name(b, vocab) for b in bases]
    # 长沙市长沙县 is not 长沙: a short name that is a level above's own names that level
    own = [name, *bases, *(s for s in shorts if s and s not in above), *initial]
    return tuple(dict.fromkeys(own + ([second] if second else [])))


def _initial(name: str, vocab: Vocab) -> tuple[str, ...]:
    """准格尔旗 → 准旗: a place's own name (no level it is named under) of two characters or more
    before an `initial` ending, as its first character and that ending; one side of a name
    (`side`: 新巴尔虎左旗 → 新左旗, 科尔沁右翼中旗 → 科右中旗) with its side said too."""
    ending = next((e for e in vocab.suffixes("initial") if name.endswith(e)), None)
    if not ending or len(name) - len(ending) < 2:
        return ()
    stem = name[: -len(ending)]
    side = next((s for s in vocab.suffixes("side") if stem.endswith(s) and len(stem) - len(s) >= 2), "")
    said = vocab.place_suffixes.get(f"side:{side}", (side,))[0] if side else ""
    return (name[0] + said + ending,)


def _bracketed(name: str) -> tuple[str, str]:
    """"乌鲁木齐高新技术产业开发区(新市区)" → (乌鲁木齐高新技术产业开发区, 新市区): a place and the second
    name it goes by, in brackets after it (folded: half-width brackets); a name without one → (name, "")."""
    m = re.fullmatch(r"(.{2,}?)\((.{2,})\)", name)
    return (m[1], m[2]) if m else (name, "")


def _under_province(name: str, vocab: Vocab) -> tuple[str, str]:
    """"江西鹰潭经济开发区" → (江西, 鹰潭经济开发区): a province said without its ending (`province_said`) before a
    city's name (cities.txt), and the name under it; a name that opens on none → ("", name)."""
    province = next((p for p in vocab.suffixes("province_said") if name.startswith(p)
                     and any(name.startswith(c, len(p)) for c in vocab.cities)), "")
    return province, name[len(province):]


def _under_parents(name: str, vocab: Vocab) -> tuple[list[str], set[str]]:
    """The name, and each of the names left as the levels it is named under are dropped, from the
    first (河南省洛阳市嵩县 → 洛阳市嵩县 → 嵩县: the earliest level first, so the result does not
    hang on the order the endings are tried); and those levels' names (河南, 洛阳)."""
    parents, endings = vocab.suffixes("parent"), vocab.suffixes(*ENDINGS)
    single = vocab.suffixes("parent_single")
    bases, above = [name], set()
    while True:
        cut = next(((at, p) for at in range(1, len(bases[-1])) for p in parents  # longest first
                    if bases[-1].startswith(p, at) and (at >= 2 or p in single) and len(rest := bases[-1][at + len(p):]) >= 2
                    and rest.endswith(endings) and rest not in endings), None)  # 某县开发区: no 开发区 alone
        if cut is None:
            return bases[1:] or bases, above
        at, parent = cut
        above.add(bases[-1][:at])
        bases.append(bases[-1][at + len(parent):])


def _by_its_city(zone: str, vocab: Vocab) -> str | None:
    """遂宁市经济技术开发区 → 遂宁经济技术开发区: a zone with no name of its own, only its ending right
    after its city's, is called by the city's name without the city's ending."""
    # the first level ending only: 衢州市衢州经济技术开发区 has a name of its own after 衢州市
    at, parent = next(((at, p) for at in range(2, len(zone)) for p in vocab.suffixes("parent")
                       if zone.startswith(p, at)), (0, ""))
    return zone[:at] + zone[at + len(parent):] if parent and zone[at + len(parent):] in vocab.suffixes("zone") \
        else None


def _without_city(zone: str, vocab: Vocab) -> str | None:
    """长春净月高新区 → 净月高新区: a zone named after its city (`cities.txt`) is also named without
    it, when a name is left that is not a generic ending itself (苏州工业园区 is no 工业园区)."""
    ending = next((e for e in vocab.suffixes("zone") if zone.endswith(e)), None)
    if ending is None:
        return None
    stem, endings = zone[: -len(ending)], vocab.suffixes(*ENDINGS)
    city = next((c for c in vocab.cities if stem.startswith(c) and len(stem) - len(c) >= 2), None)
    return None if city is None or stem[len(city):] + ending in endings else stem[len(city):] + ending


def _without_qualifiers(stem: str, qualifiers: tuple[str, ...]) -> str:
    """恩施土家族苗族 → 恩施: every ethnic qualifier at the end, as long as a name is left."""
    while True:
        qualifier = next((q for q in qualifiers if stem.endswith(q) and len(stem) - len(q) >= 2), None)
        if qualifier is None:
            return stem
        stem = stem[: -len(qualifier)]


def name_pattern(vocab: Vocab, *kinds: str, longest: int = 12) -> str:
    """A regex for a place name ending in one of the endings of `kinds` (all when none given):
    2 to `longest` Chinese characters before the ending, as few as possible, none of them a word
    no name holds (`not_in_name`)."""
    endings = "|".join(re.escape(s) for s in vocab.suffixes(*(kinds or ENDINGS)))
    barred = "|".join(re.escape(s) for s in vocab.suffixes("not_in_name")) or "(?!)"
    return rf"(?:(?!{barred})[\u4e00-\u9fff]){{2,{longest}}}?(?:{endings})"


def straddled(text: str, at: int, vocab: Vocab) -> bool:
    """Whether a known term ("地区生产总值") starts before `at` in `text` and runs on past it."""
    terms = {t for canonical, aliases in vocab.synonyms.items() for t in (fold(canonical), *aliases)}
    return any(m.start() < at < m.end() for t in terms for m in re.finditer(re.escape(t), text))
