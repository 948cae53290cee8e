"""Issue 13 for the dialogs: what a screen reader finds in the unlock window, settings,
help, crash, activity and safety dialogs (Qt's accessible interfaces, as AT-SPI reads
them): every interactive widget that shows has a name, headings are headings, and
errors are announced."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QToolButton, QWidget

from alliance_desktop.app.backups import BackupInfo
from alliance_desktop.gui.common.accessibility import (
    accessible_role,
    clear_button,
    heading_level,
    mark_heading,
    name_clear_button,
    recording,
)
from alliance_desktop.gui.common.audit_dialog import AuditDialog
from alliance_desktop.gui.common.crash_dialog import CrashDialog
from alliance_desktop.gui.common.help_dialogs import AboutDataDialog, ShortcutsDialog
from alliance_desktop.gui.common.settings_dialog import SettingsDialog
from alliance_desktop.gui.safety.dialogs import (
    ChangePassphraseDialog,
    ExportDialog,
    RecentlyDeletedDialog,
    RestoreBackupDialog,
)
from alliance_desktop.gui.unlock.window import UnlockWindow
from alliance_desktop.vault import Vault


def unnamed(root: QWidget) -> list[str]:
    """Interactive widgets that show and have no accessible name."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        focusable = widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        if isinstance(widget, QLabel) or not (focusable or isinstance(widget, QAbstractButton)):
            continue
        iface = QAccessible.queryAccessibleInterface(widget)
        if iface is None or not iface.text(QAccessible.Text.Name).strip():
            found.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return found


def _dialogs(tmp_path: Path) -> list[QWidget]:
    vault = tmp_path / "v.alliance"
    Vault.create(vault, "correct staple battery orbit").close()
    find = QAction("&Find")
    find.setShortcut(QKeySequence("Ctrl+F"))
    now = datetime.now()
    backups = [
        BackupInfo(tmp_path / f"b{i}.alliance", now - timedelta(days=i), 4096, i != 1)
        for i in range(3)
    ]
    return [
        UnlockWindow(vault),
        UnlockWindow(tmp_path / "new.alliance"),
        SettingsDialog({}, {}, default_backup_folder=tmp_path / "backups"),
        ShortcutsDialog([find]),
        AboutDataDialog(vault),
        CrashDialog("Alliance Desktop\nbuiltins.ValueError"),
        AuditDialog([(now.isoformat(), "unlock", "")]),
        ExportDialog(tmp_path),
        RestoreBackupDialog(backups, tmp_path),
        ChangePassphraseDialog(),
        RecentlyDeletedDialog(),
    ]


def test_every_interactive_widget_of_the_dialogs_is_named(qtbot, tmp_path):
    for widget in _dialogs(tmp_path):
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
        assert unnamed(widget) == [], widget.objectName()


def test_the_forms_keep_their_object_names(qtbot, tmp_path):
    names = {
        "exportDialog": [
            "exportWarningLabel",
            "exportCsvRadio",
            "exportPathEdit",
            "exportOkButton",
        ],
        "restoreBackupDialog": ["backupList", "restorePassphraseEdit", "checkBackupsButton"],
        "changePassphraseDialog": ["currentPassphraseEdit", "passphraseStrengthBar"],
        "recentlyDeletedDialog": ["recentlyDeletedList", "emptyRecentlyDeletedButton"],
        "crashDialog": ["crashSummary", "copySummaryButton"],
        "auditDialog": ["auditTable"],
        "shortcutsDialog": ["shortcutsTable", "closeButton"],
        "aboutDataDialog": ["aboutDataTitle", "aboutDataText", "copyPathButton"],
    }
    for widget in _dialogs(tmp_path):
        qtbot.addWidget(widget)
        for name in names.get(widget.objectName(), []):
            assert widget.findChild(QWidget, name) is not None, (widget.objectName(), name)


def test_the_export_path_clear_button_is_named(qtbot, tmp_path):
    dialog = ExportDialog(tmp_path)
    qtbot.addWidget(dialog)
    button = clear_button(dialog.pathEdit)
    assert button is not None and button.accessibleName() == "Clear"
    assert "Export file" in button.accessibleDescription()


def test_name_clear_button_enables_and_names_it(qtbot):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.setObjectName("searchEdit")
    assert clear_button(edit) is None
    button = name_clear_button(edit)
    assert isinstance(button, QToolButton) and edit.isClearButtonEnabled()
    iface = QAccessible.queryAccessibleInterface(button)
    assert iface.text(QAccessible.Text.Name) == "Clear"
    assert button.objectName() == "searchEditClearButton"


@pytest.mark.parametrize("level", [1, 2, 3])
def test_mark_heading_gives_the_heading_role_and_level(qtbot, level):
    label = QLabel("Recent <b>sessions</b>")
    qtbot.addWidget(label)
    mark_heading(label, level)
    assert accessible_role(label) == QAccessible.Role.Heading
    assert heading_level(label) == level
    iface = QAccessible.queryAccessibleInterface(label)
    assert iface.text(QAccessible.Text.Name) == "Recent sessions"


def test_about_data_title_is_a_heading(qtbot, tmp_path):
    dialog = AboutDataDialog(tmp_path / "v.alliance")
    qtbot.addWidget(dialog)
    assert heading_level(dialog.ui.aboutDataTitle) == 1


def test_safety_dialog_errors_are_announced(qtbot, tmp_path):
    change = ChangePassphraseDialog()
    deleted = RecentlyDeletedDialog()
    for dialog in (change, deleted):
        qtbot.addWidget(dialog)
    with recording() as said:
        change.showError("The current passphrase is wrong.")
        deleted.showError("That session could not be restored.")
    assert [text for _who, text in said] == [
        "The current passphrase is wrong.",
        "That session could not be restored.",
    ]
    assert accessible_role(change.feedbackLabel) == QAccessible.Role.AlertMessage
