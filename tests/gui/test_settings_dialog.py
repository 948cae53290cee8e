"""Settings dialog validation and the QSettings-backed preferences."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTime
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from alliance_desktop.domain.settings import FeedbackSettings, OutcomeScale
from alliance_desktop.gui.common.preferences import DEFAULTS, Preferences, clamp_prefs
from alliance_desktop.gui.common.settings_dialog import SettingsDialog
from alliance_desktop.insights.settings import InsightSettings

PREFS = {
    "auto_lock_minutes": 5,
    "theme": "system",
    "backup_folder": "",
    "reminder_enabled": False,
    "reminder_time": "17:30",
    "backup_keep": 10,
    "language": "system",
}
# The thresholds, the outcome scale and the feedback switch the dialog always writes back.
ALERTS = {
    **InsightSettings().to_settings(),
    **OutcomeScale().to_settings(),
    **FeedbackSettings().to_settings(),
}
VAULT = {"client_rating_max": 40.0, "client_rating_threshold": 36.0}


@pytest.fixture
def dialog(qtbot):
    d = SettingsDialog(PREFS, VAULT)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def test_values_round_trip(dialog, tmp_path):
    ui = dialog.ui
    assert dialog.values() == (PREFS, {**VAULT, **ALERTS})
    ui.autoLockSpin.setValue(15)
    ui.themeCombo.setCurrentIndex(ui.themeCombo.findData("dark"))
    ui.backupFolderEdit.setText(str(tmp_path))
    ui.ratingMaxSpin.setValue(60)
    ui.ratingThresholdSpin.setValue(45.5)
    ui.reminderCheck.setChecked(True)
    ui.reminderTimeEdit.setTime(QTime(8, 5))
    ui.redactionEdit.setPlainText("Kestrel Bay\n\n  Marlowe \nkestrel bay")
    dialog.languageCombo.setCurrentIndex(dialog.languageCombo.findData("fr"))
    assert dialog.languageCombo.currentText() == "Français"
    assert dialog.values() == (
        {"auto_lock_minutes": 15, "theme": "dark", "backup_folder": str(tmp_path),
         "reminder_enabled": True, "reminder_time": "08:05", "backup_keep": 10,
         "language": "fr"},
        {"client_rating_max": 60.0, "client_rating_threshold": 45.5, **ALERTS,
         "redaction_list": ["Kestrel Bay", "Marlowe"]},
    )  # fmt: skip
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_threshold_above_maximum_is_refused_naming_the_field(qtbot, dialog):
    ui = dialog.ui
    ui.ratingMaxSpin.setValue(10)
    assert ui.ratingThresholdError.isVisible()
    text = ui.ratingThresholdError.text()
    assert text.startswith("⚠ Concern threshold:")
    assert "maximum (10)" in text
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert ui.ratingThresholdSpin.hasFocus() or not dialog.isActiveWindow()
    ui.ratingThresholdSpin.setValue(8)
    assert not ui.ratingThresholdError.isVisible()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_missing_backup_folder_is_refused(dialog, tmp_path):
    dialog.ui.backupFolderEdit.setText(str(tmp_path / "nowhere"))
    assert dialog.ui.backupFolderError.isVisible()
    assert dialog.ui.backupFolderError.text().startswith("⚠ Backup folder:")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_out_of_range_input_is_clamped_and_other_vault_keys_pass_through(qtbot):
    d = SettingsDialog(
        {"auto_lock_minutes": 500, "theme": "neon"},
        {"client_rating_max": 10, "client_rating_threshold": 8, "other": 1},
    )
    qtbot.addWidget(d)
    prefs, vault = d.values()
    assert prefs == {"auto_lock_minutes": 60, "theme": "system", "backup_folder": "",
                     "reminder_enabled": False, "reminder_time": "17:30",
                     "backup_keep": 10, "language": "system"}  # fmt: skip
    assert vault == {"client_rating_max": 10.0, "client_rating_threshold": 8.0, "other": 1,
                     **ALERTS}  # fmt: skip


def test_every_interactive_widget_is_named(dialog):
    assert dialog.objectName() == "settingsDialog"
    kinds = (QLineEdit, QPushButton, QSpinBox, QDoubleSpinBox, QComboBox)
    for widget in [w for w in dialog.findChildren(QWidget) if isinstance(w, kinds)]:
        if widget.parent() is not None and isinstance(widget.parent(), QAbstractSpinBox):
            continue  # the spin box's own inner line edit
        assert widget.objectName(), widget
        assert widget.accessibleName(), widget.objectName()


# -- Preferences ---------------------------------------------------------------


@pytest.fixture
def ini(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)


def test_preferences_defaults(ini):
    assert Preferences(ini).get() == DEFAULTS


def test_preferences_clamp_what_is_read(ini):
    ini.setValue("auto_lock_minutes", 0)
    ini.setValue("theme", "purple")
    ini.setValue("backup_folder", "/srv/backups")
    prefs = Preferences(ini)
    assert prefs.auto_lock_minutes == 1
    assert prefs.theme == "system"
    assert prefs.backup_folder == "/srv/backups"
    ini.setValue("auto_lock_minutes", "many")
    assert prefs.auto_lock_minutes == 5
    ini.setValue("auto_lock_minutes", 999)
    assert prefs.auto_lock_minutes == 60


def test_preferences_store_only_the_known_keys(ini, tmp_path):
    stored = Preferences(ini).set(
        {"auto_lock_minutes": 90, "theme": "dark", "client_code": "Bryn 02", "passphrase": "x"}
    )
    assert stored == {"auto_lock_minutes": 60, "theme": "dark", "backup_folder": "",
                      "reminder_enabled": False, "reminder_time": "17:30",
                      "backup_keep": 10, "language": "system"}  # fmt: skip
    reread = Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    assert reread.get() == stored
    assert set(ini.allKeys()) <= set(DEFAULTS)
    text = (tmp_path / "prefs.ini").read_text()
    assert "Bryn" not in text and "passphrase" not in text


def test_clamp_prefs_drops_unknown_keys():
    assert clamp_prefs({"x": 1}) == DEFAULTS


def test_reminder_prefs_are_clamped():
    assert (
        clamp_prefs({"reminder_enabled": "true", "reminder_time": "7:5"})["reminder_time"]
        == "07:05"
    )
    assert clamp_prefs({"reminder_enabled": "false"})["reminder_enabled"] is False
    assert clamp_prefs({"reminder_time": "25:00"})["reminder_time"] == "17:30"


def test_alert_thresholds_and_backup_count_round_trip(qtbot):
    stored = InsightSettings(drop_points=3.0, disengaging_slope=-0.8, gap_fraction=0.25)
    dialog = SettingsDialog({"backup_keep": 7}, {**stored.to_settings(), "extra": 1})
    qtbot.addWidget(dialog)
    ui = dialog.ui
    assert (ui.dropPointsSpin.value(), ui.engagementFallingSpin.value()) == (3.0, 0.8)
    assert ui.backupKeepSpin.value() == 7
    ui.dropPointsSpin.setValue(1.5)
    ui.engagementFallingSpin.setValue(1.0)
    ui.backupKeepSpin.setValue(20)
    prefs, vault = dialog.values()
    assert prefs["backup_keep"] == 20
    chosen = InsightSettings.from_settings(vault)
    assert (chosen.drop_points, chosen.disengaging_slope) == (1.5, -1.0)
    # The perspective gap no longer uses a fraction; a stored one passes through untouched.
    assert chosen.gap_fraction == 0.25
    assert chosen.drop_window == stored.drop_window and vault["extra"] == 1


# -- through the app layer ------------------------------------------------------------


def test_browse_uses_the_private_file_dialog(dialog, tmp_path, monkeypatch):
    from alliance_desktop.gui.common import file_dialogs

    asked = []

    def choose(parent, caption, directory=""):
        asked.append(caption)
        return str(tmp_path)

    monkeypatch.setattr(file_dialogs, "get_existing_directory", choose)
    dialog.ui.browseBackupButton.click()
    assert asked and dialog.ui.backupFolderEdit.text() == str(tmp_path)


def test_an_empty_backup_folder_says_where_backups_go(qtbot, tmp_path):
    """Issue 12: "Ask each time" never asked; the empty field names the folder used."""
    beside = tmp_path / "backups"
    d = SettingsDialog(PREFS, VAULT, default_backup_folder=beside)
    qtbot.addWidget(d)
    edit = d.ui.backupFolderEdit
    assert "Ask" not in edit.placeholderText()
    assert str(beside) in edit.placeholderText() and str(beside) in edit.toolTip()
    assert str(beside) in edit.accessibleDescription()
    # In full under the field too: a long path does not fit the placeholder.
    assert str(beside) in d.ui.backupFolderError.text()
    assert d.ui.backupFolderError.property("role") == "hint"
    edit.setText(str(tmp_path / "missing"))
    assert "no folder" in edit.accessibleDescription()


def test_clear_button_and_spin_editors_are_named_and_errors_announced(dialog):
    from PySide6.QtGui import QAccessible

    from alliance_desktop.gui.common.accessibility import clear_button, recording

    button = clear_button(dialog.ui.backupFolderEdit)
    assert button is not None and button.accessibleName() == "Clear"
    for spin in dialog.findChildren(QAbstractSpinBox):
        editor = spin.findChild(QLineEdit)
        iface = QAccessible.queryAccessibleInterface(editor)
        assert iface.text(QAccessible.Text.Name), spin.objectName()
    dialog.ui.ratingThresholdSpin.setValue(dialog.ui.ratingMaxSpin.value() + 1)
    with recording() as said:
        dialog.findChild(QPushButton, "okButton").click()
    assert said and "Concern threshold" in said[-1][1]


def test_controller_saves_vault_settings_through_the_use_case(qtbot, tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from alliance_desktop.app import access
    from alliance_desktop.gui.common.theme import ThemeManager
    from alliance_desktop.gui.shell.controller import AppController

    path = tmp_path / "v.alliance"
    app = QApplication.instance()
    prefs = Preferences(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
    theme = ThemeManager(app, "light")
    ctl = AppController(app, path, prefs, theme)
    try:
        ctl.start(access.create(path, "settings through the app layer"))

        def fill() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, SettingsDialog):
                QTimer.singleShot(10, fill)
                return
            seen["placeholder"] = dialog.ui.backupFolderEdit.placeholderText()
            dialog.ui.ratingMaxSpin.setValue(60)
            dialog.ui.ratingThresholdSpin.setValue(48)
            dialog.ui.autoLockSpin.setValue(12)
            dialog.findChild(QPushButton, "okButton").click()

        seen: dict[str, str] = {}
        QTimer.singleShot(0, fill)
        ctl.openSettings()
        assert str(tmp_path / "backups") in seen["placeholder"]
        stored = ctl.vault.settings()
        assert (stored["client_rating_max"], stored["client_rating_threshold"]) == (60.0, 48.0)
        # The use case wrote its own audit entry in the same transaction.
        assert [e for _at, e, _d in ctl.vault.audit_log()].count("settings_changed") == 1
        assert ctl.prefs.auto_lock_minutes == 12
        assert ctl.window.statusBar().currentMessage() == "Settings saved."
    finally:
        ctl.dispose()
        theme.deleteLater()
