"""Reads for the dashboard that must be cheap enough for the UI thread.

``latest_cells`` is the caseload table's first paint: each client's last few
sessions as the table shows them (``LatestSession``: the id, the date and the
ratings), through the ``sessions_by_client`` index, so it touches a dozen rows per
client however large the vault is (whole ``Session`` objects for the same cells cost
several times as much: at 500 clients x 200 sessions 40 ms of SQL and 20 ms of
building them against 12 ms and 3 ms, on the UI thread of the unlock). ``client_sessions``
reads whole caseloads a few clients at a time, so a caller can spread the read of a
large vault over many short steps of its event loop.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from alliance_desktop.domain.models import Session, rating_named
from alliance_desktop.vault import rows
from alliance_desktop.vault.bulk import paused_gc

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.vault.store import Vault

_ORDER = "date, created_at, id"


class LatestSession(NamedTuple):
    """A session as the caseload table shows it: what its cell paints (a rating), its
    tooltip (the date) and what Enter opens (the id); ``rating`` as ``Session.rating``."""

    id: int
    client_id: int
    date: date
    trust: int | None
    engagement: int | None
    goal_alignment: int | None
    approach_fit: int | None
    client_rating: float | None
    outcome_rating: float | None

    def rating(self, dimension: str) -> float | None:
        return rating_named(self, dimension)


def _latest_ids(per_client: int, alias: str) -> str:
    """The ids of client ``c``'s last ``per_client`` sessions (the caller's ``c``)."""
    return (
        f"SELECT {alias}.id FROM sessions {alias} WHERE {alias}.client_id = c.id"
        f" ORDER BY {alias}.date DESC, {alias}.created_at DESC, {alias}.id DESC"
        f" LIMIT {int(per_client)}"
    )


def latest_cells(vault: Vault, per_client: int = 12) -> dict[int, list[LatestSession]]:
    """Each client's last ``per_client`` sessions, oldest first, as the caseload table
    shows them (the sessions the whole read ends with, only the columns it paints)."""
    sql = (
        "SELECT s.id, s.client_id, s.date, s.trust, s.engagement, s.goal_alignment,"
        " s.approach_fit, s.client_rating, s.outcome_rating"
        f" FROM clients c JOIN sessions s ON s.id IN ({_latest_ids(per_client, 'x')})"
        f" ORDER BY s.client_id, s.date, s.created_at, s.id"
    )
    found: dict[int, list[LatestSession]] = defaultdict(list)
    make, day = LatestSession._make, date.fromisoformat
    with paused_gc():
        for r in vault.conn.execute(sql).fetchall():
            session = make((r[0], r[1], day(r[2]), *r[3:]))
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


__all__ = ["LatestSession", "client_sessions", "latest_cells"]
