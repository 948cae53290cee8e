"""Trainee practice in the main window: practice clients, reflection feedback, the
practice log and a daily reminder.

``TraineeHub`` (this module) wires four small things into the window without owning its layout:

- **Practice clients**: Client ▸ Add practice client… lists the vignettes (title,
  scene, what it illustrates) and adds one with ``app.clients.add_practice_client``. On a
  practice client's page a card shows the scene to "see" before writing.
- **Feedback after saving**: a card under the timeline (non-modal, dismissible, never
  in the way of saving) with ``reflection_feedback``: sections filled and how fully,
  feelings named, a next step, links, and a four-level rubric where the writer (or
  their supervisor) chooses the level; marker words are shown only as hints. The
  choice is kept as a reserved tag on the session (``reflection-level:<key>``,
  ``supervisor-level:<key>``). The card shows for practice clients, and for every
  client when the vault setting ``feedback.card_for_all`` is on.
- **Practice log** (View ▸ Practice log): reflections a week, prompts used, and the
  chosen levels over time with their weekly median (``insights.practice_log`` +
  ``charts.practice_log``).
- **Daily reminder**: at a chosen time, a tray notification (status-bar message when
  there is no tray) with a fixed sentence: no client code, name or count.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from alliance_desktop.app import clients as app_clients
from alliance_desktop.app import sessions as app_sessions
from alliance_desktop.app.settings import load_settings
from alliance_desktop.domain.templates import TEMPLATES_BY_KEY
from alliance_desktop.domain.vignettes import VIGNETTES
from alliance_desktop.gui import operations
from alliance_desktop.gui.common.feedback import heading
from alliance_desktop.gui.trainee.feedback_card import FeedbackCard, card_for_all
from alliance_desktop.gui.trainee.practice_client import PracticeClientDialog
from alliance_desktop.gui.trainee.practice_log import PracticeLogDialog
from alliance_desktop.gui.trainee.reminder import DailyReminder
from alliance_desktop.insights.reflection_feedback import Chooser, Level, with_chosen_level
from alliance_desktop.vault import VaultError

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.app.changes import Changes
    from alliance_desktop.domain.models import Session
    from alliance_desktop.gui.common.preferences import Preferences
    from alliance_desktop.gui.common.theme import ThemeManager
    from alliance_desktop.gui.shell.main_window import MainWindow
    from alliance_desktop.vault import Vault

VIGNETTE_BY_CODE = {v.code: v for v in VIGNETTES}


def _card(name: str, parent: QWidget) -> QFrame:
    frame = QFrame(parent)
    frame.setObjectName(name)
    frame.setProperty("role", "card")
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    return frame


class TraineeHub(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("traineeHub")
        self.window = window
        self.vault: Vault | None = None
        self.prefs: Preferences | None = None
        self._theme: ThemeManager | None = None
        self.logDialog: PracticeLogDialog | None = None

        # The cards go in through the window's public API (reparented there).
        self.sceneCard = _card("vignetteSceneCard", window)
        scene_layout = QVBoxLayout(self.sceneCard)
        scene_layout.setContentsMargins(10, 6, 10, 8)
        self.sceneTitle = heading(QLabel(self.sceneCard), 1.1)
        self.sceneTitle.setObjectName("vignetteSceneTitle")
        self.sceneText = QLabel(self.sceneCard)
        self.sceneText.setObjectName("vignetteScene")
        self.sceneText.setWordWrap(True)
        self.sceneText.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sceneIssue = QLabel(self.sceneCard)
        self.sceneIssue.setObjectName("vignetteIssue")
        self.sceneIssue.setWordWrap(True)
        self.sceneIssue.setProperty("role", "hint")
        for w in (self.sceneTitle, self.sceneText, self.sceneIssue):
            scene_layout.addWidget(w)
        self.sceneCard.hide()
        window.addClientCard(self.sceneCard)

        self.feedback = FeedbackCard(window)
        self.feedback.levelSaveRequested.connect(self.saveLevel)
        window.addTimelineCard(self.feedback)

        # Through the shell's action registry: first in the Client menu, and in View.
        self.actionAddPracticeClient = window.registerAction(
            "actionAddPracticeClient", "", menu="client", before="actionEditClient",
            triggered=self.addPracticeClient,
        )  # fmt: skip
        self.actionPracticeLog = window.registerAction(
            "actionPracticeLog", "", menu="view", separator=True, triggered=self.showPracticeLog
        )

        self.reminder = DailyReminder(window)
        operations.events().vaultChanged.connect(self._vault_changed)
        window.sessionSaved.connect(self._session_saved)
        window.clientShown.connect(self._client_shown)
        self.retranslate()

    def retranslate(self) -> None:
        tr = self.tr
        for action, text in (
            (self.actionAddPracticeClient, tr("Add &practice client…")),
            (self.actionPracticeLog, tr("Practice &log")),
        ):
            action.setText(text)
            action.setToolTip(text.replace("&", "").rstrip("…"))
        self.sceneTitle.setText(tr("Practice vignette: the scene"))

    # -- wiring --------------------------------------------------------------------------

    def attachPreferences(self, prefs: Preferences) -> None:
        self.prefs = prefs
        self.preferencesChanged()

    def preferencesChanged(self) -> None:
        if self.prefs is not None:
            self.reminder.configure(self.prefs.reminder_enabled, self.prefs.reminder_time)

    def attachTheme(self, theme: ThemeManager) -> None:
        self._theme = theme
        theme.changed.connect(self._theme_changed)

    def isDark(self) -> bool:
        if self._theme is not None:
            return bool(self._theme.is_dark)
        return self.window.palette().window().color().lightness() < 128

    def _theme_changed(self, *_: Any) -> None:
        if self.logDialog is not None:
            self.logDialog.setDark(self.isDark())

    def setVault(self, vault: Vault) -> None:
        self.vault = vault

    def clear(self) -> None:
        """On lock: forget the scene, the feedback and the log."""
        self.vault = None
        self.feedback.clear()
        self.sceneText.clear()
        self.sceneIssue.clear()
        self.sceneCard.hide()
        if self.logDialog is not None:
            self.logDialog.close()
            self.logDialog = None

    # -- practice clients ----------------------------------------------------------------

    def addPracticeClient(self) -> None:
        w, vault = self.window, self.vault
        if vault is None:
            return
        try:
            existing = {c.code for c in vault.clients() if c.is_practice}
        except VaultError as exc:
            w.flash(str(exc))
            return
        dialog = PracticeClientDialog(existing, w)
        if not dialog.exec():
            return
        vignette = dialog.vignette()
        outcome = operations.run(w, app_clients.add_practice_client, vault, vignette.key)
        if outcome is None:
            return
        client = outcome.value
        w.selectClient(client.id)
        w.flash(self.tr("Practice client {code} added.").format(code=client.code))

    def _client_shown(self, client_id: int) -> None:
        try:
            client = self.vault.client(client_id) if self.vault is not None else None
        except VaultError:
            client = None
        vignette = VIGNETTE_BY_CODE.get(client.code) if client and client.is_practice else None
        if vignette is None:
            self.sceneCard.hide()
            self.sceneText.clear()
            self.sceneIssue.clear()
        else:
            self.sceneText.setText(vignette.shown_scene)
            template = TEMPLATES_BY_KEY.get(vignette.template)
            issue = self.tr("It illustrates: {issue}").format(issue=vignette.shown_issue)
            if template is not None:
                issue += " " + self.tr("Suggested prompts: {name}.").format(
                    name=self.tr(template.name)
                )
            self.sceneIssue.setText(issue)
            self.sceneCard.show()
        if self.feedback.client_id is not None and self.feedback.client_id != client_id:
            self.feedback.clear()

    # -- feedback ------------------------------------------------------------------------

    def cardWanted(self, session: Session) -> bool:
        """The card is for practice: on for a practice client's sessions, and for every
        session when the vault's ``feedback.card_for_all`` is set (a trainee's vault)."""
        vault = self.vault
        if vault is None:
            return False
        try:
            client = vault.client(session.client_id) if session.client_id is not None else None
            if client is not None and client.is_practice:
                return True
            return card_for_all(load_settings(vault))
        except VaultError:
            return False

    def _session_saved(self, session: Session, _was_new: bool) -> None:
        if session.reflection.plain_text().strip() and self.cardWanted(session):
            self.feedback.showFeedback(session)
        else:
            self.feedback.clear()

    def saveLevel(self, level: int, by: str) -> Session | None:
        """Keep the chosen rubric level with the card's session (a reserved tag), on top
        of the session as it is in the vault now, so nothing else in it is overwritten."""
        vault, session_id = self.vault, self.feedback.session_id
        if vault is None or session_id is None:
            return None
        chooser: Chooser = "supervisor" if by == "supervisor" else "self"
        try:
            current = vault.session(session_id)
        except VaultError as exc:
            self.window.flash(str(exc))
            return None
        if current is None:
            self.feedback.clear()
            return None
        chosen = Level(level) if level else None
        updated = current.with_(tags=with_chosen_level(current.tags, chosen, chooser))
        outcome = operations.run(self.window, app_sessions.save_session, vault, updated)
        if outcome is None:
            return None
        self.feedback.showFeedback(outcome.value)
        self.window.flash(
            self.tr("Level kept with the session.")
            if chosen is not None
            else self.tr("Level cleared.")
        )
        return outcome.value

    # -- practice log ----------------------------------------------------------------------

    def showPracticeLog(self) -> PracticeLogDialog | None:
        w = self.window
        if self.vault is None:
            return None
        if self.logDialog is None:
            self.logDialog = PracticeLogDialog(self.vault, self.isDark(), w)
            self.logDialog.destroyed.connect(self._log_closed)
        self.logDialog.show()
        self.logDialog.raise_()
        return self.logDialog

    def _vault_changed(self, changes: Changes) -> None:
        """The practice log follows sessions and clients written while it is open."""
        if self.logDialog is not None and (
            changes.sessions or changes.clients or changes.vault_replaced
        ):
            self.logDialog.refresh()

    def _log_closed(self, *_: Any) -> None:
        self.logDialog = None
