"""Synthetic reports in the corpus format, with gold questions, for the scale benchmark.

    python benchmarks/synth.py OUT_DIR --n 100 [--seed 2019] [--gold OUT_DIR/gold.jsonl]

Deterministic: the same --n and --seed give the same files byte for byte, and report i is the
same whatever --n is (so the 10-report corpus is the first 10 reports of the 1,000-report one).

Each report imitates the real seed (corpus/2019-kunshan-hitech-zone-work-conference.md):
- a metadata header (title, date, place, source, authors, section);
- a title block (column name, headline, slogan, byline) and a list of "在…中推动…高质量；" lines;
- an opening quote, then -- as in the newspaper layout of the seed -- the tail of a results
  paragraph that was cut at the end of the page, and results paragraphs with "…——" lead-ins
  but no heading;
- a targets heading and target paragraphs for the report's year (the same metrics with other
  figures), one of them with a sentence broken across blank lines (sometimes with a photo
  caption inside the break);
- a group of photo captions, the "成绩单" heading, and the results summary for year-1 AFTER the
  targets; the last results paragraph stops mid-sentence and is followed by captions;
- in about a third of the reports a lone photo caption between two paragraphs (the loader can
  only take it for a heading);
- distractors: other figures with the same units (关停企业…家, PCT专利申请…件, 科技拨款…%),
  "处于有效期内的高新技术企业总数突破…家" next to "新增高新技术企业…家".

Every report names a distinct place ("龙泽高新区", "安澜港经开区", …) that matches
(高新区|开发区|工业园区|新区|经开区), contains no question cue, year, numeral or alias of
bot/data/places.tsv, and is no substring of another place.

Questions (gold style, bot/gold.py fields plus `place`, `year`, `metric`, `tags`):
- result: "{place}{year-1}年{metric}是多少？" → must_contain the result figure, must_not_contain
  the target figure;
- target: "{place}{year}年{metric}的目标是多少？" → the target figure, not the result figure;
- unanswerable: the same metrics for a year the report does not cover (year-4, year+2).
Metric names are canonical names of index/data/synonyms.tsv; some questions use an alias.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SYNONYMS = ROOT / "index" / "data" / "synonyms.tsv"
SEED = 2019
PLACE_RE = re.compile(r"(高新区|开发区|工业园区|新区|经开区)$")

# Syllables for place and project names. Excluded on purpose: numerals (一…十, 两, 百, 千, 万),
# year words (今去前上本明年), question and time cues (要 将 比 占 率 实 达 超 获 建 新 增 高 和 …),
# units, and the places of bot/data/places.tsv (昆 山 苏 州 江 上 海 …).
SYLLABLES = ("安宝滨昌潮澄川丹德峰凤福富广汉禾河衡鸿华淮汇嘉金锦晋京靖康澜乐临龙鹿罗洛茂梅"
             "南宁平浦齐庆瑞润沙善韶泰滕桐皖威文武西祥湘襄兴阳扬怡益永余渝岳云湛肇真舟")
MIDS = ("", "", "城", "县", "港", "湖")
ZONES = ("高新区", "开发区", "工业园区", "新区", "经开区")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉萍红娟建文辉力宁鹏林斌宇浩凯嘉"

HEADLINES = ("书写高质量发展满意答卷", "奋力谱写高质量发展新篇章", "争当高质量发展排头兵",
             "交出高质量发展优异答卷", "跑出高质量发展加速度", "绘就高质量发展新画卷")
SLOGANS = ("凝心聚力“全新一跃”", "勇立潮头再出发", "奋楫争先开新局", "实干担当谱新篇",
           "攻坚突破迈新步", "乘势而上启新程")
TARGET_HEADINGS = ("发力“全新一跃” 打造科创之城", "锚定目标再加码 奋力开创新局面",
                   "聚力攻坚突破 建设创新高地", "对标一流争先进 再创发展新优势")
RESULT_HEADINGS = ("高质量发展先看“成绩单”", "亮眼“成绩单” 发展稳中有进", "回眸一年 交出亮眼“成绩单”")
# Lead-ins of the results paragraphs, by topic: (actions, area) wordings to pick from.
LEADS = {
    "tech": (("抓科创、转动能", "经济发展"), ("强创新、育动能", "产业发展")),
    "city": (("提颜值、塑品质", "城乡建设"), ("优生态、美环境", "城乡建设")),
    "life": (("补短板、惠民生", "群众生活"), ("办实事、暖民心", "民生保障")),
    "safety": (("保平安、促稳定", "社会治理"), ("防风险、守底线", "社会治理")),
    "party": (("强基础、优队伍", "基层党建"), ("抓班子、带队伍", "党的建设")),
}
CAPTIONS = ("{p}科技园", "{p}智谷小镇", "{p}生物医药产业园", "机器人特色产业基地", "{p}湖科创走廊",
            "{p}国际科创中心奠基", "{p}集成电路产业园", "人才公寓一期竣工", "{p}湾商业街区",
            "智能装备产业园开园", "{p}中央水廊")
ORDINALS = "一二三四"


@dataclass(frozen=True)
class Metric:
    key: str
    name: str  # canonical name in synonyms.tsv, as the report words it
    unit: str
    aliases: tuple[str, ...] = ()  # other wordings of synonyms.tsv questions may use
    prefix: str = ""  # "新增": the figure counts new ones
    suffix: str = ""  # "占比": the figure is a share
    count_word: str = ""  # "家": "多少家" in questions

    def asked(self, alias: str | None = None) -> str:
        return f"{self.prefix}{alias or self.name}{self.suffix}"


METRICS = (
    Metric("gdp", "地区生产总值", "亿元", ("GDP", "生产总值", "经济总量")),
    Metric("revenue", "一般公共预算收入", "亿元", ("财政收入", "一般预算收入")),
    Metric("industry", "工业总产值", "亿元", ("工业产值",)),
    Metric("trade", "进出口总额", "亿美元", ("外贸总额", "进出口额")),
    Metric("fdi", "实际使用外资", "亿美元", ("利用外资", "到账外资")),
    Metric("services", "服务业增加值", "亿元", ("三产增加值",)),
    Metric("patents", "万人发明专利拥有量", "件", ("每万人发明专利",)),
    Metric("hte", "高新技术企业", "家", ("高企",), prefix="新增", count_word="家"),
    Metric("talent", "国家级人才", "名", ("高层次人才",), prefix="新增", count_word="名"),
    Metric("rd", "全社会研发投入", "%", ("研发投入",), suffix="占比"),
    Metric("air", "空气质量优良天数比率", "%", ("空气优良率", "空气质量优良天数比例")),
)
BY_KEY = {m.key: m for m in METRICS}


def _check_synonyms() -> None:
    """Metric names and aliases must be those of index/data/synonyms.tsv (the bot's vocabulary)."""
    table: dict[str, set[str]] = {}
    for line in SYNONYMS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, aliases = line.partition("\t")
            table.setdefault(name.strip(), set()).update(a.strip() for a in aliases.split("|"))
    for m in METRICS:
        assert m.name in table, f"{m.name} is not a canonical name in {SYNONYMS}"
        unknown = [a for a in m.aliases if a not in table[m.name]]
        assert not unknown, f"{unknown} are not aliases of {m.name} in {SYNONYMS}"


_check_synonyms()


# --- places ------------------------------------------------------------------------------------

def places(n: int, seed: int = SEED) -> list[str]:
    """n distinct place names; the first k are the same for every n >= k."""
    rng = random.Random(f"places-{seed}")
    out: list[str] = []
    seen: set[str] = set()
    while len(out) < n:
        a, b = rng.sample(SYLLABLES, 2)
        name = f"{a}{b}{rng.choice(MIDS)}{rng.choice(ZONES)}"
        stem = PLACE_RE.sub("", name)
        # no place may be a substring of another, nor share its stem (龙泽高新区 / 龙泽新区)
        if stem in seen or any(stem in s or s in stem for s in seen):
            continue
        seen.add(stem)
        out.append(name)
    assert all(PLACE_RE.search(p) for p in out)
    return out


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2))))


