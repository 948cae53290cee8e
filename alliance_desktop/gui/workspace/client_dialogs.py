"""Adding, editing and deleting clients."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from alliance_desktop.app import clients as app_clients
from alliance_desktop.domain import Client, ValidationError
from alliance_desktop.domain.validation import client_problems
from alliance_desktop.gui import operations
from alliance_desktop.gui.forms.ui_client_dialog import Ui_ClientDialog
from alliance_desktop.gui.forms.ui_delete_client_dialog import Ui_DeleteClientDialog

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.vault import Vault


class ClientDialog(QDialog):
    """Code, goals and start date; the vault's answer (a duplicate code) shows inline.

    Tab goes Code -> Goals -> Start date -> Save (never into the date's day, month and
    year parts), and Ctrl+Enter saves from any field, the goals box included.

    With a ``vault`` the dialog saves through ``app.clients.save_client`` when accepted
    (and stays open on a problem); without one it only collects the fields.
    """

    def __init__(
        self,
        client: Client | None = None,
        vault: Vault | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ui = Ui_ClientDialog()
        self.ui.setupUi(self)
        self.setObjectName("clientDialog")
        self._client = client or Client("")
        self._vault = vault
        self.setWindowTitle(self.tr("Edit client") if client else self.tr("New client"))
        self.ui.codeEdit.setText(self._client.code)
        today = QDate.currentDate()
        self.ui.startDateEdit.setMaximumDate(today)
        start = self._client.start_date or date.today()
        self.ui.startDateEdit.setDate(QDate(start.year, start.month, start.day))
        self.ui.goalsEdit.setPlainText(self._client.goals)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        save_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        save_button.setObjectName("saveClientButton")
        save_button.setAccessibleName(self.tr("Save client"))
        self.ui.codeEdit.setObjectName("clientCodeEdit")
        self.ui.goalsEdit.setTabChangesFocus(True)
        self.ui.startDateEdit.installEventFilter(self)
        QWidget.setTabOrder(self.ui.codeEdit, self.ui.goalsEdit)
        QWidget.setTabOrder(self.ui.goalsEdit, self.ui.startDateEdit)
        QWidget.setTabOrder(self.ui.startDateEdit, save_button)
        self._shortcuts = []
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(Qt.KeyboardModifier.ControlModifier | key), self)
            shortcut.activated.connect(self.accept)
            self._shortcuts.append(shortcut)
        self.ui.codeEdit.setFocus()
        self._clear_errors()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tab leaves the date field instead of stepping through its parts."""
        if (
            watched is self.ui.startDateEdit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        ):
            self.focusNextPrevChild(event.key() == Qt.Key.Key_Tab)
            return True
        return super().eventFilter(watched, event)

    def _clear_errors(self) -> None:
        for label in (self.ui.codeError, self.ui.goalsError):
            label.clear()
            label.hide()

    def _show(self, error: ValidationError) -> None:
        self._clear_errors()
        labels = {"code": self.ui.codeError, "goals": self.ui.goalsError}
        for problem in error.problems:
            label = labels.get(problem.field, self.ui.codeError)
            label.setText("⚠ " + self.tr("{field} {message}").format(
                field=problem.field.capitalize(), message=problem.message))  # fmt: skip
            label.show()
        (
            self.ui.goalsEdit if "goals" in {p.field for p in error.problems} else self.ui.codeEdit
        ).setFocus()

    def client(self) -> Client:
        d = self.ui.startDateEdit.date()
        self._client.code = self.ui.codeEdit.text().strip()
        self._client.start_date = date(d.year(), d.month(), d.day())
        self._client.goals = self.ui.goalsEdit.toPlainText()
        return self._client

    def _show_vault_problem(self, message: str) -> None:
        self._clear_errors()
        self.ui.codeError.setText("⚠ " + message)
        self.ui.codeError.show()

    def accept(self) -> None:
        client = self.client()
        problems = client_problems(client)
        if problems:
            self._show(ValidationError(problems))
            return
        if self._vault is not None:
            outcome = operations.run(
                self,
                app_clients.save_client,
                self._vault,
                client,
                on_invalid=self._show,
                show_error=self._show_vault_problem,
            )
            if outcome is None:
                return
            self._client = outcome.value
        super().accept()


class DeleteClientDialog(QDialog):
    """Deleting a client is irreversible, so the user types the code to confirm."""

    def __init__(self, client: Client, sessions: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_DeleteClientDialog()
        self.ui.setupUi(self)
        self.setObjectName("deleteClientDialog")
        self._code = client.code
        self.ui.warningLabel.setText(
            self.tr(
                "Delete {code} and all {n} of their sessions? This cannot be undone. "
                "Type the client code to confirm."
            ).format(code=client.code, n=sessions)
        )
        self.ui.confirmEdit.setObjectName("confirmCodeEdit")
        self._ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setText(self.tr("Delete client"))
        self._ok.setObjectName("confirmDeleteButton")
        self._ok.setAccessibleName(self.tr("Delete client"))
        self._ok.setEnabled(False)
        self.ui.confirmEdit.textChanged.connect(self._check)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)

    def _check(self, text: str) -> None:
        self._ok.setEnabled(text.strip() == self._code)

    def accept(self) -> None:
        if self.ui.confirmEdit.text().strip() == self._code:
            super().accept()
