"""Which part of a sentence answers: the figure of the subject asked among figures said together
("A和B…X和Y"), a ratio whole, the figure reached beyond a threshold, a rank among a list of ranks,
the clause the question's own words tell apart, and the holder of the office asked (not its deputy).
Questions read by the parser, answers composed from hand-made evidence."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from handmade import hit

from bot.answering.compose import Composer
from bot.answering.evidence import Evidence, coverage
from bot.answering.facts import extract
from bot.answering.reading.question import parse
from index.text.timelabel import ESTIMATE, RESULT, TARGET, TimeLabel


def _evidence(text: str, sentence: str, year: int):
    q = parse(text, year + 1)
    return q, [Evidence(hit(sentence, 1), sentence, TimeLabel(year, RESULT), *coverage(q, sentence))]


def figure(text: str, sentence: str, year: int = 2020):
    """The figure answering `text` from one sentence, a result of `year`."""
    q, evidence = _evidence(text, sentence, year)
    return Composer(SimpleNamespace(place_of={}, document=lambda doc_id: {}), 0.5).figure(text, q, evidence)


def said(text: str, sentence: str, year: int = 2016):
    """The sentence answer (a name) to `text` from one sentence."""
    q, evidence = _evidence(text, sentence, year)
    return Composer(SimpleNamespace(place_of={}, document=lambda doc_id: {}), 0.5).sentence(text, q, evidence)


INCOMES = ("全区一般公共预算收入总量12.24亿元,同比增长18.06%;城镇和农村常住居民人均可支配收入39,175元和19,156元,"
           "分别同比增长3.7%和7%;三次产业结构比为:33:14:53,产业结构日趋合理。")


@pytest.mark.parametrize("group,own,other,change", [("城镇", "39,175元", "19,156元", "3.7%"),
                                                    ("农村", "19,156元", "39,175元", "7%")])
def test_figures_said_together_without_respectively_go_each_to_its_group(group, own, other, change):
    got = figure(f"{group}居民人均可支配收入多少钱", INCOMES)
    assert not got.abstained and f"{group}常住居民人均可支配收入{own}" in got.answer
    assert other not in got.answer and change in got.answer


def test_subjects_joined_by_and_take_their_figures_in_order():
    facts = extract("全年工业投资和民间投资120亿元和80亿元")
    assert [(f.value, f.window) for f in facts][:2] == [("120亿元", "全年工业投资120亿元"), ("80亿元", "民间投资80亿元")]


def test_a_ratio_written_with_colons_is_one_figure():
    got = figure("三次产业结构比是多少", INCOMES)
    assert not got.abstained and "33:14:53" in got.answer


def test_a_ratio_in_its_own_clause_after_a_colon_keeps_its_subject():
    assert [f.window for f in extract("三次产业结构比为：10.2：41.3：48.5")] == ["三次产业结构比为：10.2：41.3：48.5"]


THRESHOLDS = ("2012年,高新区营业总收入突破2500亿元,达到2600亿元,增长20%;地区生产总值突破600亿,达到686.5亿元,"
              "增长20%;招商引资总额突破400亿元大关。")


def test_the_figure_reached_beyond_a_threshold_answers_not_the_threshold():
    got = figure("2012年营业总收入做到多少了", THRESHOLDS, year=2012)
    assert not got.abstained and "营业总收入达到2600亿元" in got.answer and "2500亿元" not in got.answer


def test_a_threshold_the_report_gives_no_figure_beyond_is_the_figure():
    got = figure("2012年招商引资总额多少", THRESHOLDS, year=2012)
    assert not got.abstained and "400亿元" in got.answer


RANKS = ("荣登全国发展潜力百强县榜首,位居全国百强县投资潜力第3、新型城镇化质量第4、县域经济基本竞争力第5、绿色发展第5、"
         "科技创新第6、工业百强第7,跻身服务业全国10强。")


def test_a_rank_in_a_list_of_ranks_is_shown_as_its_own_item():
    got = figure("科技创新在全国百强县里排第几", RANKS, year=2022)
    assert not got.abstained and "科技创新第6" in got.answer and "全国百强县" in got.answer
    assert not any(other in got.answer for other in ("第3", "第4", "第5", "第7"))


def test_a_distance_asked_is_the_length_said_of_the_place_named():
    """"离临河多远": 离 names where from, 多远 a length; answered by "距…临河区161公里", not another town's."""
    got = figure("离临河多远", "旗政府驻地距巴彦淖尔市驻地临河区161公里,距包头市219公里。", 2008)
    assert not got.abstained and "161公里" in got.answer and "219公里" not in got.answer