def _proper(rng: random.Random) -> str:
    return "".join(rng.sample(SYLLABLES, 2))


# --- figures -----------------------------------------------------------------------------------

def _fmt(x: float, decimals: int) -> str:
    s = f"{x:.{decimals}f}"
    return s.rstrip("0").rstrip(".") if "." in s else s


@dataclass(frozen=True)
class Figure:
    result: str  # number as written, for year-1
    target: str  # number as written, for year
    growth: str = ""  # result growth rate, e.g. "7.1"
    target_growth: str = ""

    def value(self, kind: str, unit: str) -> str:
        return f"{self.result if kind == 'result' else self.target}{unit}"


def _distinct(a: str, b: str, unit: str) -> bool:
    """Neither figure is a substring of the other, so must_not_contain can't match by accident."""
    x, y = a + unit, b + unit
    return a != b and x not in y and y not in x and a not in b and b not in a


def make_figures(rng: random.Random) -> dict[str, Figure]:
    def pair(result: float, grow: tuple[float, float], decimals: int, unit: str) -> tuple[str, str]:
        for _ in range(100):
            r = _fmt(result, decimals)
            for _ in range(20):
                t = _fmt(result * (1 + rng.uniform(*grow)), decimals)
                if _distinct(r, t, unit):
                    return r, t
            result *= 1.013  # "3" and "3.1" can't be told apart by substring: try another result
        raise AssertionError("no distinct target")

    gdp = min(4000.0, max(60.0, rng.lognormvariate(6.2, 0.7)))
    out: dict[str, Figure] = {}
    dec = rng.choice((0, 0, 1))
    r, t = pair(gdp, (0.05, 0.09), dec, "亿元")
    out["gdp"] = Figure(r, t, _fmt(rng.uniform(2.5, 9.8), 1), _fmt(rng.choice((5, 5.5, 6, 6.5, 7, 7.5, 8)), 1))
    r, t = pair(gdp * rng.uniform(0.07, 0.16), (0.06, 0.13), 1, "亿元")
    out["revenue"] = Figure(r, t, _fmt(rng.uniform(3, 15), 1), _fmt(rng.choice((6, 7, 8, 9, 10, 11, 12)), 1))
    r, t = pair(gdp * rng.uniform(1.1, 2.2), (0.04, 0.09), 0, "亿元")
    out["industry"] = Figure(r, t, _fmt(rng.uniform(2, 12), 1), _fmt(rng.choice((4, 5, 5.5, 6, 6.3, 7)), 1))
    r, t = pair(rng.uniform(8, 320), (0.02, 0.09), 1, "亿美元")
    out["trade"] = Figure(r, t, _fmt(rng.uniform(-3, 12), 1))
    r, t = pair(rng.uniform(0.5, 6), (0.03, 0.2), 2, "亿美元")
    out["fdi"] = Figure(r, t)
    r, t = pair(gdp * rng.uniform(0.3, 0.55), (0.06, 0.12), 0, "亿元")
    out["services"] = Figure(r, t, _fmt(rng.uniform(4, 14), 1))
    pat = rng.randint(15, 120)
    r, t = pair(pat, (0.04, 0.15), 0, "件")
    out["patents"] = Figure(r, t)
    for key, lo, hi in (("hte", 20, 260), ("talent", 3, 40)):
        r = str(rng.randint(lo, hi))
        while True:
            t = str(rng.randint(lo, hi))
            if _distinct(r, t, BY_KEY[key].unit):
                break
        out[key] = Figure(r, t)
    r, t = pair(rng.uniform(2.0, 4.6), (0.03, 0.12), 1, "%")
    out["rd"] = Figure(r, t)
    air = rng.uniform(68, 92)
    r = _fmt(air, 1)
    while True:
        t = _fmt(min(98.0, air + rng.uniform(0.5, 5)), 1)
        if _distinct(r, t, "%"):
            break
    out["air"] = Figure(r, t, "", "")
    return out


