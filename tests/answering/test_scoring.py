"""Which figure answers, and why: the scoring of candidates on hand-made evidence (no index, no model)."""
from __future__ import annotations

from dataclasses import replace

import pytest

from bot.answering.scoring import UNIT_MISMATCH, Candidate, figures, nearest, rank, sentences
from index.text.timelabel import RESULT, TARGET, TimeLabel

from handmade import evidence, question

GDP = "地区生产总值"


def winner(q, *evidence_list):
    ranked = figures(q, list(evidence_list))
    assert ranked, "no candidate at all"
    return ranked[0]


def test_the_clause_naming_the_metric_wins_within_a_sentence():
    q = question(GDP)
    best = winner(q, evidence(q, "一般公共预算收入90亿元,增长11.4%;全年完成地区生产总值762亿元,增长7.1%"))
    assert best.fact.value == "762亿元"
    assert best.window == "全年完成地区生产总值762亿元，增长7.1%"


def test_a_figure_in_the_asked_unit_beats_one_in_another_unit_by_confidence():
    q = question("国家级人才", unit="count")  # "国家级人才几名"
    ranked = figures(q, [evidence(q, "国家级人才项目资助5000万元,入选国家级人才10名")])
    assert [c.fact.value for c in ranked] == ["10名", "5000万元"]
    money = ranked[1]
    assert money.confidence == pytest.approx(ranked[0].confidence * UNIT_MISMATCH)
    assert "× unit 0.7" in money.explain()


def test_the_asked_rate_beats_an_amount_that_only_grew_at_a_rate():
    """Both agree with "占比多少" (the amount through its growth rate), so confidence ties;
    the figure whose own unit is a rate wins, though the amount's clause names more of the question."""
    q = replace(question("一般公共预算收入", "税收", unit="percent"), normalised="一般公共预算收入税收占比多少")
    share, amount = figures(q, [evidence(q, "一般公共预算收入90亿元,增长11.4%,税收占比93.2%")])
    assert (share.fact.value, amount.fact.value) == ("93.2%", "90亿元")
    assert amount.confidence == share.confidence and amount.clause_coverage > share.clause_coverage
    assert share.unit_exact and not amount.unit_exact


def test_a_change_question_prefers_the_figure_that_states_its_change():
    q = question(GDP, asks_change=True)  # "GDP增长了多少"
    without = evidence(q, "地区生产总值突破700亿元", rank=1)
    with_change = evidence(q, "地区生产总值762亿元,增长7.1%", rank=2)
    best = winner(q, without, with_change)
    assert best.fact.change == "增长7.1%" and best.retrieval_rank == 2


def test_without_a_change_asked_the_better_retrieval_rank_wins_the_tie():
    q = question(GDP)
    second = evidence(q, "地区生产总值762亿元,增长7.1%", rank=2)
    first = evidence(q, "地区生产总值完成700亿元", rank=1)  # not "突破700亿元": a threshold 762亿元 is beyond (`_reached_elsewhere`)
    assert winner(q, second, first).fact.value == "700亿元"


def test_equal_confidence_goes_to_the_better_retrieval_rank_whatever_the_reading_order():
    q = question(GDP)
    late, early = evidence(q, "地区生产总值760亿元", rank=3), evidence(q, "地区生产总值762亿元", rank=1)
    assert winner(q, late, early).fact.value == "762亿元"
    assert winner(q, early, late).fact.value == "762亿元"


def test_a_sentence_dated_by_its_year_or_section_beats_one_dated_by_cue_words_alone():
    """A review also says 推进/打造/超过 of what was done: cue words alone date a sentence less surely."""
    q = question(GDP, year=2025, kind=TARGET)
    by_cues = evidence(q, "地区生产总值超过700亿元", year=2025, kind=TARGET, rank=1)
    by_cues = replace(by_cues, label=TimeLabel(2025, TARGET, None, "cue"))
    for source in ("year", "section"):
        dated = evidence(q, "地区生产总值810亿元左右", year=2025, kind=TARGET, rank=3)
        dated = replace(dated, label=TimeLabel(2025, TARGET, None, source))
        assert winner(q, by_cues, dated).fact.value == "810亿元左右"


def test_higher_coverage_beats_a_better_retrieval_rank():
    q = question(GDP, "全年")
    partial = evidence(q, "地区生产总值760亿元", rank=1)
    full = evidence(q, "全年完成地区生产总值762亿元", rank=5)
    assert full.coverage > partial.coverage
    assert winner(q, partial, full).fact.value == "762亿元"


def test_a_sentence_not_naming_the_metric_gives_no_candidate():
    q = question(GDP)
    assert figures(q, [evidence(q, "一般公共预算收入90亿元,增长11.4%")]) == []


