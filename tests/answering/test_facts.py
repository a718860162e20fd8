"""Which number belongs to which subject, with its growth rate — the shapes the reports use."""
import pytest

from bot.answering.facts import extract, segments, values_in


def by_value(sentence):
    return {f.value: f for f in extract(sentence)}


def test_value_then_its_change_clause():
    facts = by_value("全年完成地区生产总值762亿元,增长7.1%;一般公共预算收入90亿元,增长11.4%,税收占比93.2%")
    assert list(facts) == ["762亿元", "90亿元", "93.2%"]
    gdp = facts["762亿元"]
    assert "地区生产总值" in gdp.subject and gdp.number == 762 and gdp.unit == "亿元"
    assert gdp.change == "增长7.1%" and gdp.window == "全年完成地区生产总值762亿元，增长7.1%"
    assert facts["90亿元"].change == "增长11.4%"
    assert facts["93.2%"].subject == "税收占比" and facts["93.2%"].change is None


def test_listed_subjects_with_respectively():
    """Each listed subject says all a clause of its figure alone would before it, its verb too ("…比重为")."""
    facts = by_value("高新技术产业、新兴产业产值占规上工业产值比重分别为64.1%、63.1%")
    assert facts["64.1%"].subject == "高新技术产业产值占规上工业产值比重为"
    assert facts["63.1%"].subject == "新兴产业产值占规上工业产值比重为"
    assert facts["63.1%"].window == "新兴产业产值占规上工业产值比重为63.1%"


def test_listed_subjects_each_opening_with_its_own_count_keep_it_and_take_their_figures():
    """"678个A项目、49个B项目分别完成…835亿元、289亿元": each kind of project is counted and given its own figure."""
    facts = by_value("678个重点项目、49个省大中型项目分别完成年度投资835亿元、289亿元")
    assert facts["835亿元"].window == "678个重点项目完成年度投资835亿元"
    assert facts["289亿元"].window == "49个省大中型项目完成年度投资289亿元"
    assert (facts["678个"].subject, facts["49个"].subject) == ("重点项目", "省大中型项目")


def test_respectively_changes_go_to_the_figures_before_them_in_order():
    facts = by_value("完成地区生产总值810亿元,一般公共预算收入突破100亿元,工业总产值突破1360亿元,"
                     "分别增长7%、11%、6.3%,全社会固定资产投资保持稳定")
    assert {v: f.change for v, f in facts.items()} == {
        "810亿元": "增长7%", "100亿元": "增长11%", "1360亿元": "增长6.3%"}
    assert facts["1360亿元"].window == "工业总产值突破1360亿元，增长6.3%"


def test_subject_after_the_value():
    (fact,) = extract("100平方公里阳澄湖科技园")
    assert (fact.subject, fact.value, fact.unit) == ("阳澄湖科技园", "100平方公里", "平方公里")


def test_ranks_and_their_change():
    (fact,) = extract("在2018年公布的国家高新区综合评价排名中位列第47位,比上年提升7个名次,实现建区以来最高排名")
    assert fact.value == "第47位" and fact.number == 47 and fact.unit.startswith("第")
    assert fact.change == "比上年提升7个名次"


def test_ranges_and_qualifiers_stay_with_the_value():
    facts = by_value("引育国家级人才4名、“头雁人才”团队1-2个,新增具有重大影响力的创新创业人才及团队5个以上")
    assert set(facts) == {"4名", "1-2个", "5个以上"}
    assert facts["4名"].subject == "引育国家级人才"
    assert facts["1-2个"].number == 1


def test_years_are_not_figures():
    assert extract("2018年,昆山高新区坚持稳中求进工作总基调") == []
    assert [v[2] for v in values_in("2019年新增2家")] == ["2家"]