DELEGATES = "大会应到代表127人,因事因病请假14人,实到代表113人,符合法定人数。"


@pytest.mark.parametrize("asked,own,other", [("实到", "113人", "127人"), ("应到", "127人", "113人")])
def test_the_clause_the_question_s_own_words_tell_apart_answers(asked, own, other):
    got = figure(f"人代会{asked}代表多少人", DELEGATES)
    assert not got.abstained and own in got.answer and other not in got.answer


def test_a_count_of_the_meeting_s_delegates_is_dated_by_the_meeting_s_day_not_the_year_reviewed():
    q = parse("那次人代会实到代表几个", 2015)
    ev = Evidence(hit(DELEGATES, 1), DELEGATES, TimeLabel(2014, RESULT, None, "meeting"), *coverage(q, DELEGATES))
    reports = SimpleNamespace(place_of={}, document=lambda doc_id: {"date": "2015-02-04"})
    got = Composer(reports, 0.5).figure("那次人代会实到代表几个", q, [ev])
    assert not got.abstained and "113人" in got.answer and "2015年2月4日" in got.answer and "2014" not in got.answer


MEETING = ("德州经济技术开发区党工委书记鄂宏达出席会议并作重要讲话,德州经济技术开发区党工委副书记、管委会常务副主任"
           "赵明国主持会议。")


def test_the_holder_of_the_office_asked_is_named_not_its_deputy():
    got = said("德州经开区党工委书记叫啥", MEETING)
    assert not got.abstained and "鄂宏达" in got.answer and "赵明国" not in got.answer


def test_a_deputy_asked_is_named_not_the_office_holder():
    got = said("德州经开区党工委副书记叫啥", MEETING)
    assert not got.abstained and "赵明国" in got.answer and "鄂宏达" not in got.answer


def test_an_item_is_not_shown_under_the_first_item_s_subject():
    """"人才" opens the list as the first item's own subject, and the item asked says it too."""
    got = figure("头雁人才团队引了几个", "引育国家级人才4名、“头雁人才”团队1-2个。", year=2019)
    assert not got.abstained and "1-2个" in got.answer and "国家级人才“头雁人才”" not in got.answer


def test_figures_among_the_subjects_are_not_subjects():
    """The figures joined before 分别 are the groups' levels, not subjects of the changes: each group gets its own."""
    got = figure("城镇居民收入多少", "2015年城乡居民收入达到23292元和7750元、分别增长8.8%和10%。", year=2015)
    assert not got.abstained and "23292元" in got.answer and "7750元" not in got.answer


def test_listed_whole_names_keep_their_own_words():
    got = figure("规上服务业营收增长多少", "规上工业增加值、规上服务业营收分别增长6.5%和7%。", year=2025)
    assert not got.abstained and "规上服务业营收增长7%" in got.answer and "6.5%" not in got.answer
    got = figure("规上工业增加值增长多少", "规上工业增加值、规上服务业营收分别增长6.5%和7%。", year=2025)
    assert not got.abstained and "规上工业增加值增长6.5%" in got.answer and "营收" not in got.answer


MULTIPLES = "境内财政收入43.58亿元,公共财政预算收入19.97亿元,分别是“十一五”末的2.35倍和2.85倍,并成功晋级为国家级开发区。"


@pytest.mark.parametrize("sentence", [MULTIPLES, "公共财政预算收入19.97亿元,是“十一五”末的2.85倍。"])
def test_a_multiple_asked_is_the_multiple_quoted_with_its_figure(sentence):
    got = figure("公共财政预算收入是十一五末的几倍", sentence, year=2015)
    assert not got.abstained and "公共财政预算收入19.97亿元，是“十一五”末的2.85倍" in got.answer
    assert "2.35倍" not in got.answer


def test_listed_whole_names_share_no_tail_but_lists_of_parts_do():
    sentence = "力争全年交通、水利、能源领域投资额分别达2400亿元、450亿元、1700亿元。"
    got = figure("水利投资额多少", sentence, year=2026)
    assert not got.abstained and "450亿元" in got.answer and "1700亿元" not in got.answer


def test_a_clause_saying_a_word_the_question_excludes_is_no_answer():
    got = figure("人代会实到代表多少人", "大会应到代表127人,符合法定人数。")
    assert got.abstained and "127人" not in got.answer


