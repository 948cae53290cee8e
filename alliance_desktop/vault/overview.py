"""Reads for the dashboard that must be cheap enough for the UI thread.

``latest_sessions`` is the caseload table's first paint: each client's last few
sessions (numbers only, no ruptures), through the ``sessions_by_client`` index, so
it touches a dozen rows per client however large the vault is. ``client_sessions``
reads whole caseloads a few clients at a time, so a caller can spread the read of a
large vault over many short steps of its event loop.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from alliance_desktop.domain.models import Session
from alliance_desktop.vault import rows
from alliance_desktop.vault.bulk import paused_gc

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.vault.store import Vault

_ORDER = "date, created_at, id"


def latest_sessions(vault: Vault, per_client: int = 12) -> dict[int | None, list[Session]]:
    """Each client's last ``per_client`` sessions, oldest first, without text or ruptures."""
    sql = (
        f"SELECT {rows.SESSION_COLUMNS_NO_TEXT} FROM ("
        " SELECT sessions.* FROM clients c JOIN sessions ON sessions.id IN ("
        "  SELECT s.id FROM sessions s WHERE s.client_id = c.id"
        f"  ORDER BY s.date DESC, s.created_at DESC, s.id DESC LIMIT {int(per_client)}))"
        f" ORDER BY client_id, {_ORDER}"
    )
    found: dict[int | None, list[Session]] = defaultdict(list)
    with paused_gc():
        for r in vault.conn.execute(sql).fetchall():
            session = rows.session_from_row(r, [])
            found[session.client_id].append(session)
    return dict(found)


def client_sessions(
    vault: Vault, client_ids: Sequence[int], *, text: bool = False
) -> list[Session]:
    """The sessions of these clients, grouped by client id (ascending), in date order,
    with their ruptures (``text=False``: no reflections, tags or rupture notes)."""
    if not client_ids:
        return []
    marks = ",".join("?" * len(client_ids))
    params = tuple(int(c) for c in client_ids)
    rupture_cols = rows.RUPTURE_COLUMNS if text else rows.RUPTURE_COLUMNS_NO_TEXT
    session_cols = rows.SESSION_COLUMNS if text else rows.SESSION_COLUMNS_NO_TEXT
    conn = vault.conn
    ruptures: dict[int, list] = defaultdict(list)
    with paused_gc():
        for r in conn.execute(
            f"SELECT {rupture_cols} FROM ruptures WHERE session_id IN "
            f"(SELECT id FROM sessions WHERE client_id IN ({marks})) "
            "ORDER BY session_id, position",
            params,
        ).fetchall():
            sid, rupture = rows.rupture_from_row(r)
            ruptures[sid].append(rupture)
        found = conn.execute(
            f"SELECT {session_cols} FROM sessions WHERE client_id IN ({marks}) "
            f"ORDER BY client_id, {_ORDER}",
            params,
        ).fetchall()
        return [rows.session_from_row(r, ruptures.get(r[0], [])) for r in found]


__all__ = ["client_sessions", "latest_sessions"]
