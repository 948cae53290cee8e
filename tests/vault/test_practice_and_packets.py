"""Practice clients (trainee vignettes) and the record of exported supervision packets."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from alliance_desktop.domain import Client, ValidationError
from alliance_desktop.domain.vignettes import VIGNETTES, vignette
from alliance_desktop.vault import Vault


def test_a_practice_client_is_flagged_and_reused(vault: Vault):
    made = vault.add_practice_client("quiet_after_homework")
    assert made.is_practice and made.code == vignette("quiet_after_homework").code
    assert vault.add_practice_client("quiet_after_homework").id == made.id
    real = vault.save_client(Client("Alder 1"))
    flags = {s.client.code: s.is_practice for s in vault.client_summaries()}
    assert flags == {made.code: True, real.code: False}
    assert vault.client(made.id).is_practice is True
    assert vault.client(real.id).is_practice is False


def test_an_unknown_vignette_is_a_validation_error(vault: Vault):
    with pytest.raises(ValidationError):
        vault.add_practice_client("no_such_scene")


def test_every_vignette_becomes_a_valid_client(vault: Vault):
    for v in VIGNETTES:
        vault.add_practice_client(v.key)
    assert sum(c.is_practice for c in vault.clients()) == len(VIGNETTES) >= 8


def test_packet_records_round_trip_newest_first(vault: Vault):
    first = vault.save_packet_record(
        range_from=date(2026, 1, 1), range_to=date(2026, 3, 31), client_count=4,
        questions=["How do I raise the missed sessions?", "  "],
        created_at=datetime(2026, 4, 1, 9, 0, tzinfo=UTC),
    )  # fmt: skip
    vault.save_packet_record(range_from=None, range_to=None, client_count=1)
    newest, oldest = vault.packets()
    assert oldest.id == first.id
    assert oldest.questions == ("How do I raise the missed sessions?",)
    assert (oldest.range_from, oldest.range_to, oldest.client_count) == (
        date(2026, 1, 1), date(2026, 3, 31), 4,
    )  # fmt: skip
    assert newest.range_from is None and newest.questions == ()
