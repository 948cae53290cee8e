"""Saving a chart as a PNG, SVG or PDF file, private from its first byte."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from alliance_desktop.app.changes import Outcome
from alliance_desktop.app.files import published_in_transaction, write_private
from alliance_desktop.domain.errors import Problem, ValidationError
from alliance_desktop.vault.store import Vault

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: Extensions a chart can be saved with, and the format each one means.
CHART_FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
PNG_DPI = 200


def chart_format(out: Path | str) -> str:
    """The format for ``out``'s extension; ValidationError naming the file otherwise."""
    path = Path(out)
    fmt = CHART_FORMATS.get(path.suffix.lower())
    if fmt is None:
        what = f"{path.suffix!r}" if path.suffix else "no extension"
        raise ValidationError(
            [
                Problem(
                    "file",
                    f"a chart can be written as {', '.join(CHART_FORMATS)}; "
                    f"{path.name!r} has {what}",
                )
            ]
        )
    return fmt


def _savefig_options(figure: Figure, fmt: str) -> dict[str, Any]:
    options: dict[str, Any] = {"format": fmt, "facecolor": figure.get_facecolor()}
    if fmt == "png":
        options["dpi"] = PNG_DPI
    else:
        # No creation date or software stamp: the file carries the chart and no more.
        options["metadata"] = {"Date": None} if fmt == "svg" else {"CreationDate": None}
    return options


def export_chart(
    vault: Vault,
    figure: Figure,
    out: Path | str,
    *,
    kind: str = "",
    overwrite: bool = False,
) -> Outcome[Path]:
    """Save ``figure`` at ``out`` (format from the extension); audit "chart" (the kind,
    never the data) before the file is published, in one transaction with the
    publishing, so a file that cannot be published leaves no audit row.

    Raises ValidationError (unknown extension), OutputExistsError (retry with
    ``overwrite=True``), OutputError, VaultError; nothing is left behind on failure.
    """
    path = Path(out).expanduser()
    options = _savefig_options(figure, chart_format(path))

    def write(fh: BinaryIO) -> None:
        figure.savefig(fh, **options)

    target = Path(os.path.abspath(path))
    with published_in_transaction(vault, target):
        written = write_private(
            target, write, overwrite=overwrite, before_publish=lambda: vault.audit("chart", kind)
        )
    return Outcome(written)


__all__ = ["CHART_FORMATS", "chart_format", "export_chart"]
