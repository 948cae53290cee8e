"""CSV export as bytes (issue 15, no stall): written and encoded a piece of sessions at
a time, never the whole text as one string, and byte for byte the text export.

One string growing to the whole export is copied in one call when a character beyond
Latin-1 first arrives (two bytes a character from then on), and again to be encoded:
~45 ms each at 100,000 sessions that hold the interpreter while a background export
runs, so the window stops."""

from __future__ import annotations

from datetime import date, timedelta

from support import make_session

from alliance_desktop.domain import Client
from alliance_desktop.domain.models import Reflection
from alliance_desktop.reports import exporter
from alliance_desktop.vault import Vault


def _fill(vault: Vault, sessions: int) -> None:
    client = vault.save_client(Client("Ash 07"))
    for i in range(sessions):
        note = "plain" if i < sessions - 1 else "the last note: Ωμέγα and 🙂"
        vault.save_session(
            make_session(
                client.id,
                date(2026, 1, 5) + timedelta(days=i),
                reflection=Reflection("free", {"text": note}),
                tags=("=formula",) if i == 3 else (),
            )
        )


def test_csv_bytes_are_written_in_pieces_and_equal_the_text(vault: Vault, monkeypatch):
    monkeypatch.setattr(exporter, "CSV_CHUNK", 3)
    _fill(vault, 8)
    written: list[int] = []
    real = exporter.write_csv

    def counting(rows):
        rows = list(rows)
        written.append(len(rows))
        return real(rows)

    monkeypatch.setattr(exporter, "write_csv", counting)
    data = exporter.export_bytes(vault, "csv")
    assert max(written) <= 3 and sum(written) == 8
    monkeypatch.setattr(exporter, "write_csv", real)
    text = exporter.render_csv(vault)
    assert data == text.encode("utf-8")
    assert text.count("\r\n") == 9 and "Ωμέγα and 🙂" in text and "'=formula" in text


def test_an_empty_vault_exports_the_header_alone(vault: Vault):
    assert exporter.export_bytes(vault, "csv") == exporter.render_csv(vault).encode("utf-8")
    assert exporter.export_bytes(vault, "csv").count(b"\r\n") == 1
