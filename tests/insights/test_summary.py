"""The per-client summary behind ``alliance-cli stats``: pure, exact and fast."""

from __future__ import annotations

import random
from datetime import date, timedelta

from alliance_desktop.domain import Client, Resolution, Rupture, RuptureType, Session
from alliance_desktop.insights.summary import Means, RuptureCounts, summarize, summary_dict


def _s(cid: int, day: date, trust: int, engagement: int, **kw) -> Session:
    return Session(cid, day, trust=trust, engagement=engagement, **kw)


def test_counts_dates_means_and_ruptures_per_client():
    clients = [Client("b", id=2), Client("A", id=1), Client("c-empty", id=3)]
    sessions = [
        _s(1, date(2025, 1, 8), 6, 5, goal_alignment=4, client_rating=30.0),
        _s(1, date(2025, 1, 1), 7, 6, ruptures=[
            Rupture(RuptureType.WITHDRAWAL, Resolution.YES),
            Rupture(RuptureType.CONFRONTATION, Resolution.PARTIAL),
        ]),
        _s(2, date(2025, 2, 1), 3, 3, ruptures=[Rupture(RuptureType.WITHDRAWAL, Resolution.NO)]),
        _s(99, date(2020, 1, 1), 0, 0),  # a client not asked about: left out
    ]  # fmt: skip
    summary = summarize(clients, sessions)
    assert [c.code for c in summary.clients] == ["A", "b", "c-empty"]
    a, b, empty = summary.clients
    assert (a.sessions, a.first_session, a.last_session) == (2, date(2025, 1, 1), date(2025, 1, 8))
    assert a.means == Means(6.5, 5.5, 4.0, None, 30.0)
    assert a.ruptures == RuptureCounts(total=2, withdrawal=1, confrontation=1, unresolved=1)
    assert b.ruptures == RuptureCounts(total=1, withdrawal=1, confrontation=0, unresolved=1)
    assert (empty.sessions, empty.first_session, empty.means) == (0, None, Means())
    v = summary.vault
    assert (v.clients, v.sessions, v.first_session, v.last_session) == (
        3,
        3,
        date(2025, 1, 1),
        date(2025, 2, 1),
    )
    assert summary.for_client("B") is b and summary.for_client("nobody") is None


def test_json_form_rounds_means_and_uses_iso_dates():
    clients = [Client("A", id=1)]
    sessions = [_s(1, date(2025, 1, 1), 7, 6), _s(1, date(2025, 1, 2), 8, 6),
                _s(1, date(2025, 1, 3), 8, 7)]  # fmt: skip
    doc = summary_dict(summarize(clients, sessions))
    assert doc == {
        "vault": {
            "clients": 1,
            "sessions": 3,
            "first_session": "2025-01-01",
            "last_session": "2025-01-03",
        },
        "clients": [
            {
                "code": "A",
                "sessions": 3,
                "first_session": "2025-01-01",
                "last_session": "2025-01-03",
                "means": {
                    "trust": 7.67,
                    "engagement": 6.33,
                    "goal_alignment": None,
                    "approach_fit": None,
                    "client_rating": None,
                },
                "ruptures": {"total": 0, "withdrawal": 0, "confrontation": 0, "unresolved": 0},
            }
        ],
    }


def test_twenty_thousand_sessions_are_all_counted():
    # Speed is measured by benchmarks/bench_vault.py, never asserted in a test.
    rng = random.Random(1)
    clients = [Client(f"C{i:03d}", id=i) for i in range(200)]
    start = date(2015, 1, 1)
    sessions = [
        _s(
            rng.randrange(200),
            start + timedelta(days=rng.randrange(3650)),
            rng.randrange(11),
            rng.randrange(11),
            goal_alignment=rng.choice([None, rng.randrange(11)]),
            client_rating=rng.choice([None, 35.5]),
            ruptures=[Rupture(RuptureType.WITHDRAWAL, Resolution.NO)] if rng.random() < 0.1 else [],
        )
        for _ in range(20_000)
    ]
    summary = summarize(clients, sessions)
    assert summary.vault.sessions == 20_000
    assert sum(c.sessions for c in summary.clients) == 20_000
