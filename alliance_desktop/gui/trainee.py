"""Trainee practice in the main window: practice clients, reflection feedback, the
practice log and a daily reminder.

``TraineeHub`` wires four small things into the window without owning its layout:

- **Practice clients**: Client ▸ Add practice client… lists the vignettes (title,
  scene, what it illustrates) and adds one with ``app.clients.add_practice_client``. On a
  practice client's page a card shows the scene to "see" before writing.
- **Feedback after saving**: a card under the timeline (non-modal, dismissible, never
  in the way of saving) with ``reflection_feedback``: sections filled and how fully,
  feelings named, a next step, links, and the depth level labelled as an estimate.
- **Practice log** (View ▸ Practice log): reflections a week, prompts used, depth
  estimates over time (``insights.practice_log`` + ``charts.practice_log``).
- **Daily reminder**: at a chosen time, a tray notification (status-bar message when
  there is no tray) with a fixed sentence: no client code, name or count.
"""

from __future__ import annotations

import html
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.app import clients as app_clients
from alliance_desktop.domain.templates import TEMPLATES_BY_KEY
from alliance_desktop.domain.vignettes import VIGNETTES, Vignette
from alliance_desktop.gui import operations
from alliance_desktop.gui.charts_view import ChartView, chart_theme
from alliance_desktop.gui.feedback import heading
from alliance_desktop.insights.reflection_feedback import ReflectionFeedback, reflection_feedback
from alliance_desktop.vault import VaultError

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.app.changes import Changes
    from alliance_desktop.domain.models import Session
    from alliance_desktop.gui.main_window import MainWindow
    from alliance_desktop.gui.preferences import Preferences
    from alliance_desktop.gui.theme import ThemeManager
    from alliance_desktop.vault import Vault

VIGNETTE_BY_CODE = {v.code: v for v in VIGNETTES}
REMINDER_TEXT = "A few minutes to reflect on today's sessions, while they are fresh?"


def _heading(label: QLabel, scale: float = 1.1) -> QLabel:
    return heading(label, scale)


def _card(name: str, parent: QWidget) -> QFrame:
    frame = QFrame(parent)
    frame.setObjectName(name)
    frame.setProperty("role", "card")
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    return frame


# -- feedback card ------------------------------------------------------------------------


def feedback_html(fb: ReflectionFeedback, tr: Any) -> str:
    """The feedback as a short list; symbols and words, never colour alone."""
    e = html.escape
    rows = []
    for s in fb.sections:
        if not s.filled:
            state = tr("still open")
            mark = "○"
        elif s.fullness >= 1.0:
            state = tr("{n} words, full").format(n=s.words)
            mark = "●"
        else:
            state = tr("{n} words, could say more").format(n=s.words)
            mark = "◐"
        rows.append(f"{mark} {e(s.prompt)}: {e(state)}")
    checks = [
        (
            fb.names_feelings,
            tr("Feelings named: {words}").format(words=", ".join(fb.feelings))
            if fb.feelings
            else tr("No feeling named yet"),
        ),
        (
            fb.has_next_step,
            tr("A concrete next step") if fb.has_next_step else tr("No next step yet"),
        ),
        (
            fb.linked_strategy or fb.linked_rupture,
            tr("Linked to a strategy or rupture")
            if fb.linked_strategy or fb.linked_rupture
            else tr("No strategy or rupture linked"),
        ),
    ]
    for ok, text in checks:
        rows.append(("✓ " if ok else "– ") + e(text))
    depth = tr("Depth: {level}").format(level=fb.depth_label)
    why = "; ".join(fb.depth_reasons)
    out = "<br>".join(rows)
    out += f"<p style='margin-top:6px'><b>{e(depth)}</b>"
    if why:
        out += f" — {e(why)}"
    out += "</p>"
    if fb.notes:
        out += "<p style='margin-top:4px'>" + "<br>".join("→ " + e(n) for n in fb.notes) + "</p>"
    return out


