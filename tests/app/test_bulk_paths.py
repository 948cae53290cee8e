"""Bulk paths (issue 15): export and import run with the cyclic GC paused and restore
it whatever happens; JSON is compact unless an indent is asked for, and reads back the
same either way."""

from __future__ import annotations

import gc
import json
from datetime import UTC, date, datetime, timedelta

import pytest
from support import PASSPHRASE, make_session

from alliance_desktop.app import exports
from alliance_desktop.domain import Client
from alliance_desktop.domain.errors import ValidationError
from alliance_desktop.reports import exporter, importer
from alliance_desktop.vault import Vault
from alliance_desktop.vault.store import Vault as StoreVault


@pytest.fixture
def filled(vault: Vault) -> Vault:
    for code in ("Ash 07", "Bryn 02"):
        c = vault.save_client(Client(code, goals="sleep and work"))
        for week in range(4):
            vault.save_session(make_session(c.id, date(2026, 1, 5) + timedelta(weeks=week)))
    return vault


def test_json_is_one_compact_line_unless_indented(filled: Vault):
    compact = exporter.render_json(filled)
    assert compact.count("\n") == 1 and compact.endswith("\n")
    assert '":' in compact and '": ' not in compact
    pretty = exporter.render_json(filled, indent=2)
    assert pretty.startswith('{\n  "format": "alliance-desktop-export"')
    a, b = json.loads(compact), json.loads(pretty)
    assert a["sessions"] == b["sessions"] and a["clients"] == b["clients"]
    assert a["format"] == "alliance-desktop-export" and a["version"] == 4


def test_export_data_writes_compact_or_indented(filled: Vault, tmp_path):
    plain = exports.export_data(filled, "json", tmp_path / "a.json").value
    pretty = exports.export_data(filled, "json", tmp_path / "b.json", indent=2).value
    assert plain.read_text().count("\n") == 1
    assert pretty.read_text().count("\n") > 50


def test_compact_export_imports_into_an_empty_vault_unchanged(filled: Vault, tmp_path):
    data = exporter.export_bytes(filled, "json")
    with Vault.create(tmp_path / "copy.alliance", PASSPHRASE) as copy:
        result = importer.import_bytes(copy, data, "json")
        assert result.sessions == 8 and result.new_clients == 2
        again = json.loads(exporter.render_json(copy))
    first = json.loads(data)
    assert again["sessions"] == first["sessions"]
    assert again["clients"] == first["clients"]


def test_a_surrogate_pair_escape_is_text_and_a_lone_one_is_not(vault: Vault):
    doc = {"format": "alliance-desktop-export", "version": 4,
           "clients": [{"code": "Ash 07", "status": "active", "goals": "\ud83d\ude00"}]}  # fmt: skip
    ok = json.dumps(doc).encode()  # ensure_ascii: the emoji as a pair of \u escapes
    assert b"\\ud83d\\ude00" in ok
    assert importer.import_bytes(vault, ok, "json").new_clients == 1
    broken = ok.replace(b"\\ude00", b"x")
    with pytest.raises(ValidationError, match="unpaired surrogate"):
        importer.import_bytes(vault, broken, "json")


def test_gc_is_paused_while_importing_and_back_after(filled: Vault, tmp_path, monkeypatch):
    data = exporter.export_bytes(filled, "json")
    seen = []
    real = StoreVault.import_records

    def spy(self, *args, **kw):
        seen.append(gc.isenabled())
        return real(self, *args, **kw)

    monkeypatch.setattr(StoreVault, "import_records", spy)
    with Vault.create(tmp_path / "copy.alliance", PASSPHRASE) as copy:
        importer.import_bytes(copy, data, "json")
        assert seen == [False] and gc.isenabled()
        with pytest.raises(ValidationError):
            importer.import_bytes(copy, b'{"format": "alliance-desktop-export", "version": 0}',
                                  "json")  # fmt: skip
        assert gc.isenabled()


def test_gc_is_paused_while_exporting_and_back_after(filled: Vault, monkeypatch):
    seen = []
    real = StoreVault.sessions

    def spy(self, *args, **kw):
        seen.append(gc.isenabled())
        return real(self, *args, **kw)

    monkeypatch.setattr(StoreVault, "sessions", spy)
    exporter.render_json(filled)
    exporter.render_csv(filled)
    assert seen == [False, False] and gc.isenabled()


def test_sessions_equal_in_order_are_broken_by_their_text(filled: Vault):
    ash = filled.client_by_code("Ash 07")
    for trust in (9, 2, 5):
        s = make_session(ash.id, date(2026, 2, 2), trust=trust)
        s.created_at = s.updated_at = None
        saved = filled.save_session(s)
        filled.conn.execute(
            "UPDATE sessions SET created_at = '2026-02-02T09:00:00.000000+00:00' WHERE id = ?",
            (saved.id,),
        )
    doc = json.loads(exporter.render_json(filled))
    same = [s for s in doc["sessions"] if s["date"] == "2026-02-02"]
    assert len(same) == 3
    ties = [json.dumps(s, sort_keys=True, ensure_ascii=False) for s in same]
    assert ties == sorted(ties)


def test_json_bytes_are_the_text_encoded(filled: Vault):
    ash = filled.client_by_code("Ash 07")
    filled.save_session(make_session(ash.id, date(2026, 2, 9), tags=("café", "東京", "😀")))
    now = datetime(2026, 3, 1, tzinfo=UTC)
    text = exporter.render_json(filled, now=now)
    assert "東京" in text and "😀" in text
    assert exporter.render_json_bytes(filled, now=now) == text.encode("utf-8")
    pretty = exporter.render_json(filled, now=now, indent=2)
    assert exporter.render_json_bytes(filled, now=now, indent=2) == pretty.encode("utf-8")
