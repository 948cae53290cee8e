"""The lossless JSON export and its import: document equality, paths in problems."""

from __future__ import annotations

import json
import os
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sample_data import CUSTOM, SETTINGS, fill

from alliance_desktop.app.errors import OutputExistsError
from alliance_desktop.app.exports import export_data
from alliance_desktop.domain import Client, ValidationError
from alliance_desktop.domain.settings import VaultSettings
from alliance_desktop.reports.exporter import render_json
from alliance_desktop.reports.importer import import_bytes
from alliance_desktop.reports.json_format import FORMAT, VERSION
from alliance_desktop.vault import Vault

PASSPHRASE = "correct staple battery orbit"


@pytest.fixture
def other(tmp_path: Path):
    v = Vault.create(tmp_path / "other.alliance", PASSPHRASE)
    yield v
    v.close()


def _doc(vault: Vault) -> dict:
    doc = json.loads(render_json(vault))
    doc.pop("exported_at")
    return doc


def _session(**fields) -> dict:
    base = {"client": "A", "date": "2025-01-01", "trust": 5, "engagement": 5}
    return {**base, **fields}


def _file(*sessions: dict, **top) -> bytes:
    return json.dumps(
        {"format": FORMAT, "version": VERSION, "sessions": list(sessions), **top}
    ).encode()


def test_json_round_trip_gives_the_same_document(vault, other):
    fill(vault, twins=True)
    exported = render_json(vault)
    result = import_bytes(other, exported.encode(), "json")
    assert result.settings_applied and not result.settings_ignored
    assert (result.sessions, result.new_clients, result.duplicates) == (
        vault.session_count(),
        4,
        0,
    )
    assert _doc(other) == _doc(vault)
    again = _doc(other)
    # The export carries every setting as the vault uses it: the stored ones, and the
    # defaults standing in for the rest.
    assert again["settings"] == VaultSettings.from_mapping(SETTINGS).to_mapping()
    assert again["custom_strategies"] == [
        {"key": CUSTOM.key, "label": CUSTOM.label, "group": CUSTOM.group, "help": CUSTOM.help}
    ]
    assert [c["code"] for c in again["clients"]] == ["-minus", "alba", "Bryn 02", "Zed"]
    first = next(s for s in again["sessions"] if s["supervision"])
    assert first["reflection"]["template"] == "gibbs"
    assert first["ruptures"][0]["markers"] == ["minimal_response", "abstract_talk"]
    assert first["ruptures"][0]["salience"] == 3


def test_export_is_deterministic_and_marked(vault):
    fill(vault)
    now = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    a = render_json(vault, now=now)
    b = render_json(vault, now=now)
    assert a == b
    doc = json.loads(a)
    assert (doc["format"], doc["version"], doc["exported_at"]) == (
        FORMAT,
        VERSION,
        "2026-01-02T03:04:05.000000+00:00",
    )
    keys = [(s["client"].casefold(), s["date"], s["created_at"]) for s in doc["sessions"]]
    assert keys == sorted(keys)


def test_reimporting_an_export_skips_every_session(vault):
    fill(vault, twins=True)
    n = vault.session_count()
    result = import_bytes(vault, render_json(vault).encode(), "json")
    assert (result.sessions, result.duplicates, result.new_clients) == (0, n, 0)
    assert result.settings_ignored and not result.settings_applied


def test_problems_are_located_by_json_path_and_nothing_is_written(vault):
    data = _file(
        _session(),
        _session(trust=11, modality="zoom"),
        _session(date="2025-02-30", tags="not a list"),
        _session(ruptures=[{"type": "withdrawal", "resolution": "yes"}, {"type": "sulk"}]),
        _session(client="", mood="grey"),
        "not an object",
        clients=[{"code": "B", "status": "paused"}, {"code": "b"}],
    )
    with pytest.raises(ValidationError) as caught:
        import_bytes(vault, data, "json")
    assert [str(p) for p in caught.value.problems] == [
        "clients[0].status: must be active or closed",
        "clients[1].code: 'b' appears twice",
        "sessions[1].modality: must be in_person, video, phone or other",
        "sessions[1].trust: must be a whole number from 0 to 10",
        "sessions[2].date: must be a date written YYYY-MM-DD",
        "sessions[2].tags: must be a list of text",
        "sessions[3].ruptures[1].type: must be withdrawal or confrontation",
        "sessions[3].ruptures[1].resolution: is required",
        "sessions[4].mood: is not a known field",
        "sessions[4].client: is required",
        "sessions[5]: must be an object",
    ]
    assert vault.clients() == [] and vault.session_count() == 0


