"""One rupture: its type, the markers seen, how salient it was and how it ended.

Only the chosen type's markers are shown, so the list stays short; markers ticked
under the other type stay ticked (hidden) in case the type was chosen by mistake,
but only the visible ones are saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.errors import Problem, ValidationError
from alliance_desktop.domain.models import Resolution, Rupture, RuptureType
from alliance_desktop.domain.ruptures import MARKERS
from alliance_desktop.domain.strategies import Strategy
from alliance_desktop.gui.common.accessibility import mark_heading
from alliance_desktop.gui.common.dates import short_date
from alliance_desktop.gui.common.feedback import error_label
from alliance_desktop.gui.common.widgets.check_filter import CheckFilter
from alliance_desktop.gui.common.widgets.columns import ColumnsLayout
from alliance_desktop.gui.editor.rating_input import RatingInput
from alliance_desktop.gui.editor.reflection_editor import SectionEdit
from alliance_desktop.gui.editor.strategy_checklist import StrategyChecklist

REPAIR_GROUPS = ("repair", "custom")


def _t(text: str) -> str:
    return QCoreApplication.translate("RuptureEditor", text)


def type_labels() -> dict[RuptureType, str]:
    return {
        RuptureType.WITHDRAWAL: _t("Withdrawal"),
        RuptureType.CONFRONTATION: _t("Confrontation"),
    }


def type_hints() -> dict[RuptureType, str]:
    return {
        RuptureType.WITHDRAWAL: _t("The client moved away: went quiet, vague or agreeable."),
        RuptureType.CONFRONTATION: _t("The client moved against: complained, pushed or resisted."),
    }


def resolution_labels() -> dict[Resolution, str]:
    return {
        Resolution.YES: _t("Resolved"),
        Resolution.PARTIAL: _t("Partly"),
        Resolution.NO: _t("Not resolved"),
    }


def rupture_state(rupture: Rupture) -> dict[str, Any]:
    """A rupture in the JSON-ready form ``RuptureEditor.state()`` produces."""
    return {
        "type": rupture.type.value if rupture.type else None,
        "markers": list(rupture.markers),
        "salience": rupture.salience,
        "resolution": rupture.resolution.value if rupture.resolution else None,
        "repair_strategies": list(rupture.repair_strategies),
        "note": rupture.note,
        "id": rupture.id,
        "resolved_on": rupture.resolved_on.isoformat() if rupture.resolved_on else None,
    }


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class PriorRupture:
    """An open rupture of an earlier session, offered for "Mark repaired" in a later one."""

    rupture: Rupture
    session_date: date


class PriorRupturesBox(QFrame):
    """One line per earlier open rupture: "Open rupture from 3 Mar · Mark repaired".

    A line just marked repaired stays, saying so, with an Undo, until the editor is
    loaded again. The box only asks; the window runs the use case.
    """

    repairRequested = Signal(int)
    reopenRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("priorRupturesBox")
        self.setProperty("role", "card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._items: list[PriorRupture] = []
        self._buttons: list[QPushButton] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(10, 6, 10, 6)
        self._layout.setSpacing(4)
        self.setVisible(False)

    def items(self) -> list[PriorRupture]:
        return list(self._items)

    def focusChain(self) -> list[QWidget]:
        return list(self._buttons)

    def setItems(self, items: list[PriorRupture]) -> None:
        while self._layout.count():
            entry = self._layout.takeAt(0)
            row = entry.layout() if entry is not None else None
            while row is not None and row.count():
                child = row.takeAt(0)
                widget = child.widget() if child is not None else None
                if widget is not None:
                    widget.hide()
                    widget.setParent(None)  # gone from findChild at once, not at deletion
                    widget.deleteLater()
        self._items = [item for item in items if item.rupture.id is not None]
        self._buttons = []
        for i, item in enumerate(self._items):
            r = item.rupture
            when = short_date(item.session_date)
            kind = type_labels()[r.type].lower()
            label = QLabel(self)
            label.setObjectName(f"priorRuptureLabel_{i}")
            label.setWordWrap(True)
            if r.resolved_on is None:
                label.setText(
                    _t("◆ Open rupture from %1 (%2)").replace("%1", when).replace("%2", kind)
                )
                button = QPushButton(_t("Mark repaired"), self)
                button.setObjectName(f"priorRuptureRepairButton_{i}")
                button.setAccessibleName(
                    _t("Mark the rupture from %1 repaired on this session's date").replace(
                        "%1", when
                    )
                )
                button.setToolTip(_t("Recorded as repaired on this session's date."))
                button.clicked.connect(lambda _=False, rid=r.id: self.repairRequested.emit(rid))
            else:
                label.setText(
                    _t("✓ Rupture from %1 (%2) marked repaired on %3")
                    .replace("%1", when)
                    .replace("%2", kind)
                    .replace("%3", short_date(r.resolved_on))
                )
                button = QPushButton(_t("Undo"), self)
                button.setObjectName(f"priorRuptureUndoButton_{i}")
                button.setAccessibleName(
                    _t("Undo: the rupture from %1 is open again").replace("%1", when)
                )
                button.clicked.connect(lambda _=False, rid=r.id: self.reopenRequested.emit(rid))
            row = QHBoxLayout()
            row.setSpacing(8)
            row.addWidget(label, 1)
            row.addWidget(button)
            self._layout.addLayout(row)
            self._buttons.append(button)
        self.setVisible(bool(self._items))


class RuptureEditor(QFrame):
    """Edits one :class:`Rupture`; ``rupture()`` raises ValidationError if type or
    resolution has not been chosen yet, since the domain object needs both."""

    changed = Signal()
    removeRequested = Signal(object)  # self

    def __init__(self, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._index = index
        self._title = ""
        self._loading = False
        self.setProperty("role", "card")
        self.setFrameShape(QFrame.Shape.StyledPanel)

        self.titleLabel = mark_heading(QLabel(self), 3)
        self.titleLabel.setObjectName("ruptureTitleLabel")
        font = self.titleLabel.font()
        font.setWeight(QFont.Weight.DemiBold)
        self.titleLabel.setFont(font)
        self.removeButton = QPushButton(QIcon(":/icons/trash.svg"), self.tr("Remove"), self)
        self.removeButton.setObjectName("removeRuptureButton")
        self.removeButton.setFlat(True)
        self.removeButton.clicked.connect(lambda: self.removeRequested.emit(self))
        header = QHBoxLayout()
        header.setSpacing(6)
        header.addWidget(self.titleLabel)
        header.addStretch(1)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        row = 0

        # Type
        self.typeGroup = QButtonGroup(self)
        self.typeButtons: dict[RuptureType, QRadioButton] = {}
        type_row = QHBoxLayout()
        type_row.setSpacing(16)
        for rtype, label in type_labels().items():
            button = QRadioButton(label, self)
            button.setObjectName(f"ruptureType_{rtype.value}")
            button.setAccessibleName(self.tr("Type: %1").replace("%1", label))
            button.setToolTip(type_hints()[rtype])
            self.typeGroup.addButton(button)
            self.typeButtons[rtype] = button
            type_row.addWidget(button)
        type_row.addStretch(1)
        self.typeGroup.buttonToggled.connect(self._type_toggled)
        self._add_row(grid, row, self.tr("Type"), type_row)
        row += 1
        self.typeError = error_label("ruptureTypeError", self)
        grid.addWidget(self.typeError, row, 1)
        row += 1

        # Markers: one box per marker, only the chosen type's shown
        self.markerBoxes: dict[str, QCheckBox] = {}
        self.markerGroups: dict[RuptureType, QWidget] = {}
        markers_column = QVBoxLayout()
        markers_column.setSpacing(2)
        self.markersHint = QLabel(self.tr("Choose a type to see its markers."), self)
        self.markersHint.setProperty("role", "hint")
        markers_column.addWidget(self.markersHint)
        self.markerFilter = CheckFilter(self._offered_markers, self)
        self.markerFilter.setObjectName("ruptureMarkerFilter")
        self.markerFilter.setAccessibleName(self.tr("Find a marker"))
        markers_column.addWidget(self.markerFilter)
        for rtype, markers in MARKERS.items():
            box_widget = QWidget(self)
            box_widget.setObjectName(f"ruptureMarkers_{rtype.value}")
            box_widget.setAccessibleName(self.tr("%1 markers").replace("%1", type_labels()[rtype]))
            # Two columns where they fit, one in a narrow window (no sideways scroll).
            box_grid = ColumnsLayout(box_widget, columns=2, spacing=(16, 2))
            for key, label in markers:
                box = QCheckBox(QCoreApplication.translate("markers", label), box_widget)
                box.setObjectName(f"ruptureMarker_{key}")
                box.setAccessibleName(box.text())
                box.toggled.connect(self._edited)
                self.markerFilter.adopt(box)
                self.markerBoxes[key] = box
                box_grid.addWidget(box)
            box_widget.setVisible(False)
            self.markerGroups[rtype] = box_widget
            markers_column.addWidget(box_widget)
        self.markersLabel = self._add_row(grid, row, self.tr("Markers"), markers_column)
        row += 1
        self.markersError = error_label("ruptureMarkersError", self)
        grid.addWidget(self.markersError, row, 1)
        row += 1

        # Salience 1-5
        self.salienceInput = RatingInput(self)
        self.salienceInput.setObjectName("ruptureSalienceInput")
        self.salienceInput.setMinimum(1)
        self.salienceInput.setMaximum(5)
        self.salienceInput.setOptional(True)
        self.salienceInput.setAccessibleName(self.tr("Salience, 1 to 5"))
        self.salienceInput.setToolTip(self.tr("How much it stood out: 1 barely, 5 strongly."))
        self.salienceInput.valueChanged.connect(self._edited)
        self._add_row(grid, row, self.tr("Salience"), self.salienceInput)
        row += 1
        self.salienceError = error_label("ruptureSalienceError", self)
        grid.addWidget(self.salienceError, row, 1)
        row += 1

        # Resolution
        self.resolutionGroup = QButtonGroup(self)
        self.resolutionButtons: dict[Resolution, QRadioButton] = {}
        res_row = QHBoxLayout()
        res_row.setSpacing(16)
        for resolution, label in resolution_labels().items():
            button = QRadioButton(label, self)
            button.setObjectName(f"ruptureResolution_{resolution.value}")
            button.setAccessibleName(self.tr("Resolution: %1").replace("%1", label))
            self.resolutionGroup.addButton(button)
            self.resolutionButtons[resolution] = button
            res_row.addWidget(button)
        res_row.addStretch(1)
        self.resolutionGroup.buttonToggled.connect(self._edited)
        self._add_row(grid, row, self.tr("Resolved?"), res_row)
        row += 1
        self.resolutionError = error_label("ruptureResolutionError", self)
        grid.addWidget(self.resolutionError, row, 1)
        row += 1

        # Repair strategies
        self.repairChecklist = StrategyChecklist(
            self, groups=REPAIR_GROUPS, name_prefix="repairStrategy"
        )
        self.repairChecklist.setObjectName("ruptureRepairStrategies")
        self.repairChecklist.changed.connect(self._edited)
        self._add_row(grid, row, self.tr("Repair tried"), self.repairChecklist, top=True)
        row += 1
        self.repairError = error_label("ruptureRepairError", self)
        grid.addWidget(self.repairError, row, 1)
        row += 1

        # Note
        self.noteEdit = SectionEdit(2, self, fill=False)
        self.noteEdit.setObjectName("ruptureNote")
        self.noteEdit.setAccessibleName(self.tr("Rupture note"))
        self.noteEdit.setPlaceholderText(self.tr("What was said or done, in a line or two."))
        self.noteEdit.textChanged.connect(self._edited)
        self._add_row(grid, row, self.tr("Note"), self.noteEdit, top=True)
        row += 1
        self.noteError = error_label("ruptureNoteError", self)
        grid.addWidget(self.noteError, row, 1)
        row += 1
        self.repairedLaterLabel = QLabel(self)
        self.repairedLaterLabel.setObjectName("ruptureRepairedLaterLabel")
        self.repairedLaterLabel.setProperty("role", "hint")
        self.repairedLaterLabel.setWordWrap(True)
        self.repairedLaterLabel.setVisible(False)
        grid.addWidget(self.repairedLaterLabel, row, 1)
        self._id: int | None = None
        self._resolved_on: date | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addLayout(grid)
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(self.removeButton)
        layout.addLayout(footer)
        self._errors = {
            "type": (self.typeError, lambda: self.typeButtons[RuptureType.WITHDRAWAL]),
            "markers": (self.markersError, self._first_marker),
            "salience": (self.salienceError, lambda: self.salienceInput),
            "resolution": (self.resolutionError, self._resolution_focus),
            "repair_strategies": (self.repairError, self._first_repair),
            "note": (self.noteError, lambda: self.noteEdit),
        }
        self.setIndex(index)
        self._sync_type()

    # -- layout helpers ---------------------------------------------------------------------
    def _add_row(self, grid: QGridLayout, row: int, text: str, field: Any, top: bool = False):
        label = QLabel(text, self)
        align = Qt.AlignmentFlag.AlignRight
        align |= Qt.AlignmentFlag.AlignTop if top else Qt.AlignmentFlag.AlignVCenter
        grid.addWidget(label, row, 0, align)
        if isinstance(field, QWidget):
            grid.addWidget(field, row, 1)
            label.setBuddy(field)
        else:
            grid.addLayout(field, row, 1)
        return label

    def setIndex(self, index: int) -> None:
        """Ruptures are numbered in the order they appear; renumbered after a removal."""
        self._index = index
        self.setObjectName(f"ruptureEditor_{index}")
        title = self.tr("Rupture %1").replace("%1", str(index + 1))
        self._title = title
        self.setAccessibleName(title)
        self._sync_title()
        self.removeButton.setAccessibleName(self.tr("Remove %1").replace("%1", title))
        self.removeButton.setToolTip(self.tr("Remove %1").replace("%1", title))

    def index(self) -> int:
        return self._index

    # -- state ----------------------------------------------------------------------------------
    def ruptureType(self) -> RuptureType | None:
        for rtype, button in self.typeButtons.items():
            if button.isChecked():
                return rtype
        return None

    def resolution(self) -> Resolution | None:
        for resolution, button in self.resolutionButtons.items():
            if button.isChecked():
                return resolution
        return None

    def _type_toggled(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            self._sync_type()
            self._edited()

    def _sync_type(self) -> None:
        rtype = self.ruptureType()
        for group_type, widget in self.markerGroups.items():
            widget.setVisible(group_type == rtype)
        self.markersHint.setVisible(rtype is None)
        self.markerFilter.setVisible(rtype is not None)
        self.markerFilter.clear()
        self.markerFilter.refresh()
        self._sync_title()

    def _offered_markers(self) -> list[QCheckBox]:
        rtype = self.ruptureType()
        if rtype is None:
            return []
        return [self.markerBoxes[key] for key, _label in MARKERS[rtype]]

    def _sync_title(self) -> None:
        rtype = self.ruptureType()
        title = self._title
        if rtype is not None:
            title = f"{title} · {type_labels()[rtype]}"
        self.titleLabel.setText(title)

    def _edited(self, *_args: object) -> None:
        if not self._loading:
            self.changed.emit()

    def setCatalogue(self, catalogue: dict[str, Strategy]) -> None:
        self.repairChecklist.setCatalogue(catalogue)

    def visibleMarkers(self) -> tuple[str, ...]:
        rtype = self.ruptureType()
        if rtype is None:
            return ()
        return tuple(k for k, _ in MARKERS[rtype] if self.markerBoxes[k].isChecked())

    def rupture(self) -> Rupture:
        """The domain object; type and resolution must have been chosen."""
        prefix = f"ruptures[{self._index}]"
        rtype, resolution = self.ruptureType(), self.resolution()
        problems = []
        if rtype is None:
            problems.append(Problem(f"{prefix}.type", _t("choose withdrawal or confrontation")))
        if resolution is None:
            problems.append(Problem(f"{prefix}.resolution", _t("choose whether it was resolved")))
        if rtype is None or resolution is None:
            raise ValidationError(problems)
        # resolved_on is left to the vault, which keeps the stored one: a repair marked
        # or taken back from the client page since this editor opened is not undone.
        return Rupture(
            type=rtype,
            resolution=resolution,
            markers=self.visibleMarkers(),
            salience=self.salienceInput.getValue(),
            repair_strategies=self.repairChecklist.checked(),
            note=self.noteEdit.toPlainText(),
            id=self._id,
        )

    def setRupture(self, rupture: Rupture) -> None:
        self.setState(rupture_state(rupture))

    def state(self) -> dict[str, Any]:
        """A JSON-ready snapshot, including markers ticked under the other type."""
        rtype, resolution = self.ruptureType(), self.resolution()
        return {
            "type": rtype.value if rtype else None,
            "markers": [k for k, box in self.markerBoxes.items() if box.isChecked()],
            "salience": self.salienceInput.getValue(),
            "resolution": resolution.value if resolution else None,
            "repair_strategies": list(self.repairChecklist.checked()),
            "note": self.noteEdit.toPlainText(),
            "id": self._id,
            "resolved_on": self._resolved_on.isoformat() if self._resolved_on else None,
        }

    def setState(self, state: dict[str, Any]) -> None:
        self._loading = True
        try:
            rtype = state.get("type")
            self.typeGroup.setExclusive(False)
            for t, button in self.typeButtons.items():
                button.setChecked(t.value == rtype)
            self.typeGroup.setExclusive(True)
            markers = set(state.get("markers") or ())
            for key, box in self.markerBoxes.items():
                box.setChecked(key in markers)
            self.salienceInput.setValue(state.get("salience"))
            resolution = state.get("resolution")
            self.resolutionGroup.setExclusive(False)
            for r, button in self.resolutionButtons.items():
                button.setChecked(r.value == resolution)
            self.resolutionGroup.setExclusive(True)
            self.repairChecklist.setChecked(state.get("repair_strategies") or (), notify=False)
            self.noteEdit.setPlainText(state.get("note") or "")
            rid = state.get("id")
            self._id = rid if isinstance(rid, int) and not isinstance(rid, bool) else None
            self._resolved_on = _day(state.get("resolved_on"))
            self.repairedLaterLabel.setVisible(self._resolved_on is not None)
            if self._resolved_on is not None:
                self.repairedLaterLabel.setText(
                    self.tr("Marked repaired later, on %1.").replace(
                        "%1", short_date(self._resolved_on)
                    )
                )
            self._sync_type()
        finally:
            self._loading = False

    def wipe(self) -> None:
        """Drop the note's text and undo history before the editor is destroyed."""
        self.noteEdit.setPlainText("")

    # -- problems -----------------------------------------------------------------------------
    def showProblem(self, field: str, message: str) -> QWidget:
        """Show ``message`` by the part named in ``field`` (after "ruptures[i]."); returns
        the widget to focus."""
        label, focus = self._errors.get(field, (self.typeError, self._errors["type"][1]))
        label.setText(message)
        label.setVisible(True)
        return focus()

    def clearProblems(self) -> None:
        for label, _focus in self._errors.values():
            label.clear()
            label.setVisible(False)

    def _first_marker(self) -> QWidget:
        rtype = self.ruptureType() or RuptureType.WITHDRAWAL
        return self.markerBoxes[MARKERS[rtype][0][0]]

    def _resolution_focus(self) -> QWidget:
        return self.resolutionButtons[self.resolution() or Resolution.YES]

    def _first_repair(self) -> QWidget:
        chain = self.repairChecklist.focusChain()
        return chain[0] if chain else self.repairChecklist

    def focusChain(self) -> list[QWidget]:
        """Reading order inside the card, for the editor's tab order."""
        return [
            *self.typeButtons.values(),
            self.markerFilter,
            *self.markerBoxes.values(),
            self.salienceInput,
            *self.resolutionButtons.values(),
            *self.repairChecklist.focusChain(),
            self.noteEdit,
            self.removeButton,
        ]
