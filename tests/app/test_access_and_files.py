"""Unlock, lock, passphrase, backups, exports and charts through app/: the one throttle,
the writer lock, private files and audit rows written before a file appears."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from alliance_desktop.app import access, backups, exports
from alliance_desktop.app import passphrase as app_passphrase
from alliance_desktop.app.errors import OutputError, OutputExistsError
from alliance_desktop.app.process import harden_process
from alliance_desktop.domain import Client, Session
from alliance_desktop.domain.errors import ValidationError
from alliance_desktop.vault import Vault
from alliance_desktop.vault.errors import (
    NotAVaultError,
    VaultBusyError,
    VaultError,
    WrongPassphraseError,
)
from alliance_desktop.vault.throttle import ENV_BASE_MS, Throttle
from alliance_desktop.vault.writer_lock import WriterLock

PASSPHRASE = "correct staple battery orbit"
NEW_PASSPHRASE = "lantern meadow copper seventeen"


def events(vault: Vault) -> list[str]:
    return [event for _at, event, _detail in vault.audit_log()]


@pytest.fixture
def made(tmp_path: Path) -> Path:
    path = tmp_path / "vault.alliance"
    with Vault.create(path, PASSPHRASE) as v:
        c = v.save_client(Client("Ash 1"))
        v.save_session(Session(c.id, date(2025, 1, 6), trust=6, engagement=5))
    return path


@pytest.fixture(autouse=True)
def fast_throttle(monkeypatch):
    monkeypatch.setenv(ENV_BASE_MS, "1")


# -- unlock ---------------------------------------------------------------------------


def test_unlock_counts_wrong_passphrases_in_the_one_throttle_and_audits_them(made, tmp_path):
    link = tmp_path / "link.alliance"
    link.symlink_to(made)
    for where in (made, link):  # the symlink shares the vault's count
        with pytest.raises(WrongPassphraseError):
            access.unlock(where, "not the passphrase at all", sleep=lambda s: None)
    assert Throttle(made).failures() == 2 == access.failures(link)
    vault = access.unlock(made, PASSPHRASE)
    try:
        log = [(e, d) for _at, e, d in vault.audit_log()]
        assert log[-2:] == [
            ("unlock_failed", "2 wrong passphrase(s) before this unlock"),
            ("unlock", ""),
        ]
    finally:
        access.close(vault)
    assert Throttle(made).failures() == 0


def test_a_command_line_unlock_writes_nothing_and_the_app_records_its_session(made):
    before = made.read_bytes()
    access.close(access.unlock(made, PASSPHRASE))  # a CLI writer that then refuses its input
    access.close(access.unlock(made, PASSPHRASE, writer=False))  # a reader
    assert made.read_bytes() == before
    vault = access.unlock(made, PASSPHRASE, interactive=True)
    try:
        assert [e for _at, e, _d in vault.audit_log()][-1] == "unlock"
    finally:
        access.close(vault)


def test_unlock_waits_as_long_as_the_throttle_says(made, monkeypatch):
    monkeypatch.setenv(ENV_BASE_MS, "1000")
    for _ in range(7):
        Throttle(made).record_failure()
    waited: list[float] = []
    access.close(access.unlock(made, PASSPHRASE, sleep=waited.append))
    assert len(waited) == 1 and waited[0] > 0


def test_the_cli_counts_in_the_same_throttle_as_the_app(made):
    with pytest.raises(WrongPassphraseError):
        access.unlock(made, "not the passphrase at all")
    proc = subprocess.run(
        [sys.executable, "-m", "alliance_desktop.cli", "--vault", str(made),
         "--passphrase-stdin", "stats"],
        input="still not the passphrase\n", capture_output=True, text=True, timeout=60,
        env={**os.environ, ENV_BASE_MS: "1"},
    )  # fmt: skip
    assert proc.returncode == 3, proc.stderr
    assert access.failures(made) == 2


def test_a_busy_vault_is_refused_before_the_key_is_derived(made, monkeypatch):
    holder = WriterLock.acquire(made)
    try:

        def no_kdf(*args, **kw):
            raise AssertionError("the key was derived although the vault is busy")

        monkeypatch.setattr(Vault, "open", no_kdf)
        with pytest.raises(VaultBusyError) as busy:
            access.unlock(made, PASSPHRASE)
        assert "open in another window (since" in str(busy.value)
        assert access.failures(made) == 0
    finally:
        holder.release()


def test_readers_run_beside_a_writer(made):
    writer = access.unlock(made, PASSPHRASE)
    try:
        reader = access.unlock(made, PASSPHRASE, writer=False)
        assert reader.session_count() == 1
        access.close(reader)
    finally:
        access.close(writer)
    assert WriterLock.holder(made) is None


def test_a_text_file_is_not_a_vault_and_costs_no_attempt(tmp_path):
    note = tmp_path / "notes.txt"
    note.write_text("shopping: milk, bread\n")
    with pytest.raises(NotAVaultError):
        access.unlock(note, PASSPHRASE)
    assert access.failures(note) == 0


# -- lock -----------------------------------------------------------------------------


def test_lock_never_raises_and_always_releases_the_writer_lock(made, tmp_path, monkeypatch):
    vault = access.unlock(made, PASSPHRASE)
    not_a_folder = tmp_path / "file-in-the-way"
    not_a_folder.write_text("x")

    def broken(self, slot, payload):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(Vault, "save_draft", broken)
    report = access.lock(vault, draft=("new:1", {"client_id": 1}), backup_folder=not_a_folder)
    assert not report.draft_saved and report.backup is None
    assert len(report.problems) == 2
    assert report.problems[0].startswith("The draft could not be saved")
    assert not vault.is_open
    assert WriterLock.holder(made) is None
    access.close(vault)  # closing twice is harmless


def test_lock_saves_the_draft_and_a_backup(made, tmp_path):
    vault = access.unlock(made, PASSPHRASE)
    folder = tmp_path / "backups"
    report = access.lock(vault, draft=("new:1", {"client_id": 1}), backup_folder=folder)
    assert report.problems == () and report.draft_saved
    assert report.backup is not None and report.backup.parent == folder
    assert stat.S_IMODE(os.stat(report.backup).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    with Vault.open(made, PASSPHRASE) as v:
        assert "new:1" in v.drafts()


# -- passphrase -----------------------------------------------------------------------


def test_change_passphrase_refuses_same_and_weak_and_checks_the_current(made):
    vault = access.unlock(made, PASSPHRASE)
    try:
        for bad in (PASSPHRASE, "short"):
            with pytest.raises(ValidationError) as exc:
                app_passphrase.change_passphrase(vault, PASSPHRASE, bad)
            assert [p.field for p in exc.value.problems] == ["new passphrase"]
        with pytest.raises(WrongPassphraseError):
            app_passphrase.change_passphrase(vault, "not the passphrase at all", NEW_PASSPHRASE)
        assert access.failures(made) == 1
        out = app_passphrase.change_passphrase(vault, PASSPHRASE, NEW_PASSPHRASE)
        assert out.changes.passphrase and out.value.acceptable
        assert events(vault)[-1] == "passphrase_changed"
    finally:
        access.close(vault)
    access.close(access.unlock(made, NEW_PASSPHRASE))


# -- backups --------------------------------------------------------------------------


def test_backup_is_private_audited_and_never_over_a_file(made, tmp_path):
    vault = access.unlock(made, PASSPHRASE, writer=False)
    try:
        out = tmp_path / "copy.alliance"
        written = backups.backup(vault, out).value
        assert written == out and stat.S_IMODE(out.stat().st_mode) == 0o600
        assert events(vault)[-1] == "backup"
        victim = tmp_path / "victim"
        victim.write_text("keep me")
        link = tmp_path / "link.alliance"
        link.symlink_to(victim)
        for target in (out, link):
            before = target.read_bytes()
            with pytest.raises(OutputExistsError):
                backups.backup(vault, target)
            assert target.read_bytes() == before
        assert link.is_symlink() and victim.read_text() == "keep me"
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    finally:
        access.close(vault)
    with Vault.open(out, PASSPHRASE) as copy:
        assert copy.session_count() == 1


def test_auto_backup_refuses_a_symlinked_folder_and_keeps_the_newest(made, tmp_path):
    vault = access.unlock(made, PASSPHRASE)
    try:
        real = tmp_path / "elsewhere"
        real.mkdir(mode=0o755)
        os.chmod(real, 0o755)
        link = tmp_path / "backups-link"
        link.symlink_to(real)
        with pytest.raises(OutputError):
            backups.auto_backup(vault, link)
        assert stat.S_IMODE(real.stat().st_mode) == 0o755 and list(real.iterdir()) == []

        folder = tmp_path / "backups"
        first = backups.auto_backup(vault, folder, keep=2).value
        assert first is not None
        assert backups.auto_backup(vault, folder, keep=2).value is None  # nothing changed
        made_ = [backups.auto_backup(vault, folder, keep=2, force=True).value for _ in range(2)]
        listed = backups.list_backups(folder)
        assert len(listed) == 2 and all(b.verified for b in listed)
        assert [b.path for b in listed] == [made_[1], made_[0]]  # newest first, two kept
        assert sorted(folder.iterdir()) == sorted(made_)
    finally:
        access.close(vault)


def test_restore_counts_in_the_throttle_and_needs_the_writer_lock(made, tmp_path):
    copy = tmp_path / "copy.alliance"
    with Vault.open(made, PASSPHRASE) as v:
        backups.backup(v, copy)
    from alliance_desktop.vault.errors import RestoreError

    with pytest.raises(RestoreError):
        backups.restore(copy, made, "not the passphrase at all")
    assert access.failures(made) == 1
    holder = WriterLock.acquire(made)
    try:
        with pytest.raises(VaultBusyError):
            backups.restore(copy, made, PASSPHRASE)
    finally:
        holder.release()
    done = backups.restore(copy, made, PASSPHRASE)
    assert done.changes.vault_replaced and access.failures(made) == 0


# -- exports and charts ---------------------------------------------------------------


def _read_only_folder(monkeypatch, folder: Path) -> None:
    """Simulate a read-only mount for ``folder`` (root ignores permission bits)."""
    real_open = os.open

    def open_(path, flags, mode=0o777, *, dir_fd=None):
        if Path(os.fsdecode(path)).parent == folder and flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system", os.fsdecode(path))
        return real_open(path, flags, mode, dir_fd=dir_fd)

    monkeypatch.setattr(os, "open", open_)


def test_export_into_a_read_only_folder_leaves_nothing_and_no_audit(made, tmp_path, monkeypatch):
    vault = access.unlock(made, PASSPHRASE, writer=False)
    try:
        ro = tmp_path / "ro"
        ro.mkdir()
        before = events(vault)
        _read_only_folder(monkeypatch, ro)
        with pytest.raises(OutputError) as exc:
            exports.export_data(vault, "csv", ro / "out.csv")
        assert "read-only" in str(exc.value)
        with pytest.raises((OutputError, VaultError)):
            backups.backup(vault, ro / "copy.alliance")
        assert list(ro.iterdir()) == []
        assert events(vault) == before
    finally:
        access.close(vault)


def test_export_writes_private_file_audited_before_it_appears(made, tmp_path, monkeypatch):
    vault = access.unlock(made, PASSPHRASE, writer=False)
    try:
        out = tmp_path / "out.json"
        seen: list[bool] = []
        real_audit = Vault.audit

        def audit(self, event, detail=""):
            seen.append(out.exists())
            real_audit(self, event, detail)

        monkeypatch.setattr(Vault, "audit", audit)
        exports.export_data(vault, "json", out)
        assert seen == [False]  # the row was written while the file was not there yet
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
        with pytest.raises(OutputExistsError):
            exports.export_data(vault, "csv", out)
        exports.export_data(vault, "csv", out, overwrite=True)
        assert out.read_text().startswith("client,date")
    finally:
        access.close(vault)


def test_a_failed_audit_leaves_no_export(made, tmp_path, monkeypatch):
    vault = access.unlock(made, PASSPHRASE, writer=False)
    try:

        def no_audit(self, event, detail=""):
            raise RuntimeError("simulated")

        monkeypatch.setattr(Vault, "audit", no_audit)
        with pytest.raises(RuntimeError):
            exports.export_data(vault, "csv", tmp_path / "out.csv")
        assert not (tmp_path / "out.csv").exists()
        assert not any(p.name.startswith(".out") for p in tmp_path.iterdir())
    finally:
        access.close(vault)


def test_chart_is_private_and_refuses_a_symlink(made, tmp_path):
    from matplotlib.figure import Figure

    from alliance_desktop.app.charts import export_chart

    vault = access.unlock(made, PASSPHRASE, writer=False)
    try:
        fig = Figure()
        fig.add_subplot().plot([1, 2, 3])
        out = tmp_path / "c.svg"
        export_chart(vault, fig, out, kind="trend")
        assert out.read_text().lstrip().startswith("<?xml")
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
        assert [(e, d) for _a, e, d in vault.audit_log()][-1] == ("chart", "trend")
        victim = tmp_path / "victim"
        victim.write_text("keep")
        link = tmp_path / "l.png"
        link.symlink_to(victim)
        with pytest.raises(OutputExistsError):
            export_chart(vault, fig, link)
        assert victim.read_text() == "keep" and link.is_symlink()
        with pytest.raises(ValidationError):
            export_chart(vault, fig, tmp_path / "c.gif")
    finally:
        access.close(vault)


# -- the process ------------------------------------------------------------------------


def test_harden_process_turns_core_dumps_off_in_a_child():
    code = (
        "import ctypes, resource\n"
        "from alliance_desktop.app.process import harden_process\n"
        "ok = harden_process()\n"
        "libc = ctypes.CDLL(None)\n"
        "print(ok, resource.getrlimit(resource.RLIMIT_CORE), libc.prctl(3, 0, 0, 0, 0))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    expected = "True (0, 0) 0" if sys.platform.startswith("linux") else "True (0, 0)"
    assert proc.stdout.strip().startswith(expected), proc.stdout


def test_harden_process_never_raises(monkeypatch):
    import resource

    def refuse(*args):
        raise ValueError("not allowed")

    from alliance_desktop.app import process

    monkeypatch.setattr(resource, "setrlimit", refuse)
    # Not on the test process itself: a non-dumpable pytest would change /proc/self.
    monkeypatch.setattr(process, "_not_dumpable", lambda: True)
    assert harden_process() is False
