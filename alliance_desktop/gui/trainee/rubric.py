"""The four-level rubric: the writer (or their supervisor) chooses the level that fits;
the app never decides it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.gui.common.feedback import heading
from alliance_desktop.insights.reflection_feedback import RUBRIC, Level


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
        self.title = heading(QLabel(self), 1.0)
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
