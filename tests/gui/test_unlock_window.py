"""The create and unlock pages against real SQLCipher files."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlcipher3
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAction
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QToolButton,
    QWidget,
)

from alliance_desktop.app import access
from alliance_desktop.domain import Client
from alliance_desktop.gui.common.accessibility import accessible_role, heading_level, recording
from alliance_desktop.gui.unlock.fields import caps_lock_from_key
from alliance_desktop.gui.unlock.window import UnlockWindow
from alliance_desktop.vault import Vault, VaultDamagedError

PASSPHRASE = "correct staple battery orbit"
WRONG = "incorrect staple battery orbit"


@pytest.fixture(autouse=True)
def throttle_unit(monkeypatch):
    """One throttle unit is 1 s (the persisted throttle's ALLIANCE_THROTTLE_BASE_MS)."""
    monkeypatch.setenv("ALLIANCE_THROTTLE_BASE_MS", "1000")


@pytest.fixture
def make_window(qtbot):
    def make(path: Path) -> UnlockWindow:
        w = UnlockWindow(path)
        qtbot.addWidget(w)
        w.show()
        w.activateWindow()
        qtbot.waitExposed(w)
        return w

    return make


@pytest.fixture
def existing(vault_path: Path) -> Path:
    with Vault.create(vault_path, PASSPHRASE) as v:
        v.save_client(Client("Bryn 02"))
    return vault_path


def submit(qtbot, w: UnlockWindow, passphrase: str) -> str:
    qtbot.keyClicks(w.ui.passphraseEdit, passphrase)
    qtbot.mouseClick(w.ui.unlockButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not w._busy, timeout=5000)
    return w.ui.unlockMessageLabel.text()


# -- create -------------------------------------------------------------------


def test_missing_vault_shows_the_create_page(make_window, vault_path):
    w = make_window(vault_path)
    assert w.mode() == "create"
    assert not w.ui.createVaultButton.isEnabled()
    assert w.ui.createPathEdit.text() == str(vault_path)
    assert "encrypted" in w.ui.promiseLabel.text()
    assert "recover" in w.ui.promiseLabel.text()


@pytest.mark.parametrize(
    ("passphrase", "why"),
    [
        ("short one", "too short"),
        ("password123", "too common"),
        ("aaaaaaaaaaaa", "too simple — it is one character repeated"),
        ("abcabcabcabc", "too simple — it is a short pattern repeated"),
        ("qwertyuiopas", "too simple — it is a run of neighbouring keys"),
    ],
)
def test_weak_passphrase_keeps_create_disabled_and_says_why(
    qtbot, make_window, vault_path, passphrase, why
):
    w = make_window(vault_path)
    qtbot.keyClicks(w.ui.newPassphraseEdit, passphrase)
    qtbot.keyClicks(w.ui.confirmPassphraseEdit, passphrase)
    assert not w.ui.createVaultButton.isEnabled()
    assert why in w.ui.strengthLabel.text()
    assert w.ui.strengthLabel.text().startswith("⚠ Strength:")


def test_strength_feedback_names_the_level(qtbot, make_window, vault_path):
    w = make_window(vault_path)
    qtbot.keyClicks(w.ui.newPassphraseEdit, "qwpoeiruty")
    assert w.ui.strengthLabel.text().startswith("Strength: weak — ")
    w.ui.newPassphraseEdit.setText("tablechairs")
    assert w.ui.strengthLabel.text().startswith("Strength: fair — ")
    w.ui.newPassphraseEdit.setText(PASSPHRASE)
    assert "strong" in w.ui.strengthLabel.text()
    assert w.ui.strengthBar.value() > 50


def test_the_strength_bar_takes_its_colours_from_the_chart_palette(
    make_window, vault_path, monkeypatch
):
    """One palette: the bar's colours are charts.theme.OKABE_ITO, not copies of it."""
    from alliance_desktop.charts import theme

    monkeypatch.setitem(theme.OKABE_ITO, "orange", "#123456")
    monkeypatch.setitem(theme.OKABE_ITO, "green", "#654321")
    w = make_window(vault_path)
    w.ui.newPassphraseEdit.setText("qwpoeiruty")  # weak
    assert "#123456" in w.ui.strengthBar.styleSheet()
    w.ui.newPassphraseEdit.setText(PASSPHRASE)  # strong
    assert "#654321" in w.ui.strengthBar.styleSheet()


def test_mismatch_is_reported_and_blocks_create(qtbot, make_window, vault_path):
    w = make_window(vault_path)
    qtbot.keyClicks(w.ui.newPassphraseEdit, PASSPHRASE)
    qtbot.keyClicks(w.ui.confirmPassphraseEdit, "correct staple")  # a correct beginning
    assert not w.ui.mismatchLabel.isVisible()
    qtbot.keyClicks(w.ui.confirmPassphraseEdit, "X")
    assert w.ui.mismatchLabel.isVisible()
    assert "do not match" in w.ui.mismatchLabel.text()
    assert not w.ui.createVaultButton.isEnabled()


def test_create_emits_an_open_vault_and_wipes_the_fields(qtbot, make_window, vault_path):
    w = make_window(vault_path)
    qtbot.keyClicks(w.ui.newPassphraseEdit, PASSPHRASE)
    qtbot.keyClicks(w.ui.confirmPassphraseEdit, PASSPHRASE)
    assert w.ui.createVaultButton.isEnabled()
    with qtbot.waitSignal(w.unlocked, timeout=5000) as blocker:
        qtbot.mouseClick(w.ui.createVaultButton, Qt.MouseButton.LeftButton)
    vault = blocker.args[0]
    try:
        assert isinstance(vault, Vault) and vault.is_open
        assert vault_path.exists()
        assert w.ui.newPassphraseEdit.text() == "" == w.ui.confirmPassphraseEdit.text()
        assert w.mode() == "unlock"
    finally:
        vault.close()
    with Vault.open(vault_path, PASSPHRASE) as again:
        assert again.is_open


def test_create_error_is_inline(qtbot, make_window, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    w = make_window(blocker / "vault.alliance")
    w.ui.newPassphraseEdit.setText(PASSPHRASE)
    w.ui.confirmPassphraseEdit.setText(PASSPHRASE)
    qtbot.mouseClick(w.ui.createVaultButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not w._busy and "could not" in w.ui.createMessageLabel.text())
    assert w.ui.createMessageLabel.text().startswith("⚠ ")
    assert w.mode() == "create"


def test_while_the_vault_is_created_the_hint_stays_whole_and_create_is_off(
    qtbot, make_window, vault_path, monkeypatch
):
    """Issue 12: the key derivation blocks the event loop, so what shows when it starts
    is what the user sees for its duration: Create off, the hint whole and unchanged."""
    w = make_window(vault_path)
    w.resize(560, 520)
    qtbot.keyClicks(w.ui.newPassphraseEdit, PASSPHRASE)
    qtbot.keyClicks(w.ui.confirmPassphraseEdit, PASSPHRASE)
    hint = w.ui.strengthLabel.text()
    seen: dict[str, object] = {}
    real_create = access.create

    def watched_create(path, passphrase):
        labels = (w.ui.strengthLabel, w.ui.createMessageLabel)
        seen["create_enabled"] = w.ui.createVaultButton.isEnabled()
        seen["fields_editable"] = not w.ui.newPassphraseEdit.isReadOnly()
        seen["focus_kept"] = w.ui.confirmPassphraseEdit.hasFocus()
        seen["hint"] = w.ui.strengthLabel.text()
        seen["message"] = w.ui.createMessageLabel.text()
        seen["whole"] = [
            label.isVisible() and label.height() >= label.heightForWidth(label.width())
            for label in labels
        ]
        return real_create(path, passphrase)

    monkeypatch.setattr(access, "create", watched_create)
    w.ui.confirmPassphraseEdit.setFocus()
    qtbot.waitUntil(w.ui.confirmPassphraseEdit.hasFocus)
    with qtbot.waitSignal(w.unlocked, timeout=10000) as blocker:
        qtbot.keyClick(w.ui.confirmPassphraseEdit, Qt.Key.Key_Return)
    blocker.args[0].close()
    assert seen["create_enabled"] is False and seen["fields_editable"] is False
    assert seen["focus_kept"] is True
    assert seen["hint"] == hint and seen["message"] == "Creating your vault…"
    assert seen["whole"] == [True, True]


def test_enter_on_a_refused_passphrase_announces_why(qtbot, make_window, vault_path):
    w = make_window(vault_path)
    qtbot.keyClicks(w.ui.newPassphraseEdit, "a" * 14)
    qtbot.keyClicks(w.ui.confirmPassphraseEdit, "a" * 14)
    with recording() as said:
        qtbot.keyClick(w.ui.confirmPassphraseEdit, Qt.Key.Key_Return)
    assert said and "one character repeated" in said[-1][1]
    qtbot.waitUntil(w.ui.newPassphraseEdit.hasFocus)
    w.ui.newPassphraseEdit.setText(PASSPHRASE)
    w.ui.confirmPassphraseEdit.setText(PASSPHRASE[:-3] + "xyz")
    with recording() as said:
        qtbot.keyClick(w.ui.confirmPassphraseEdit, Qt.Key.Key_Return)
    assert [text for _w, text in said] == ["⚠ The two passphrases do not match."]


def test_titles_are_headings_and_messages_are_alerts(make_window, existing):
    w = make_window(existing)
    for title in (w.ui.unlockTitleLabel, w.ui.createTitleLabel):
        assert accessible_role(title) == QAccessible.Role.Heading
        assert heading_level(title) == 1
    iface = QAccessible.queryAccessibleInterface(w.ui.unlockTitleLabel)
    assert iface.text(QAccessible.Text.Name) == "Unlock your vault"
    for label in (w.ui.unlockMessageLabel, w.ui.createMessageLabel, w.ui.mismatchLabel):
        assert accessible_role(label) == QAccessible.Role.AlertMessage
    assert accessible_role(w.ui.passphraseLabel) == QAccessible.Role.StaticText


# -- unlock -------------------------------------------------------------------


def test_right_passphrase_unlocks(qtbot, make_window, existing):
    w = make_window(existing)
    assert w.mode() == "unlock"
    qtbot.keyClicks(w.ui.passphraseEdit, PASSPHRASE)
    with qtbot.waitSignal(w.unlocked, timeout=5000) as blocker:
        qtbot.keyClick(w.ui.passphraseEdit, Qt.Key.Key_Return)
    vault = blocker.args[0]
    try:
        assert vault.is_open and vault.path == existing
        assert w.ui.passphraseEdit.text() == ""
    finally:
        vault.close()


def test_lock_screen_shows_nothing_of_the_data(make_window, existing):
    w = make_window(existing)
    shown = [label.text() for label in w.findChildren(QLineEdit)] + [
        w.ui.unlockTitleLabel.text(),
        w.ui.unlockMessageLabel.text(),
    ]
    assert not any("Bryn" in text for text in shown)


def test_wrong_passphrase_message_clears_and_keeps_focus(qtbot, make_window, existing):
    w = make_window(existing)
    qtbot.waitUntil(w.ui.passphraseEdit.hasFocus)
    with qtbot.assertNotEmitted(w.unlocked):
        message = submit(qtbot, w, WRONG)
    assert message == "⚠ Wrong passphrase, or not a vault."
    assert w.ui.passphraseEdit.text() == ""
    qtbot.waitUntil(w.ui.passphraseEdit.hasFocus)
    assert w.ui.unlockButton.isEnabled() and not w.isThrottled()


def test_the_wrong_passphrase_is_announced_once_per_attempt(qtbot, make_window, existing):
    w = make_window(existing)
    with recording() as said:
        submit(qtbot, w, WRONG)
        submit(qtbot, w, WRONG)
    wrong = [(who, text) for who, text in said if "Wrong passphrase" in text]
    assert wrong == [(w.ui.unlockMessageLabel, "⚠ Wrong passphrase, or not a vault.")] * 2


def test_revealed_passphrase_cannot_be_undone_back(qtbot, make_window, existing):
    w = make_window(existing)
    w.findChild(QToolButton, "revealPassphraseButton").click()
    assert w.ui.passphraseEdit.echoMode() == QLineEdit.EchoMode.Normal
    submit(qtbot, w, WRONG)
    w.ui.passphraseEdit.undo()
    assert w.ui.passphraseEdit.text() == ""
    assert w.ui.passphraseEdit.echoMode() == QLineEdit.EchoMode.Password


def test_reveal_toggle_is_named_and_switches_echo(make_window, existing):
    w = make_window(existing)
    button = w.findChild(QToolButton, "revealPassphraseButton")
    assert button.accessibleName() == "Show passphrase"
    button.click()
    assert button.accessibleName() == "Hide passphrase"
    assert w.ui.passphraseEdit.echoMode() == QLineEdit.EchoMode.Normal
    w.reset()
    assert w.ui.passphraseEdit.echoMode() == QLineEdit.EchoMode.Password


def test_fifth_failure_throttles_then_releases(qtbot, make_window, existing):
    w = make_window(existing)
    for _ in range(4):
        submit(qtbot, w, WRONG)
        assert not w.isThrottled()
    submit(qtbot, w, WRONG)
    assert w.failures() == 5
    assert w.isThrottled()
    assert not w.ui.unlockButton.isEnabled()
    assert not w.ui.passphraseEdit.isEnabled()
    assert "try again in" in w.ui.unlockMessageLabel.text()
    w.ui.passphraseEdit.setText(PASSPHRASE)
    with qtbot.assertNotEmitted(w.unlocked):
        w._submit()  # Enter while throttled does nothing
    w.ui.passphraseEdit.setText("")
    qtbot.waitUntil(w.ui.unlockButton.isEnabled, timeout=5000)
    assert w.ui.passphraseEdit.isEnabled()
    assert "try again now" in w.ui.unlockMessageLabel.text()


def test_the_throttle_is_the_persisted_one_shared_by_every_window(qtbot, make_window, existing):
    """A new window (or a restarted app) does not start from zero: the count lives
    beside the vault, where the CLI reads it too."""
    from alliance_desktop.vault.throttle import Throttle

    first = make_window(existing)
    for _ in range(5):
        submit(qtbot, first, WRONG)
    assert Throttle(existing).failures() == 5
    second = make_window(existing)
    assert second.isThrottled()
    assert not second.ui.passphraseEdit.isEnabled()
    assert "try again in" in second.ui.unlockMessageLabel.text()
    assert not hasattr(UnlockWindow, "FREE_ATTEMPTS")  # no second, in-memory throttle


def test_success_resets_the_failure_count(qtbot, make_window, existing):
    w = make_window(existing)
    submit(qtbot, w, WRONG)
    assert w.failures() == 1
    qtbot.keyClicks(w.ui.passphraseEdit, PASSPHRASE)
    with qtbot.waitSignal(w.unlocked, timeout=5000) as blocker:
        w.ui.unlockButton.click()
    blocker.args[0].close()
    assert w.failures() == 0


def test_plain_sqlite_and_garbage_get_distinct_messages(qtbot, make_window, tmp_path):
    plain = tmp_path / "plain.db"
    con = sqlite3.connect(plain)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(os.urandom(8192))
    empty = tmp_path / "empty.bin"
    empty.write_bytes(b"")

    plain_msg = submit(qtbot, make_window(plain), PASSPHRASE)
    garbage_msg = submit(qtbot, make_window(garbage), PASSPHRASE)
    empty_msg = submit(qtbot, make_window(empty), PASSPHRASE)
    assert "plain, unencrypted SQLite database" in plain_msg
    # SQLCipher cannot tell random bytes from a wrong key, and says so.
    assert garbage_msg == "⚠ Wrong passphrase, or not a vault."
    assert "not an Alliance Desktop vault" in empty_msg
    assert len({plain_msg, garbage_msg, empty_msg}) == 3


def test_other_sqlcipher_database_is_not_a_vault(qtbot, make_window, tmp_path):
    other = tmp_path / "other.db"
    con = sqlcipher3.connect(str(other))
    con.execute(f"PRAGMA key = '{PASSPHRASE}'")
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    w = make_window(other)
    assert submit(qtbot, w, PASSPHRASE) == "⚠ This file is not an Alliance Desktop vault."
    assert w.failures() == 0


def test_newer_schema_gets_its_message(qtbot, make_window, existing):
    with Vault.open(existing, PASSPHRASE) as v:
        v.conn.execute("PRAGMA user_version = 99")
    message = submit(qtbot, make_window(existing), PASSPHRASE)
    assert "newer version of Alliance Desktop" in message
    assert "Update the app" in message


def test_damaged_and_unreadable_files_get_their_messages(qtbot, make_window, existing, monkeypatch):
    w = make_window(existing)

    def damaged(*_a, **_k):
        raise VaultDamagedError("The vault file is damaged: bad page.")

    monkeypatch.setattr(Vault, "open", damaged)
    message = submit(qtbot, w, PASSPHRASE)
    assert "damaged" in message and "backup" in message

    def unreadable(*_a, **_k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Vault, "open", unreadable)
    assert "could not be read: Permission denied" in submit(qtbot, w, PASSPHRASE)
    assert w.ui.passphraseEdit.text() == ""
    assert QApplication.overrideCursor() is None


def test_vanished_vault_switches_to_create(qtbot, make_window, existing):
    w = make_window(existing)
    existing.unlink()
    submit(qtbot, w, PASSPHRASE)
    assert w.mode() == "create"
    assert "no longer a vault" in w.ui.createMessageLabel.text()


def test_opening_shows_progress(qtbot, make_window, existing):
    w = make_window(existing)
    qtbot.keyClicks(w.ui.passphraseEdit, PASSPHRASE)
    w.ui.unlockButton.click()
    assert "Opening…" in w.ui.unlockMessageLabel.text()
    assert QApplication.overrideCursor() is not None
    with qtbot.waitSignal(w.unlocked, timeout=5000) as blocker:
        pass
    blocker.args[0].close()
    assert QApplication.overrideCursor() is None


def test_reset_clears_fields_and_messages(qtbot, make_window, existing):
    w = make_window(existing)
    submit(qtbot, w, WRONG)
    qtbot.keyClicks(w.ui.passphraseEdit, "half typed")
    w.reset()
    assert w.ui.passphraseEdit.text() == ""
    assert not w.ui.unlockMessageLabel.isVisible()


def test_refresh_follows_the_file(make_window, vault_path):
    w = make_window(vault_path)
    assert w.mode() == "create"
    Vault.create(vault_path, PASSPHRASE).close()
    w.refresh()
    assert w.mode() == "unlock"


# -- caps lock ----------------------------------------------------------------


def test_caps_lock_inference():
    shift = Qt.KeyboardModifier.ShiftModifier
    none = Qt.KeyboardModifier.NoModifier
    assert caps_lock_from_key("A", none) is True
    assert caps_lock_from_key("a", shift) is True
    assert caps_lock_from_key("a", none) is False
    assert caps_lock_from_key("A", shift) is False
    assert caps_lock_from_key("1", none) is None
    assert caps_lock_from_key("", none) is None


def test_caps_lock_warning_follows_typing(qtbot, make_window, existing):
    w = make_window(existing)
    edit = w.ui.passphraseEdit
    qtbot.keyClicks(edit, "A")  # uppercase without Shift
    assert w.ui.capsLockLabel.isVisible()
    assert w.ui.capsLockLabel.text() == "⚠ Caps Lock is on"
    qtbot.keyClicks(edit, "7")  # says nothing either way
    assert w.ui.capsLockLabel.isVisible()
    qtbot.keyClicks(edit, "B", Qt.KeyboardModifier.ShiftModifier)
    assert not w.ui.capsLockLabel.isVisible()
    qtbot.keyClicks(edit, "c", Qt.KeyboardModifier.ShiftModifier)
    assert w.capsLockShown()
    qtbot.keyClick(edit, Qt.Key.Key_CapsLock)
    assert not w.capsLockShown()


# -- structure ----------------------------------------------------------------


def test_every_interactive_widget_is_named(make_window, existing):
    w = make_window(existing)
    assert w.objectName() == "unlockWindow"
    kinds = (QLineEdit, QPushButton, QToolButton, QProgressBar)
    for widget in [x for x in w.findChildren(QWidget) if isinstance(x, kinds)]:
        assert widget.objectName(), widget
        assert widget.accessibleName(), widget.objectName()


def test_tab_order_follows_reading_order(make_window, existing):
    w = make_window(existing)
    assert w.ui.passphraseEdit.nextInFocusChain() is not None
    order = []
    widget = w.ui.passphraseEdit
    for _ in range(3):
        order.append(widget.objectName())
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or not widget.isVisible():
            widget = widget.nextInFocusChain()
    assert order == ["passphraseEdit", "unlockButton", "unlockPathEdit"]


def test_import_is_light():
    code = (
        "import sys, alliance_desktop.gui.unlock.window, alliance_desktop.gui.common.idle;"
        "bad = [m for m in sys.modules if m.startswith(('matplotlib', 'PySide6.QtNetwork'))];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


# -- the create page is built when it first shows (issue 15, start-up) -----------


def test_beside_a_vault_the_create_page_is_built_only_when_it_shows(make_window, existing):
    w = make_window(existing)
    assert w.mode() == "unlock"
    assert w.findChild(QWidget, "createPage") is None  # not built: the window shows sooner
    w._caps.set_state(True)  # Caps Lock known to be on before the page exists
    w.reset()  # locking wipes what exists, and builds nothing
    assert w.findChild(QWidget, "createPage") is None
    existing.unlink()
    w.refresh()  # the vault went away: the create page shows, complete
    assert w.mode() == "create"
    page = w.findChild(QWidget, "createPage")
    assert page is not None and w.ui.pages.indexOf(page) == 0
    assert w.findChild(QLineEdit, "newPassphraseEdit") is w.ui.newPassphraseEdit
    assert w.ui.createPathEdit.text() == str(existing)
    assert "encrypted" in w.ui.promiseLabel.text()
    assert w.ui.createCapsLockLabel.text() == w.ui.capsLockLabel.text() != ""
    assert heading_level(w.ui.createTitleLabel) == 1
    assert not w.ui.createVaultButton.isEnabled()
    w.ui.newPassphraseEdit.setText(PASSPHRASE)
    w.ui.confirmPassphraseEdit.setText(PASSPHRASE)
    assert "strong" in w.ui.strengthLabel.text() and w.ui.createVaultButton.isEnabled()
    reveal = w.ui.newPassphraseEdit.findChild(QAction, "revealNewPassphraseAction")
    assert reveal is not None
