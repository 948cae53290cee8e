"""The one private-file helper: 0600 from creation, whole or nothing, never clobbers."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from alliance_desktop.app import files
from alliance_desktop.app.errors import OutputError, OutputExistsError
from alliance_desktop.app.files import private_folder, private_path, write_private


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def _listing(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def test_writes_the_content_owner_only_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        out = write_private(tmp_path / "a.txt", lambda fh: fh.write(b"hello"))
    finally:
        os.umask(old)
    assert out == tmp_path / "a.txt"
    assert out.read_bytes() == b"hello"
    assert _mode(out) == 0o600
    assert _listing(tmp_path) == ["a.txt"]


def test_creation_call_itself_asks_for_0600_exclusive_no_follow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, int, int]] = []
    real_open = os.open

    def spy(path, flags, mode=0o777, *args, **kw):
        calls.append((os.fspath(path), flags, mode))
        return real_open(path, flags, mode, *args, **kw)

    monkeypatch.setattr(os, "open", spy)
    write_private(tmp_path / "p.pdf", lambda fh: fh.write(b"%PDF"))
    creating = [c for c in calls if c[1] & os.O_CREAT]
    assert creating, "no file was created through os.open"
    first = creating[0]
    assert first[2] == 0o600
    for flag in (os.O_EXCL, os.O_NOFOLLOW, os.O_WRONLY):
        assert first[1] & flag
    assert Path(first[0]).parent == tmp_path  # a temporary file in the target folder
    assert Path(first[0]) != tmp_path / "p.pdf"  # renamed into place only when complete


def test_an_existing_file_is_never_replaced_without_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "keep.csv"
    target.write_bytes(b"mine")
    with pytest.raises(OutputExistsError) as caught:
        write_private(target, lambda fh: fh.write(b"theirs"))
    assert caught.value.path == target
    assert str(target) in str(caught.value)
    assert target.read_bytes() == b"mine"
    assert _listing(tmp_path) == ["keep.csv"]


def test_a_file_appearing_while_writing_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "race.csv"

    def write(fh) -> None:
        fh.write(b"export")
        target.write_bytes(b"appeared meanwhile")

    with pytest.raises(OutputExistsError):
        write_private(target, write)
    assert target.read_bytes() == b"appeared meanwhile"
    assert _listing(tmp_path) == ["race.csv"]


def test_overwrite_replaces_the_file_and_keeps_it_private(tmp_path: Path) -> None:
    target = tmp_path / "old.json"
    target.write_bytes(b"old")
    target.chmod(0o644)
    write_private(target, lambda fh: fh.write(b"new"), overwrite=True)
    assert target.read_bytes() == b"new"
    assert _mode(target) == 0o600
    assert _listing(tmp_path) == ["old.json"]


@pytest.mark.parametrize("dangling", [True, False])
def test_a_symlink_at_the_target_is_never_followed(tmp_path: Path, dangling: bool) -> None:
    victim = tmp_path / "victim"
    if not dangling:
        victim.write_bytes(b"precious")
    link = tmp_path / "out.pdf"
    link.symlink_to(victim)
    with pytest.raises(OutputExistsError):
        write_private(link, lambda fh: fh.write(b"secret"))
    assert link.is_symlink()
    if dangling:
        assert not victim.exists()
    else:
        assert victim.read_bytes() == b"precious"
    # With overwrite the link itself is replaced; what it pointed at is untouched.
    write_private(link, lambda fh: fh.write(b"secret"), overwrite=True)
    assert not link.is_symlink()
    assert link.read_bytes() == b"secret"
    assert _mode(link) == 0o600
    if dangling:
        assert not victim.exists()
    else:
        assert victim.read_bytes() == b"precious"


def test_a_folder_at_the_target_is_an_output_error(tmp_path: Path) -> None:
    (tmp_path / "dir.pdf").mkdir()
    with pytest.raises(OutputError, match="folder"):
        write_private(tmp_path / "dir.pdf", lambda fh: fh.write(b"x"), overwrite=True)
    assert _listing(tmp_path) == ["dir.pdf"]


def test_disk_full_while_writing_leaves_nothing(tmp_path: Path) -> None:
    def write(fh) -> None:
        fh.write(b"half a packet")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OutputError) as caught:
        write_private(tmp_path / "p.pdf", write)
    assert "p.pdf" in str(caught.value)
    assert "space" in str(caught.value)
    assert type(caught.value) is OutputError
    assert _listing(tmp_path) == []


def test_disk_full_on_fsync_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError, match="space"):
        write_private(tmp_path / "e.csv", lambda fh: fh.write(b"rows"))
    assert _listing(tmp_path) == []


@pytest.mark.parametrize(
    ("code", "words"), [(errno.EROFS, "read-only"), (errno.EACCES, "permission denied")]
)
def test_a_folder_that_cannot_be_written_is_a_plain_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    real_open = os.open

    def refuse(path, flags, *args, **kw):
        if flags & os.O_CREAT:
            raise OSError(code, os.strerror(code), os.fspath(path))
        return real_open(path, flags, *args, **kw)

    monkeypatch.setattr(os, "open", refuse)
    target = tmp_path / "x.json"
    with pytest.raises(OutputError) as caught:
        write_private(target, lambda fh: fh.write(b"{}"))
    assert str(target) in str(caught.value)
    assert words in str(caught.value)
    assert _listing(tmp_path) == []


def test_before_publish_failing_leaves_no_file(tmp_path: Path) -> None:
    class AuditFailed(Exception):
        pass

    def audit() -> None:
        raise AuditFailed

    with pytest.raises(AuditFailed):
        write_private(tmp_path / "p.pdf", lambda fh: fh.write(b"%PDF"), before_publish=audit)
    assert _listing(tmp_path) == []


def test_before_publish_runs_after_the_content_is_complete(tmp_path: Path) -> None:
    seen: list[list[str]] = []
    write_private(
        tmp_path / "p.pdf",
        lambda fh: fh.write(b"%PDF"),
        before_publish=lambda: seen.append(_listing(tmp_path)),
    )
    assert len(seen) == 1 and seen[0] != ["p.pdf"]  # not yet in place when the audit runs
    assert _listing(tmp_path) == ["p.pdf"]


def test_an_interrupt_while_writing_leaves_nothing(tmp_path: Path) -> None:
    def write(fh) -> None:
        fh.write(b"partial")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_private(tmp_path / "p.pdf", write)
    assert _listing(tmp_path) == []


def test_missing_parent_folders_are_each_0700(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        out = write_private(tmp_path / "a" / "b" / "c" / "f.csv", lambda fh: fh.write(b"x"))
    finally:
        os.umask(old)
    assert out.read_bytes() == b"x"
    for folder in (tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "c"):
        assert _mode(folder) == 0o700, folder


def test_write_private_leaves_existing_folders_alone(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    write_private(tmp_path / "f.csv", lambda fh: fh.write(b"x"))
    assert _mode(tmp_path) == 0o755


def test_private_folder_makes_each_parent_and_itself_0700(tmp_path: Path) -> None:
    existing = tmp_path / "backups"
    existing.mkdir(mode=0o755)
    existing.chmod(0o755)
    assert private_folder(existing) == existing
    assert _mode(existing) == 0o700
    deep = tmp_path / "x" / "y" / "z"
    private_folder(deep)
    for folder in (tmp_path / "x", tmp_path / "x" / "y", deep):
        assert _mode(folder) == 0o700


def test_private_folder_never_chmods_through_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    real.chmod(0o755)
    link = tmp_path / "link"
    link.symlink_to(real)
    with pytest.raises(OutputError, match="symbolic link"):
        private_folder(link)
    assert _mode(real) == 0o755


def test_private_path_reserves_an_empty_private_file(tmp_path: Path) -> None:
    target = tmp_path / "backup.alliance"
    with private_path(target) as temp:
        assert temp.parent == tmp_path
        assert temp != target
        assert temp.read_bytes() == b""
        assert _mode(temp) == 0o600
        assert not target.exists()
        temp.write_bytes(b"encrypted copy")
    assert target.read_bytes() == b"encrypted copy"
    assert _mode(target) == 0o600
    assert _listing(tmp_path) == ["backup.alliance"]


def test_private_path_cleans_up_the_file_and_journals_on_failure(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), private_path(tmp_path / "b.alliance") as temp:
        temp.write_bytes(b"half")
        Path(f"{temp}-journal").write_bytes(b"journal")
        raise RuntimeError("backup failed")
    assert _listing(tmp_path) == []


def test_private_path_os_error_becomes_output_error(tmp_path: Path) -> None:
    target = tmp_path / "b.alliance"
    with pytest.raises(OutputError, match="space"), private_path(target):
        raise OSError(errno.ENOSPC, "No space left on device")
    assert _listing(tmp_path) == []


def test_private_path_refuses_a_symlink_swapped_in(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_bytes(b"precious")
    with pytest.raises(OutputError), private_path(tmp_path / "b.alliance") as temp:
        temp.unlink()
        temp.symlink_to(victim)
    assert victim.read_bytes() == b"precious"
    assert _listing(tmp_path) == ["victim"]


def test_private_path_before_publish_failing_leaves_nothing(tmp_path: Path) -> None:
    def audit() -> None:
        raise RuntimeError("audit failed")

    with pytest.raises(RuntimeError), private_path(tmp_path / "b", before_publish=audit) as t:
        t.write_bytes(b"data")
    assert _listing(tmp_path) == []


def test_private_path_existing_target_refused_before_anything_is_made(tmp_path: Path) -> None:
    (tmp_path / "b").write_bytes(b"old")
    with pytest.raises(OutputExistsError), private_path(tmp_path / "b"):
        pytest.fail("the body must not run")
    assert _listing(tmp_path) == ["b"]


def test_publishing_without_hard_links_still_never_clobbers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*args, **kw):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    out = write_private(tmp_path / "f.csv", lambda fh: fh.write(b"x"))
    assert out.read_bytes() == b"x"
    target = tmp_path / "g.csv"

    def write(fh) -> None:
        fh.write(b"new")
        target.write_bytes(b"appeared")

    with pytest.raises(OutputExistsError):
        write_private(target, write)
    assert target.read_bytes() == b"appeared"
    assert _listing(tmp_path) == ["f.csv", "g.csv"]


def test_the_module_is_the_documented_one() -> None:
    assert files.FILE_MODE == 0o600
    assert files.FOLDER_MODE == 0o700