@dataclass(frozen=True)
class Report:
    index: int
    doc_id: str
    place: str
    year: int
    month: int
    figures: dict[str, Figure] = field(hash=False)
    text_seed: str = ""


def make_reports(n: int, seed: int = SEED) -> list[Report]:
    out = []
    for i, place in enumerate(places(n, seed)):
        rng = random.Random(f"report-{seed}-{i}")
        year = rng.randint(2012, 2023)
        out.append(Report(i, f"{year}-synth-{i:04d}", place, year, rng.randint(1, 3),
                          make_figures(rng), f"text-{seed}-{i}"))
    return out


def edit_one(report: Report, key: str = "industry") -> Report:
    """The same report with one result figure changed (for the incremental-rebuild measurement)."""
    fig = report.figures[key]
    unit = BY_KEY[key].unit
    number = float(fig.result)
    decimals = len(fig.result.split(".")[1]) if "." in fig.result else 0
    for step in range(1, 100):
        new = _fmt(number * (1 + 0.0137 * step), decimals)
        if _distinct(new, fig.target, unit) and new != fig.result:
            break
    return replace(report, figures={**report.figures, key: replace(fig, result=new)})


# --- rendering ---------------------------------------------------------------------------------

@dataclass
class Rendered:
    text: str
    # metric key → (kind → (evidence clause, block index)) ; block indices count the body blocks
    evidence: dict[str, dict[str, tuple[str, int]]]
    broken_block: int  # block whose sentence is broken across a blank line (the first part)
    lone_caption: int | None  # block index of a lone caption between paragraphs, if any
    headings: list[int]  # block indices of real headings