@pytest.mark.parametrize("sentence, figures", [
    ("2025年1月13日在河北省第十四届人民代表大会第三次会议上", []),
    ("3月14日,南沙区第三届人民代表大会第四次会议开幕", []),
    ("11月6日至10日，总书记亲临视察", []),
    ("从1月11日开始到16日,代表们将认真履行职责", []),  # a range's end names no month of its own
    ("5月17至18日,由广西壮族自治区考核组", []),  # nor when the range's first day leaves out its 日
    ("用时3个月，提前15日完成", ["3个", "15日"]),  # durations are figures
    # news naming the day alone: its dateline, the clause it opens, the clause after the byline
    ("大公网长春17日电(大公报记者赵文博) 17日,长春高新区召开工作会议", []),
    ("20日,提请市十六届人大五次会议审议的政府工作报告", []),
    ("(通讯员某某 记者某某 摄影报道)9日上午,区七届人大三次会议开幕", []),  # the day with its hour
    ("工期缩短至15日上午即可完工", ["15日"]),  # a day's part after a day counted, not after a byline
    ("办理时限缩短至15日,提速50%", ["15日", "50%"]),  # a day counted, at a clause's end
])
def test_calendar_dates_are_not_figures(sentence, figures):
    assert [v[2] for v in values_in(sentence)] == figures


def test_thousands_separator_is_one_number():
    assert segments("投资1,000万元,增长5%") == ["投资1,000万元", "增长5%"]
    (fact,) = extract("投资1,000万元,增长5%")
    assert fact.number == 1000 and fact.change == "增长5%"


def test_a_change_clause_separated_by_another_figure_is_its_own():
    facts = by_value("新增市场主体3.6万户,同比增长112.4%,总量突破12万户,占昆山市36.6%")
    assert facts["3.6万户"].change == "同比增长112.4%"
    assert facts["12万户"].change is None
    assert facts["36.6%"].subject == "占昆山市"


@pytest.mark.parametrize("sentence", ["", "没有数字的句子。", "。，；"])
def test_nothing_to_extract(sentence):
    assert extract(sentence) == []


def test_quotation_marks_stay_balanced_in_a_clause():
    (fact,) = extract("“12345”处置满意率99.7%。")
    assert fact.window.count("“") == fact.window.count("”")


@pytest.mark.parametrize("sentence, value, number, unit", [
    ("地区生产总值增长5.1％", "5.1％", 5.1, "%"),
    ("新增就业１２万人", "１２万人", 12, "万人"),
    ("完成投资１，２００亿元", "１，２００亿元", 1200, "亿元"),
    ("增长５．２％左右", "５．２％左右", 5.2, "%"),
    # a look-alike of the sign (signs.tsv): ℅ (care of) and the Arabic ٪ are read as %
    ("财政总收入增长57.7℅", "57.7℅", 57.7, "%"),
    ("农民收入增长15.2٪左右", "15.2٪左右", 15.2, "%"),
])
def test_a_figure_written_full_width_is_read_and_quoted_as_written(sentence, value, number, unit):
    [fact] = extract(sentence)
    assert (fact.value, fact.number, fact.unit) == (value, number, unit)
    assert value in fact.window


@pytest.mark.parametrize("sentence", ["1—11月规模以上工业能耗强度下降5%", "230个新开工项目9月底前全部开工",
                                      "——20231219日在泉港区会议上", "2025年1月13日在会议上"])
def test_calendar_months_and_days_are_not_figures(sentence):
    assert not [f.value for f in extract(sentence) if f.value.endswith(("月", "日")) or f.value in ("1", "9")]


@pytest.mark.parametrize("sentence, figures", [
    ("3月5日上午9时30分，县十七届人大三次会议在县会议中心开幕", []),
    ("会议于14时开幕，全县生产总值达到100亿元", ["100亿元"]),
    ("下午3点半，会议召开", []),
    ("上午9:30，会议召开；三次产业结构比为33:14:53", ["33:14:53"]),  # a ratio is no time
    ("提出3点意见，用时15分钟", ["3", "15"]),  # points counted, and a duration, are figures
])
def test_a_time_of_day_is_no_figure(sentence, figures):
    assert [v[2] for v in values_in(sentence)] == figures