def test_only_the_year_and_kind_asked_compete_and_the_others_are_offered_nearest_first():
    q = question(GDP, year=2020, kind=TARGET)
    sentences_ = [evidence(q, "地区生产总值762亿元", year=2018, kind=RESULT, rank=1),
                  evidence(q, "地区生产总值目标810亿元", year=2019, kind=TARGET, rank=2)]
    assert figures(q, sentences_) == []
    offered = nearest(q, figures(q, sentences_, timely=False))
    assert [c.fact.value for c in offered] == ["810亿元", "762亿元"]


def test_a_year_given_for_one_side_of_a_comparison_overrides_the_question():
    q = question(GDP, year=2018, kind=RESULT)
    both = [evidence(q, "地区生产总值762亿元", year=2018, kind=RESULT),
            evidence(q, "地区生产总值目标810亿元", year=2019, kind=TARGET, rank=2)]
    assert [c.fact.value for c in figures(q, both, year=2019, kind=TARGET)] == ["810亿元"]


def test_the_order_of_the_reasons():
    """Each reason decides only when all the ones before it are equal."""
    q = question(GDP)
    ev1, ev2 = evidence(q, "地区生产总值762亿元", rank=1), evidence(q, "地区生产总值760亿元", rank=2)

    def cand(ev, **scores):
        base = dict(confidence=1.0, unit_exact=True, clause_coverage=0.5, states_change=True)
        return Candidate(ev, None, ev.sentence, **{**base, **scores})

    cases = [  # (loses, wins): the winner is worse on every later reason
        (cand(ev1, confidence=0.7), cand(ev2, unit_exact=False, clause_coverage=0, states_change=False)),
        (cand(ev1, unit_exact=False, clause_coverage=1.0), cand(ev2, clause_coverage=0, states_change=False)),
        (cand(ev1, clause_coverage=0.4), cand(ev2, states_change=False)),
        (cand(ev1, states_change=False), cand(ev2)),
        (cand(ev1), cand(replace(ev2, label=TimeLabel(2018, RESULT, None, "section")))),
        (cand(ev2), cand(ev1)),
    ]
    for loses, wins in cases:
        assert rank([loses, wins])[0] is wins and rank([wins, loses])[0] is wins


def test_full_ties_keep_reading_order():
    q = question(GDP)
    ev = evidence(q, "地区生产总值762亿元")
    a, b = Candidate(ev, None, "a", 1.0), Candidate(ev, None, "b", 1.0)
    assert [c.window for c in rank([a, b])] == ["a", "b"]
    assert [c.window for c in rank([b, a])] == ["b", "a"]


def test_sentence_answers_rank_by_coverage_then_retrieval_rank():
    q = question("支柱产业", "三大")
    one_word = evidence(q, "支柱产业加快发展", rank=1)
    both_far = evidence(q, "三大支柱产业为电子信息、智能装备、生物医药", rank=4)
    both_near = evidence(q, "三大支柱产业产值增长", rank=2)
    assert sentences(q, [one_word, both_far, both_near]) == [both_near, both_far, one_word]


def test_a_share_of_the_metric_answers_only_a_question_about_a_share():
    """"GDP增长多少" is not answered with "工业对GDP增长贡献率45%", a share of GDP's growth."""
    q = question(GDP, unit="percent", asks_change=True)
    share = evidence(q, "工业对地区生产总值增长贡献率45%", rank=1)
    growth = evidence(q, "地区生产总值增长4.2%左右", rank=2)
    assert winner(q, share, growth).fact.value == "4.2%左右"
    asked = replace(q, normalised="工业对地区生产总值增长贡献率多少", asks_change=False)
    assert winner(asked, share, growth).fact.value == "45%"


def test_the_year_s_own_figure_beats_a_statement_about_a_period_or_a_milestone():
    q = question("粮食产量")
    period = evidence(q, "粮食产量连续13年稳定在430亿斤以上", rank=1)
    exact = evidence(q, "粮食产量达446.1亿斤", rank=2)
    assert winner(q, period, exact).fact.value == "446.1亿斤"
    milestone = evidence(q, "粮食产量迈上1000亿斤台阶", rank=1)
    assert winner(q, milestone, exact).fact.value == "446.1亿斤"
    after = evidence(q, "粮食产量达446.1亿斤、连续13年居全国首位", rank=3)  # said after the figure: still the year's
    assert not figures(q, [after])[0].of_period


