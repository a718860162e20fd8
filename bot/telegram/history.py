"""The bot's history, in SQLite: asked questions, 👍/👎 feedback and the staff audit trail,
in `data_dir/zoneqa.sqlite3`. It, its key, its WAL and shared-memory files follow the project's
one permission rule (index.files: 0640, the service's user and group, nothing for other users).

Chat and user ids are never stored raw: they become HMAC-SHA256 hashes under a key made
once and kept next to the database (`data_dir/id-hash.key`), so rows from one
person can be grouped without the database alone revealing who they are.

Schema changes are appended to MIGRATIONS; PRAGMA user_version records how many ran. Every
write is its own transaction in WAL mode, so rows survive restarts, and several processes (or
History objects) may write the same file: each waits for the others instead of failing.

What citizens typed is kept only as long as needed: `purge` blanks question and answer texts
(and unlinks them from the hashed ids) once older than ZONEQA_RETENTION_DAYS, keeping what
counts (answered or refused, latency, 👍/👎); `forget` deletes every row of one user (/forget).
Deleted text is overwritten (secure_delete) and the WAL truncated, so it is not left on disk.
"""
from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
import sqlite3
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from bot.answering.evidence import Answer
from index.files import FILE_MODE, create_file, make_dir, set_modes

DB_NAME = "zoneqa.sqlite3"
KEY_NAME = "id-hash.key"

# MIGRATIONS[i] upgrades a database from user_version i to i + 1. Append; never edit.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE questions (
        id          INTEGER PRIMARY KEY,
        created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        chat_hash   TEXT NOT NULL,
        user_hash   TEXT NOT NULL,
        question    TEXT NOT NULL,
        answer      TEXT NOT NULL,
        abstained   INTEGER NOT NULL,
        value       TEXT,
        year        INTEGER,
        kind        TEXT,
        sources     TEXT NOT NULL,  -- JSON list; each with its full passage for 查看原文
        latency_ms  REAL NOT NULL
    );
    CREATE INDEX questions_created_at ON questions (created_at);
    CREATE TABLE feedback (
        id          INTEGER PRIMARY KEY,
        question_id INTEGER NOT NULL REFERENCES questions (id),
        user_hash   TEXT NOT NULL,
        vote        INTEGER NOT NULL CHECK (vote IN (-1, 1)),
        created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        UNIQUE (question_id, user_hash)
    );
    """,
    """
    CREATE TABLE audit (
        id          INTEGER PRIMARY KEY,
        created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        admin_hash  TEXT NOT NULL,
        action      TEXT NOT NULL,  -- add, reindex, stats, feedback, feedback_export
        detail      TEXT NOT NULL,
        ok          INTEGER NOT NULL
    );
    CREATE INDEX feedback_created_at ON feedback (created_at);
    """,
    """
    -- NULL while the answer is being sent; 1 delivered, 0 not delivered after every retry.
    ALTER TABLE questions ADD COLUMN delivered INTEGER;
    CREATE INDEX questions_user_hash ON questions (user_hash);
    CREATE INDEX feedback_user_hash ON feedback (user_hash);
    CREATE INDEX audit_admin_hash ON audit (admin_hash);
    """,
    """
    -- Work that takes a while (a reindex, an upload) has a row when it starts (outcome 'started')
    -- and one when it ends ('done', 'failed' or 'interrupted'), the end naming its start.
    ALTER TABLE audit ADD COLUMN outcome TEXT;
    ALTER TABLE audit ADD COLUMN start_id INTEGER REFERENCES audit (id);
    CREATE INDEX audit_start_id ON audit (start_id);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
PURGED = ""  # what a question's and an answer's text become after the retention period
REFUSED = "refused"  # the audit action of a staff command or upload from someone else
STARTED, DONE, FAILED, INTERRUPTED = "started", "done", "failed", "interrupted"  # outcomes of work


@dataclass(frozen=True)
class StoredQuestion:
    id: int
    question: str
    abstained: bool
    sources: list[dict]


