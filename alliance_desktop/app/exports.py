"""Plaintext export (CSV or the lossless JSON) and import, all or nothing."""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

from alliance_desktop.app.changes import Changes, Outcome
from alliance_desktop.app.files import published_in_transaction, write_private_bytes
from alliance_desktop.app.progress import Progress, step
from alliance_desktop.i18n import _
from alliance_desktop.reports import exporter, importer
from alliance_desktop.reports.exporter import FORMATS, Format
from alliance_desktop.reports.importer import ImportResult
from alliance_desktop.vault.store import Vault


def _rendered(
    vault: Vault, fmt: Format, indent: int | None = None, progress: Progress | None = None
) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    step(progress, 0, 3, _("Reading the vault…"))
    # Both formats are encoded piece by piece as they are built: a 15 MB export is not
    # one long call that holds the interpreter (a background export keeps the window
    # painting).
    data = exporter.export_bytes(vault, fmt, indent=indent)
    step(progress, 1, 3, _("Encoding the export…"))
    step(progress, 2, 3, _("Writing the file…"))
    return data


def export_data(
    vault: Vault,
    fmt: Format,
    out: Path | str,
    *,
    overwrite: bool = False,
    indent: int | None = None,
    progress: Progress | None = None,
) -> Outcome[Path]:
    """Write the export to a new private file at ``out``.

    The text is read from the vault first, so a failure there leaves no file; the audit
    row is written before the file is published, so a failed audit leaves none either,
    and in one transaction with the publishing, so a file that cannot be published
    leaves no audit row.
    ``progress`` (app.progress) gets each step and may cancel up to the publishing.
    Raises OutputExistsError (retry with ``overwrite=True``), OutputError, VaultError,
    Cancelled.
    """
    data = _rendered(vault, fmt, indent, progress)
    target = Path(os.path.abspath(Path(out).expanduser()))
    with published_in_transaction(vault, target):
        written = write_private_bytes(
            target, data, overwrite=overwrite, before_publish=lambda: vault.audit("export", fmt)
        )
    return Outcome(written)


def export_stream(
    vault: Vault, fmt: Format, stream: BinaryIO, *, indent: int | None = None
) -> Outcome[int]:
    """Write the export to a binary stream (stdout); the value is the bytes written.

    The audit row comes first: once bytes reach a stream they cannot be called back.
    """
    data = _rendered(vault, fmt, indent)
    vault.audit("export", fmt)
    stream.write(data)
    stream.flush()
    return Outcome(len(data))


def import_file(
    vault: Vault, path: Path | str, *, progress: Progress | None = None
) -> Outcome[ImportResult]:
    """Import a .csv or .json file: every row is checked first, then everything is
    written in one transaction with its audit entry, or nothing is.

    ``progress`` (app.progress) may cancel before the commit: nothing is imported.
    Raises UnsupportedFileError (not .csv/.json; checked before reading),
    ValidationError (every problem, located), OSError (unreadable), VaultError.
    """
    path = Path(path).expanduser()
    kind = importer.file_kind(path)
    step(progress, 0, 2, _("Reading {name}…").format(name=path.name))
    data = path.read_bytes()
    step(progress, 1, 2, _("Checking and importing {name}…").format(name=path.name))
    with vault.transaction():
        result = importer.import_bytes(vault, data, kind)
        step(progress, 2, 2, _("Saving…"))  # a cancel here still rolls everything back
    return Outcome(
        result,
        Changes(
            clients=result.new_clients > 0,
            sessions=result.sessions > 0,
            settings=result.settings_applied,
            plans=result.sessions > 0,
            packets=result.sessions > 0,
        ),
    )


__all__ = ["FORMATS", "export_data", "export_stream", "import_file"]
