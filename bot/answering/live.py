"""Serving answers while the index is rebuilt: build beside the old one, check, swap.

Questions keep going to the answerer in use until a new index version is complete and has
passed a check; then one reference assignment switches to it. The build runs in a child process
(index.childbuild), so a crash or an out-of-memory kill of it leaves this process serving the
old index. The check runs here, while the child holds the build lock, so that the version is
checked and switched to on disk before another build can start (which removes versions that
never served). A failed build or check leaves the old one
serving and says why. An index built elsewhere (`zoneqa index build` while the bot runs) is
picked up by `refresh_if_changed`.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from bot.answering.answerer import Answerer
from bot.answering.evidence import Answer
from index import store
from index.builder import BuildError, BuildReport
from index.childbuild import BuildCrashed, build_in_child
from bot.answering.settings import AnswerSettings
from index.settings import IndexSettings
from index.reading.documents import CorpusError
from index.search.searcher import Searcher

log = logging.getLogger(__name__)


class ReindexFailed(RuntimeError):
    """The new index was not switched to; the old one still serves."""


@dataclass(frozen=True)
class Swap:
    report: BuildReport | None
    version: Path
    documents: int


class LiveAnswerer:
    """An `Answerer` that can be replaced under load. Same `ask`/`documents` interface."""

    def __init__(self, index: IndexSettings, settings: AnswerSettings, answerer: Answerer):
        self.index = index
        self.settings = settings
        self._current = answerer
        self._version = answerer.searcher.index.path
        self._lock = threading.Lock()  # one rebuild at a time

    @classmethod
    def load(cls, index: IndexSettings, settings: AnswerSettings) -> "LiveAnswerer":
        answerer = Answerer.load(index, settings)
        answerer.exemplars()  # encoded (or read back) now, not while the first citizen waits
        return cls(index, settings, answerer)

    @property
    def current(self) -> Answerer:
        return self._current

    def ask(self, question: str, previous: Answer | None = None) -> Answer:
        return self._current.ask(question, previous)

    def documents(self) -> list[dict]:
        return self._current.documents()

    def chunk_count(self, doc_id: str) -> int:
        """How many passages of report `doc_id` the index in use holds."""
        start, stop = self._current.searcher.index.documents.get(doc_id, {}).get("rows", (0, 0))
        return stop - start

    def _check(self, candidate: Answerer) -> None:
        """A new index must load, hold every readable report and return passages."""
        docs = candidate.documents()
        if not docs:
            raise ReindexFailed("新索引里一份报告也没有")
        probe = docs[0]["title"]
        if not candidate.searcher.search(probe, k=1):
            raise ReindexFailed(f"新索引用报告自己的标题（{probe}）也检索不到任何段落")

    def _loaded(self, version: Path) -> Answerer:
        """An answerer over `version`, loaded beside the one in use and checked."""
        # the reports the index in use holds unchanged keep their decoded chunks
        searcher = Searcher(store.load(self.index.index_dir, self.index.model, version,
                                       reuse=self._current.searcher.index),
                            self._current.searcher.embedder)
        candidate = Answerer(searcher, self.settings)
        self._check(candidate)
        return candidate

    def _switch(self, candidate: Answerer, version: Path, report: BuildReport | None) -> Swap:
        self._current, self._version = candidate, version  # the swap: one assignment
        log.info("now serving index %s (%d reports)", version.name, len(candidate.documents()))
        return Swap(report, version, len(candidate.documents()))

    def rebuild(self) -> Swap:
        """Rebuild from the corpus and switch to it; raises ReindexFailed with the reason."""
        with self._lock:
            checked: dict[Path, Answerer] = {}

            def check(version: Path) -> None:  # before the build switches to it on disk
                checked[version] = self._loaded(version)

            try:
                report = build_in_child(self.index, check=check)
                return self._switch(checked[report.version], report.version, report)
            except (BuildError, BuildCrashed, CorpusError, store.IndexUnavailable, ReindexFailed) as exc:
                raise ReindexFailed(str(exc)) from None
            except Exception as exc:  # a crash in the build must not take the bot down
                log.exception("reindex crashed")
                raise ReindexFailed(f"重建时程序出错（{type(exc).__name__}），详情见日志") from None

    def refresh_if_changed(self) -> Swap | None:
        """Switch to the served version on disk if another process built a newer one."""
        with self._lock:
            try:
                version = store.current_version(self.index.index_dir)
                if version is None or version == self._version:
                    return None
                return self._switch(self._loaded(version), version, None)
            except (store.IndexUnavailable, ReindexFailed) as exc:
                log.warning("kept the index in use: %s", exc)
                return None
