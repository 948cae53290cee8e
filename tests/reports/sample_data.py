"""A small vault's worth of awkward data: every field set somewhere, text that CSV and
spreadsheets find hard (commas, quotes, newlines, formula starts, non-ASCII)."""

from __future__ import annotations

from datetime import date

from alliance_desktop.domain import (
    Client,
    ClientStatus,
    Modality,
    Reflection,
    Resolution,
    Rupture,
    RuptureType,
    Session,
)
from alliance_desktop.domain.strategies import Strategy
from alliance_desktop.vault import Vault

CUSTOM = Strategy("walk_and_talk", "Walk and talk", "fit", "Meet outdoors, side by side.", False)
SETTINGS = {"client_rating_max": 50.0, "client_rating_threshold": 42.5}

AWKWARD_NOTES = (
    '=HYPERLINK("http://example.invalid","click")',
    "+1 for trying",
    "-- quiet today",
    "@mention",
    "\tindented with a tab",
    "'=already quoted",
    "''+twice",
    "'plain apostrophe",
    'He said "no", then laughed, twice.\nSecond line; third; "quoted"',
    "Crlf line one\r\nline two",
    "Ünïcödé Δ 日本語 ✓",
)


def prepare(vault: Vault) -> None:
    """What a destination needs before a CSV import of :func:`fill`'s data: CSV carries
    sessions only, not settings or custom strategies."""
    vault.add_custom_strategies([CUSTOM])
    vault.set_settings(SETTINGS)


def fill(vault: Vault, *, twins: bool = False) -> None:
    """Populate a vault; ``twins`` adds two sessions identical in every CSV field."""
    prepare(vault)
    bryn = vault.save_client(
        Client("Bryn 02", start_date=date(2025, 1, 6), goals="Sleep through the night")
    )
    alba = vault.save_client(Client("alba", status=ClientStatus.CLOSED, goals="=cmd|' /C calc'"))
    vault.save_client(Client("Zed", goals="no sessions yet, which is fine"))
    vault.save_client(Client("-minus", start_date=date(2024, 12, 1)))

    vault.save_session(
        Session(
            bryn.id,
            date(2025, 3, 3),
            trust=8,
            engagement=6,
            goal_alignment=7,
            approach_fit=5,
            duration_min=50,
            modality=Modality.VIDEO,
            client_rating=44.5,
            ruptures=[
                Rupture(
                    RuptureType.WITHDRAWAL,
                    Resolution.PARTIAL,
                    markers=("minimal_response", "abstract_talk"),
                    salience=3,
                    repair_strategies=("metacommunication", "walk_and_talk"),
                    note='Went quiet, then "fine", then looked away.',
                ),
                Rupture(RuptureType.CONFRONTATION, Resolution.YES, note="=not a formula"),
            ],
            strategies=("validate", "walk_and_talk"),
            tags=("sleep", "-minus tag", "Δ-tag"),
            reflection=Reflection(
                "gibbs",
                {"description": "We talked, mostly.", "feelings": "Tired, hopeful, unsure."},
            ),
            supervision=True,
        )
    )
    vault.save_session(Session(bryn.id, date(2025, 3, 10), trust=7, engagement=7))
    vault.save_session(
        Session(bryn.id, date(2025, 3, 10), trust=6, engagement=7, client_rating=0.0)
    )
    for i, note in enumerate(AWKWARD_NOTES):
        vault.save_session(
            Session(
                alba.id,
                date(2025, 4, 1 + i),
                trust=i % 11,
                engagement=10 - i % 11,
                reflection=Reflection("free", {"text": note}),
                tags=(note[:10].replace(";", ",").strip() or "x",) if i % 2 else (),
            )
        )
    if twins:
        for _ in range(2):
            vault.save_session(Session(alba.id, date(2025, 5, 5), trust=5, engagement=5))
