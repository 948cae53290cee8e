"""Errors of the app layer that concern output files.

An ``OutputError`` is always a plain sentence naming the file, and it means that
nothing was left behind: no partial file and no temporary file.
"""

from __future__ import annotations

from pathlib import Path

from alliance_desktop.i18n import _


class OutputError(Exception):
    """An output file could not be written; nothing was left behind."""

    def __init__(self, message: str, path: Path | str | None = None):
        super().__init__(message)
        self.path = Path(path) if path is not None else None


class OutputExistsError(OutputError):
    """Something is already at ``path``; ask the user, then retry with ``overwrite=True``."""

    def __init__(self, path: Path | str):
        path = Path(path)
        super().__init__(_("{path} already exists; it was left as it was.").format(path=path), path)
        self.path: Path = path


__all__ = ["OutputError", "OutputExistsError"]
