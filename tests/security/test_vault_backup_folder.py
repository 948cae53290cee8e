"""The backup folder is made owner-only, each new parent too, and never through a symlink."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from alliance_desktop.app.backups import auto_backup
from alliance_desktop.app.errors import OutputError
from alliance_desktop.app.files import private_folder
from alliance_desktop.domain import Client
from alliance_desktop.vault import Vault


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path, follow_symlinks=False).st_mode)


def test_a_symlinked_backup_folder_is_refused_and_its_target_untouched(
    vault: Vault, tmp_path: Path
):
    vault.save_client(Client("Ash 01"))
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o755)
    link = tmp_path / "backups"
    link.symlink_to(shared, target_is_directory=True)
    with pytest.raises(OutputError) as caught:
        auto_backup(vault, link)
    assert str(caught.value) == (
        f"{link} is a symbolic link; a private folder must be a real folder."
    )
    assert _mode(shared) == 0o755 and list(shared.iterdir()) == []


def test_each_missing_parent_is_created_owner_only(vault: Vault, tmp_path: Path):
    vault.save_client(Client("Ash 01"))
    folder = tmp_path / "a" / "b" / "backups"
    written = auto_backup(vault, folder).value
    assert written is not None and written.parent == folder
    for made in (tmp_path / "a", tmp_path / "a" / "b", folder):
        assert _mode(made) == 0o700, made


def test_an_existing_folder_is_narrowed_to_owner_only(tmp_path: Path):
    folder = tmp_path / "backups"
    folder.mkdir()
    os.chmod(folder, 0o755)
    assert private_folder(folder) == folder
    assert _mode(folder) == 0o700


def test_a_file_in_place_of_the_folder_is_a_plain_error(tmp_path: Path):
    folder = tmp_path / "backups"
    folder.write_text("not a folder")
    with pytest.raises(OutputError, match="not a folder"):
        private_folder(folder)
