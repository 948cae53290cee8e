"""A reusable leak scanner: which files appeared, and which of them hold a canary.

Used by the CLI leak test and meant for the GUI one: take a :func:`snapshot` of the
folders before a run, run it, then :func:`new_files` lists what was created or
modified since, and :func:`files_containing` says which hold the canary as UTF-8
or as UTF-16-LE (the form Qt and Windows-style tools write).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

Snapshot = dict[Path, tuple[int, int]]  # path -> (mtime_ns, size)
READ_LIMIT = 64 * 1024 * 1024  # larger files are read in part; nothing here is that big


def snapshot(roots: Iterable[Path]) -> Snapshot:
    """Every regular file under ``roots`` (symlinks not followed), with mtime and size."""
    found: Snapshot = {}
    for root in roots:
        for folder, dirs, files in os.walk(root, onerror=lambda _e: None):
            dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(folder, d))]
            for name in files:
                path = Path(folder, name)
                try:
                    st = path.lstat()
                except OSError:
                    continue  # gone between listing and looking: another process's file
                if not path.is_symlink():
                    found[path] = (st.st_mtime_ns, st.st_size)
    return found


def new_files(before: Snapshot, after: Snapshot) -> list[Path]:
    """Files created, or changed, between the two snapshots."""
    return sorted(p for p, meta in after.items() if before.get(p) != meta)


def encodings(canary: str) -> tuple[bytes, ...]:
    return canary.encode("utf-8"), canary.encode("utf-16-le")


def contains(path: Path, canary: str) -> bool:
    try:
        with path.open("rb") as fh:
            data = fh.read(READ_LIMIT)
    except OSError:
        return False
    return any(needle in data for needle in encodings(canary))


@dataclass(frozen=True)
class ScanResult:
    scanned: list[Path]
    leaking: list[Path]


def files_containing(paths: Iterable[Path], canary: str) -> ScanResult:
    scanned = list(paths)
    return ScanResult(scanned, [p for p in scanned if contains(p, canary)])
