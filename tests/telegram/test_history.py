"""The history database: migrations, the audit trail, stats and 👎 queries, and that nothing is
lost across restarts or with several writers on the same file."""
from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

from bot.answering.evidence import Answer
from bot.telegram.history import DB_NAME, MIGRATIONS, SCHEMA_VERSION, History, _statements

WRITERS, ROWS = 6, 40


def _answer(question: str, *, abstained: bool = False, latency_ms: float = 10.0) -> Answer:
    return Answer(question=question, answer="拒答" if abstained else f"{question}的答案", abstained=abstained,
                  value=None if abstained else "1亿元", latency_ms=latency_ms)


def _count(tmp_path, table: str) -> int:
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_two_stores_on_one_file_lose_nothing_across_threads_and_restarts(tmp_path):
    stores = [History.open(tmp_path), History.open(tmp_path)]
    start = threading.Barrier(WRITERS)

    def write(worker: int) -> None:
        store = stores[worker % 2]
        start.wait(timeout=10)  # all at once, to make the writers contend
        for i in range(ROWS):
            question_id = store.record(_answer(f"问题{worker}-{i}"), chat_id=worker, user_id=worker)
            store.vote(question_id, user_id=worker, up=i % 2 == 0)
            store.audit(user_id=worker, action="add", detail=f"{worker}-{i}", ok=True)

    with ThreadPoolExecutor(WRITERS) as pool:
        list(pool.map(write, range(WRITERS), timeout=60))  # re-raises any writer's error
    for store in stores:
        store.close()

    reopened = History.open(tmp_path)
    assert len(reopened.downvoted()) == WRITERS * ROWS // 2
    reopened.close()
    for table in ("questions", "feedback", "audit"):
        assert _count(tmp_path, table) == WRITERS * ROWS, table


def test_stores_opened_at_once_on_a_new_file_migrate_it_once_with_one_key(tmp_path):
    start = threading.Barrier(WRITERS)

    def open_store(_) -> History:
        start.wait(timeout=10)
        return History.open(tmp_path)

    with ThreadPoolExecutor(WRITERS) as pool:
        stores = list(pool.map(open_store, range(WRITERS), timeout=60))
    assert len({store.hash_id(42) for store in stores}) == 1  # nobody read a half-written key
    for store in stores:
        store.close()
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)


def test_a_version_1_database_keeps_its_rows_and_gains_the_audit_table(tmp_path):
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        db.executescript(MIGRATIONS[0] + "; PRAGMA user_version = 1;")
        db.execute("INSERT INTO questions (chat_hash, user_hash, question, answer, abstained, sources, latency_ms)"
                   " VALUES ('c', 'u', '旧问题', '旧答案', 0, '[]', 5)")
    store = History.open(tmp_path)
    store.audit(user_id=1, action="stats", detail="", ok=True)
    store.close()
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        assert db.execute("SELECT question FROM questions").fetchall() == [("旧问题",)]
        assert db.execute("SELECT action, ok FROM audit").fetchall() == [("stats", 1)]


def test_migration_statements_split_at_real_semicolons_only():
    script = "CREATE TABLE t (a TEXT -- a; b\n, b TEXT DEFAULT ';');\nCREATE INDEX i ON t (a);\n"
    assert [s.strip() for s in _statements(script)] == [
        "CREATE TABLE t (a TEXT -- a; b\n, b TEXT DEFAULT ';');", "CREATE INDEX i ON t (a);"]


def test_audit_stores_the_admin_hashed(tmp_path):
    store = History.open(tmp_path)
    store.audit(user_id=123456789, action="reindex", detail="1 documents", ok=False)
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        row = db.execute("SELECT admin_hash, action, detail, ok, created_at FROM audit").fetchone()
    assert row[:4] == (store.hash_id(123456789), "reindex", "1 documents", 0)
    assert "123456789" not in row[0] and row[4].endswith("Z")
    store.close()


def test_stats_count_since_the_given_time(tmp_path):
    store = History.open(tmp_path)
    ids = [store.record(_answer(f"问{i}", abstained=i == 3, latency_ms=ms), chat_id=1, user_id=1)
           for i, ms in enumerate([30, 10, 50, 20, 40, 60])]
    store.vote(ids[0], user_id=1, up=True)
    store.vote(ids[1], user_id=1, up=False)
    store.vote(ids[2], user_id=2, up=False)
    with sqlite3.connect(tmp_path / DB_NAME) as db:  # one question (and its vote) from yesterday
        db.execute("UPDATE questions SET created_at = '2000-01-01T00:00:00.000Z' WHERE id = ?", (ids[5],))
        db.execute("UPDATE feedback SET created_at = '2000-01-01T00:00:00.000Z' WHERE question_id = ?", (ids[2],))

    midnight = datetime.now(timezone(timedelta(hours=8))).replace(hour=0, minute=0, second=0, microsecond=0)
    stats = store.stats(midnight)
    assert (stats.questions, stats.answered, stats.refused, stats.up, stats.down) == (5, 4, 1, 1, 1)
    assert stats.slowest == [("问2", 50.0), ("问4", 40.0), ("问0", 30.0), ("问3", 20.0), ("问1", 10.0)]
    empty = store.stats(datetime.now(timezone.utc) + timedelta(minutes=1))
    assert (empty.questions, empty.up, empty.down, empty.slowest) == (0, 0, 0, [])
    store.close()


def test_downvoted_lists_current_thumbs_down_latest_first(tmp_path):
    store = History.open(tmp_path)
    first, second, third = (store.record(_answer(q, abstained=q == "拒"), chat_id=1, user_id=1)
                            for q in ("甲", "乙", "拒"))
    store.vote(first, user_id=1, up=False)
    store.vote(first, user_id=2, up=False)
    store.vote(second, user_id=1, up=False)
    store.vote(second, user_id=1, up=True)  # changed its mind: no longer a 👎
    store.vote(third, user_id=3, up=False)

    items = store.downvoted()
    assert [(i.question, i.votes, i.abstained) for i in items] == [("拒", 1, True), ("甲", 2, False)]
    assert items[0].answer == "拒答" and items[0].last_vote.tzinfo is not None
    assert [i.question for i in store.downvoted(limit=1)] == ["拒"]
    store.close()

