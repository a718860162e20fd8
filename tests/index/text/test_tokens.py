"""Tokenizer and text folding: numbers keep their units, width/script folded, stopwords dropped."""
import json

import pytest

from index.text.normalise import fold, squeeze
from index.text.tokens import default_tokenizer
from index.text.vocabulary import load_vocab


@pytest.fixture(scope="module")
def words():
    return default_tokenizer().words


@pytest.mark.parametrize("text,expected", [
    ("762亿元", ["762", "762亿元"]),
    ("7.1%", ["7.1", "7.1%"]),
    ("23.6万平方米", ["23.6", "23.6万平方米"]),
    ("12.6亿元", ["12.6", "12.6亿元"]),
    ("1.87亿美元", ["1.87", "1.87亿美元"]),
    ("1,000", ["1000"]),
    ("1,000,000元", ["1000000", "1000000元"]),
    ("７６２亿元", ["762", "762亿元"]),          # full-width digits
    ("７．１％", ["7.1", "7.1%"]),                # full-width point and percent
    ("762億元", ["762", "762亿元"]),             # Traditional unit folded
    ("２３．６萬平方米", ["23.6", "23.6万平方米"]),  # both at once
    ("2-3家", ["2-3", "2-3家"]),                 # a range stays one number
    ("1～2个", ["1~2", "1~2个"]),
    ("4个百分点", ["4", "4个百分点"]),           # longest unit wins over 个
    ("2300余万元", ["2300", "2300万元"]),         # "more than": the unit still attaches
], ids=lambda v: v if isinstance(v, str) else None)
def test_number_with_unit_is_one_token_plus_bare_number(words, text, expected):
    assert words(text) == expected


def test_numbers_inside_a_sentence_stay_whole(words):
    tokens = words("全年完成地区生产总值762亿元,增长7.1%;新增永久绿地23.6万平方米。")
    for t in ("762亿元", "762", "7.1%", "7.1", "23.6万平方米", "23.6", "地区生产总值"):
        assert t in tokens
    # no fragment of a number survives on its own
    assert not {"7", "1", "1%", "23", "6", "6万平方米", "亿元", "%"} & set(tokens)


def test_number_tokens_agree_across_widths_and_scripts(words):
    simplified = words("2018年昆山高新区地区生产总值762亿元，增长7.1%")
    assert words("２０１８年崑山高新區地區生產總值７６２億元，增長７．１％") == simplified


def test_clause_comma_between_numbers_does_not_glue_them(words):
    tokens = words("排名上升4，2019年继续上升")
    assert "4" in tokens and "2019" in tokens
    assert "42019" not in tokens and "42019年" not in tokens


def test_fold_width_script_case():
    assert fold("ＧＤＰ７６２億元，增長７．１％") == "gdp762亿元,增长7.1%"
    assert fold("高新區黨工委書記") == "高新区党工委书记"
    assert fold("增长57.7℅、32.4﹪") == "增长57.7%、32.4%"  # not NFKC's "57.7c/o"
    assert squeeze("始\n\n终 保持\u3000定力") == "始终保持定力"


def test_traditional_and_fullwidth_questions_tokenize_like_simplified(words):
    assert words("高新區市場主體總量佔昆山市多少？") == words("高新区市场主体总量占昆山市多少?")
    assert words("ＧＤＰ") == words("gdp") == ["gdp"]


def test_stopwords_and_punctuation_dropped(words):
    stop = load_vocab().stopwords
    assert {"的", "了", "是", "多少", "什么"} <= stop
    assert words("的了是在和吗？！。，") == []
    tokens = words("去年高新区的GDP是多少？")
    assert "多少" not in tokens and "的" not in tokens and "是" not in tokens
    assert "gdp" in tokens and "高新区" in tokens and "去年" in tokens
    assert not any(t in "？?！!。，,、；;" for t in tokens)


def test_domain_terms_stay_whole_and_search_mode_adds_parts(words):
    tokens = words("万人发明专利拥有量62件")
    assert "万人发明专利拥有量" in tokens and "专利" in tokens
    assert "62件" in tokens and "62" in tokens
    assert "一般公共预算收入" in words("一般公共预算收入90亿元")


def test_empty_and_blank_text(words):
    assert words("") == [] and words(" \n\u3000 ") == []


def test_synonyms_fold_aliases_and_find_canonical_terms():
    vocab = load_vocab()
    assert "地区生产总值" in vocab.canonical_terms("去年高新区ＧＤＰ多少")
    assert "一般公共预算收入" in vocab.canonical_terms("今年財政收入目标")


@pytest.mark.parametrize("said, canonical", [
    ("城市居民人均可支配收入增长10%", "城镇居民人均可支配收入"),  # 城市居民 is how older reports name 城镇居民
    ("农村居民年人均纯收入增长10%", "农民人均纯收入"),  # the year's per-head net income, said with 年
    ("公共财政预算收入突破10亿元", "一般公共预算收入"),  # its name before 2014
])
def test_older_names_of_the_residents_incomes_are_their_metrics(said, canonical):
    assert load_vocab().canonical_terms(said)[0] == canonical


def test_short_texts_cut_from_the_stored_dictionary_as_from_the_whole_one(tmp_path, monkeypatch):
    """A cold start reads only a question's own words from the dictionary jieba's cache dir holds;
    the tokens are those of the whole dictionary, for questions and for awkward input."""
    import jieba

    from conftest import GOLD
    from index.text.tokens import SHORT, Tokenizer

    monkeypatch.setattr(jieba.dt, "tmp_dir", str(tmp_path))
    vocab = load_vocab()
    whole = Tokenizer(vocab)
    whole.jieba  # loading the whole dictionary writes the stored one
    texts = [json.loads(line)["question"] for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    texts += ["全年完成地区生产总值762亿元,增长7.1%;新增永久绿地23.6万平方米。", "万人发明专利拥有量62件",
              "昆山高新区GDP🚀多少\x07？", "溧阳高新区和余杭区哪个高", "高新区\ue000GDP\ue000多少", "", "区", "高新区" * (SHORT // 3)]
    cold = Tokenizer(vocab)
    for text in texts:
        assert len(cold.jieba_for(text).FREQ) < 10_000  # not the whole dictionary
        assert cold.words(text) == whole.words(text), text
        assert cold.jieba_for(text).lcut(text) == whole.jieba.lcut(text), text