class _Body:
    """Body blocks with bookkeeping of where each metric figure was written."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.evidence: dict[str, dict[str, tuple[str, int]]] = {}

    def add(self, text: str) -> int:
        self.blocks.append(text)
        return len(self.blocks) - 1

    def figure(self, key: str, kind: str, clause: str) -> str:
        """Note that `clause` (containing the figure) goes into the next block added."""
        self.evidence.setdefault(key, {})[kind] = (clause, len(self.blocks))
        return clause


def _unlike(value: float, unit: str, fig: Figure) -> str:
    """A distractor written next to a metric's figure that can't be mistaken for either of its
    figures by substring (so must_not_contain stays meaningful); bumped, not redrawn, so the
    random stream, and thus the rest of the report, is unchanged."""
    decimals = 1 if isinstance(value, float) else 0
    while True:
        s = _fmt(value, decimals)
        if all(_distinct(s, x, unit) for x in (fig.result, fig.target)):
            return s
        value += 1 if decimals == 0 else 0.3


def _pct(x: str) -> str:
    return f"{x}%"


def _growth(g: str) -> str:
    return f"下降{g.lstrip('-')}%" if g.startswith("-") else f"增长{g}%"


def render(report: Report) -> Rendered:
    """The report's file text; the same report always renders to the same text."""
    rng = random.Random(report.text_seed)
    f, P, Y = report.figures, report.place, report.year
    official = f"{P}党工委书记、管委会主任{_name(rng)}"
    authors = [_name(rng) for _ in range(2)]
    reporter = _name(rng)
    headline, slogan = rng.choice(HEADLINES), rng.choice(SLOGANS)
    leads = {k: rng.choice(v) for k, v in LEADS.items()}
    proj = [_proper(rng) for _ in range(14)]
    captions = [c.format(p=p) for c, p in zip(rng.sample(CAPTIONS, 7), proj[7:])]
    b = _Body()

    # title block and the lead-in list
    b.add("聚焦两会")
    b.add(headline)
    b.add(f"{P}{slogan}")
    b.add(f"► {' '.join(authors)} 本报记者 {reporter}")
    b.add("\n".join(f"在{a}中推动{c}高质量；" for a, c in leads.values()) + "\n……")

    # opening quote
    b.add(f"“{Y - 1}年,{P}坚持稳中求进工作总基调,贯彻新发展理念,紧扣高质量发展要求,以解放思想为动力,"
          f"以人才科创为主方向,迎难而上,开拓进取,取得了经济社会发展和党的建设新成效。”在日前召开的{P}"
          f"工作会议上,{official}表示,{Y}年是{rng.choice(('决胜全面建成小康社会的关键之年', '实施新一轮三年提升工程的开局之年', '推动更高质量发展的攻坚之年'))},"
          f"{P}将不忘初心、牢记使命,锐意进取、争先进位,以实际行动和更好成效推动发展实现新的跨越。")

    # the tail of the last results paragraph, continued from the end of the page (no heading)
    word = f"{proj[6]}众创空间"
    cut = rng.randint(1, len(word) - 1)
    tail_head, tail_rest = word[:cut], word[cut:]
    b.add(f"{tail_rest}成为省级众创空间。{proj[0]}智能装备制造基地入选省级科技成果产业化基地。"
          f"{proj[1]}医药获评市级“独角兽”企业。处于有效期内的高新技术企业总数突破{int(f['hte'].result) * 3 + rng.randint(5, 90)}家。"
          f"引进院士重大战略科技成果转化项目{rng.randint(2, 6)}个,"
          + b.figure("talent", "result", f"新增国家级人才{f['talent'].result}名") +
          f"、省双创人才和博士{_unlike(rng.randint(3, 20), '名', f['talent'])}名。"
          + b.figure("patents", "result", f"万人发明专利拥有量{f['patents'].result}件") + "。")

    # results paragraphs with lead-ins, still before the targets (newspaper layout)
    a, c = leads["city"]
    b.add(f"在{a}中推动{c}高质量——有序开展区内{rng.randint(8, 40)}条市政道路建设。新建公厕{rng.randint(5, 30)}座。"
          f"新增永久绿地{_fmt(rng.uniform(5, 40), 1)}万平方米。深入开展专项行动,关停搬迁化工企业{rng.randint(3, 25)}家,"
          f"超额完成年度减煤任务。"
          + b.figure("air", "result", f"空气质量优良天数比例{_pct(f['air'].result)}")
          + f",同比提高{rng.randint(1, 6)}个百分点。拆旧复垦{rng.randint(300, 2500)}亩,实现{rng.randint(300, 2500)}亩低效用地再利用。")
    lone_at = rng.random() < 0.35 and rng.choice(("results", "targets"))
    lone_caption = None
    if lone_at == "results":
        lone_caption = b.add(captions[3])
    a, c = leads["life"]
    b.add(f"在{a}中推动{c}高质量——公共服务支出增长{_fmt(rng.uniform(5, 15), 1)}%。建成学校{rng.randint(2, 15)}所,"
          f"新增学位{rng.randint(800, 6000)}个。发放各类救助金{rng.randint(100, 900)}余万元。新增市场主体"
          f"{_fmt(rng.uniform(0.5, 5), 1)}万户,同比增长{_fmt(rng.uniform(5, 60), 1)}%。")
    a, c = leads["safety"]
    b.add(f"在{a}中推动{c}高质量——成立{rng.randint(3, 8)}个安全生产专业委员会,开展{rng.randint(10, 40)}个重点行业领域专项整治,"
          f"“智慧安监”平台接入企业{rng.randint(500, 3000)}家。网格事件办结率{_fmt(rng.uniform(97, 99.9), 1)}%。"
          f"“12345”处置满意率{_fmt(rng.uniform(97, 99.9), 1)}%。")
    if rng.random() < 0.6:
        a, c = leads["party"]
        b.add(f"在{a}中推动{c}高质量——全面落实意识形态工作责任制,引导干部群众树牢“四个意识”、增强“四个自信”。"
              f"推进“红色头雁”工程,签订党建责任书{rng.randint(100, 600)}份,“书记项目”立项{rng.randint(50, 400)}个。"
              f"建成党群服务站{rng.randint(10, 50)}个,党群服务点{rng.randint(3, 20)}个。各群团组织坚持聚焦中心、服务大局,"
              "青工妇等事业持续焕发活力。")

    # targets
    headings = [b.add(rng.choice(TARGET_HEADINGS))]
    b.add(f"对于真抓实干的{P}人来说,取得的成绩只是再出发的一个新起点。{Y}年,{P}再接再厉,目标任务再加码:"
          + b.figure("gdp", "target", f"完成地区生产总值{f['gdp'].target}亿元")
          + "," + b.figure("revenue", "target", f"一般公共预算收入突破{f['revenue'].target}亿元")
          + "," + b.figure("industry", "target", f"工业总产值突破{f['industry'].target}亿元")
          + f",分别增长{f['gdp'].target_growth}%、{f['revenue'].target_growth}%、{f['industry'].target_growth}%,"
          "全社会固定资产投资保持稳定,高新技术产业、新兴产业产值占规上工业产值比重均提升1个百分点以上,"
          "城乡居民可支配收入增幅高于地区生产总值增幅。")
    b.add(f"“{Y}年,我们倍感振奋、倍添信心,要把思想和行动统一到全年工作总要求和目标任务上来,坚持变中求新、"
          f"新中求进、进中突破,以真抓实干的实际行动交出优异答卷。”{official.split('主任')[-1]}表示。")
    if lone_at == "targets":
        lone_caption = b.add(captions[3])

    # "一要…": a sentence broken across blank lines, sometimes with a caption inside the break
    patents = b.figure("patents", "target", f"万人发明专利拥有量达到{f['patents'].target}件")
    rd = b.figure("rd", "target", f"全社会研发投入占比达到{_pct(f['rd'].target)}")
    broken = (f"要加快营造质量效益“高”的生态,重视高价值专利培育,力争实现规上工业企业发明专利授权全覆盖,"
              f"{patents},PCT专利申请超{_unlike(rng.randint(20, 90), '件', f['patents'])}件,{rd},科技拨款占财政支出比例达"
              f"{_unlike(rng.uniform(4, 10), '%', f['rd'])}%。")
    start = broken.index("重视")
    at = rng.randint(start + 2, len(broken) - 8)
    while broken[at - 1].isdigit() or broken[at].isdigit() or broken[at] in ".%":
        at -= 1
    first = (f"{ORDINALS[0]}要推动人才提质、科创增效,全力建设{proj[0]}科创中心核心区。深入实施自主创新示范区三年提升工程,"
             f"加快推进{rng.randint(20, 150)}平方公里{proj[2]}科技园建设,新增新型研发机构{rng.randint(2, 6)}个,"
             f"实施产学研合作项目{rng.randint(30, 150)}个。" + broken[:at])
    broken_block = b.add(first)
    if rng.random() < 0.5:
        b.add(captions[4])  # a caption inside the broken sentence
    else:
        b.blocks[-1] += "\n\n"  # just more blank lines, as in the seed ("始\n\n\n\n终")
    b.add(broken[at:])
    # the evidence of a figure written after the break lives in the continuation block
    for key in ("patents", "rd"):
        clause, idx = b.evidence[key]["target"]
        if broken.index(clause) >= at:
            b.evidence[key]["target"] = (clause, len(b.blocks) - 1)

    b.add(f"{ORDINALS[1]}要推动经济提质、发展增效,全力建设创新特色先导区。首先是力保经济稳健运行,引进掌握核心技术、"
          f"投资体量大的重大项目{rng.randint(2, 6)}个以上,确保年度{rng.randint(5, 20)}个市级重大产业项目实现"
          f"{_fmt(rng.uniform(10, 90), 1)}亿元投资目标,新增上市挂牌企业{rng.randint(2, 5)}家以上。其次是力促动能加速转换,"
          "深入实施高新技术企业培育三年行动计划,"
          + b.figure("hte", "target", f"新增高新技术企业{f['hte'].target}家")
          + f",培育“独角兽”“瞪羚”企业{_unlike(rng.randint(2, 6), '家', f['hte'])}家,"
          + b.figure("talent", "target", f"引育国家级人才{f['talent'].target}名") + "。")
    b.add("第三是力促开放型经济提质增效,"
          + b.figure("trade", "target", f"进出口总额力争达到{f['trade'].target}亿美元")
          + "," + b.figure("fdi", "target", f"到账外资{f['fdi'].target}亿美元以上")
          + "," + b.figure("services", "target", f"服务业增加值达到{f['services'].target}亿元")
          + f",新增省级以上跨国公司地区总部和功能性机构{rng.randint(2, 4)}家。")
    b.add(f"{ORDINALS[2]}要推动城乡提质、生态增效,全力建设美丽宜居样板区。深化生态文明建设,"
          + b.figure("air", "target", f"空气质量优良天数比例达到{_pct(f['air'].target)}")
          + f",盘活低效用地{rng.randint(500, 2000)}亩,清理处置已批未开发用地{rng.randint(200, 900)}亩,"
          "使城市更靓,农村更美,环境更优。")
    if rng.random() < 0.6:
        b.add(f"{ORDINALS[3]}要推动民生提质、保障增效,全力建设幸福平安示范区。坚持以人民为中心的发展思想,新建学校"
              f"{rng.randint(2, 10)}所,新增学位{rng.randint(1000, 6000)}个,建成动迁房{_fmt(rng.uniform(10, 60), 1)}万平方米,"
              "持续充实群众获得感幸福感安全感。")
    if rng.random() < 0.6:
        b.add("推动高质量发展,关键在于党的领导,关键在于干部队伍建设。要认真落实新时代党的建设总要求,"
              "围绕“忠诚、担当、落实、创新、清正”,深入推进党的思想、组织、作风、反腐倡廉建设,"
              "为各项工作有效开展提供坚强保障。")
    if rng.random() < 0.5:
        b.add(f"如何交出优异的高质量答卷?{P}给出的答案是,要有更高的目标追求、更准的角色定位和更强的使命担当。"
              "更高的目标追求,就是面对不断变化的发展环境和日趋激烈的竞争态势,要以“归零再出发”的心态、"
              "“跳起来摘果子”的姿态,主动把自己放在更高的发展“坐标系”。")
    b.add(f"“新年要有新气象,更要有新作为。”{official.split('主任')[-1]}总结说,“{Y}年,{P}将以时不我待、只争朝夕的"
          "精神姿态,为实现争先进位而努力奋斗。”")

    # captions, then the results summary after the targets
    for cap in captions[:3]:
        b.add(cap)
    headings.append(b.add(rng.choice(RESULT_HEADINGS)))
    parts = [
        b.figure("revenue", "result", f"一般公共预算收入{f['revenue'].result}亿元")
        + f",{_growth(f['revenue'].growth)},税收占比{_fmt(rng.uniform(80, 95), 1)}%",
        b.figure("industry", "result", f"工业总产值{f['industry'].result}亿元") + f",{_growth(f['industry'].growth)}",
        b.figure("fdi", "result", f"到账外资{f['fdi'].result}亿美元")
        + f",新增注册内资{_fmt(rng.uniform(20, 400), 1)}亿元",
        b.figure("trade", "result", f"进出口总额{f['trade'].result}亿美元") + f",{_growth(f['trade'].growth)}",
        b.figure("services", "result", f"服务业增加值{f['services'].result}亿元") + f",{_growth(f['services'].growth)}",
    ]
    rng.shuffle(parts)
    b.add(f"{Y - 1}年,{P}全年"
          + b.figure("gdp", "result", f"完成地区生产总值{f['gdp'].result}亿元") + f",{_growth(f['gdp'].growth)};"
          + ";".join(parts) + ";"
          + b.figure("rd", "result", f"全社会研发投入占比达{_pct(f['rd'].result)}")
          + f"。在国家高新区综合评价排名中位列第{rng.randint(20, 160)}位。")
    a, c = leads["tech"]
    b.add(f"在{a}中推动{c}高质量——{P}获批建设省级创新型特色园区。{proj[3]}国际科创中心成功落户,"
          f"{proj[4]}总部签约落户。新增新型研发机构{rng.randint(2, 5)}家。"
          + b.figure("hte", "result", f"新增高新技术企业{f['hte'].result}家")
          + f"。{proj[5]}生物医药产业园创业服务中心获评省级科技企业孵化器,{tail_head}")
    for cap in captions[5:7]:
        b.add(cap)

    body = "\n\n".join(b.blocks)
    meta = (f"---\ntitle: {headline} {P}{slogan}（{Y}年{P}工作会议）\ndate: {Y}-{report.month:02d}\n"
            f"place: {P}\nsource: 报纸专版“聚焦两会”，{' '.join(authors)} 本报记者 {reporter}\n"
            f"authors: {' '.join(authors + [reporter])}\nsection: 聚焦两会\n---\n\n\n")
    return Rendered(meta + body + "\n", b.evidence, broken_block, lone_caption, headings)