@pytest.mark.parametrize("sentence, figures", [
    ("社会消费品零售总额、5000万元以上项目投资2项指标增速全市第二", ["2项"]),
    ("引进亿元以上项目25个，其中10亿元以上项目3个", ["25个", "3个"]),
    ("实施5000万元及以上工业项目40个", ["40个"]),
    ("地区生产总值820亿元以上，增长20%以上", ["820亿元以上", "20%以上"]),  # a bound of the metric's own figure
    ("培育10个以上省级先进制造业集群", ["10个以上"]),  # a count with a bound counts what follows
])
def test_a_measure_bounding_a_class_of_things_named_is_no_figure(sentence, figures):
    assert [v[2] for v in values_in(sentence)] == figures


def test_a_count_of_months_or_days_is_a_figure():
    assert [f.value for f in extract("用时3个月建成，历时15日")] == ["3个", "15日"]


def test_a_from_to_change_starts_from_an_earlier_year_s_figure_and_quotes_the_level_reached():
    start, reached, _ = extract("一般公共预算收入从3826.5亿元增长到4398.6亿元，规上工业增加值年均增长6.5%")
    assert start.opening and not reached.opening
    assert reached.reached == "一般公共预算收入增长到4398.6亿元"
    assert reached.window == "一般公共预算收入从3826.5亿元增长到4398.6亿元"  # the whole change, for a period asked


def test_a_change_said_from_a_year_s_figure_with_you_is_a_from_to_change_too():
    start, reached, *_ = extract("全县生产总值由2007年的90.3亿元跃升到145.1亿元，年均增长13.3%")
    assert start.opening and start.value == "90.3亿元"
    assert reached.reached == "全县生产总值跃升到145.1亿元"


def test_a_change_said_to_become_a_figure_with_wei_is_a_from_to_change_of_ratios_written_with_any_colon():
    start, reached = extract("三次产业结构由2012年的8.7∶41.2∶50.1调整为2016年的7.4∶39.6∶53")
    assert (start.value, start.opening, start.since) == ("8.7∶41.2∶50.1", True, 2012)  # quoted as the report wrote it
    assert reached.value == "7.4∶39.6∶53" and reached.reached == "三次产业结构调整为2016年的7.4∶39.6∶53"


def test_respectively_with_its_own_subject_keeps_its_figures():
    """"城镇和农村居民人均可支配收入分别增长4.3%、5.5%" is not a change of the figures before it."""
    facts = extract("全省生产总值增长5.5%，一般公共预算收入增长1.8%，城镇和农村居民人均可支配收入分别增长4.3%、5.5%")
    assert [f.change for f in facts] == [None] * 6
    assert [(f.value, f.window) for f in facts[2:4]] == [("4.3%", "城镇居民人均可支配收入增长4.3%"),
                                                      ("5.5%", "农村居民人均可支配收入增长5.5%")]
    assert facts[4].window == facts[5].window == "城镇和农村居民人均可支配收入分别增长4.3%、5.5%"


def test_bi_zeng_is_a_change_said_short_and_its_rates_go_to_the_figures_before_it():
    facts = by_value("全县生产总值92.51亿元,规上工业增加值10.74亿元,分别比增5.1%和15.3%,增速均排在全市第一")
    assert facts["92.51亿元"].change == "比增5.1%" and facts["10.74亿元"].change == "比增15.3%"
    facts = by_value("固定资产投资71.53亿元、社会消费品零售总额64.48亿元、贸易出口总额2.42亿美元,分别比增2.3%、9.3%和3.8%")
    assert [facts[v].change for v in ("71.53亿元", "64.48亿元", "2.42亿美元")] == ["比增2.3%", "比增9.3%", "比增3.8%"]


