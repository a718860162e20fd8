"""The house rules a newcomer relies on: dependencies run one way, and the environment is read
in one module. Read from the source with `ast`, so a violation fails here, not in review."""
from __future__ import annotations

import ast

from conftest import ROOT

# A module may import from its own layer and the layers after it in this list, never before.
LAYERS = ["bot.telegram", "bot.evaluation", "bot.answering", "index"]


def modules() -> dict[str, ast.Module]:
    out = {}
    for top in ("bot", "index"):
        for path in (ROOT / top).rglob("*.py"):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
            out[name] = ast.parse(path.read_text(encoding="utf-8"))
    return out


def imports(tree: ast.Module) -> set[str]:
    found = set()
    for node in ast.walk(tree):  # TYPE_CHECKING blocks included
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return found


def layer(module: str) -> int | None:
    return next((i for i, prefix in enumerate(LAYERS) if module == prefix or module.startswith(prefix + ".")),
                None)


def test_dependencies_run_one_way():
    wrong = []
    for name, tree in modules().items():
        mine = layer(name)
        for target in imports(tree):
            theirs = layer(target)
            if mine is None or theirs is None:
                continue
            # telegram and evaluation both sit on answering and know nothing of each other
            if theirs < mine or {mine, theirs} == {0, 1}:
                wrong.append(f"{name} → {target}")
    assert not wrong, wrong


def test_index_knows_nothing_of_telegram_or_questions():
    for name, tree in modules().items():
        if name.startswith("index"):
            assert not {m for m in imports(tree) if m.split(".")[0] in ("bot", "telegram")}, name


def test_only_bot_settings_reads_the_environment():
    readers = []
    for name, tree in modules().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv") \
                    and isinstance(node.value, ast.Name) and node.value.id == "os":
                readers.append(name)
    assert set(readers) == {"bot.settings"}, readers


def test_no_package_folder_is_a_long_flat_list_and_no_module_is_huge():
    for folder in [p for top in ("bot", "index") for p in [ROOT / top, *(ROOT / top).rglob("*")] if p.is_dir()]:
        modules_here = [p for p in folder.glob("*.py") if p.name != "__init__.py"]
        assert len(modules_here) <= 12, folder
        for path in modules_here:
            assert len(path.read_text(encoding="utf-8").splitlines()) <= 400, path
