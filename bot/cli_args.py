"""The command line's words: its commands, options and help, and argparse's own messages, all
in Chinese. `build_parser` names the command to run (`args.run`); bot.cli runs it.
"""
from __future__ import annotations

import argparse
import re
import sys

EXIT_USAGE = 2
DESCRIPTION = "zoneqa：根据官方报告回答关于昆山高新区的问题"
# argparse's own error messages (Python 3.10–3.13) → what staff read; the last one is the fallback.
ARGPARSE_ERRORS = (
    (r"the following arguments are required: (.+)", "缺少参数：{0}"),
    (r"unrecognized arguments: (.+)", "无法识别的参数：{0}"),
    (r"argument (.+?): invalid choice: '(.*)' \(choose from (.+)\)", "{0} 没有“{1}”这一项，可选：{2}"),
    (r"argument (.+?): invalid (?:int|float) value: '(.*)'", "{0} 的值“{1}”不是数字"),
    (r"argument (.+?): expected (?:one|at least one) argument", "{0} 后面需要一个值"),
    (r"argument (.+?): not allowed with argument (.+)", "{0} 不能和 {1} 同时使用"),
    (r"ambiguous option: (\S+) could match (.+)", "选项 {0} 不明确，可能是：{1}"),
    (r"argument (.+?): (.+)", "{0}：{1}"),  # an ArgumentTypeError of ours, already in Chinese
    (r"(.+)", "参数有误：{0}"),
)
META_NAMES = {"title": "标题", "date": "日期", "place": "地点", "source": "来源"}


