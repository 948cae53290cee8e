"""Exporting a supervision packet (PDF): the file, its record and its audit row together.

The packet's record (date range, client count and the therapist's questions, which
stay inside the vault) and the audit row are written in one transaction that commits
only once the file is published; if the file cannot be written, neither remains, and
if the commit fails after all, the file is removed again.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from alliance_desktop.app.changes import Changes, Outcome
from alliance_desktop.app.files import published_in_transaction, write_private_bytes
from alliance_desktop.domain.errors import Problem, ValidationError
from alliance_desktop.reports import supervision
from alliance_desktop.reports.supervision import Packet, PacketError, PacketOptions
from alliance_desktop.vault.store import PacketRecord, Vault


@dataclass(frozen=True)
class PacketExport:
    path: Path
    pages: int
    client_count: int
    record: PacketRecord | None


def build(vault: Vault, options: PacketOptions, *, today: date | None = None) -> Packet:
    """The packet for ``options`` (for a preview); ValidationError for a request it
    cannot honour (an unknown client code, an empty range)."""
    try:
        return supervision.build_packet(vault, options, today=today)
    except PacketError as exc:
        raise ValidationError([Problem("packet", str(exc))]) from None


def export_packet(
    vault: Vault,
    options: PacketOptions,
    out: Path | str,
    *,
    overwrite: bool = False,
    packet: Packet | None = None,
    today: date | None = None,
) -> Outcome[PacketExport]:
    """Write the packet as a private PDF at ``out`` and remember that it was exported.

    ``packet`` may be one already built for a preview from the same options. Raises
    ValidationError, OutputExistsError (retry with ``overwrite=True``), OutputError or
    VaultError; on any failure no file, record or audit row is left.
    """
    target = Path(os.path.abspath(Path(out).expanduser()))
    if packet is None:
        packet = build(vault, options, today=today)
    saved: list[PacketRecord] = []

    def record() -> None:
        saved.append(
            vault.save_packet_record(
                range_from=options.date_from,
                range_to=options.date_to,
                client_count=packet.client_count,
                questions=options.questions,
            )
        )
        # That a packet was written, and for how many clients; never what it held.
        vault.audit("report", f"{packet.client_count} client(s)")

    with published_in_transaction(vault, target):
        # Laid out in memory first; reports/ sits below app/, so the file is ours.
        result = supervision.render_packet(packet)
        write_private_bytes(target, result.data, overwrite=overwrite, before_publish=record)
    return Outcome(
        PacketExport(target, result.pages, packet.client_count, saved[0] if saved else None),
        Changes(packets=True),
    )


__all__ = ["PacketExport", "build", "export_packet"]
