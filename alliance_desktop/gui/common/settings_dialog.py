"""Settings (Ctrl+,): per-computer preferences and the vault's rating scale, kept apart.

The two groups are stored in different places on purpose (see ``preferences``), and the
dialog says which is which. Problems show beside the field; OK refuses until fixed.
The dialog only edits values: the controller writes the vault's part through
``app.settings.update_settings`` (validated once, in ``VaultSettings``).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLabel,
    QWidget,
)

from alliance_desktop.domain.errors import ValidationError
from alliance_desktop.domain.settings import (
    FEEDBACK_CARD_FOR_ALL,
    OUTCOME_CUTOFF,
    OUTCOME_MAX,
    OUTCOME_RELIABLE_CHANGE,
    VaultSettings,
)
from alliance_desktop.gui.common import file_dialogs
from alliance_desktop.gui.common.accessibility import (
    announce,
    mark_alert,
    name_clear_button,
    name_inner_editors,
)
from alliance_desktop.gui.common.feedback import clear_message, repolish_roles, show_message
from alliance_desktop.gui.common.preferences import AUTO_LOCK_MAX, AUTO_LOCK_MIN, clamp_prefs
from alliance_desktop.gui.forms.ui_settings_dialog import Ui_SettingsDialog
from alliance_desktop.i18n import LANGUAGE_NAMES, LANGUAGES
from alliance_desktop.insights.settings import InsightSettings
from alliance_desktop.reports.redaction import SETTING_KEY as REDACTION_KEY
from alliance_desktop.vault.store import DEFAULT_SETTINGS


class SettingsDialog(QDialog):
    """Edit ``prefs`` (auto_lock_minutes, theme, backup_folder, reminder_enabled,
    reminder_time, backup_keep) and ``vault_settings`` (client_rating_max,
    client_rating_threshold, the outcome scale ``outcome.*``, the alert thresholds
    ``insights.*``, ``feedback.card_for_all``, redaction_list); read the result with
    ``values()``.

    The redaction list is edited one entry a line and stored in the vault as a list:
    names and places must never reach QSettings."""

    def __init__(
        self,
        prefs: dict[str, Any],
        vault_settings: dict[str, Any],
        parent: QWidget | None = None,
        *,
        default_backup_folder: Path | None = None,
    ):
        super().__init__(parent)
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        self.setObjectName("settingsDialog")
        repolish_roles(self)
        ui = self.ui
        ui.autoLockSpin.setRange(AUTO_LOCK_MIN, AUTO_LOCK_MAX)
        for key, text in (
            ("system", self.tr("Follow the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            ui.themeCombo.addItem(text, key)
        self._add_language_row()

        ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setObjectName("okButton")
        ok.setAccessibleName(self.tr("Save settings"))
        cancel = ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancelButton")
        cancel.setAccessibleName(self.tr("Cancel"))
        self._extra_vault_settings = dict(vault_settings)

        clean = clamp_prefs(prefs)
        ui.autoLockSpin.setValue(clean["auto_lock_minutes"])
        ui.themeCombo.setCurrentIndex(max(0, ui.themeCombo.findData(clean["theme"])))
        self.languageCombo.setCurrentIndex(max(0, self.languageCombo.findData(clean["language"])))
        ui.backupFolderEdit.setText(clean["backup_folder"])
        # An empty field does not ask: backups go beside the vault, and the field says so.
        if default_backup_folder is not None:
            self._default_folder_text = self.tr(
                "Empty: backups are written beside the vault, in {folder}"
            ).format(folder=default_backup_folder)
            ui.backupFolderEdit.setPlaceholderText(
                self.tr("Beside the vault: {folder}").format(folder=default_backup_folder)
            )
        else:
            self._default_folder_text = self.tr(
                "Empty: backups are written beside the vault, in a folder named backups"
            )
            ui.backupFolderEdit.setPlaceholderText(self.tr("Beside the vault, in backups"))
        ui.backupFolderEdit.setToolTip(self._default_folder_text)
        name_clear_button(ui.backupFolderEdit)
        ui.reminderCheck.setChecked(clean["reminder_enabled"])
        ui.reminderTimeEdit.setTime(QTime.fromString(clean["reminder_time"], "HH:mm"))
        ui.reminderTimeEdit.setEnabled(clean["reminder_enabled"])
        ui.reminderCheck.toggled.connect(ui.reminderTimeEdit.setEnabled)
        self._redaction_given = REDACTION_KEY in vault_settings
        listed = VaultSettings.from_stored(vault_settings).redaction_list
        ui.redactionEdit.setPlainText("\n".join(listed))
        vault = {**DEFAULT_SETTINGS, **vault_settings}
        ui.ratingMaxSpin.setValue(float(vault["client_rating_max"]))
        ui.ratingThresholdSpin.setValue(float(vault["client_rating_threshold"]))
        ui.backupKeepSpin.setValue(clean["backup_keep"])
        try:
            alerts = InsightSettings.from_settings(vault_settings)
        except ValueError:  # a damaged stored value: offer the defaults to repair it
            alerts = InsightSettings()
        self._alerts = alerts
        ui.dropPointsSpin.setValue(alerts.drop_points)
        ui.engagementFallingSpin.setValue(-alerts.disengaging_slope)
        ui.recentWeeksSpin.setValue(alerts.recent_weeks)
        ui.notSeenWeeksSpin.setValue(alerts.not_seen_weeks)
        ui.strategyMinUsesSpin.setValue(alerts.strategy_min_uses)
        ui.strategyMinClientsSpin.setValue(alerts.strategy_min_clients)
        # The outcome scale and the feedback switch, as the vault's one policy reads them.
        stored = VaultSettings.from_stored(vault_settings)
        ui.outcomeMaxSpin.setValue(stored.outcome.maximum)
        ui.outcomeCutoffSpin.setValue(stored.outcome.cutoff)
        ui.outcomeReliableSpin.setValue(stored.outcome.reliable_change)
        ui.feedbackCardCheck.setChecked(stored.feedback.card_for_all)

        ui.browseBackupButton.clicked.connect(self._browse)
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        ui.ratingMaxSpin.valueChanged.connect(self._validate)
        ui.ratingThresholdSpin.valueChanged.connect(self._validate)
        for spin in (ui.outcomeMaxSpin, ui.outcomeCutoffSpin, ui.outcomeReliableSpin):
            spin.valueChanged.connect(self._validate)
        ui.backupFolderEdit.textChanged.connect(self._validate)
        for label in (ui.ratingThresholdError, ui.outcomeError):
            mark_alert(label)
        name_inner_editors(self)
        self._validate()
        ui.autoLockSpin.setFocus()

    def _add_language_row(self) -> None:
        """The interface language, under Appearance (i18n): each language in its own
        name; it applies from the next start."""
        form = self.ui.computerForm
        combo = QComboBox(self)
        combo.setObjectName("languageCombo")
        combo.setAccessibleName(self.tr("Language"))
        combo.setToolTip(self.tr("Used from the next start of Alliance Desktop."))
        combo.addItem(self.tr("Follow the system"), "system")
        for code in LANGUAGES:
            combo.addItem(LANGUAGE_NAMES[code], code)
        label = QLabel(self.tr("&Language"), self)
        label.setObjectName("languageLabel")
        label.setBuddy(combo)
        at, _role = form.getWidgetPosition(self.ui.themeCombo)
        form.insertRow(at + 1, label, combo)
        self.setTabOrder(self.ui.themeCombo, combo)
        self.languageCombo = combo

    def values(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """The edited (prefs, vault_settings); other keys of vault_settings pass through."""
        ui = self.ui
        prefs = clamp_prefs(
            {
                "auto_lock_minutes": ui.autoLockSpin.value(),
                "theme": ui.themeCombo.currentData(),
                "backup_folder": ui.backupFolderEdit.text().strip(),
                "reminder_enabled": ui.reminderCheck.isChecked(),
                "reminder_time": ui.reminderTimeEdit.time().toString("HH:mm"),
                "backup_keep": ui.backupKeepSpin.value(),
                "language": self.languageCombo.currentData(),
            }
        )
        vault = {
            **self._extra_vault_settings,
            "client_rating_max": ui.ratingMaxSpin.value(),
            "client_rating_threshold": ui.ratingThresholdSpin.value(),
            **replace(
                self._alerts,
                drop_points=ui.dropPointsSpin.value(),
                disengaging_slope=-ui.engagementFallingSpin.value(),
                recent_weeks=ui.recentWeeksSpin.value(),
                not_seen_weeks=ui.notSeenWeeksSpin.value(),
                strategy_min_uses=ui.strategyMinUsesSpin.value(),
                strategy_min_clients=ui.strategyMinClientsSpin.value(),
            ).to_settings(),
            **self._outcome_values(),
            FEEDBACK_CARD_FOR_ALL: ui.feedbackCardCheck.isChecked(),
        }
        entries = self.redactionEntries()
        if entries or self._redaction_given:
            vault[REDACTION_KEY] = entries
        return prefs, vault

    def _outcome_values(self) -> dict[str, float]:
        ui = self.ui
        return {
            OUTCOME_MAX: ui.outcomeMaxSpin.value(),
            OUTCOME_CUTOFF: ui.outcomeCutoffSpin.value(),
            OUTCOME_RELIABLE_CHANGE: ui.outcomeReliableSpin.value(),
        }

    def _outcome_problem(self) -> tuple[str, str] | None:
        """The outcome scale checked by the domain's own rules: (key, sentence) or None."""
        try:
            VaultSettings.from_mapping(self._outcome_values())
        except ValidationError as exc:
            problem = exc.problems[0]
            return problem.field, problem.message
        return None

    def redactionEntries(self) -> list[str]:
        """The redaction list as typed: one entry a line, blanks and repeats dropped."""
        seen: list[str] = []
        for line in self.ui.redactionEdit.toPlainText().splitlines():
            entry = " ".join(line.split())
            if entry and entry.casefold() not in {e.casefold() for e in seen}:
                seen.append(entry)
        return seen

    def _validate(self) -> bool:
        """Show every problem beside its field; True when there is none."""
        folder = self.ui.backupFolderEdit.text().strip()
        if folder and not Path(folder).expanduser().is_dir():
            show_message(
                self.ui.backupFolderError,
                self.tr("Backup folder: there is no folder at this path."),
            )
            folder_ok = False
        else:
            folder_ok = True
            if folder:
                clear_message(self.ui.backupFolderError)
            else:  # say where the backups go, in full (the placeholder may be cut)
                show_message(self.ui.backupFolderError, self._default_folder_text, "hint")
        self.ui.backupFolderEdit.setAccessibleDescription(
            self.ui.backupFolderError.text() if not folder_ok else self._default_folder_text
        )
        maximum = self.ui.ratingMaxSpin.value()
        threshold = self.ui.ratingThresholdSpin.value()
        if threshold > maximum:
            show_message(
                self.ui.ratingThresholdError,
                self.tr(
                    "Concern threshold: must not be above the scale maximum ({maximum:g})."
                ).format(maximum=maximum),
            )
            ok = False
        else:
            clear_message(self.ui.ratingThresholdError)
            ok = True
        self.ui.ratingThresholdSpin.setAccessibleDescription(self.ui.ratingThresholdError.text())
        outcome_ok = self._show_outcome_problem()
        return ok and folder_ok and outcome_ok

    def _folder_problem(self) -> bool:
        folder = self.ui.backupFolderEdit.text().strip()
        return bool(folder) and not Path(folder).expanduser().is_dir()

    def _outcome_spin(self, key: str) -> QDoubleSpinBox:
        ui = self.ui
        return {
            OUTCOME_MAX: ui.outcomeMaxSpin,
            OUTCOME_CUTOFF: ui.outcomeCutoffSpin,
            OUTCOME_RELIABLE_CHANGE: ui.outcomeReliableSpin,
        }.get(key, ui.outcomeCutoffSpin)

    def _show_outcome_problem(self) -> bool:
        ui = self.ui
        for spin in (ui.outcomeMaxSpin, ui.outcomeCutoffSpin, ui.outcomeReliableSpin):
            spin.setAccessibleDescription("")
        problem = self._outcome_problem()
        if problem is None:
            clear_message(ui.outcomeError)
            return True
        key, _message = problem
        names = {
            OUTCOME_MAX: self.tr("Outcome maximum: must be between 1 and 1000."),
            OUTCOME_CUTOFF: self.tr(
                "Clinical cutoff: must not be above the outcome maximum ({maximum:g})."
            ).format(maximum=ui.outcomeMaxSpin.value()),
            OUTCOME_RELIABLE_CHANGE: self.tr(
                "Reliable change: must be above 0 and not above the outcome maximum ({maximum:g})."
            ).format(maximum=ui.outcomeMaxSpin.value()),
        }
        text = names.get(key, self.tr("The outcome scale does not add up."))
        show_message(ui.outcomeError, text)
        self._outcome_spin(key).setAccessibleDescription(text)
        return False

    def _browse(self) -> None:
        start = self.ui.backupFolderEdit.text().strip()
        folder = file_dialogs.get_existing_directory(
            self, self.tr("Choose a folder for backups"), start
        )
        if folder:
            self.ui.backupFolderEdit.setText(folder)

    def accept(self) -> None:
        if not self._validate():
            ui = self.ui
            problem = self._outcome_problem()
            if self._folder_problem():
                first: QWidget = ui.backupFolderEdit
            elif ui.ratingThresholdError.isVisibleTo(self):
                first = ui.ratingThresholdSpin
            else:
                first = self._outcome_spin(problem[0] if problem else OUTCOME_CUTOFF)
            first.setFocus()
            shown = [
                label.text()
                for label in (ui.backupFolderError, ui.ratingThresholdError, ui.outcomeError)
                if label.isVisibleTo(self) and label.property("role") == "error"
            ]
            announce(first, " ".join(shown), assertive=True)
            return
        super().accept()
