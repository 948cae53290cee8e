"""Trainee practice in the main window: practice clients, reflection feedback, the
practice log and a daily reminder.

``TraineeHub`` wires four small things into the window without owning its layout:

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

import html
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSplitter,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.app import clients as app_clients
from alliance_desktop.app import sessions as app_sessions
from alliance_desktop.app.settings import load_settings
from alliance_desktop.domain.templates import TEMPLATES_BY_KEY
from alliance_desktop.domain.vignettes import VIGNETTES, Vignette
from alliance_desktop.gui import operations
from alliance_desktop.gui.common.chart_view import ChartView, chart_theme
from alliance_desktop.gui.feedback import heading
from alliance_desktop.insights.reflection_feedback import (
    RUBRIC,
    Chooser,
    Level,
    ReflectionFeedback,
    reflection_feedback,
    with_chosen_level,
)
from alliance_desktop.vault import VaultError

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.app.changes import Changes
    from alliance_desktop.domain.models import Session
    from alliance_desktop.domain.settings import VaultSettings
    from alliance_desktop.gui.common.preferences import Preferences
    from alliance_desktop.gui.common.theme import ThemeManager
    from alliance_desktop.gui.shell.main_window import MainWindow
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


def card_for_all(settings: VaultSettings) -> bool:
    """The vault setting ``feedback.card_for_all``: the card for every client's sessions."""
    return bool(settings.feedback.card_for_all)


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
            state = (
                tr("1 word, could say more")
                if s.words == 1
                else tr("{n} words, could say more").format(n=s.words)
            )
            mark = "◐"
        rows.append(f"{mark} {e(tr(s.prompt))}: {e(state)}")
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
    out = "<br>".join(rows)
    if fb.notes:
        out += (
            "<p style='margin-top:4px'>" + "<br>".join("→ " + e(tr(n)) for n in fb.notes) + "</p>"
        )
    return out


def hints_html(fb: ReflectionFeedback, tr: Any) -> str:
    """The marker words as hints, with the sentence that says they are not a verdict."""
    e = html.escape
    leads = {
        "reasons": tr("Words that often mark explaining"),
        "readings": tr("Words that often mark weighing other readings"),
        "frame": tr("Words that often mark questioning the frame"),
    }
    if not fb.hints:
        return e(
            tr("No marker words noticed. That says nothing about the level: choose it by reading.")
        )
    rows = [f"{e(leads.get(h.key, h.lead))}: <i>{e(', '.join(h.words))}</i>" for h in fb.hints]
    rows.append(e(tr("These words turn up at every level: hints for your reading, not a score.")))
    return "<br>".join(rows)


