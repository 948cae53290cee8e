"""Strategies as ticks, grouped by the problem each group answers.

The group's problem sentence sits under its name so a therapist picks a lever by the
difficulty they met, not by jargon; the help text is one hover away.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from alliance_desktop.domain.strategies import GROUPS, Strategy
from alliance_desktop.gui.common.accessibility import mark_heading
from alliance_desktop.gui.common.widgets.check_filter import CheckFilter
from alliance_desktop.gui.common.widgets.columns import ColumnsLayout

COLUMNS = 2


def strategy_label(strategy: Strategy) -> str:
    """Built-in labels are the product's words and can be translated; the user's are not."""
    if strategy.builtin:
        return QCoreApplication.translate("strategies", strategy.label)
    return strategy.label


class StrategyChecklist(QWidget):
    """One checkbox per strategy; ``checked()`` gives keys in catalogue order.

    Keys that are ticked but missing from the catalogue (a custom strategy since
    removed) are kept as extra ticks, so loading and saving never drops them.
    """

    changed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        groups: Iterable[str] | None = None,
        name_prefix: str = "strategy",
    ) -> None:
        super().__init__(parent)
        self._groups = tuple(groups) if groups is not None else None
        self._prefix = name_prefix
        self._boxes: dict[str, QCheckBox] = {}
        self._catalogue: dict[str, Strategy] = {}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._content: QWidget | None = None
        # (group heading, its problem line, its boxes): headings hide with their boxes.
        self._sections: list[tuple[QWidget, QWidget, list[QCheckBox]]] = []
        self.filterEdit = CheckFilter(
            lambda: list(self._boxes.values()), self, on_filtered=self._sync_groups
        )
        self.filterEdit.setObjectName(f"{name_prefix}Filter")
        self.filterEdit.setAccessibleName(self.tr("Find a strategy"))
        self._layout.addWidget(self.filterEdit)
        self.setCatalogue({})

    def setCatalogue(self, catalogue: dict[str, Strategy]) -> None:
        """Rebuild the ticks for a catalogue, keeping whatever was ticked."""
        keep = self.checked()
        self._catalogue = dict(catalogue)
        self._rebuild(keep)

    def _rebuild(self, ticked: Iterable[str]) -> None:
        ticked = tuple(ticked)
        if self._content is not None:
            self._content.setParent(None)
            self._content.deleteLater()
        self._boxes = {}
        self._sections = []
        content = QWidget(self)
        content.setObjectName(f"{self._prefix}List")
        content.setAccessibleName(self.tr("Strategies to tick"))
        outer = QVBoxLayout(content)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        by_group: dict[str, list[Strategy]] = {}
        for strategy in self._catalogue.values():
            by_group.setdefault(strategy.group, []).append(strategy)
        known_groups = {g.key for g in GROUPS}
        orphans = [s for g, items in by_group.items() if g not in known_groups for s in items]
        for group in GROUPS:
            if self._groups is not None and group.key not in self._groups:
                continue
            items = by_group.get(group.key, [])
            if group.key == "custom":
                items = items + orphans
            if not items:
                continue
            title = mark_heading(
                QLabel(QCoreApplication.translate("strategies", group.label), content), 4
            )
            title.setObjectName(f"{self._prefix}Group_{group.key}")
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            problem = QLabel(QCoreApplication.translate("strategies", group.problem), content)
            problem.setProperty("role", "hint")
            problem.setWordWrap(True)
            outer.addSpacing(4)
            outer.addWidget(title)
            outer.addWidget(problem)
            # Up to two columns, one where the window is narrow.
            grid = ColumnsLayout(columns=COLUMNS, spacing=(16, 2))
            grid.setContentsMargins(0, 2, 0, 2)
            boxes = []
            for strategy in items:
                box = self._box(content, strategy.key, strategy_label(strategy), strategy.help)
                boxes.append(box)
                grid.addWidget(box)
            outer.addLayout(grid)
            self._sections.append((title, problem, boxes))
        unknown = [k for k in ticked if k not in self._boxes and k not in self._catalogue]
        if unknown:
            title = QLabel(self.tr("No longer in my catalogue"), content)
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            outer.addSpacing(4)
            outer.addWidget(title)
            for key in unknown:
                outer.addWidget(
                    self._box(
                        content,
                        key,
                        key,
                        self.tr(
                            "This strategy was removed from the catalogue; untick it to drop it."
                        ),
                    )
                )
        self._content = content
        self._layout.addWidget(content)
        self.setChecked(ticked, notify=False)
        self.filterEdit.refresh()

    def _box(self, parent: QWidget, key: str, label: str, help_text: str) -> QCheckBox:
        box = QCheckBox(label, parent)
        box.setObjectName(f"{self._prefix}_{key}")
        box.setAccessibleName(label)
        box.setToolTip(help_text)
        box.setAccessibleDescription(help_text)
        box.setProperty("strategyKey", key)
        box.toggled.connect(self._toggled)
        self.filterEdit.adopt(box)
        self._boxes[key] = box
        return box

    def _sync_groups(self) -> None:
        for title, problem, boxes in self._sections:
            any_shown = any(not box.isHidden() for box in boxes)
            title.setVisible(any_shown)
            problem.setVisible(any_shown)

    def _toggled(self, _on: bool) -> None:
        self.changed.emit()

    def checked(self) -> tuple[str, ...]:
        return tuple(key for key, box in self._boxes.items() if box.isChecked())

    def setChecked(self, keys: Iterable[str], *, notify: bool = True) -> None:
        keys = tuple(keys)
        if any(k not in self._boxes for k in keys):
            self._rebuild(keys)
            return
        for key, box in self._boxes.items():
            box.blockSignals(True)
            box.setChecked(key in keys)
            box.blockSignals(False)
        if notify:
            self.changed.emit()

    def checkBox(self, key: str) -> QCheckBox | None:
        return self._boxes.get(key)

    def focusChain(self) -> list[QWidget]:
        """The filter (the list's Tab stop), then the boxes in reading order (reached with
        Down from the filter), for the editor's tab order."""
        return [self.filterEdit, *self._boxes.values()]
