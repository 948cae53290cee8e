"""Loading sessions without their text keeps every number and drops only the writing."""

from __future__ import annotations

from support import make_session

from alliance_desktop.domain import Reflection, Resolution, Rupture, RuptureType


def test_numbers_without_text(vault, client):
    vault.save_session(
        make_session(
            client.id,
            trust=3,
            engagement=9,
            goal_alignment=5,
            client_rating=31.5,
            strategies=("validate",),
            tags=("sleep",),
            ruptures=[
                Rupture(
                    RuptureType.CONFRONTATION,
                    Resolution.NO,
                    ("complaint_progress",),
                    4,
                    ("own_contribution",),
                    "a private note",
                )
            ],
            reflection=Reflection("free", {"text": "private words"}),
        )
    )
    full, light = vault.sessions()[0], vault.sessions(text=False)[0]
    for field in ("id", "date", "trust", "engagement", "goal_alignment", "client_rating",
                  "strategies", "supervision", "created_at"):  # fmt: skip
        assert getattr(light, field) == getattr(full, field)
    r = light.ruptures[0]
    assert (r.type, r.resolution, r.markers, r.salience, r.repair_strategies) == (
        RuptureType.CONFRONTATION, Resolution.NO, ("complaint_progress",), 4, ("own_contribution",))  # fmt: skip
    assert r.note == "" and light.tags == () and light.reflection.is_empty
    assert full.reflection.plain_text() == "private words"
    assert vault.sessions(client.id, text=False)[0].trust == 3