@dataclass(frozen=True)
class Stats:
    questions: int
    answered: int
    refused: int
    up: int
    down: int
    slowest: list[tuple[str, float]]  # (question, latency in ms), slowest first
    undelivered: int = 0  # answers that could not be sent, even after retrying


@dataclass(frozen=True)
class Downvoted:
    """An answer someone marked 👎 (and has not changed to 👍)."""

    question_id: int
    question: str
    answer: str
    abstained: bool
    votes: int
    last_vote: datetime


def _utc(moment: datetime) -> str:
    """`moment` in the format of the created_at columns, which then compare as text."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _statements(script: str) -> Iterator[str]:
    """The statements of a migration script, for one execute() each."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):  # a ";" in a comment or string does not end one
            if pending.strip(" \n;"):
                yield pending
            pending = ""


def _private(path: Path) -> None:
    """Create the database with the rule's mode, or give an existing one and its -wal and -shm
    files that mode (older versions made them 0644, then 0600). SQLite gives the -wal and -shm
    files it creates the database's mode."""
    create_file(path)
    for companion in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        set_modes(companion)


def _load_key(path: Path) -> bytes:
    """Read the hashing key, creating it on first use, with the rule's mode.

    The key is written in full under a temporary name, then linked into place only if no
    other opener got there first, so nobody ever reads a half-written key.
    """
    if not path.exists():
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".key-")
        try:
            with os.fdopen(fd, "wb") as f:
                os.fchmod(f.fileno(), FILE_MODE)  # before a byte of the key is in it
                f.write(secrets.token_bytes(32))
                f.flush()
                os.fsync(f.fileno())
            with contextlib.suppress(FileExistsError):
                os.link(tmp, path)
        finally:
            os.unlink(tmp)
    set_modes(path)  # one made by an older version
    return path.read_bytes()


def _wal(conn: sqlite3.Connection, wait: float = 5.0) -> None:
    """Turn on WAL mode. The switch needs the file to itself and SQLite does not wait for it (no
    busy handler), so a store opened at the same moment by another process or thread is waited for
    here, for as long as busy_timeout waits for a writer."""
    deadline = time.monotonic() + wait
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