# --- questions ---------------------------------------------------------------------------------

RESULT_TEMPLATES = ("{place}{y}年{m}是多少？", "{place}{y}年{m}多少", "{y}年{place}{m}是多少？",
                    "{place}{y}年{m}完成了多少？")
TARGET_TEMPLATES = ("{place}{y}年{m}的目标是多少？", "{place}{y}年{m}目标多少", "{y}年{place}计划{m}达到多少？",
                    "{place}{y}年{m}力争达到多少？")
COUNT_RESULT = ("{place}{y}年{m}多少{u}？", "{y}年{place}{m}几{u}？")
COUNT_TARGET = ("{place}{y}年计划{m}多少{u}？", "{place}{y}年{m}的目标是多少{u}？")


def _sentence_of(text: str, clause: str) -> str:
    """The sentence holding `clause`, whitespace removed (a broken one is rejoined)."""
    flat, clause = re.sub(r"\s+", "", text), re.sub(r"\s+", "", clause)
    at = flat.find(clause)
    if at < 0:
        return clause
    ends = "。！？!?；;"
    start = max(flat.rfind(ch, 0, at) for ch in ends) + 1
    stop = min((i for i in (flat.find(ch, at + len(clause)) for ch in ends) if i >= 0), default=len(flat))
    return flat[start:stop + 1]


