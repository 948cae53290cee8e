"""The dynamic part of the editor below the Designer form's top: the reflection, the
three folded sections (ruptures, strategies, tags) and the one-line recall of the
client's last session."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy

from alliance_desktop.domain.models import Session
from alliance_desktop.domain.strategies import Strategy
from alliance_desktop.gui.common.feedback import error_label
from alliance_desktop.gui.common.widgets.collapsible import CollapsibleSection
from alliance_desktop.gui.common.widgets.tag_edit import TagEdit
from alliance_desktop.gui.editor.reflection_editor import ReflectionEditor
from alliance_desktop.gui.editor.rupture_list import RuptureList
from alliance_desktop.gui.editor.strategy_checklist import StrategyChecklist

if TYPE_CHECKING:
    from alliance_desktop.gui.editor.session_editor import SessionEditor


def _t(text: str) -> str:
    return QCoreApplication.translate("SessionEditor", text)


def build_body(editor: SessionEditor) -> None:
    """Reflection, then the three folded sections, as attributes of ``editor``."""
    ui = editor.ui
    body = ui.bodyLayout
    contents = ui.scrollContents
    editor.reflectionEditor = ReflectionEditor(contents)
    editor.reflectionEditor.setObjectName("reflectionEditor")
    editor.reflectionEditor.setAccessibleName(_t("Reflection"))
    # The text is the biggest thing here: the reflection takes the free height (no
    # spacer below it), and the editor scrolls as a whole only when the window is
    # too small for the text's minimum.
    ui.contentLayout.removeItem(ui.bottomSpacer)
    ui.contentLayout.setStretchFactor(body, 1)
    body.addWidget(editor.reflectionEditor, 1)
    ui.reflectionHeading.setBuddy(editor.reflectionEditor.firstEdit())

    ruptures = RuptureList(contents, ui.scrollArea)
    editor.rupture_list = ruptures
    editor.rupturesSection = ruptures.section
    editor.priorRuptures = ruptures.prior
    editor.rupturesList = ruptures.listWidget
    editor.rupturesEmpty = ruptures.empty
    editor.addRuptureButton = ruptures.addButton
    editor.removedLabel = ruptures.removedLabel
    editor.undoRemoveButton = ruptures.undoButton
    editor.rupturesError = ruptures.error
    body.addWidget(ruptures.section)

    strategies = CollapsibleSection(
        _t("Strategies"), _t("What you tried, from your catalogue"), contents
    )
    strategies.setObjectName("strategiesSection")
    editor.strategiesSection = strategies
    editor.strategyChecklist = StrategyChecklist(strategies.body)
    editor.strategyChecklist.setObjectName("strategyChecklist")
    editor.strategyChecklist.setAccessibleName(_t("Strategies tried"))
    editor.strategiesError = error_label("strategiesError", strategies.body)
    strategies.addWidget(editor.strategyChecklist)
    strategies.addWidget(editor.strategiesError)
    body.addWidget(strategies)

    tags = CollapsibleSection(_t("Tags"), _t("Words to find this session by later"), contents)
    tags.setObjectName("tagsSection")
    editor.tagsSection = tags
    editor.tagEdit = TagEdit(tags.body)
    editor.tagEdit.setObjectName("tagEdit")
    editor.tagEdit.setAccessibleName(_t("Tags"))
    editor.tagEdit.setToolTip(_t("Separate tags with commas or Enter."))
    tags_hint = QLabel(_t("Separate tags with commas or Enter."), tags.body)
    tags_hint.setProperty("role", "hint")
    tags_hint.setWordWrap(True)
    editor.tagsError = error_label("tagsError", tags.body)
    tags.addWidget(editor.tagEdit)
    tags.addWidget(tags_hint)
    tags.addWidget(editor.tagsError)
    body.addWidget(tags)


def build_last_strip(editor: SessionEditor) -> QLabel:
    """One quiet line about the client's last session: its ratings and plan."""
    ui = editor.ui
    strip = QLabel(ui.scrollContents)
    strip.setObjectName("lastSessionStrip")
    strip.setProperty("role", "hint")
    strip.setTextFormat(Qt.TextFormat.PlainText)
    strip.setWordWrap(False)
    # One line whatever its length: it never widens the editor; the tooltip has it all.
    strip.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    strip.setAccessibleName(_t("Last session"))
    strip.setVisible(False)
    layout = ui.contentLayout
    layout.insertWidget(layout.indexOf(ui.generalError) + 1, strip)
    return strip


def last_session_text(s: Session, plan: list[str], catalogue: dict[str, Strategy]) -> str:
    """ "Last time (3 Mar): trust 7, engagement 6 · plan: …", the plan cut at 120 letters."""
    names = {
        "trust": _t("trust"),
        "engagement": _t("engagement"),
        "goal_alignment": _t("goals"),
        "approach_fit": _t("fit"),
    }
    ratings = [
        f"{name} {getattr(s, dim)}" for dim, name in names.items() if getattr(s, dim) is not None
    ]
    day = QDate(s.date.year, s.date.month, s.date.day)
    pattern = "d MMM" if s.date.year == date.today().year else "d MMM yyyy"
    text = _t("Last time (%1)").replace("%1", QLocale().toString(day, pattern))
    if ratings:
        text += ": " + ", ".join(ratings)
    planned = s.reflection.sections.get("action_plan", "").strip()
    if planned:
        plan_text = " ".join(planned.split())
    else:
        plan_text = ", ".join(catalogue[k].shown_label if k in catalogue else k for k in plan)
    if plan_text:
        if len(plan_text) > 120:
            plan_text = plan_text[:119].rstrip() + "…"
        text += " · " + _t("plan: %1").replace("%1", plan_text)
    return text