def test_the_year_s_own_rate_beats_one_said_against_another_place_s():
    """An overview's GDP line: "增长5.8%", not "经济增速高于全省经济增速0.4个百分点"."""
    q = question(GDP, aliases=("经济增速",))  # as an overview asks it: no unit, no change
    relative = evidence(q, "县域经济增速高于全省经济增速0.4个百分点", rank=1)
    own = evidence(q, "地区生产总值增长5.8%", rank=2)
    assert winner(q, relative, own).fact.value == "5.8%"


def test_a_rank_question_is_answered_by_a_rank_alone():
    """"GDP在全国排第几": the GDP itself is no answer, however well its sentence matches."""
    q = question(GDP, unit="rank")
    ranked = figures(q, [evidence(q, "地区生产总值达13.7万亿元,规模居全国第2位")])
    assert ranked[0].fact.value == "第2位" and ranked[0].confidence == 1.0
    assert [c.confidence for c in ranked if c.fact.value == "13.7万亿元"] == [0.0]


def test_a_clause_naming_the_metric_in_full_beats_one_naming_it_by_a_short_alias():
    q = question("城镇新增就业", aliases=("就业",))
    loose = evidence(q, "新增农村劳动力转移就业40万人", rank=1)
    full = evidence(q, "城镇新增就业110万人以上", rank=2)
    assert winner(q, loose, full).fact.value == "110万人以上"


def test_a_rank_said_in_words_answers_a_rank_question():
    q = question("五上企业", unit="rank")
    ranked = figures(q, [evidence(q, "新增五上企业62户，增量全市第一")])
    assert ranked[0].fact.value == "第1" and ranked[0].confidence == 1.0
    assert ranked[0].window.endswith("增量全市第一")  # quoted as the report wrote it
    assert figures(question("五上企业"), [evidence(q, "新增五上企业62户，增量全市第一")])[0].fact.value == "62户"
    q = question(GDP, unit="rank")
    assert figures(q, [evidence(q, "地区生产总值增长3.9%、总量连续37年居全国首位")])[0].window.endswith("居全国首位")


def _of_period(q, sentence, year=None):
    ev = evidence(q, sentence)
    return replace(ev, label=TimeLabel(year, RESULT, (2021, 2025)))


def test_a_level_a_period_ends_on_answers_for_its_last_year_but_its_yearly_average_does_not():
    q = question(GDP, year=2025)
    said = _of_period(q, "全省地区生产总值达到23562亿元，地区生产总值年均增长5.4%")
    assert [c.fact.value for c in figures(q, [said])] == ["23562亿元"]
    assert figures(question(GDP, year=2024), [said]) == []


def test_with_no_year_asked_a_level_a_reviewed_period_reached_is_a_latest_result():
    q = question("人均地区生产总值", year=None, aliases=("人均gdp",))
    reached = _of_period(q, "人均GDP提高到2025年的7.4万元", year=2025)
    assert [c.fact.value for c in figures(q, [reached])] == ["7.4万元"]
    growth = _of_period(q, "人均GDP年均增长5%", year=None)
    assert figures(q, [growth]) == []
    # a level said with the period's yearly growth is still the level reached, the growth is not
    with_growth = _of_period(q, "人均GDP达到7.4万元，年均增长5%", year=2025)
    assert [c.fact.value for c in figures(q, [with_growth])] == ["7.4万元"]


def test_a_change_from_a_named_year_s_level_answers_for_that_year_with_its_start_alone():
    said = "全县地区生产总值由2007年的90.3亿元跃升到145.1亿元，年均增长13.3%"
    then = question(GDP, year=2007)
    best = winner(then, _of_period(then, said, year=2011))
    assert (best.fact.value, best.window) == ("90.3亿元", "全县地区生产总值由2007年的90.3亿元")
    now = question(GDP, year=None)
    assert winner(now, _of_period(now, said, year=2011)).window == "全县地区生产总值跃升到145.1亿元"
    grew = question(GDP, year=None, asks_change=True)
    assert winner(grew, _of_period(grew, said, year=2011)).window.endswith("145.1亿元，年均增长13.3%")
    assert figures(question(GDP, year=2009), [_of_period(then, said, year=2011)]) == []


def test_with_no_period_named_a_question_in_a_period_s_words_is_answered_by_the_period_s_figure():
    said = _of_period(question(GDP), "全县地区生产总值年均增长13.3%", year=None)
    yearly = replace(question(GDP, year=None, unit="percent"), normalised="生产总值年均增长多少")
    assert [c.fact.value for c in figures(yearly, [said])] == ["13.3%"]
    assert figures(replace(yearly, normalised="生产总值增长多少"), [said]) == []


