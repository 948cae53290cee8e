"""Plaintext export of a vault to CSV or JSON: the text, rendered in memory.

``render`` / ``export_bytes`` produce the export; writing it is the app layer's job
(``app.exports.export_data`` writes through ``app.files.write_private``: 0600 from
creation, never over an existing file unless confirmed, the audit row before the file
appears). This module opens no file and writes no audit row.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Literal

from alliance_desktop.domain.models import Session
from alliance_desktop.reports.csv_format import write_csv
from alliance_desktop.reports.json_format import build_document, dump_document, dump_document_bytes
from alliance_desktop.vault import sync
from alliance_desktop.vault.bulk import paused_gc
from alliance_desktop.vault.store import Vault

Format = Literal["csv", "json"]
#: Sessions written (and encoded) per piece by ``render_csv_bytes``.
CSV_CHUNK = 2000
_EPOCH = datetime.min.replace(tzinfo=UTC)
FORMATS: tuple[Format, ...] = ("csv", "json")


def _coded_sessions(vault: Vault) -> list[tuple[str, Session]]:
    clients = {c.id: c for c in vault.clients()}
    rows = [(clients[s.client_id], s) for s in vault.sessions()]
    rows.sort(key=lambda pair: (pair[0].key, pair[1].date, pair[1].created_at or _EPOCH))
    return [(client.code, s) for client, s in rows]


def render_csv(vault: Vault) -> str:
    """Every session as CSV, ordered by client code (ignoring case), then date."""
    with paused_gc():
        rows = _coded_sessions(vault)
        text = write_csv(rows)
        _release(rows)
        return text


def render_csv_bytes(vault: Vault) -> bytes:
    """``render_csv(vault).encode("utf-8")`` without the whole text as one string.

    Written and encoded CSV_CHUNK sessions at a time (a CSV row does not depend on
    the others). One growing string held the interpreter in three single calls of
    ~45 ms each at 100,000 sessions, while a background export ran: a character
    beyond Latin-1 in the last note copied all the text before it to two bytes a
    character, ``getvalue`` copied it again, and so did the encoding. The join of the
    encoded pieces lets other threads run.
    """
    with paused_gc():
        rows = _coded_sessions(vault)
        header = write_csv([])
        parts = [header.encode("utf-8")]
        for start in range(0, len(rows), CSV_CHUNK):
            text = write_csv(rows[start : start + CSV_CHUNK])
            parts.append(text[len(header) :].encode("utf-8"))
        _release(rows)
        return b"".join(parts)


def render_json(vault: Vault, *, now: datetime | None = None, indent: int | None = None) -> str:
    """The whole vault as the lossless JSON document: clients, sessions, custom
    strategies, settings, every client's plan and the past supervision packets.
    Compact (one line) unless ``indent`` is given; both read back the same."""
    return _json(vault, now, indent, dump_document)


def render_json_bytes(
    vault: Vault, *, now: datetime | None = None, indent: int | None = None
) -> bytes:
    """``render_json(...).encode("utf-8")`` without the whole text as one string."""
    return _json(vault, now, indent, dump_document_bytes)


def _json(vault: Vault, now: datetime | None, indent: int | None, dump: Callable[..., Any]) -> Any:
    with paused_gc():
        clients = vault.clients()
        codes = {c.id: c.code for c in clients}
        sessions = _coded_sessions(vault)
        document = build_document(
            clients=clients,
            sessions=sessions,
            strategies=vault.custom_strategies(),
            # Typed first: a damaged stored value goes out as its default, so it cannot
            # break the import of this export.
            settings=vault.typed_settings().to_mapping(),
            exported_at=now or datetime.now(UTC),
            plans=[(codes[cid], item) for cid, item in vault.plan_items() if cid in codes],
            packets=vault.packets(),
            tombstones=sync.tombstones(vault),
        )
        text = dump(document, indent=indent)
        _release(sessions)
        for part in document.values():
            if isinstance(part, list):
                _release(part)
        return text


def _release(items: list[Any]) -> None:
    """Free a long list a slice at a time: dropping 20k sessions at once is one ~0.1 s
    call that holds the interpreter (and a background export would freeze the window)."""
    while items:
        del items[-256:]


RENDERERS: dict[Format, Callable[[Vault], str]] = {"csv": render_csv, "json": render_json}


def render(vault: Vault, fmt: Format, *, indent: int | None = None) -> str:
    """The export as text; ``indent`` (JSON only) pretty-prints it."""
    if fmt == "json":
        return render_json(vault, indent=indent)
    return RENDERERS[fmt](vault)


def export_bytes(vault: Vault, fmt: Format, *, indent: int | None = None) -> bytes:
    """The export as UTF-8 bytes, for ``app.files.write_private`` or a stream.

    Raises ValueError for a format other than csv or json.
    """
    if fmt not in RENDERERS:
        raise ValueError(f"unknown export format {fmt!r}; use {' or '.join(FORMATS)}")
    if fmt == "json":
        return render_json_bytes(vault, indent=indent)
    return render_csv_bytes(vault)
