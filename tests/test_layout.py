"""The house rules a newcomer relies on: dependencies run one way and never in a circle, the
environment is read in one module, no module or folder outgrows one concern, and every vocabulary
file staff may extend is named in the README. Read from the
source with `ast`, so a violation fails here, not in review."""
from __future__ import annotations

import ast
from collections import deque
from functools import cache
from pathlib import Path

from conftest import ROOT

# A module may import from its own layer and the layers after it in this list, never before.
LAYERS = ["bot.telegram", "bot.evaluation", "bot.answering", "index"]
# "A module may be 450 lines when it is one thing; a folder may hold 14 modules when they are one
# concern": a guard against a file or folder that has become several things, not a style rule.
MAX_LINES = 450
MAX_MODULES = 14


@cache
def project() -> dict[str, Path]:
    """Every module of bot and index by its dotted name; a package by its own name (its __init__)."""
    out = {}
    for top in ("bot", "index"):
        for path in (ROOT / top).rglob("*.py"):
            out[".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")] = path
    return out


def modules() -> dict[str, ast.Module]:
    return {name: ast.parse(path.read_text(encoding="utf-8")) for name, path in project().items()}


def imports(module: str, tree: ast.Module, known: dict[str, bool] | None = None) -> set[str]:
    """The absolute names of what `module` imports, `if TYPE_CHECKING:` blocks and imports inside
    functions included. Relative imports are resolved, and `from pkg import name` counts as
    importing the module pkg.name when that is one (`from bot.answering import wording`), else pkg.
    `known` maps each project module to whether it is a package; the project's own by default."""
    if known is None:
        known = {name: path.name == "__init__.py" for name, path in project().items()}
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module.split(".") if known.get(module) else module.split(".")[:-1]
                here = package[:len(package) - (node.level - 1)]
                base = ".".join([*here, *([node.module] if node.module else [])])
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return found


def import_graph() -> dict[str, set[str]]:
    """Which project modules each project module imports."""
    names = project().keys()
    return {name: {m for m in imports(name, tree) if m in names} for name, tree in modules().items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import cycles of `graph`, each a path that ends where it starts ([a, b, a]).

    Tarjan's algorithm finds the groups of modules that reach each other; within each group, the
    shortest cycle through each module is reported once (not every cycle: they may be many)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[set[str]] = []

    def visit(node: str) -> None:  # recursive: the graph is a few dozen modules deep at most
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                group.add(member)
                if member == node:
                    break
            groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)

    found: dict[tuple[str, ...], list[str]] = {}
    for group in groups:
        for start in sorted(group):
            path = _shortest_way_back(graph, start, group)
            if path is None:  # a module alone, not importing itself
                continue
            loop = path[:-1]
            turn = loop.index(min(loop))  # the same cycle, from whichever module, is reported once
            found.setdefault(tuple(loop[turn:] + loop[:turn]), loop[turn:] + loop[:turn + 1])
    return [found[key] for key in sorted(found)]


def _shortest_way_back(graph: dict[str, set[str]], start: str, within: set[str]) -> list[str] | None:
    came_from: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in sorted(graph.get(node, ())):
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return [start, *reversed(path[:-1]), start]
            if nxt in within and nxt not in came_from:
                came_from[nxt] = node
                queue.append(nxt)
    return None


def layer(module: str) -> int | None:
    return next((i for i, prefix in enumerate(LAYERS) if module == prefix or module.startswith(prefix + ".")),
                None)


def test_dependencies_run_one_way():
    wrong = []
    for name, tree in modules().items():
        mine = layer(name)
        for target in imports(name, tree):
            theirs = layer(target)
            if mine is None or theirs is None:
                continue
            # telegram and evaluation both sit on answering and know nothing of each other
            if theirs < mine or {mine, theirs} == {0, 1}:
                wrong.append(f"{name} → {target}")
    assert not wrong, wrong


def test_no_module_imports_itself_back_through_others():
    """A cycle, even one only a type checker follows, makes the modules in it one thing to read,
    test and change: each must be understood with all the others."""
    found = cycles(import_graph())
    assert not found, "import cycles:\n" + "\n".join("  " + " → ".join(c) for c in found)