def test_a_count_asked_is_answered_by_all_there_is_unless_what_is_new_is_asked():
    said_as = "全区新认定高新技术企业227户，高企总数达到476户"
    for asked in ("高新技术企业总共多少家", "高新技术企业多少家"):
        q = replace(question("高新技术企业", unit="count", aliases=("高企",)), normalised=asked)
        assert winner(q, evidence(q, said_as)).fact.value == "476户", asked
    new = replace(question("高新技术企业", unit="count", aliases=("高企",)), normalised="新认定高新技术企业多少家")
    assert winner(new, evidence(new, said_as)).fact.value == "227户"


def test_for_a_period_asked_the_figure_offered_first_is_of_its_last_year():
    q = replace(question("高标准农田", year=None), span=(2021, 2025))  # "十四五期间新建了多少高标准农田"
    said = [evidence(q, "新建改造高标准农田550万亩", year=2024, rank=1),
            evidence(q, "新建改造高标准农田3167万亩", year=2025, rank=2)]
    assert figures(q, said) == []
    assert nearest(q, figures(q, said, timely=False))[0].fact.value == "3167万亩"


def test_a_yearly_average_in_a_sentence_dated_by_the_period_s_last_year_answers_for_the_period():
    q = replace(question(GDP, year=None, unit="percent"), span=(2021, 2025))  # "十四五期间GDP年均增长多少"
    said = evidence(q, "地区生产总值年均增长4.8%，2025年总量比2020年增加超7400亿元", year=2025)
    best = winner(q, said)
    assert best.fact.value == "4.8%" and best.evidence.label.span == (2021, 2025)
    assert figures(q, [evidence(q, "地区生产总值增长5.1%", year=2025)]) == []  # the year's own rate is not


def test_a_clause_opening_with_a_city_within_is_that_city_s_figure_not_the_report_place_s():
    q = question(GDP, "总量")
    city = evidence(q, "酒泉地区生产总值突破千亿、达到1042亿元", rank=1)  # DOC's place is 昆山高新区
    own = evidence(q, "全省地区生产总值达到1.3万亿元", rank=2)
    assert [c.fact.value for c in figures(q, [city, own])] == ["1.3万亿元"]
    zone = evidence(q, "兰州新区地区生产总值达到500亿元")
    zone = replace(zone, hit=replace(zone.hit, doc={**zone.hit.doc, "place": "兰州新区"}))
    assert [c.fact.value for c in figures(q, [zone])] == ["500亿元"]  # its report's place is named after it


def test_a_city_s_name_the_question_says_itself_is_part_of_what_is_asked():
    q = replace(question("集装箱吞吐量", "宁波舟山港"), normalised="宁波舟山港去年集装箱吞吐量是多少")
    port = evidence(q, "宁波舟山港集装箱吞吐量4387万标箱、增长11.6%")  # in 浙江's report; 宁波 is a city
    assert [c.fact.value for c in figures(q, [port])][:1] == ["4387万标箱"]


def test_a_level_a_period_ended_on_is_its_last_year_s_where_that_year_states_none_in_its_unit():
    """"过去五年…生产总值6.66万亿元" is 2025's level when 2025 states only a rate; told as 2025's, it
    beats the rate for a level asked. Where 2025 states its own amount, that one wins."""
    q = question("生产总值", year=2025)
    rate = evidence(q, "生产总值增长5.6%。", rank=1, year=2025)
    period = evidence(q, "生产总值6.66万亿元。", rank=2)
    period = replace(period, label=TimeLabel(None, RESULT, (2021, 2025)))
    best = figures(q, [rate, period])[0]
    assert best.fact.value == "6.66万亿元" and (best.evidence.label.year, best.evidence.label.span) == (2025, None)
    own = evidence(q, "生产总值6.5万亿元。", rank=3, year=2025)
    assert figures(q, [rate, period, own])[0].fact.value == "6.5万亿元"
    # a from-to change over the period ends in 2025 but is the period's change: the year's rate wins
    change = replace(evidence(q, "生产总值从11.37万亿元提高到14.58万亿元。", rank=2),
                     label=TimeLabel(2025, RESULT, (2021, 2025)))
    assert figures(q, [rate, change])[0].fact.value == "5.6%"



def test_a_yearly_average_beside_a_period_s_end_level_answers_no_change_asked_of_its_last_year():
    said = "全县地区生产总值从39.70亿元增长到61.95亿元，年均增长9.3%"
    grew = question(GDP, year=2020, asks_change=True)
    assert figures(grew, [_of_period(grew, said, year=2020)]) == []
    level = question(GDP, year=2020)
    assert [c.fact.value for c in figures(level, [_of_period(level, said, year=2020)])] == ["61.95亿元"]
    rate = _of_period(grew, "全县地区生产总值年均增长9.3%", year=2020)
    assert figures(grew, [rate]) == []