class ChineseHelp(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        # argparse names a subcommand by a usage line with an empty prefix: leave that one be.
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """argparse with its headings, help and errors in Chinese; subcommands inherit it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, formatter_class=ChineseHelp, add_help=False, allow_abbrev=False, **kwargs)
        self._positionals.title, self._optionals.title = "参数", "选项"
        self.add_argument("-h", "--help", action="help", help="显示这段帮助并退出")

    def error(self, message: str):
        for pattern, chinese in ARGPARSE_ERRORS:
            if m := re.fullmatch(pattern, message, re.S):
                break
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}：{chinese.format(*m.groups())}（详见 {self.prog} -h）\n")


def _kind_arg(word: str) -> str:
    from bot.answering.catalogue import type_of

    try:
        return type_of(word)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> Parser:
    """Every command and option; each leaf sets `run`, the command bot.cli runs."""
    parser = Parser(prog="zoneqa", description=DESCRIPTION)
    sub = parser.add_subparsers(dest="command", required=True, metavar="命令")

    index = sub.add_parser("index", help="建立检索索引", description="建立检索索引")
    index_sub = index.add_subparsers(dest="index_command", required=True, metavar="子命令")
    build = index_sub.add_parser("build", help="为资料库中的每份报告分段、嵌入并建索引",
                                 description="为资料库中的每份报告分段、嵌入并建索引；只重新嵌入改动过的段落")
    build.add_argument("--corpus", metavar="目录", help="资料库目录（默认：ZONEQA_CORPUS_DIR 或 corpus/）")
    build.set_defaults(run="index build")

    corpus = sub.add_parser("corpus", help="收录、列出、移除报告", description="收录、列出、移除报告")
    corpus_sub = corpus.add_subparsers(dest="corpus_command", required=True, metavar="子命令")
    add = corpus_sub.add_parser("add", help="收录报告（.txt .md .docx .pdf .html）",
                                description="收录报告（.txt .md .docx .pdf .html）；未指定的元数据从报告中识别")
    add.add_argument("files", nargs="+", metavar="文件")
    for field in META_NAMES:
        add.add_argument(f"--{field}", metavar="YYYY-MM-DD" if field == "date" else META_NAMES[field],
                         help=f"报告的{META_NAMES[field]}（不给则从报告中识别）")
    add.add_argument("--future-date", action="store_true", help="接受晚于今天的报告日期（默认拒收，以防日期写错）")
    add.set_defaults(run="corpus add")
    corpus_sub.add_parser("list", help="列出资料库中的报告", description="列出资料库中的报告"
                          ).set_defaults(run="corpus list")
    remove = corpus_sub.add_parser("remove", help="把报告移出资料库（保存在 .removed/）",
                                   description="把报告移出资料库（保存在 .removed/，不会删除）")
    remove.add_argument("doc_id", metavar="报告ID", help="zoneqa corpus list 第一列的报告ID")
    remove.set_defaults(run="corpus remove")

    facts = sub.add_parser("facts", help="列出在用索引识别出的数字及其年份、类型（不加载模型）",
                           description="列出在用索引识别出的数字及其年份、类型（不加载模型）")
    facts.add_argument("--place", metavar="地点", help="只看这个地点（任一名称：河南省、河南）")
    facts.add_argument("--year", type=int, metavar="年份", help="只看这一年（含跨这一年的多年数字）")
    facts.add_argument("--kind", type=_kind_arg, metavar="类型", help="实际、目标、预计或多年")
    facts.add_argument("--doubtful", action="store_true",
                       help="只看标注存疑的数字（如报告里出现了它正在规划的年份的实际值）")
    shown = facts.add_mutually_exclusive_group()
    shown.add_argument("--json", action="store_true", help="每行一个 JSON 对象")
    shown.add_argument("--html", metavar="文件", help="写成一个可筛选、可排序的网页（离线可用）")
    facts.set_defaults(run="facts")

    search = sub.add_parser("search", help="显示为问题检索到的段落", description="显示为问题检索到的段落及其得分")
    search.add_argument("question", nargs="*", metavar="问题")
    search.add_argument("-k", type=int, default=5, metavar="N", help="显示几段（默认 5）")
    search.add_argument("--json", action="store_true", help="输出一个 JSON 列表")
    search.add_argument("--jsonl", action="store_true", help="从标准输入逐行读取问题，每行输出一个 JSON 列表")
    search.set_defaults(run="search")

    ask = sub.add_parser("ask", help="根据报告回答问题", description="根据报告回答问题，并给出出处")
    ask.add_argument("question", nargs="*", metavar="问题")
    ask.add_argument("--json", action="store_true", help="输出一个 JSON 对象（输出约定见 README）")
    ask.add_argument("--jsonl", action="store_true", help="从标准输入逐行读取问题，每行输出一个 JSON 对象")
    ask.set_defaults(run="ask")

    chat = sub.add_parser("chat", help="交互式问答，可以追问", description="交互式问答，可以追问（如“那今年呢？”）")
    chat.set_defaults(run="chat")

    ev = sub.add_parser("eval", help="用金标准评测回答", description="用金标准（JSONL，每行一道题）评测回答")
    ev.add_argument("gold", metavar="GOLD.jsonl", help="金标准文件")
    ev.add_argument("--report", metavar="目录", help="把 report.json 和 report.html 写到这个目录")
    ev.add_argument("--min-accuracy", type=float, metavar="X", help="可作答题的正确率低于 X 时以状态 1 退出")
    ev.add_argument("--min-abstain", type=float, metavar="Y", help="不可作答题的拒答率低于 Y 时以状态 1 退出")
    ev.add_argument("--compare", metavar="OLD.json", help="与以前的 report.json 比较，列出新答错和新答对的题")
    ev.add_argument("--baselines", action="store_true", help="同时评测只取 BM25 或向量检索第一段的基线")
    ev.set_defaults(run="eval")

    sub.add_parser("health", help="检查在用索引能否加载、机器人是否在收到更新",
                   description="检查在用索引能否加载、机器人是否在收到更新（供容器健康检查）"
                   ).set_defaults(run="health")

    tg = sub.add_parser("bot", help="运行 Telegram 机器人（长轮询或 webhook）",
                        description="运行 Telegram 机器人（长轮询，或给出 --webhook 时作为 webhook 服务）")
    tg.add_argument("--webhook", metavar="URL", help="公开的 webhook 地址；不给则用长轮询")
    tg.add_argument("--listen", default="0.0.0.0", metavar="地址", help="webhook 服务监听的地址（默认 0.0.0.0）")
    tg.add_argument("--port", type=int, metavar="端口", help="webhook 服务监听的端口")
    tg.set_defaults(run="bot")
    return parser