class RubricPanel(QFrame):
    """The four levels in plain words; the writer (or their supervisor) chooses one.

    Nothing is pre-selected from the text: until someone chooses, no level is shown.
    """

    #: The level chosen (0 to clear) and who chose it ("self" or "supervisor").
    levelChosen = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reflectionRubric")
        self._levels: dict[str, Level | None] = {"self": None, "supervisor": None}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(4)
        top = QHBoxLayout()
        self.title = _heading(QLabel(self), 1.0)
        self.title.setObjectName("rubricTitle")
        self.chooserLabel = QLabel(self)
        self.chooser = QComboBox(self)
        self.chooser.setObjectName("rubricChooser")
        self.chooser.addItem("", "self")
        self.chooser.addItem("", "supervisor")
        self.chooserLabel.setBuddy(self.chooser)
        self.chooser.currentIndexChanged.connect(self._chooser_changed)
        top.addWidget(self.title, 1)
        top.addWidget(self.chooserLabel)
        top.addWidget(self.chooser)
        layout.addLayout(top)
        self.intro = QLabel(self)
        self.intro.setObjectName("rubricIntro")
        self.intro.setProperty("role", "hint")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(2)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.radios: dict[Level, QRadioButton] = {}
        self.descriptions: dict[Level, QLabel] = {}
        self.examples: dict[Level, QLabel] = {}
        for i, r in enumerate(RUBRIC):
            radio = QRadioButton(self)
            radio.setObjectName(f"rubricLevel_{r.level.key}")
            self.group.addButton(radio, int(r.level))
            desc = QLabel(self)
            desc.setObjectName(f"rubricDescription_{r.level.key}")
            desc.setWordWrap(True)
            desc.setProperty("role", "hint")
            desc.setIndent(22)
            example = QLabel(self)
            example.setObjectName(f"rubricExample_{r.level.key}")
            example.setWordWrap(True)
            example.setIndent(22)
            example.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            example.hide()
            cell = QVBoxLayout()
            cell.setSpacing(1)
            cell.addWidget(radio)
            cell.addWidget(desc)
            cell.addWidget(example)
            cell.addStretch(1)
            grid.addLayout(cell, i // 2, i % 2)
            self.radios[r.level] = radio
            self.descriptions[r.level] = desc
            self.examples[r.level] = example
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        self.hints = QLabel(self)
        self.hints.setObjectName("rubricHints")
        self.hints.setWordWrap(True)
        self.hints.setTextFormat(Qt.TextFormat.RichText)
        self.hints.setProperty("role", "hint")
        layout.addWidget(self.hints)
        buttons = QHBoxLayout()
        self.examplesButton = QPushButton(self)
        self.examplesButton.setObjectName("rubricExamplesButton")
        self.examplesButton.setCheckable(True)
        self.examplesButton.setFlat(True)
        self.examplesButton.toggled.connect(self._show_examples)
        self.status = QLabel(self)
        self.status.setObjectName("rubricStatus")
        self.status.setWordWrap(True)
        self.clearButton = QPushButton(self)
        self.clearButton.setObjectName("clearLevelButton")
        self.clearButton.clicked.connect(lambda: self.levelChosen.emit(0, self.chooserKey()))
        self.saveButton = QPushButton(self)
        self.saveButton.setObjectName("saveLevelButton")
        self.saveButton.setEnabled(False)
        self.saveButton.clicked.connect(self._save)
        self.group.idToggled.connect(self._selection_changed)
        buttons.addWidget(self.examplesButton)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.clearButton)
        buttons.addWidget(self.saveButton)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        tr = self.tr
        self.title.setText(tr("Which level fits this reflection?"))
        self.chooserLabel.setText(tr("&Chosen by:"))
        self.chooser.setItemText(0, tr("Me"))
        self.chooser.setItemText(1, tr("My supervisor"))
        self.chooser.setAccessibleName(tr("Who is choosing the level"))
        self.intro.setText(
            tr(
                "Read the four and choose the one that fits best. The app does not decide "
                "the level; the words it noticed are shown below only as hints."
            )
        )
        for i, r in enumerate(RUBRIC, start=1):
            self.radios[r.level].setText(tr("{n}. {name}").format(n=i, name=tr(r.name)))
            self.radios[r.level].setAccessibleName(tr(r.name))
            self.radios[r.level].setAccessibleDescription(tr(r.description))
            self.descriptions[r.level].setText(tr(r.description))
            self.examples[r.level].setText(tr("For example: “{text}”").format(text=tr(r.example)))
        self.examplesButton.setText(
            tr("Hide examples") if self.examplesButton.isChecked() else tr("Show &examples")
        )
        self.examplesButton.setAccessibleName(tr("Show or hide an example of each level"))
        self.clearButton.setText(tr("Clear"))
        self.clearButton.setAccessibleName(tr("Clear the chosen level"))
        self.saveButton.setText(tr("&Keep this level"))
        self.saveButton.setAccessibleName(tr("Keep the chosen level with this session"))
        self._update_status()

    def chooserKey(self) -> str:
        return str(self.chooser.currentData() or "self")

    def checkedLevel(self) -> Level | None:
        i = self.group.checkedId()
        return Level(i) if i > 0 else None

    def setLevels(self, own: Level | None, supervisor: Level | None, hints: str) -> None:
        self._levels = {"self": own, "supervisor": supervisor}
        self.hints.setText(hints)
        self._sync_radios()

    def _sync_radios(self) -> None:
        stored = self._levels.get(self.chooserKey())
        self.group.setExclusive(False)
        for level, radio in self.radios.items():
            radio.setChecked(level == stored)
        self.group.setExclusive(True)
        self._update_status()

    def _chooser_changed(self, *_: Any) -> None:
        self._sync_radios()

    def _selection_changed(self, *_: Any) -> None:
        self._update_status()

    def _save(self) -> None:
        level = self.checkedLevel()
        if level is not None:
            self.levelChosen.emit(int(level), self.chooserKey())

    def _show_examples(self, on: bool) -> None:
        for label in self.examples.values():
            label.setVisible(on)
        self.retranslate()

    def _update_status(self) -> None:
        tr = self.tr
        stored = self._levels.get(self.chooserKey())
        checked = self.checkedLevel()
        self.saveButton.setEnabled(checked is not None and checked != stored)
        self.clearButton.setEnabled(stored is not None)
        parts = []
        own, sup = self._levels["self"], self._levels["supervisor"]
        parts.append(
            tr("You chose: {level}.").format(level=tr(own.label))
            if own is not None
            else tr("You have not chosen a level yet.")
        )
        if sup is not None:
            parts.append(tr("Your supervisor chose: {level}.").format(level=tr(sup.label)))
        self.status.setText(" ".join(parts))


