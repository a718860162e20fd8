"""A place's own name, without the region's name written before it ("山东巨野县" → 巨野县), as the
metadata read from a report (`metadata.infer`) names its place."""
from __future__ import annotations

from functools import lru_cache

from index.text.normalise import fold
from index.text.places import ENDINGS, as_spelled
from index.text.tokens import default_tokenizer
from index.text.vocabulary import load_vocab


def own_name(name: str) -> str:
    """A place without the region's name written before it without its ending ("山东巨野县" →
    巨野县): a word jieba tags as a place name, no city a zone is named after (长春净月高新区 keeps
    长春, cities.txt), then a name of two characters or more with its ending."""
    vocab = load_vocab()
    name = as_spelled(name, vocab)
    words = list(_tagger().cut(name))
    first, rest = words[0].word if words else "", name[len(words[0].word):] if words else ""
    endings = vocab.suffixes(*ENDINGS)
    ending = max((e for e in endings if rest.endswith(e)), key=len, default="")  # 高新区, not its 区
    named_rest = bool(ending) and len(rest) - len(ending) >= 2
    # a province's name with its ending goes too ("海南省东方市" → 东方市); a city's may be the zone's own (长春市…)
    region = not first.endswith(endings) or first.endswith(vocab.suffixes("province"))
    if len(words) > 1 and words[0].flag.startswith("ns") and fold(first) not in vocab.cities and region and named_rest:
        return rest
    return name


def opens_with_place_word(name: str) -> bool:
    """Whether the word a name opens with is one jieba tags as a place name ("白城经济开发区": 白城), not a
    phrase that happens to end in an ending ("区委区政府": 区委)."""
    words = list(_tagger().cut(name))
    return bool(words) and words[0].flag.startswith("ns")


@lru_cache(maxsize=1)
def _tagger():
    import jieba.posseg  # only when a new report's place is read

    return jieba.posseg.POSTokenizer(tokenizer=default_tokenizer().jieba)
