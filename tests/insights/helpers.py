"""Small hand-made sessions for insight tests."""

from __future__ import annotations

from datetime import date, timedelta

from alliance_desktop.domain.models import Resolution, Rupture, RuptureType, Session

START = date(2025, 1, 6)


def series(trust=None, engagement=None, client_id=1, start=START, **columns) -> list[Session]:
    """Weekly sessions for one client; each keyword is a list of values per session."""
    columns = {"trust": trust, "engagement": engagement, **columns}
    n = max(len(v) for v in columns.values() if v is not None)
    out = []
    for i in range(n):
        values = {k: (v[i] if v is not None else None) for k, v in columns.items()}
        if values.get("trust") is None and trust is None:
            values["trust"] = 7
        if values.get("engagement") is None and engagement is None:
            values["engagement"] = 7
        out.append(
            Session(
                client_id=client_id,
                date=start + timedelta(weeks=i),
                id=client_id * 1000 + i,
                **values,
            )
        )
    return out


def rupture(kind: str = "withdrawal", resolution: str = "no") -> Rupture:
    return Rupture(RuptureType(kind), Resolution(resolution))