class FeedbackCard(QFrame):
    """Gentle feedback on the reflection just saved, and the rubric to choose its level;
    folds away, and can be dismissed."""

    body: QWidget
    #: Asked to keep a level with the session: the level (0 clears it) and who chose it.
    levelSaveRequested = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reflectionFeedbackCard")
        self.setProperty("role", "card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.session_id: int | None = None
        self.client_id: int | None = None
        self.feedback: ReflectionFeedback | None = None
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
        self.body = QWidget(self)
        self.body.setObjectName("feedbackBodyArea")
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(2)
        self.checks = QLabel(self.body)
        self.checks.setObjectName("feedbackBody")
        self.checks.setWordWrap(True)
        self.checks.setTextFormat(Qt.TextFormat.RichText)
        self.checks.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rubric = RubricPanel(self.body)
        self.rubric.levelChosen.connect(self.levelSaveRequested)
        body_layout.addWidget(self.checks)
        body_layout.addWidget(self.rubric)
        layout.addWidget(self.body)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.toggle.setText(self.tr("Feedback on your reflection"))
        self.toggle.setAccessibleName(self.tr("Show or hide the feedback on your reflection"))
        self.dismiss.setText(self.tr("Dismiss"))
        self.dismiss.setAccessibleName(self.tr("Dismiss the feedback"))
        self.rubric.retranslate()
        if self.feedback is not None:
            self._fill(self.feedback)

    def _fold(self, open_: bool) -> None:
        self.body.setVisible(open_)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)

    def _fill(self, fb: ReflectionFeedback) -> None:
        filled = sum(1 for s in fb.sections if s.filled)
        level = (
            self.tr("level you chose: {level}").format(level=self.tr(fb.level.label))
            if fb.level is not None
            else self.tr("level not chosen yet")
        )
        self.summary.setText(
            self.tr("{filled} of {total} prompts · {level}").format(
                filled=filled, total=len(fb.sections), level=level
            )
        )
        self.checks.setText(feedback_html(fb, self.tr))
        self.checks.setAccessibleName(self.checks.text())
        self.rubric.setLevels(fb.level, fb.supervisor_level, hints_html(fb, self.tr))

    def showFeedback(self, session: Session) -> ReflectionFeedback:
        fb = reflection_feedback(session)
        self.feedback = fb
        self.session_id = session.id
        self.client_id = session.client_id
        self._fill(fb)
        self._fold(True)
        self.show()
        return fb

    def dismissed(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.session_id = None
        self.client_id = None
        self.feedback = None
        self.summary.clear()
        self.checks.clear()
        self.checks.setAccessibleName("")
        self.rubric.setLevels(None, None, "")
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
    """Reflections a week, prompts used and the chosen levels over time (non-modal)."""

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
        self.summary.setText(self.summaryText(log))

    def summaryText(self, log: Any) -> str:
        tr = self.tr
        n, weeks = log.total, len(log.weeks)
        active = sum(1 for w in log.weeks if w.reflections)
        reflections = tr("1 reflection") if n == 1 else tr("{n} reflections").format(n=n)
        if weeks == 1:
            text = tr("{reflections} in 1 week.").format(reflections=reflections)
        else:
            text = tr("{reflections} over {weeks} weeks, written in {active} of them.").format(
                reflections=reflections, weeks=weeks, active=active
            )
        median = log.median_level()
        if median is None:
            text += " " + tr("No level chosen yet: choose one on the feedback card after saving.")
        else:
            text += " " + tr("Median of the levels you chose ({chosen} of {n}): {level}.").format(
                chosen=log.chosen, n=n, level=tr(median.label)
            )
        supervisor = log.supervisor_median_level()
        if supervisor is not None:
            text += " " + tr("Your supervisor's median: {level}.").format(
                level=tr(supervisor.label)
            )
        return str(text)

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

        # The cards go in through the window's public API (reparented there).
        self.sceneCard = _card("vignetteSceneCard", window)
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
        window.addClientCard(self.sceneCard)

        self.feedback = FeedbackCard(window)
        self.feedback.levelSaveRequested.connect(self.saveLevel)
        window.addTimelineCard(self.feedback)

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