def test_a_measure_listed_after_a_subject_s_first_measure_is_that_subject_s():
    sentence = "第二产业中食品工业产值、增加值分别增长19.2%、28.3%,其中烟草制品业增长较快。"
    got = figure("食品工业增加值增长多少", sentence, year=2018)
    assert not got.abstained and "28.3%" in got.answer and "19.2%" not in got.answer
    got = figure("食品工业产值增长多少", sentence, year=2018)
    assert not got.abstained and "19.2%" in got.answer and "28.3%" not in got.answer


PROJECT = "完成总投资4152万元的伊河城区段综合整治工程,在伊河县城段形成长2.3公里、总面积70万平方米的水面。"


def test_a_figure_said_of_the_thing_named_after_it_answers_only_for_that_thing():
    """A project's total investment is not the place's investment; asked of the project, it answers."""
    a = figure("去年固定资产投资完成多少", PROJECT)
    assert a.abstained and "4152" not in a.answer.partition("资料中只有")[0]
    a = figure("伊河城区段综合整治工程总投资多少", PROJECT)
    assert not a.abstained and "4152万元" in a.answer
    a = figure("伊河县城段形成的水面有多大", PROJECT)
    assert not a.abstained and "70万平方米" in a.answer


def test_a_change_named_after_its_figure_is_the_figure_s_own():
    a = figure("去年地区生产总值增长多少", "地区生产总值实现8.5%的增长")
    assert not a.abstained and "8.5%" in a.answer


def test_a_figure_in_another_unit_after_the_metric_s_clause_still_quotes_a_clause_with_no_figure_of_its_own():
    a = figure("2020年工业产值多少", "实现工业产值破千亿，全年开复工项目240个以上")
    assert not a.abstained and "工业产值破千亿" in a.answer


FORECAST = "在重大项目的有力带动下,2022年稀土高新区工业总产值将首次突破千亿元大关,预计年底达到1100亿元以上、同比增长50%以上。"


def test_a_figure_reached_said_with_when_beyond_a_threshold_in_words_answers_not_the_threshold():
    # "预计年底达到…" names no subject of its own: its figures are the 工业总产值's, not the 千亿元 threshold
    q = parse("2022年工业总产值预计多少", 2022)
    evidence = [Evidence(hit(FORECAST, 1), FORECAST, TimeLabel(2022, ESTIMATE), *coverage(q, FORECAST))]
    got = Composer(SimpleNamespace(place_of={}, document=lambda doc_id: {}), 0.5).figure(q.text, q, evidence)
    assert not got.abstained and "1100亿元以上" in got.answer


def test_a_rate_beside_the_figure_reached_beyond_a_threshold_is_the_threshold_s_subject_s():
    facts = {f.value: f for f in extract(FORECAST)}
    assert "工业总产值" in facts["50%以上"].window and "工业总产值" in facts["1100亿元以上"].window


def test_a_year_under_way_asked_of_no_kind_takes_an_estimate_answering_in_full_over_a_loose_target():
    # news of November 2022 on its year so far: 今年 is 2022, a year it may still plan
    q = parse("今年预计竣工多少个项目", 2022)
    target, estimate = "组织实施投资亿元以上重大项目125个。", "截至10月底,已竣工项目26个,预计全年竣工项目90个、竣工率72%。"
    evidence = [Evidence(hit(target, 1), target, TimeLabel(2022, TARGET), *coverage(q, target)),
                Evidence(hit(estimate, 2), estimate, TimeLabel(2022, ESTIMATE), *coverage(q, estimate))]
    got = Composer(SimpleNamespace(place_of={}, document=lambda doc_id: {}), 0.5).figure(q.text, q, evidence)
    assert not got.abstained and "90个" in got.answer and "125个" not in got.answer


TARGETS = "今年,全部工业要力争完成产值300亿元,完成增加值85亿元,增长20%,其中规模以上工业力争完成增加值75亿元,增长20%。"


def test_a_bare_measure_after_a_thing_s_measure_and_figure_is_that_thing_s():
    """"…全部工业要力争完成产值300亿元,完成增加值85亿元": 85亿元 is 全部工业's 增加值, the whole the question asks."""
    got = figure("去年工业增加值多少", TARGETS)
    assert not got.abstained and "85亿元" in got.answer and "75亿元" not in got.answer


def test_a_part_named_as_the_question_qualifies_its_metric_answers_it():
    """"规上工业增加值" asks the part "其中规模以上工业力争完成增加值75亿元" names, though in other words and with its verb."""
    got = figure("去年规上工业增加值多少", TARGETS)
    assert not got.abstained and "75亿元" in got.answer and "85亿元" not in got.answer
