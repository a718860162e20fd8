"""Gold question sets: load a JSONL file and validate every line of it."""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path

TYPES = frozenset({"number", "target", "fact", "list", "comparison", "unanswerable"})
_REQUIRED = {
    "id": str,
    "question": str,
    "answer": str,
    "must_contain": list,
    "must_not_contain": list,
    "evidence": str,
    "type": str,
}
_FIELDS = set(_REQUIRED) | {"doc"}


class GoldError(ValueError):
    """A gold file has problems; the message lists all of them, one per line."""

    def __init__(self, path: Path, problems: list[str]):
        self.problems = problems
        super().__init__(f"{path}: {len(problems)} problem(s)\n" + "\n".join(problems))


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

    @property
    def answerable(self) -> bool:
        return self.type != "unanswerable"


def normalise(s: str) -> str:
    """NFKC and no whitespace at all, so that rejoined broken lines still match."""
    return "".join(unicodedata.normalize("NFKC", s).split())


def _problems(obj: object, corpus: list[str] | None) -> list[str]:
    if not isinstance(obj, dict):
        return ["not a JSON object"]
    out = [f"unknown field {k!r}" for k in obj if k not in _FIELDS]
    for name, kind in _REQUIRED.items():
        if name not in obj:
            out.append(f"missing field {name!r}")
        elif not isinstance(obj[name], kind) or (
            kind is list and not all(isinstance(s, str) for s in obj[name])
        ):
            out.append(f"field {name!r} should be {'a list of strings' if kind is list else 'a string'}")
    if obj.get("doc") is not None and not isinstance(obj["doc"], str):
        out.append("field 'doc' should be a string")
    if out:
        return out
    if obj["type"] not in TYPES:
        return [f"unknown type {obj['type']!r} (expected one of {', '.join(sorted(TYPES))})"]
    # Retrieval ranks and scoring are meaningless without these, so they are part of the schema.
    answerable = obj["type"] != "unanswerable"
    if answerable and not (obj["evidence"] and obj["must_contain"]):
        out.append("answerable item needs evidence and must_contain")
    if not answerable and obj["evidence"]:
        out.append("unanswerable item must have empty evidence")
    if corpus is not None and obj["evidence"] and not any(normalise(obj["evidence"]) in t for t in corpus):
        out.append(f"evidence not found in corpus: {obj['evidence']!r}")
    return out


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
            problems.append(f"line {n}: bad JSON: {e.msg} (column {e.colno})")
            continue
        found = _problems(obj, corpus)
        if isinstance(obj, dict) and isinstance(obj.get("id"), str):
            if obj["id"] in first_line:
                found.append(f"duplicate id {obj['id']!r} (first on line {first_line[obj['id']]})")
            else:
                first_line[obj["id"]] = n
        problems += [f"line {n}: {p}" for p in found]
        if not found:
            items.append(GoldItem(
                id=obj["id"], question=obj["question"], answer=obj["answer"],
                must_contain=tuple(obj["must_contain"]), must_not_contain=tuple(obj["must_not_contain"]),
                evidence=obj["evidence"], type=obj["type"], doc=obj.get("doc"),
            ))
    if problems:
        raise GoldError(path, problems)
    return items