class History:
    """The history database. Thread-safe: one connection behind a lock, for handlers in worker threads."""

    def __init__(self, path: Path, key: bytes) -> None:
        self.path = path
        self._key = key
        self._lock = threading.Lock()
        _private(path)
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA busy_timeout = 5000")  # first: another writer may hold the file
        self._conn.execute("PRAGMA secure_delete = ON")  # deleted texts are overwritten, not left in free pages
        _wal(self._conn)
        self._conn.execute("PRAGMA synchronous = NORMAL")  # WAL keeps this crash-safe
        self._conn.execute("PRAGMA foreign_keys = ON")
        self._migrate()

    @classmethod
    def open(cls, data_dir: Path) -> "History":
        data_dir = Path(data_dir)
        make_dir(data_dir)
        return cls(data_dir / DB_NAME, _load_key(data_dir / KEY_NAME))

    def _migrate(self) -> None:
        while True:
            # One transaction per step, so a failed step leaves the previous version intact. It
            # takes the write lock before reading the version: two openers must not both migrate.
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                version = self._conn.execute("PRAGMA user_version").fetchone()[0]
                if version > SCHEMA_VERSION:
                    raise RuntimeError(f"{self.path} has schema {version}, newer than this code "
                                       f"({SCHEMA_VERSION})")
                if version == SCHEMA_VERSION:
                    self._conn.execute("COMMIT")
                    return
                for statement in _statements(MIGRATIONS[version]):
                    self._conn.execute(statement)
                self._conn.execute(f"PRAGMA user_version = {version + 1}")
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise

    def hash_id(self, raw_id: int) -> str:
        return hmac.new(self._key, str(raw_id).encode(), hashlib.sha256).hexdigest()

    def record(self, answer: Answer, *, chat_id: int, user_id: int) -> int:
        """Store one answered (or refused) question; returns its row id."""
        sources = [{**s.to_dict(), "passage": s.passage, "chunk_id": s.chunk_id} for s in answer.sources]
        with self._lock:
            cur = self._conn.execute(
                "INSERT INTO questions (chat_hash, user_hash, question, answer, abstained, value,"
                " year, kind, sources, latency_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (self.hash_id(chat_id), self.hash_id(user_id), answer.question, answer.answer,
                 int(answer.abstained), answer.value, answer.year, answer.kind,
                 json.dumps(sources, ensure_ascii=False), answer.latency_ms))
            return cur.lastrowid

    def delivered(self, question_id: int, ok: bool) -> None:
        """Record whether the answer to `question_id` reached the user (after every retry)."""
        with self._lock:
            self._conn.execute("UPDATE questions SET delivered = ? WHERE id = ?", (int(ok), question_id))

    def _erase(self, statements: list[tuple[str, tuple]]) -> list[int]:
        """Run erasing statements in one transaction, then truncate the WAL so the old text is
        gone from disk too; returns the rows each changed."""
        changed = []
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                for sql, params in statements:
                    changed.append(self._conn.execute(sql, params).rowcount)
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return changed

    def purge(self, before: datetime) -> int:
        """Blank the question and answer texts asked before `before` (an aware datetime) and cut
        them and their votes loose from the hashed ids; counts, latency and votes stay. Refused
        staff commands of that age go too. Returns the questions purged."""
        cutoff = _utc(before)
        old = "SELECT id FROM questions WHERE created_at < ?"
        purged, *_ = self._erase([
            ("UPDATE questions SET question = ?, answer = ?, sources = '[]', chat_hash = ?, user_hash = ?"
             " WHERE created_at < ? AND (question != ? OR user_hash != ?)",
             (PURGED, PURGED, PURGED, PURGED, cutoff, PURGED, PURGED)),
            (f"UPDATE feedback SET user_hash = 'purged:' || id WHERE user_hash NOT LIKE 'purged:%'"
             f" AND (created_at < ? OR question_id IN ({old}))", (cutoff, cutoff)),
            ("DELETE FROM audit WHERE action = ? AND created_at < ?", (REFUSED, cutoff)),
        ])
        return purged

    def forget(self, user_id: int, *, keep_staff_actions: bool = False) -> int:
        """Delete every row of `user_id`: their questions (with the votes on them), their votes,
        their refused commands. An admin's own staff actions stay on record when
        `keep_staff_actions`. Returns the rows deleted."""
        mine = self.hash_id(user_id)
        audit = ("DELETE FROM audit WHERE admin_hash = ? AND action = ?", (mine, REFUSED)) if keep_staff_actions \
            else ("DELETE FROM audit WHERE admin_hash = ?", (mine,))
        return sum(self._erase([
            ("DELETE FROM feedback WHERE user_hash = ? OR question_id IN"
             " (SELECT id FROM questions WHERE user_hash = ?)", (mine, mine)),
            ("DELETE FROM questions WHERE user_hash = ?", (mine,)),
            audit,
        ]))

    def find(self, question_id: int, *, chat_id: int) -> StoredQuestion | None:
        """The question `question_id` if it was asked in `chat_id`, else None."""
        with self._lock:
            row = self._conn.execute(
                "SELECT id, question, abstained, sources FROM questions WHERE id = ? AND chat_hash = ?",
                (question_id, self.hash_id(chat_id))).fetchone()
        if row is None:
            return None
        return StoredQuestion(id=row[0], question=row[1], abstained=bool(row[2]), sources=json.loads(row[3]))

    def vote(self, question_id: int, *, user_id: int, up: bool) -> None:
        """Record a user's 👍/👎 on an answer; voting again replaces the earlier vote."""
        with self._lock:
            self._conn.execute(
                "INSERT INTO feedback (question_id, user_hash, vote) VALUES (?, ?, ?)"
                " ON CONFLICT (question_id, user_hash) DO UPDATE"
                " SET vote = excluded.vote, created_at = excluded.created_at",
                (question_id, self.hash_id(user_id), 1 if up else -1))

    def audit(self, *, user_id: int, action: str, detail: str, ok: bool) -> None:
        """Record one staff action (see bot.telegram.staff) and whether it succeeded."""
        with self._lock:
            self._conn.execute("INSERT INTO audit (admin_hash, action, detail, ok) VALUES (?, ?, ?, ?)",
                               (self.hash_id(user_id), action, detail, int(ok)))

    def audit_start(self, *, user_id: int, action: str, detail: str) -> int:
        """Record that a staff action which takes a while began, before its work does: a process
        killed half-way leaves this row (closed by `close_interrupted`). Returns its id."""
        with self._lock:
            return self._conn.execute(
                "INSERT INTO audit (admin_hash, action, detail, ok, outcome) VALUES (?, ?, ?, 0, ?)",
                (self.hash_id(user_id), action, detail, STARTED)).lastrowid

    def audit_end(self, start_id: int, *, detail: str, ok: bool) -> None:
        """Record how the work begun at row `start_id` ended."""
        with self._lock:
            self._conn.execute(
                "INSERT INTO audit (admin_hash, action, detail, ok, outcome, start_id)"
                " SELECT admin_hash, action, ?, ?, ?, id FROM audit WHERE id = ?",
                (detail, int(ok), DONE if ok else FAILED, start_id))

    def close_interrupted(self) -> int:
        """End every started staff action that has no end: the process doing it stopped (killed,
        restarted) before it finished. For the bot's start, when none of its work is running.
        Returns how many were closed."""
        with self._lock:
            return self._conn.execute(
                "INSERT INTO audit (admin_hash, action, detail, ok, outcome, start_id)"
                " SELECT s.admin_hash, s.action, s.detail, 0, ?, s.id FROM audit AS s"
                " WHERE s.outcome = ? AND NOT EXISTS (SELECT 1 FROM audit AS e WHERE e.start_id = s.id)",
                (INTERRUPTED, STARTED)).rowcount

    def stats(self, since: datetime, slowest: int = 5) -> Stats:
        """Questions and votes since `since` (an aware datetime), and the slowest answers."""
        start = _utc(since)
        with self._lock:
            questions, answered, undelivered = self._conn.execute(
                "SELECT count(*), coalesce(sum(abstained = 0), 0), coalesce(sum(delivered = 0), 0)"
                " FROM questions WHERE created_at >= ?", (start,)).fetchone()
            up, down = self._conn.execute(
                "SELECT coalesce(sum(vote = 1), 0), coalesce(sum(vote = -1), 0) FROM feedback"
                " WHERE created_at >= ?", (start,)).fetchone()
            slow = self._conn.execute(
                "SELECT question, latency_ms FROM questions WHERE created_at >= ?"
                " ORDER BY latency_ms DESC LIMIT ?", (start, slowest)).fetchall()
        return Stats(questions, answered, questions - answered, up, down, [tuple(row) for row in slow],
                     undelivered)

    def downvoted(self, limit: int | None = None) -> list[Downvoted]:
        """Answers currently marked 👎, most recently voted first (all of them without `limit`);
        purged questions are only counted, not listed."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT q.id, q.question, q.answer, q.abstained, count(*), max(f.created_at)"
                " FROM feedback f JOIN questions q ON q.id = f.question_id WHERE f.vote = -1"
                " AND q.question != '' GROUP BY q.id ORDER BY max(f.created_at) DESC, q.id DESC LIMIT ?",
                (-1 if limit is None else limit,)).fetchall()
        return [Downvoted(row[0], row[1], row[2], bool(row[3]), row[4],
                          datetime.fromisoformat(row[5].replace("Z", "+00:00")))
                for row in rows]

    def close(self) -> None:
        with self._lock:
            self._conn.close()