def test_a_change_from_a_figure_is_one_clause_with_where_it_went_across_a_comma():
    said = "凭借20年的努力,由初期财政收入275万元全市倒数第一,攀升至2014年的12.86亿元,增长了400多倍"
    assert segments(said)[1] == "由初期财政收入275万元全市倒数第一,攀升至2014年的12.86亿元"
    start, reached = extract(said)
    assert start.opening and start.value == "275万元" and start.started == "由初期财政收入275万元"
    # the metric is named after 由: the level reached is quoted with it, without the start's own word
    assert not reached.opening and reached.reached == "财政收入攀升至2014年的12.86亿元"


def test_a_clause_with_no_figure_before_a_comma_keeps_its_own_clause():
    assert segments("由市财政统筹安排,至2025年底建成30个项目") == ["由市财政统筹安排", "至2025年底建成30个项目"]
    # a change from a year, not from a figure, keeps its two clauses
    assert segments("从2021年起,到2025年累计投资500亿元") == ["从2021年起", "到2025年累计投资500亿元"]


def test_respectively_gives_its_figures_to_the_subjects_a_clause_before_it_lists():
    facts = by_value("而作为我镇传统型支柱产业的印刷业和纺织业,前三季度增长势头也较为明显,与上年同期相比分别增长23.4%和19.1%")
    assert facts["23.4%"].subject == "印刷业增长" and facts["23.4%"].window == "印刷业增长23.4%"
    assert facts["19.1%"].subject == "纺织业增长"


def test_respectively_after_figures_of_its_own_sentence_is_theirs_not_a_list_s_before():
    facts = by_value("工业和农业稳步发展,工业产值3.83亿元,销售收入3.67亿元,分别增长48.36%、104%")
    assert facts["3.83亿元"].change == "增长48.36%" and facts["3.67亿元"].change == "增长104%"
    assert "48.36%" not in facts


def test_multiples_said_respectively_go_to_the_figures_before_them_in_order():
    facts = extract("境内财政收入43.58亿元,公共财政预算收入19.97亿元,分别是“十一五”末的2.35倍和2.85倍,并成功晋级")
    money = {f.value: f.window for f in facts if f.unit == "亿元"}
    assert money == {"43.58亿元": "境内财政收入43.58亿元，是“十一五”末的2.35倍",
                     "19.97亿元": "公共财政预算收入19.97亿元，是“十一五”末的2.85倍"}
    multiples = {f.value: f.subject for f in facts if f.unit == "倍"}
    assert multiples == {"2.35倍": "境内财政收入是“十一五”末的", "2.85倍": "公共财政预算收入是“十一五”末的"}


def test_multiples_not_matching_the_figures_before_stay_as_said():
    facts = extract("境内财政收入43.58亿元,分别是“十一五”末的2.35倍和2.85倍")
    assert next(f for f in facts if f.value == "43.58亿元").window == "境内财政收入43.58亿元"


def test_a_floor_and_an_aim_of_one_subject_are_one_item():
    facts = by_value("社会消费零售总额增长11%,地方公共财政收入确保增长5%、力争增长7%")
    assert facts["5%"].item is None and facts["5%"].window == "地方公共财政收入确保增长5%、力争增长7%"
    items = by_value("实现工业产值3.83亿元、销售收入3.67亿元")  # two subjects stay two items
    assert items["3.67亿元"].item == "销售收入3.67亿元"


@pytest.mark.parametrize("said, value, number, unit", [("过去五年累计投入5亿多元。", "5亿多元", 5, "亿元"),
                                                      ("全镇常住人口3万多人。", "3万多人", 3, "万人"),
                                                      ("新建厂房12万余平方米。", "12万余平方米", 12, "万平方米")])
def test_a_figure_said_with_more_after_its_magnitude_is_read_in_its_unit(said, value, number, unit):
    """"5亿多元": 5亿元 and more, quoted as written, not a bare 5."""
    assert [(f.value, f.number, f.unit) for f in extract(said)] == [(value, number, unit)]