class FeedbackCard(QFrame):
    """Gentle feedback on the reflection just saved; folds away, and can be dismissed."""

    body: QLabel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reflectionFeedbackCard")
        self.setProperty("role", "card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.session_id: int | None = None
        self.client_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        head = QHBoxLayout()
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("feedbackToggle")
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        _heading(self.toggle)  # type: ignore[arg-type]
        self.toggle.clicked.connect(lambda: self._fold(not self.body.isVisibleTo(self)))
        self.summary = QLabel(self)
        self.summary.setObjectName("feedbackSummary")
        self.summary.setProperty("role", "hint")
        self.dismiss = QPushButton(self)
        self.dismiss.setObjectName("dismissFeedbackButton")
        self.dismiss.setFlat(True)
        self.dismiss.clicked.connect(self.dismissed)
        head.addWidget(self.toggle)
        head.addWidget(self.summary, 1)
        head.addWidget(self.dismiss)
        layout.addLayout(head)
        self.body = QLabel(self)
        self.body.setObjectName("feedbackBody")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.body)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.toggle.setText(self.tr("Feedback on your reflection"))
        self.toggle.setAccessibleName(self.tr("Show or hide the feedback on your reflection"))
        self.dismiss.setText(self.tr("Dismiss"))
        self.dismiss.setAccessibleName(self.tr("Dismiss the feedback"))

    def _fold(self, open_: bool) -> None:
        self.body.setVisible(open_)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)

    def showFeedback(self, session: Session) -> ReflectionFeedback:
        fb = reflection_feedback(session)
        self.session_id = session.id
        self.client_id = session.client_id
        filled = sum(1 for s in fb.sections if s.filled)
        self.summary.setText(
            self.tr("{filled} of {total} prompts · {level}").format(
                filled=filled, total=len(fb.sections), level=fb.depth_label
            )
        )
        self.body.setText(feedback_html(fb, self.tr))
        self.body.setAccessibleName(self.body.text())
        self._fold(True)
        self.show()
        return fb

    def dismissed(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.session_id = None
        self.client_id = None
        self.summary.clear()
        self.body.clear()
        self.body.setAccessibleName("")
        self.hide()


# -- practice clients ---------------------------------------------------------------------


class PracticeClientDialog(QDialog):
    """Pick a vignette to practise on; it becomes a client marked as practice."""

    def __init__(self, existing: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("practiceClientDialog")
        self.setWindowTitle(self.tr("Add a practice client"))
        intro = QLabel(
            self.tr(
                "Invented clients to practise reflective writing on. They are marked "
                "“practice” and left out of the dashboard, insights and supervision packets."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        self.list = QListWidget(self)
        self.list.setObjectName("vignetteList")
        self.list.setAccessibleName(self.tr("Practice vignettes"))
        for v in VIGNETTES:
            text = v.title + ("  ·  " + self.tr("added") if v.code in existing else "")
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, v.key)
        self.detail = QLabel(self)
        self.detail.setObjectName("vignetteDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setMinimumWidth(320)
        split = QSplitter(self)
        split.addWidget(self.list)
        split.addWidget(self.detail)
        split.setSizes([230, 380])
        self.addButton = QPushButton(self.tr("&Add practice client"), self)
        self.addButton.setObjectName("addPracticeClientButton")
        self.addButton.setAccessibleName(self.tr("Add the chosen practice client"))
        self.addButton.setDefault(True)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.setObjectName("cancelPracticeClientButton")
        cancel.setAccessibleName(self.tr("Cancel"))
        self.addButton.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.addButton)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self.list.currentRowChanged.connect(self._show)
        self.list.setCurrentRow(0)
        self.list.setFocus()
        self.resize(680, 380)

    def vignette(self) -> Vignette:
        return VIGNETTES[max(0, self.list.currentRow())]

    def _show(self, row: int) -> None:
        if row < 0:
            return
        v = VIGNETTES[row]
        template = TEMPLATES_BY_KEY.get(v.template)
        e = html.escape
        self.detail.setText(
            f"<p><b>{e(v.title)}</b></p><p>{e(v.scene)}</p>"
            f"<p><i>{e(self.tr('What it illustrates:'))}</i> {e(v.issue)}</p>"
            + (
                f"<p><i>{e(self.tr('Suggested prompts:'))}</i> {e(template.name)}</p>"
                if template
                else ""
            )
        )


# -- practice log -------------------------------------------------------------------------


class PracticeLogDialog(QDialog):
    """Reflections a week, prompts used and depth estimates over time (non-modal)."""

    def __init__(self, vault: Vault, dark: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("practiceLogDialog")
        self.setWindowTitle(self.tr("Practice log"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.vault = vault
        self.dark = dark
        self.log: Any = None
        self.summary = QLabel(self)
        self.summary.setObjectName("practiceLogSummary")
        self.summary.setWordWrap(True)
        self.practiceOnly = QCheckBox(self.tr("Only &practice clients"), self)
        self.practiceOnly.setObjectName("practiceLogPracticeOnly")
        self.practiceOnly.setAccessibleName(self.tr("Only practice clients"))
        self.practiceOnly.toggled.connect(self.refresh)
        self.chart = ChartView("practiceLogChart", toolbar=False)
        self.chart.setAccessibleName(self.tr("Practice log chart"))
        self.chart.setMinimumSize(640, 420)
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("closePracticeLogButton")
        close.setAccessibleName(self.tr("Close the practice log"))
        close.clicked.connect(self.close)
        row = QHBoxLayout()
        row.addWidget(self.practiceOnly)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.chart, 1)
        layout.addLayout(row)
        self.resize(940, 700)
        self.refresh()

    def setDark(self, dark: bool) -> None:
        self.dark = dark
        self.refresh()

    def refresh(self, *_: Any) -> None:
        from alliance_desktop.charts.practice_log import practice_log_chart
        from alliance_desktop.insights.practice_log import practice_log

        try:
            clients, sessions = self.vault.clients(), self.vault.sessions()
        except VaultError:
            return
        self.log = practice_log(sessions, clients, practice_only=self.practiceOnly.isChecked())
        names = {k: t.name for k, t in TEMPLATES_BY_KEY.items()}
        fig = practice_log_chart(
            self.log,
            theme=chart_theme(self.dark),
            template_names=names,
            title=self.tr("Practice log"),
        )
        self.chart.setFigure(fig)
        log = self.log
        if log.is_empty:
            self.summary.setText(
                self.tr("Nothing here yet: save a session with a few lines of reflection.")
            )
            return
        weeks = len(log.weeks)
        active = sum(1 for w in log.weeks if w.reflections)
        latest = log.latest_depth()
        self.summary.setText(
            self.tr(
                "{n} reflections over {weeks} weeks (written in {active} of them). "
                "Latest depth: {level} (an estimate)."
            ).format(
                n=log.total,
                weeks=weeks,
                active=active,
                level=latest.label if latest else "—",
            )
        )

    def closeEvent(self, event: Any) -> None:
        self.chart.clear()
        self.log = None
        super().closeEvent(event)


# -- daily reminder -----------------------------------------------------------------------


def ms_until(at: time, now: datetime) -> int:
    """Milliseconds from ``now`` to the next ``at`` (tomorrow if it has passed today)."""
    target = datetime.combine(now.date(), at)
    if target <= now:
        target += timedelta(days=1)
    return max(1000, int((target - now).total_seconds() * 1000))


class DailyReminder(QObject):
    """One fixed sentence at a chosen time while the app runs; never any client data."""

    fired = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.enabled = False
        self.at = time(17, 30)
        self.tray: QSystemTrayIcon | None = None
        self.timer = QTimer(self, singleShot=True)
        self.timer.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self.timer.timeout.connect(self.fire)

    def configure(self, enabled: bool, at: str, *, now: datetime | None = None) -> None:
        self.enabled = enabled
        hours, minutes = (int(x) for x in at.split(":"))
        self.at = time(hours, minutes)
        self.timer.stop()
        if enabled:
            self.timer.start(ms_until(self.at, now or datetime.now()))

    def text(self) -> str:
        return self.tr(REMINDER_TEXT)

    def fire(self) -> str:
        """Show the reminder (tray, or the status bar without one) and plan tomorrow's."""
        text = self.text()
        if QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages():
            if self.tray is None:
                self.tray = QSystemTrayIcon(QIcon(":/icons/alliance.svg"), self)
                self.tray.setToolTip(self.tr("Alliance Desktop"))
                self.tray.messageClicked.connect(self._show_window)
            self.tray.show()
            self.tray.showMessage(
                self.tr("Alliance Desktop"), text, QSystemTrayIcon.MessageIcon.Information, 15000
            )
        else:
            self.window.flash(text, 60000)
        self.fired.emit(text)
        if self.enabled:
            self.timer.start(ms_until(self.at, datetime.now() + timedelta(seconds=1)))
        return text

    def _show_window(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()


# -- the hub ------------------------------------------------------------------------------


class TraineeHub(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("traineeHub")
        self.window = window
        self.vault: Vault | None = None
        self.prefs: Preferences | None = None
        self._theme: ThemeManager | None = None
        self.logDialog: PracticeLogDialog | None = None
        ui = window.ui

        self.sceneCard = _card("vignetteSceneCard", ui.clientPage)
        scene_layout = QVBoxLayout(self.sceneCard)
        scene_layout.setContentsMargins(10, 6, 10, 8)
        self.sceneTitle = _heading(QLabel(self.sceneCard))
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
        page_layout = ui.clientPageLayout
        page_layout.insertWidget(page_layout.indexOf(ui.clientGoals) + 1, self.sceneCard)

        self.feedback = FeedbackCard(ui.timelineTab)
        tl = ui.timelineLayout
        tl.insertWidget(tl.indexOf(ui.timelineEmpty) + 1, self.feedback)

        self.actionAddPracticeClient = QAction(window)
        self.actionAddPracticeClient.setObjectName("actionAddPracticeClient")
        self.actionAddPracticeClient.triggered.connect(self.addPracticeClient)
        self.actionPracticeLog = QAction(window)
        self.actionPracticeLog.setObjectName("actionPracticeLog")
        self.actionPracticeLog.triggered.connect(self.showPracticeLog)
        for action in (self.actionAddPracticeClient, self.actionPracticeLog):
            window.addAction(action)
        first = window.menuClient.actions()
        if first:
            window.menuClient.insertAction(first[0], self.actionAddPracticeClient)
        else:
            window.menuClient.addAction(self.actionAddPracticeClient)
        menu_view = getattr(getattr(window, "insights", None), "menuView", None)
        if menu_view is not None:
            menu_view.addSeparator()
            menu_view.addAction(self.actionPracticeLog)
        else:  # pragma: no cover - the View menu comes with the insights views
            window.menuClient.addAction(self.actionPracticeLog)

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
            self.sceneText.setText(vignette.scene)
            template = TEMPLATES_BY_KEY.get(vignette.template)
            issue = self.tr("It illustrates: {issue}").format(issue=vignette.issue)
            if template is not None:
                issue += " " + self.tr("Suggested prompts: {name}.").format(name=template.name)
            self.sceneIssue.setText(issue)
            self.sceneCard.show()
        if self.feedback.client_id is not None and self.feedback.client_id != client_id:
            self.feedback.clear()

    # -- feedback ------------------------------------------------------------------------

    def _session_saved(self, session: Session, _was_new: bool) -> None:
        if session.reflection.plain_text().strip():
            self.feedback.showFeedback(session)
        else:
            self.feedback.clear()

    # -- practice log --------------------------------------------------------------------

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
