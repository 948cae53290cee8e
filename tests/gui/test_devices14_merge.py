"""Issue 14: a conflict copy beside the vault shows conflictCopiesBanner; Merge… merges it
(the vault's own passphrase tried first), says what it did and moves the copy aside; a
session changed on both devices offers Keep this / Keep the other / Keep both."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from alliance_desktop.app import access
from alliance_desktop.domain import Client, Session
from alliance_desktop.gui.common.preferences import Preferences
from alliance_desktop.gui.common.theme import ThemeManager
from alliance_desktop.gui.shell.controller import AppController
from alliance_desktop.vault import Vault, sync

PASS = "devices fourteen merge passphrase"
COPY = "vault.sync-conflict-20260302-140200-LAPTOPX.alliance"


@pytest.fixture
def parts(tmp_path: Path, qtbot):
    path = tmp_path / "sync" / "vault.alliance"
    path.parent.mkdir()
    with Vault.create(path, PASS) as v:
        wren = v.save_client(Client("Wren 14"))
        v.save_session(Session(wren.id, date(2026, 3, 2), trust=7, engagement=6))
    laptop = tmp_path / "laptop.alliance"
    shutil.copyfile(path, laptop)
    with Vault.open(laptop, PASS) as other:  # the laptop: one edit, one new session
        s = other.sessions()[0]
        other.save_session(Session(s.client_id, s.date, trust=3, engagement=4, id=s.id,
                                   uuid=s.uuid, created_at=s.created_at))  # fmt: skip
        other.save_session(Session(s.client_id, date(2026, 3, 9), trust=6, engagement=6))
    with Vault.open(path, PASS) as here:  # this computer: the same session edited apart
        s = here.sessions()[0]
        here.save_session(Session(s.client_id, s.date, trust=8, engagement=7, id=s.id,
                                  uuid=s.uuid, created_at=s.created_at))  # fmt: skip
    app = QApplication.instance()
    prefs = Preferences(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
    prefs.set({"backup_folder": str(tmp_path / "backups")})
    theme = ThemeManager(app, "light")
    ctl = AppController(app, path, prefs, theme)
    yield ctl, path, laptop
    ctl.dispose()
    theme.deleteLater()


def test_a_conflict_copy_is_shown_merged_and_moved_aside(parts, qtbot):
    ctl, path, laptop = parts
    ctl.start(access.unlock(path, PASS))
    window = ctl.window
    qtbot.waitUntil(window.isVisible)
    banner = window.findChild(QWidget, "conflictCopiesBanner")
    assert not banner.isVisibleTo(window)
    shutil.copyfile(laptop, path.with_name(COPY))  # Syncthing leaves it beside the vault
    qtbot.waitUntil(lambda: banner.isVisibleTo(window), timeout=10000)
    assert "conflict copy" in banner.label.text()

    asked: list[Path] = []
    ctl.devices.merge(path.with_name(COPY), move_aside=True, ask=lambda *a: asked.append(a[1]))
    assert asked == []  # the vault's own passphrase opened it
    message = ctl.devices.lastMessage
    assert message.startswith("merged: 1 new session, ")
    assert "1 conflict kept" in message
    assert not path.with_name(COPY).exists()
    kept = list(path.parent.glob(COPY + ".merged-*"))
    assert len(kept) == 1  # moved aside, never deleted
    qtbot.waitUntil(lambda: not banner.isVisibleTo(window), timeout=10000)

    # The session changed on both devices: the chooser above it in the editor.
    vault = ctl.vault
    changed = next(s for s in vault.sessions() if s.date == date(2026, 3, 2))
    assert sync.conflicts(vault, changed.uuid)
    window.openSession(changed.id)
    chooser = window.findChild(QWidget, "conflictChooser")
    qtbot.waitUntil(lambda: chooser.isVisibleTo(window))
    assert "Changed on two devices" in chooser.label.text()
    for name in ("keepThisButton", "keepOtherButton", "keepBothButton"):
        assert window.findChild(QPushButton, name).isVisibleTo(window)
    trust_before = {s.trust for s in vault.sessions() if s.date == date(2026, 3, 2)}
    window.findChild(QPushButton, "keepBothButton").click()
    on_the_day = [s for s in vault.sessions() if s.date == date(2026, 3, 2)]
    assert len(on_the_day) == 2 and trust_before < {s.trust for s in on_the_day}
    assert sync.conflicts(vault, changed.uuid) == []
    assert ("conflict_settled", "kept both versions") in [(e, d) for _a, e, d in vault.audit_log()]
    qtbot.waitUntil(lambda: not chooser.isVisibleTo(window))


def test_keep_the_other_and_keep_this(parts, qtbot):
    from alliance_desktop.app import conflicts
    from alliance_desktop.app import merge as app_merge

    _ctl, path, laptop = parts
    with Vault.open(path, PASS) as vault:
        app_merge.merge(vault, laptop, PASS)
        current = next(s for s in vault.sessions() if s.date == date(2026, 3, 2))
        (conflict,) = conflicts.session_conflicts(vault, current)
        other = conflicts.other_version(conflict, current)
        kept = conflicts.keep_other(vault, conflict.id).value
        assert (kept.trust, kept.uuid) == (other.trust, current.uuid)
        assert conflicts.session_conflicts(vault, kept) == []
        events = [e for _a, e, d in vault.audit_log()]
        assert events[-1] == "conflict_settled"
        sync.keep_conflict(vault, current.uuid, "session", conflict.payload, "LAPTOPX")
        (again,) = conflicts.session_conflicts(vault, kept)
        conflicts.keep_this(vault, again.id)
        assert conflicts.session_conflicts(vault, kept) == []
        assert vault.session(kept.id).trust == kept.trust


def test_a_copy_under_another_passphrase_asks_again_until_it_opens(parts, qtbot, tmp_path):
    ctl, path, laptop = parts
    with Vault.open(laptop, PASS) as other:
        other.change_passphrase("the laptop's own passphrase")
    ctl.start(access.unlock(path, PASS))
    qtbot.waitUntil(ctl.window.isVisible)
    answers = iter(["not this one", "the laptop's own passphrase"])
    asked: list[bool] = []

    def ask(_parent, _path, again):
        asked.append(again)
        return next(answers)

    ctl.devices.merge(laptop, move_aside=False, ask=ask)
    assert asked == [False, True]  # asked, refused, asked again saying so
    assert ctl.devices.lastMessage.startswith("merged: 1 new session, ")
    assert laptop.exists()  # a file that is not a conflict copy stays where it was
    assert len(ctl.vault.sessions()) == 2
