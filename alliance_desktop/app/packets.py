"""Exporting a supervision packet (PDF): the file, its record and its audit row together.

The packet's record (date range, client count and the therapist's questions, which
stay inside the vault) and the audit row are written in one transaction that commits
only once the file is published; if the file cannot be written, neither remains, and
if the commit fails after all, the file is removed again.

For a front end that shows progress (the wizard's preview, its export dialog):

- ``read_source(vault)`` reads everything a packet needs once (``PacketSource``), so a
  worker thread can build packets from it with ``build_from`` without the vault;
- ``render(packet, on_progress=..., cancelled=...)`` lays the PDF out section by
  section, calling ``on_progress(done, total)`` after each (the cover's sections, then
  one per client, then the shared ones) and ``on_page(n)`` as each page is finished;
  ``cancelled()`` returning True stops it with ``Cancelled``;
- ``export_packet`` takes the same two callbacks, or ``progress`` (``app.progress``:
  what the GUI's background worker passes, raising ``Cancelled`` once Cancel was
  pressed), so it runs off the UI thread with the vault lent to the worker.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from alliance_desktop.app.changes import Changes, Outcome
from alliance_desktop.app.files import published_in_transaction, write_private_bytes
from alliance_desktop.app.progress import Progress as StepProgress
from alliance_desktop.domain.errors import Problem, ValidationError
from alliance_desktop.domain.models import Client, Session
from alliance_desktop.domain.scales import ClientRatingScale
from alliance_desktop.domain.settings import OutcomeScale
from alliance_desktop.domain.strategies import Strategy
from alliance_desktop.insights.settings import InsightSettings
from alliance_desktop.reports import supervision
from alliance_desktop.reports.packet_pdf import Cancelled, RenderResult
from alliance_desktop.reports.supervision import Packet, PacketError, PacketOptions
from alliance_desktop.vault.store import PacketRecord, Vault

Progress = Callable[[int, int], None]
Stop = Callable[[], bool]


@dataclass(frozen=True)
class PacketExport:
    path: Path
    pages: int
    client_count: int
    record: PacketRecord | None


@dataclass(frozen=True)
class PacketSource:
    """What a packet is built from, read from the vault once."""

    clients: tuple[Client, ...]
    sessions: tuple[Session, ...]
    scale: ClientRatingScale
    insight_settings: InsightSettings
    strategies: Mapping[str, Strategy]
    redaction: tuple[str, ...]
    outcome: OutcomeScale


def read_source(vault: Vault) -> PacketSource:
    settings = vault.typed_settings()  # damaged values: defaults
    return PacketSource(
        clients=tuple(vault.clients()),
        sessions=tuple(vault.sessions()),
        scale=vault.client_rating_scale(),
        insight_settings=settings.insights,
        strategies=vault.strategy_catalogue(),
        redaction=tuple(settings.redaction_list),
        outcome=vault.outcome_scale(),
    )


def read_source_head(vault: Vault) -> PacketSource:
    """Everything ``read_source`` reads but the sessions (a few small queries): a front
    end that must not wait for a whole caseload reads them in steps with
    ``read_source_sessions`` and puts them in with ``with_sessions``."""
    settings = vault.typed_settings()
    return PacketSource(
        clients=tuple(vault.clients()),
        sessions=(),
        scale=vault.client_rating_scale(),
        insight_settings=settings.insights,
        strategies=vault.strategy_catalogue(),
        redaction=tuple(settings.redaction_list),
        outcome=vault.outcome_scale(),
    )


def read_source_sessions(vault: Vault, client_ids: Sequence[int]) -> list[Session]:
    """The sessions (with their text) of these clients, as ``read_source`` orders them
    when the ids are read in ascending order."""
    from alliance_desktop.vault.overview import client_sessions

    return client_sessions(vault, client_ids, text=True)


def with_sessions(head: PacketSource, sessions: Sequence[Session]) -> PacketSource:
    return replace(head, sessions=tuple(sessions))


def build_from(source: PacketSource, options: PacketOptions) -> Packet:
    """The packet for ``options`` from a snapshot (no vault needed, any thread);
    ValidationError for a request it cannot honour."""
    try:
        return supervision.make_packet(
            source.clients,
            source.sessions,
            options,
            scale=source.scale,
            insight_settings=source.insight_settings,
            strategies=source.strategies,
            redaction=source.redaction,
            outcome=source.outcome,
        )
    except PacketError as exc:
        raise ValidationError([Problem("packet", str(exc))]) from None


def build(vault: Vault, options: PacketOptions, *, today: date | None = None) -> Packet:
    """The packet for ``options`` (for a preview); ValidationError for a request it
    cannot honour (an unknown client code, an empty range)."""
    try:
        return supervision.build_packet(vault, options, today=today)
    except PacketError as exc:
        raise ValidationError([Problem("packet", str(exc))]) from None


def render(
    packet: Packet,
    *,
    on_progress: Progress | None = None,
    cancelled: Stop | None = None,
    on_page: Callable[[int], None] | None = None,
) -> RenderResult:
    """The packet's PDF in memory, section by section; ``Cancelled`` when asked to stop."""
    from alliance_desktop.reports.packet_pdf import render_packet

    try:
        return render_packet(packet, on_progress=on_progress, cancelled=cancelled,
                             on_page=on_page)  # fmt: skip
    except PacketError as exc:
        raise ValidationError([Problem("packet", str(exc))]) from None


def _sections_to(progress: StepProgress) -> Progress:
    def on_progress(done: int, total: int) -> None:
        progress(done, total, "")

    return on_progress


def export_packet(
    vault: Vault,
    options: PacketOptions,
    out: Path | str,
    *,
    overwrite: bool = False,
    packet: Packet | None = None,
    today: date | None = None,
    on_progress: Progress | None = None,
    cancelled: Stop | None = None,
    progress: StepProgress | None = None,
) -> Outcome[PacketExport]:
    """Write the packet as a private PDF at ``out`` and remember that it was exported.

    ``packet`` may be one already built for a preview from the same options. Raises
    ValidationError, OutputExistsError (retry with ``overwrite=True``), OutputError,
    VaultError or ``Cancelled`` (``progress``'s own when it raised it); on any failure
    no file, record or audit row is left. ``progress(done, total, text)`` is told each
    section laid out, as ``on_progress`` is.
    """
    if progress is not None and on_progress is None:
        on_progress = _sections_to(progress)
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
        result = render(packet, on_progress=on_progress, cancelled=cancelled)
        write_private_bytes(target, result.data, overwrite=overwrite, before_publish=record)
    return Outcome(
        PacketExport(target, result.pages, packet.client_count, saved[0] if saved else None),
        Changes(packets=True),
    )


__all__ = [
    "Cancelled",
    "PacketExport",
    "PacketSource",
    "build",
    "build_from",
    "export_packet",
    "read_source",
    "read_source_head",
    "read_source_sessions",
    "render",
    "with_sessions",
]