def test_kinds_of_answer_know_nothing_of_the_answerer_that_uses_them():
    answerer = "bot.answering.answerer"
    wrong = sorted(f"{name} → {target}" for name, targets in import_graph().items()
                   if name.startswith("bot.answering.kinds.")
                   for target in targets if target == answerer or target.startswith(answerer + "."))
    assert not wrong, wrong


def test_index_knows_nothing_of_telegram_or_questions():
    for name, tree in modules().items():
        if name.startswith("index"):
            assert not {m for m in imports(name, tree) if m.split(".")[0] in ("bot", "telegram")}, name


def test_only_bot_settings_reads_the_environment():
    readers = []
    for name, tree in modules().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv") \
                    and isinstance(node.value, ast.Name) and node.value.id == "os":
                readers.append(name)
    assert set(readers) == {"bot.settings"}, readers


def test_no_module_or_folder_outgrows_one_concern():
    too_big = []
    for folder in [p for top in ("bot", "index") for p in [ROOT / top, *(ROOT / top).rglob("*")] if p.is_dir()]:
        modules_here = sorted(p for p in folder.glob("*.py") if p.name != "__init__.py")
        if len(modules_here) > MAX_MODULES:
            too_big.append(f"{folder.relative_to(ROOT)}/: {len(modules_here)} modules > {MAX_MODULES}")
        for path in modules_here:
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > MAX_LINES:
                too_big.append(f"{path.relative_to(ROOT)}: {lines} lines > {MAX_LINES}")
    assert not too_big, too_big


# --- the checks' own machinery, on graphs and sources made by hand ------------------------------

def test_a_cycle_through_three_modules_is_found_and_a_graph_without_one_passes():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"c": {"a"}, "b": {"c", "d"}, "a": {"b"}, "d": set()}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b", "c"}, "b": {"c", "d"}, "c": {"d"}, "d": set()}) == []  # a DAG, diamonds included
    assert cycles({"a": {"a"}, "b": set()}) == [["a", "a"]]
    two = cycles({"a": {"b"}, "b": {"a", "c"}, "c": {"d"}, "d": {"c"}, "e": {"a"}})
    assert two == [["a", "b", "a"], ["c", "d", "c"]]
    assert " → ".join(two[0]) == "a → b → a"


def test_imports_resolve_relative_and_from_package_import_module_forms():
    known = {"bot": True, "bot.answering": True, "bot.answering.wording": False,
             "bot.answering.answerer": False, "bot.answering.evidence": False,
             "bot.answering.kinds": True, "bot.answering.kinds.parts": False, "bot.answering.kinds.places": False}
    source = ("from typing import TYPE_CHECKING\n"
              "from bot.answering import wording\n"
              "from .. import evidence\n"
              "from . import places\n"
              "from ..evidence import Answer\n"
              "import index.text.tokens\n"
              "if TYPE_CHECKING:\n"
              "    from bot.answering.answerer import Answerer\n")
    assert imports("bot.answering.kinds.parts", ast.parse(source), known) == {
        "typing", "bot.answering.wording", "bot.answering.evidence", "bot.answering.kinds.places",
        "index.text.tokens", "bot.answering.answerer"}
    # in a package's __init__, "." is the package itself
    assert imports("bot.answering.kinds", ast.parse("from . import parts\nfrom .. import Answer"), known) \
        == {"bot.answering.kinds.parts", "bot.answering"}


def test_every_vocabulary_file_staff_may_extend_is_named_in_the_readme_table():
    # Staff extend the vocabulary from the README's table; a file missing there is one they never find.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Domain vocabulary", 1)[1].split("\n## ", 1)[0]
    files = [p for folder in ("index/data", "bot/data") for p in sorted((ROOT / folder).iterdir())
             if p.suffix in (".tsv", ".txt")]
    assert len(files) > 30
    missing = [str(p.relative_to(ROOT)) for p in files if f"`{p.relative_to(ROOT)}`" not in table]
    assert missing == []
