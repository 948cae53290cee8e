"""Keyboard shortcuts table and the About your data dialog."""

from __future__ import annotations

from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QPushButton

from alliance_desktop.gui.common.help_dialogs import AboutDataDialog, ShortcutsDialog


def native(text: str) -> str:
    return QKeySequence(text).toString(QKeySequence.SequenceFormat.NativeText)


def test_shortcuts_dialog_lists_each_action_with_its_native_shortcut(qtbot):
    new = QAction("&New session")
    new.setShortcut(QKeySequence("Ctrl+N"))
    settings = QAction("Se&ttings…")
    settings.setShortcut(QKeySequence("Ctrl+,"))
    find = QAction("&Find && filter")
    find.setShortcuts([QKeySequence("Ctrl+F"), QKeySequence("F3")])
    no_shortcut = QAction("About")
    d = ShortcutsDialog([new, settings, find, no_shortcut])
    qtbot.addWidget(d)
    assert d.rows()[:3] == [
        ("New session", native("Ctrl+N")),
        ("Settings", native("Ctrl+,")),
        ("Find & filter", f"{native('Ctrl+F')}, {native('F3')}"),
    ]
    assert d.table.objectName() == "shortcutsTable" and d.table.accessibleName()


def test_about_data_explains_location_encryption_backup_and_recovery(qtbot, tmp_path):
    path = tmp_path / "my vault.alliance"
    d = AboutDataDialog(path)
    qtbot.addWidget(d)
    text = d.browser.toPlainText()
    for expected in (
        str(path),
        "SQLCipher 4",
        "default settings",
        "alliance-cli backup --out FILE",
        "DB Browser for SQLite",
        "SQLCipher 4 defaults",
        "PRAGMA key = '…';",
        "no recovery key",
    ):
        assert expected in text, expected
    d.findChild(QPushButton, "copyPathButton").click()
    assert QGuiApplication.clipboard().text() == str(path)


def test_about_data_escapes_the_path(qtbot, tmp_path):
    path = tmp_path / "<b>odd</b>.alliance"
    d = AboutDataDialog(path)
    qtbot.addWidget(d)
    assert str(path) in d.browser.toPlainText()
