"""``Vault.tags`` reads every session's tags (a json_each GROUP BY: ~43 ms at 20,000
sessions) and the editor asks for them on every open: it is read once per change of
the data (the change counter), not again while nothing changed."""

from __future__ import annotations

from support import make_session

from alliance_desktop.domain import Client
from alliance_desktop.vault import Vault


def _tag_queries(vault: Vault, statements: list[str]) -> int:
    return sum("json_each" in sql for sql in statements)


def test_tags_are_read_once_per_change(vault: Vault, client: Client):
    vault.save_session(make_session(client.id, tags=("sleep", "work")))
    statements: list[str] = []
    vault.conn.set_trace_callback(statements.append)
    try:
        assert vault.tags() == ["sleep", "work"]
        assert _tag_queries(vault, statements) == 1
        assert vault.tags() == ["sleep", "work"]
        assert vault.tags() == ["sleep", "work"]
        assert _tag_queries(vault, statements) == 1  # nothing changed: not read again

        # A change made the cache stale: the next call reads the new tags, once.
        vault.save_session(make_session(client.id, tags=("anger", "sleep")))
        assert vault.tags() == ["sleep", "anger", "work"]
        assert vault.tags() == ["sleep", "anger", "work"]
        assert _tag_queries(vault, statements) == 2

        # The caller's list is its own: changing it leaves the cache as read.
        vault.tags().append("mine")
        assert vault.tags() == ["sleep", "anger", "work"]

        # A deletion is a change too.
        saved = vault.save_session(make_session(client.id, tags=("zebra",)))
        assert "zebra" in vault.tags()
        vault.delete_session(saved.id)
        assert "zebra" not in vault.tags()
    finally:
        vault.conn.set_trace_callback(None)


def test_inside_a_transaction_tags_are_read_from_the_data(vault: Vault, client: Client):
    """The counter rises at a transaction's end: inside one, a cached result at the
    same counter could miss the transaction's own writes."""
    vault.save_session(make_session(client.id, tags=("sleep",)))
    assert vault.tags() == ["sleep"]
    with vault.transaction() as conn:
        conn.execute("UPDATE sessions SET tags = ? WHERE client_id = ?", ('["grief"]', client.id))
        assert vault.tags() == ["grief"]
    assert vault.tags() == ["grief"]


def test_closing_forgets_the_tags(vault: Vault, client: Client):
    vault.save_session(make_session(client.id, tags=("sleep",)))
    vault.tags()
    vault.close()
    assert vault._tags is None
