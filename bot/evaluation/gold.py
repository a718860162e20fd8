"""Gold question sets: load a JSONL file and check every line of it.

Only what protects a score is checked: valid JSON, the required fields and their types, evidence
that exists in the corpus, unique ids. Any other key is kept as `extra` for the report, and `type`
is a free label: only `unanswerable` changes how an item is scored. Problems are for staff, so
they are worded in Chinese.

A follow-up ("那前年呢") is only a question within its conversation: `after` lists the questions
asked before it in the same chat, in order, and the evaluator asks them first.
"""
from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

UNANSWERABLE = "unanswerable"
_REQUIRED = {
    "id": str,
    "question": str,
    "answer": str,
    "must_contain": list,
    "must_not_contain": list,
    "evidence": str,
    "type": str,
}
_OPTIONAL = {"doc": str, "after": list}


class GoldError(ValueError):
    """A gold file has problems; the message lists all of them, one per line."""

    def __init__(self, path: Path, problems: list[str]):
        self.problems = problems
        super().__init__(f"{path}：共 {len(problems)} 处问题\n" + "\n".join(problems))


@dataclass(frozen=True)
class GoldItem:
    id: str
    question: str
    answer: str
    must_contain: tuple[str, ...]
    must_not_contain: tuple[str, ...]
    evidence: str
    type: str
    doc: str | None = None
    # The questions asked before this one in the same chat, oldest first; empty for a question on its own.
    after: tuple[str, ...] = ()
    # The line's other keys (notes, sources, …): shown in the report, never scored.
    extra: dict = field(default_factory=dict, hash=False)

    @property
    def answerable(self) -> bool:
        return self.type != UNANSWERABLE


def type_order(labels: Iterable[str]) -> list[str]:
    """The labels in the order every per-type table uses: alphabetical, `unanswerable` last."""
    return sorted(set(labels), key=lambda t: (t == UNANSWERABLE, t))


def normalise(s: str) -> str:
    """NFKC and no whitespace at all, so that rejoined broken lines still match."""
    return "".join(unicodedata.normalize("NFKC", s).split())


def _wrong_type(name: str, value: object, kind: type) -> str | None:
    if kind is list:
        ok = isinstance(value, list) and all(isinstance(s, str) for s in value)
        return None if ok else f"字段 '{name}' 应为字符串列表"
    return None if isinstance(value, kind) else f"字段 '{name}' 应为字符串"


def _problems(obj: object, corpus: list[str] | None) -> list[str]:
    """What is wrong with one parsed line (without its line number); empty when it can be scored."""
    if not isinstance(obj, dict):
        return ["不是 JSON 对象"]
    out = []
    for name, kind in _REQUIRED.items():
        if name not in obj:
            out.append(f"缺少字段 '{name}'")
        elif problem := _wrong_type(name, obj[name], kind):
            out.append(problem)
    for name, kind in _OPTIONAL.items():
        if obj.get(name) is not None and (problem := _wrong_type(name, obj[name], kind)):
            out.append(problem)
    after = obj.get("after")
    if isinstance(after, list) and any(isinstance(s, str) and not s.strip() for s in after):
        out.append("字段 'after' 中的问题不能为空")  # a follow-up's earlier questions, each one asked
    if out:
        return out
    # Retrieval ranks and scoring are meaningless without these, so they are part of the schema.
    answerable = obj["type"] != UNANSWERABLE
    if answerable and not (obj["evidence"] and obj["must_contain"]):
        out.append("可作答的题目需要填写 evidence 和 must_contain")
    if not answerable and obj["evidence"]:
        out.append(f"{UNANSWERABLE} 题目的 evidence 必须为空")
    if corpus is not None and obj["evidence"] and not any(normalise(obj["evidence"]) in t for t in corpus):
        out.append(f"语料中找不到 evidence：{obj['evidence']!r}")
    return out


def _item(obj: dict) -> GoldItem:
    return GoldItem(
        id=obj["id"], question=obj["question"], answer=obj["answer"],
        must_contain=tuple(obj["must_contain"]), must_not_contain=tuple(obj["must_not_contain"]),
        evidence=obj["evidence"], type=obj["type"], doc=obj.get("doc"), after=tuple(obj.get("after") or ()),
        extra={k: v for k, v in obj.items() if k not in _REQUIRED and k not in _OPTIONAL},
    )


def load_gold(path: Path, corpus_texts: list[str] | None = None) -> list[GoldItem]:
    """Read a gold JSONL file; raise GoldError listing every problem with its line number."""
    corpus = None if corpus_texts is None else [normalise(t) for t in corpus_texts]
    items: list[GoldItem] = []
    problems: list[str] = []
    first_line: dict[str, int] = {}
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"第{n}行：JSON 格式错误：{e.msg}（第{e.colno}列）")
            continue
        found = _problems(obj, corpus)
        if isinstance(obj, dict) and isinstance(obj.get("id"), str):
            if obj["id"] in first_line:
                found.append(f"id {obj['id']!r} 重复（首次出现在第{first_line[obj['id']]}行）")
            else:
                first_line[obj["id"]] = n
        problems += [f"第{n}行：{p}" for p in found]
        if not found:
            items.append(_item(obj))
    if problems:
        raise GoldError(path, problems)
    return items