def questions(report: Report, rendered: Rendered | None = None) -> list[dict]:
    """Gold-style questions for one report: a result and a target question per metric, and two
    unanswerable ones (years the report does not cover)."""
    rendered = rendered or render(report)
    rng = random.Random(f"questions-{report.text_seed}")
    out = []
    for m in METRICS:
        fig = report.figures[m.key]
        for kind, year in (("result", report.year - 1), ("target", report.year)):
            alias = rng.choice(m.aliases) if m.aliases and rng.random() < 0.25 else None
            if m.count_word:
                tpl = rng.choice(COUNT_RESULT if kind == "result" else COUNT_TARGET)
            else:
                tpl = rng.choice(RESULT_TEMPLATES if kind == "result" else TARGET_TEMPLATES)
            q = tpl.format(place=report.place, y=year, m=m.asked(alias), u=m.count_word)
            other = "target" if kind == "result" else "result"
            clause, block = rendered.evidence[m.key][kind]
            tags = [kind]
            if alias:
                tags.append("alias")
            if m.key in ("patents", "rd") and kind == "target":
                tags.append("broken-sentence")  # the sentence is cut by blank lines (or a caption)
                if clause not in rendered.text:
                    tags.append("broken-clause")  # … inside this very clause
            if rendered.lone_caption is not None and block > rendered.lone_caption \
                    and not any(rendered.lone_caption < h < block for h in rendered.headings):
                tags.append("after-lone-caption")
            must_not = [fig.value(other, m.unit)]
            if must_not[0] in _sentence_of(rendered.text, clause):
                must_not = []  # the same string stands for something else right there
                tags.append("must-not-dropped")
            out.append({
                "id": f"{report.doc_id}-{m.key}-{kind}",
                "question": q,
                "answer": f"{report.place}{year}年{m.asked()}{fig.value(kind, m.unit)}",
                "must_contain": [fig.value(kind, m.unit)],
                "must_not_contain": must_not,
                "evidence": clause,
                "type": "number" if kind == "result" else "target",
                "doc": report.doc_id,
                "place": report.place, "year": year, "metric": m.key, "kind": kind, "tags": tags,
            })
    for year, word in ((report.year - 4, ""), (report.year + 2, "的目标")):
        m = rng.choice(METRICS)
        out.append({
            "id": f"{report.doc_id}-{m.key}-none-{year}",
            "question": f"{report.place}{year}年{m.asked()}{word}是多少？",
            "answer": "", "must_contain": [], "must_not_contain": [], "evidence": "",
            "type": "unanswerable", "doc": report.doc_id,
            "place": report.place, "year": year, "metric": m.key, "kind": None, "tags": ["unanswerable"],
        })
    return out


