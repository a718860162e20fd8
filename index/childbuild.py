"""Builds in a child process, so that the process asking for one never loads the build stack.

Embedding passages needs sentence-transformers and torch (a gigabyte of memory, seconds to
import); answering needs neither (embedding.Engine). `build_in_child` runs `index.builder.build`
in a fresh Python process that imports them and exits. The caller keeps serving meanwhile, and a
child that crashes or is killed (out of memory) changes nothing the caller serves: a version is
switched to only at the end of a build, in one rename (index.store).

The parent and the child speak JSON lines: the job on the child's stdin; on its stdout, a
version to check (the parent answers on stdin whether it passed) and then the report or the
error. Everything else the child prints (the progress bar, warnings) goes to stderr, inherited.
"""
from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
from dataclasses import fields
from pathlib import Path
from typing import Callable

from index.builder import BuildError, BuildReport
from index.reading.documents import CorpusError
from index.settings import IndexSettings
from index.store import IndexUnavailable

# The child's program. The caller's working directory (a data dir holds an `index` folder) is
# taken off sys.path first, so that `index` is this package (what `python -P` does from 3.11 on).
CHILD = "import sys; sys.path.remove(''); from index.childbuild import _child; sys.exit(_child())"
# Errors the child reports that are raised again, as they are, in the parent.
PASSED_ON = {cls.__name__: cls for cls in (BuildError, CorpusError, IndexUnavailable)}


class BuildCrashed(RuntimeError):
    """The child failed in a way it could not report (killed, out of memory, a crash)."""


class _Refused(Exception):
    """The parent's check refused the version (the parent raises its own exception)."""


def build_in_child(settings: IndexSettings, corpus_dir: Path | None = None, progress: bool = False,
                   check: Callable[[Path], None] | None = None) -> BuildReport:
    """`index.builder.build` of `corpus_dir` (default: the settings' corpus) into the settings'
    index dir, run by a child process. `check` runs here, in the caller, on the version about to
    serve, while the child holds the build lock: whatever it raises is raised here and the
    version does not serve. Raises BuildError, CorpusError and IndexUnavailable as a build does,
    and BuildCrashed, with the reason in Chinese, when the child dies."""
    job = {"corpus_dir": str(corpus_dir or settings.corpus_dir), "index_dir": str(settings.index_dir),
           "model": settings.model, "model_cache": str(settings.model_cache_dir),
           "threads": settings.encoder_threads, "progress": progress, "check": check is not None}
    child = subprocess.Popen([sys.executable, "-c", CHILD], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             text=True, encoding="utf-8")
    refused: BaseException | None = None
    outcome: dict = {}
    try:
        child.stdin.write(json.dumps(job) + "\n")
        child.stdin.flush()
        for line in child.stdout:
            message = json.loads(line)
            if "check" not in message:
                outcome = message
                continue
            try:
                check(Path(message["check"]))
            except BaseException as exc:  # raised below, once the child has removed the version
                refused = exc
            child.stdin.write(json.dumps({"passed": refused is None}) + "\n")
            child.stdin.flush()
    except (BrokenPipeError, ValueError):
        pass  # the child died mid-exchange: its exit status says how
    finally:
        child.stdin.close()
        status = child.wait()
    if refused is not None:
        raise refused
    if "report" in outcome:
        report = outcome["report"]
        return BuildReport(**{**report, "version": Path(report["version"])})
    if "error" in outcome:
        kind, text = outcome["error"]
        raise PASSED_ON[kind](text) if kind in PASSED_ON else BuildCrashed(f"建索引出错：{kind}: {text}")
    raise BuildCrashed(_death(status))


def _death(status: int) -> str:
    if status < 0:
        name = signal.Signals(-status).name
        why = "，多半是内存不足" if -status == signal.SIGKILL else ""
        return f"建索引的子进程被信号 {name} 终止{why}；正在使用的索引没有变化"
    return f"建索引的子进程异常退出（退出码 {status}）；正在使用的索引没有变化"


def _child() -> int:
    """The child: read the job, build, report; the build stack is imported only to embed."""
    import jieba

    from index.builder import build
    from index.search.embedding import Embedder, limit_threads

    reply = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # anything else printed goes to stderr
    logging.basicConfig(format="%(levelname)s %(name)s: %(message)s", level=logging.WARNING)
    jieba.setLogLevel(logging.WARNING)  # "Building prefix dict…" on every build

    def say(message: dict) -> None:
        reply.write(json.dumps(message, ensure_ascii=False) + "\n")
        reply.flush()

    job = json.loads(sys.stdin.readline())

    def embedder() -> Embedder:
        limit_threads(job["threads"])
        return Embedder(job["model"], Path(job["model_cache"]))

    def check(version: Path) -> None:
        say({"check": str(version)})
        if not json.loads(sys.stdin.readline() or "{}").get("passed"):
            raise _Refused()

    try:
        report = build(Path(job["corpus_dir"]), Path(job["index_dir"]), job["model"], embedder,
                       progress=job["progress"], check=check if job["check"] else None)
    except _Refused:
        return 1
    except Exception as exc:  # the parent raises it again, or says what failed
        say({"error": [type(exc).__name__, str(exc)]})
        return 1
    say({"report": {f.name: getattr(report, f.name) for f in fields(report)} | {"version": str(report.version)}})
    return 0
