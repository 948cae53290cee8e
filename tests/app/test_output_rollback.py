"""A failed output leaves nothing: no audit row for a file that was not published, and
no empty folders the helper made for it."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import pytest
from matplotlib.figure import Figure

from alliance_desktop.app import charts as app_charts
from alliance_desktop.app import exports
from alliance_desktop.app.errors import OutputError, OutputExistsError
from alliance_desktop.app.files import private_path, write_private, write_private_bytes
from alliance_desktop.domain import Client
from alliance_desktop.vault import Vault


def _events(vault: Vault) -> list[str]:
    return [event for _at, event, _detail in vault.audit_log()]


@contextmanager
def _appears_after_audit(vault: Vault, target: Path) -> Iterator[None]:
    """Another program puts a file at ``target`` just after the audit row is written,
    so publishing (which never replaces anything) fails."""
    real = vault.audit

    def audit_then_squat(event: str, detail: str = "") -> None:
        real(event, detail)
        target.write_bytes(b"someone else's file")

    vault.audit = audit_then_squat  # type: ignore[method-assign]
    try:
        yield
    finally:
        del vault.audit


def test_an_export_that_cannot_be_published_leaves_no_audit_row(vault: Vault, tmp_path: Path):
    vault.save_client(Client("Ash 01"))
    before = _events(vault)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "all.csv"
    with _appears_after_audit(vault, target), pytest.raises(OutputExistsError):
        exports.export_data(vault, "csv", target)
    assert target.read_bytes() == b"someone else's file"
    assert _events(vault) == before  # the "export" row rolled back with the publish
    assert [p.name for p in folder.iterdir()] == ["all.csv"]
    # And a publish that works keeps its row.
    exports.export_data(vault, "csv", folder / "ok.csv")
    assert _events(vault) == [*before, "export"]


def test_a_chart_that_cannot_be_published_leaves_no_audit_row(vault: Vault, tmp_path: Path):
    figure = Figure(figsize=(2, 2))
    figure.add_subplot().plot([1, 2, 3])
    before = _events(vault)
    target = tmp_path / "chart.png"
    with _appears_after_audit(vault, target), pytest.raises(OutputExistsError):
        app_charts.export_chart(vault, figure, target, kind="trend")
    assert _events(vault) == before
    app_charts.export_chart(vault, figure, tmp_path / "ok.svg", kind="trend")
    assert _events(vault) == [*before, "chart"]


def _disk_full(_fh: BinaryIO) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_folders_made_for_a_failed_output_are_removed(tmp_path: Path):
    target = tmp_path / "a" / "b" / "c" / "out.csv"
    with pytest.raises(OutputError, match="not enough space"):
        write_private(target, _disk_full)
    assert list(tmp_path.iterdir()) == []


def test_folders_made_for_an_output_whose_audit_failed_are_removed(tmp_path: Path):
    def failing_audit() -> None:
        raise RuntimeError("the audit row could not be written")

    with pytest.raises(RuntimeError):
        write_private_bytes(tmp_path / "new" / "out.pdf", b"%PDF-", before_publish=failing_audit)
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(RuntimeError), private_path(tmp_path / "x" / "y" / "b.alliance"):
        raise RuntimeError("the copy failed")
    assert list(tmp_path.iterdir()) == []


def test_only_the_folders_it_made_and_only_empty_ones_are_removed(tmp_path: Path):
    existing = tmp_path / "existing"
    existing.mkdir()
    with pytest.raises(OutputError):
        write_private(existing / "new" / "deeper" / "out.csv", _disk_full)
    assert existing.is_dir() and list(existing.iterdir()) == []

    def someone_adds_a_file(fh: BinaryIO) -> None:
        (existing / "made" / "theirs.txt").write_text("kept")
        _disk_full(fh)

    with pytest.raises(OutputError):
        write_private(existing / "made" / "out.csv", someone_adds_a_file)
    assert (existing / "made" / "theirs.txt").read_text() == "kept"