def sample_questions(all_questions: list[dict], k: int, seed: int = SEED) -> list[dict]:
    """k questions: about 10% unanswerable (at least 1), the rest half result, half target."""
    rng = random.Random(f"sample-{seed}-{k}")
    pools = {t: [q for q in all_questions if q["type"] == t] for t in ("number", "target", "unanswerable")}
    n_none = max(1, round(k * 0.1)) if k > 1 else 0
    n_target = (k - n_none) // 2
    n_result = k - n_none - n_target
    picked = []
    for t, n in (("number", n_result), ("target", n_target), ("unanswerable", n_none)):
        picked += rng.sample(pools[t], min(n, len(pools[t])))
    rng.shuffle(picked)
    return picked


def write_report(report: Report, corpus_dir: Path) -> tuple[Path, Rendered]:
    rendered = render(report)
    path = corpus_dir / f"{report.doc_id}.md"
    path.write_text(rendered.text, encoding="utf-8")
    return path, rendered


def write_corpus(reports: list[Report], corpus_dir: Path) -> list[dict]:
    """Write every report into `corpus_dir`; return all their questions."""
    corpus_dir.mkdir(parents=True, exist_ok=True)
    out = []
    for r in reports:
        _, rendered = write_report(r, corpus_dir)
        out += questions(r, rendered)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="corpus directory to write")
    parser.add_argument("--n", type=int, default=10, help="number of reports")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--gold", type=Path, help="also write all questions as JSONL here")
    args = parser.parse_args(argv)
    reports = make_reports(args.n, args.seed)
    qs = write_corpus(reports, args.out)
    if args.gold:
        args.gold.write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in qs), encoding="utf-8")
    sizes = [len(render(r).text) for r in reports]
    print(f"{len(reports)} reports in {args.out}: {min(sizes)}–{max(sizes)} chars "
          f"(mean {sum(sizes) / len(sizes):.0f}), {len(qs)} questions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