def test_custom_strategies_in_the_file_can_be_used_by_its_sessions(vault):
    strategy = {"key": "garden_walk", "label": "Garden walk", "group": "fit", "help": ""}
    data = _file(_session(strategies=["garden_walk"]), custom_strategies=[strategy])
    assert import_bytes(vault, data, "json").sessions == 1
    assert "garden_walk" in vault.strategy_catalogue()


def test_bad_custom_strategies_are_reported(vault):
    bad = [
        {"key": "validate", "label": "Mine", "group": "fit"},
        {"key": "ok_key", "label": " ", "group": "nowhere"},
    ]
    with pytest.raises(ValidationError) as caught:
        import_bytes(vault, _file(custom_strategies=bad), "json")
    assert [str(p) for p in caught.value.problems] == [
        "custom_strategies[0].key: must be a lowercase slug that is not a built-in key",
        "custom_strategies[1].group: must be one of trust, goals, fit, engagement, repair, custom",
        "custom_strategies[1].label: is required",
    ]


def test_settings_apply_to_an_empty_vault_and_set_the_scale(vault):
    data = _file(_session(client_rating=47.5), settings={"client_rating_max": 50})
    result = import_bytes(vault, data, "json")
    assert result.settings_applied
    assert vault.client_rating_scale().maximum == 50


def test_settings_are_never_applied_over_existing_data(vault, client):
    data = _file(_session(client_rating=47.5), settings={"client_rating_max": 50})
    with pytest.raises(ValidationError) as caught:
        import_bytes(vault, data, "json")
    assert [str(p) for p in caught.value.problems] == [
        "sessions[0].client_rating: must be from 0 to 40"
    ]
    result = import_bytes(vault, _file(_session(), settings={"client_rating_max": 50}), "json")
    assert result.settings_ignored and vault.client_rating_scale().maximum == 40


def test_impossible_scale_in_settings_is_refused(vault):
    data = _file(settings={"client_rating_max": 10, "client_rating_threshold": 20})
    with pytest.raises(ValidationError) as caught:
        import_bytes(vault, data, "json")
    assert [p.row for p in caught.value.problems] == ["settings"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"[1, 2", "line 1: file: is not valid JSON (Expecting ',' delimiter)"),
        (b'{"a": 1}', "file: is not an Alliance Desktop export (its format marker is missing)"),
        (
            json.dumps({"format": FORMAT, "version": 99}).encode(),
            "version: is 99: the file was written by a newer version of Alliance Desktop "
            f"(this one reads version {VERSION})",
        ),
        (
            json.dumps({"format": FORMAT, "version": 1, "extra": []}).encode(),
            "extra: is not a known part of an export",
        ),
        (
            b'{"format": "alliance-desktop-export", "version": 1, "settings": {"x": NaN}}',
            "file: NaN is not a number JSON allows",
        ),
    ],
)
def test_file_level_problems(vault, data: bytes, expected: str):
    with pytest.raises(ValidationError) as caught:
        import_bytes(vault, data, "json")
    assert [str(p) for p in caught.value.problems] == [expected]


def test_sessions_may_name_a_client_missing_from_the_clients_list(vault):
    data = _file(_session(client="Yew", date="2025-02-01"), _session(client="yew"))
    result = import_bytes(vault, data, "json")
    assert (result.sessions, result.new_clients) == (2, 1)
    [yew] = vault.clients()
    assert (yew.code, yew.start_date.isoformat()) == ("Yew", "2025-01-01")


def test_clients_already_in_the_vault_are_kept_as_they_are(vault):
    vault.save_client(Client("Oak", goals="mine"))
    data = _file(clients=[{"code": "OAK", "goals": "theirs", "status": "closed"}])
    assert import_bytes(vault, data, "json").new_clients == 0
    [oak] = vault.clients()
    assert (oak.code, oak.goals, oak.status) == ("Oak", "mine", "active")


def test_export_file_is_private_refuses_to_overwrite_and_is_audited(vault, tmp_path: Path):
    fill(vault)
    out = tmp_path / "export.json"
    export_data(vault, "json", out)
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    before = out.read_bytes()
    with pytest.raises(OutputExistsError):
        export_data(vault, "csv", out)
    assert out.read_bytes() == before
    events = [(e, d) for _at, e, d in vault.audit_log() if e == "export"]
    assert events == [("export", "json")]


def test_json_round_trip_keeps_practice_clients_apart(vault, other):
    practice = vault.add_practice_client("steady_ground")
    real = vault.save_client(Client("Bryn 02"))
    doc = _doc(vault)
    by_code = {c["code"]: c for c in doc["clients"]}
    assert by_code[practice.code]["is_practice"] is True
    assert "is_practice" not in by_code[real.code]  # other exports unchanged
    import_bytes(other, render_json(vault).encode(), "json")
    assert other.client_by_code(practice.code).is_practice
    assert not other.client_by_code(real.code).is_practice
    assert _doc(other) == doc
