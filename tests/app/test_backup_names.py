"""Automatic backups made within one second never share or reuse a name (issue 15).

Backups of one second are told apart by ``-N`` and rotation keeps the highest N: a
name freed by a rotation and handed out again would sort as the oldest of its second,
and the next rotation would delete the newest backup instead of an old one.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from support import make_session

from alliance_desktop.app import backups
from alliance_desktop.domain import Client
from alliance_desktop.vault import Vault, rotation

SECOND = datetime(2026, 3, 2, 9, 30, 15)


class _Frozen(datetime):
    @classmethod
    def now(cls, tz=None):  # type: ignore[override]
        return SECOND


@pytest.fixture
def frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backups, "datetime", _Frozen)


@pytest.mark.parametrize("keep", [1, 2])
def test_backups_in_one_second_never_share_or_reuse_a_name(
    vault: Vault, tmp_path: Path, frozen: None, keep: int
):
    client = vault.save_client(Client("Ash 07"))
    folder = tmp_path / "backups"
    written: list[Path] = []
    for day in range(1, 6):
        vault.save_session(make_session(client.id, SECOND.date().replace(day=day)))
        made = backups.auto_backup(vault, folder, keep=keep).value
        assert made is not None
        written.append(made)
        # the newest backup is always the last in rotation order, and kept
        kept = rotation.backups_in(folder)
        assert kept[-1] == made
        assert kept == written[-keep:]
    assert len({p.name for p in written}) == len(written)  # no name given twice
    assert [p.name for p in written] == [
        "alliance-backup-20260302-093015.alliance",
        *(f"alliance-backup-20260302-093015-{n}.alliance" for n in range(2, 6)),
    ]


def test_a_name_is_above_every_backup_of_that_second_in_the_folder(tmp_path: Path):
    (tmp_path / "alliance-backup-20260302-093015-7.alliance").write_bytes(b"x")
    (tmp_path / "alliance-backup-20260302-093016.alliance").write_bytes(b"x")  # another second
    first = backups.backup_name(tmp_path, SECOND)
    assert first.name == "alliance-backup-20260302-093015-8.alliance"
    # handed out but not written yet: the next one still does not take it
    assert (
        backups.backup_name(tmp_path, SECOND).name == "alliance-backup-20260302-093015-9.alliance"
    )
    later = datetime(2026, 3, 2, 9, 30, 17)
    assert backups.backup_name(tmp_path, later).name == "alliance-backup-20260302-093017.alliance"
