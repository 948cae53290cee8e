"""One client's recent alerts, each with strategies that answer it and a plan button."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.gui.common.dates import short_date
from alliance_desktop.gui.insights._util import escape as _escape
from alliance_desktop.gui.insights._util import make_heading as _heading
from alliance_desktop.gui.insights._util import make_label as _label
from alliance_desktop.gui.insights.models import kind_text

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.domain.strategies import Strategy
    from alliance_desktop.insights.suggestions import Suggestion


class SuggestionPanel(QScrollArea):
    """This client's recent alerts, each with strategies that answer it and a plan button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionsScroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._body: QWidget | None = None
        self.planButtons: dict[str, list[QPushButton]] = {}
        self.clear()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Alerts and suggestions for this client"))

    def clear(self) -> None:
        """Delete every suggestion widget (they hold alert text) and leave an empty body."""
        self._fresh_body()

    def _fresh_body(self) -> tuple[QWidget, QVBoxLayout]:
        if self._body is not None:
            self.takeWidget()
            self._body.deleteLater()
        body = self._body = QWidget(self)
        body.setObjectName("suggestionsBody")
        layout = QVBoxLayout(body)
        self.setWidget(body)
        self.planButtons = {}
        return body, layout

    def show_for(
        self,
        alerts: list[Any],
        suggestions: dict[int, list[Suggestion]],
        catalogue: dict[str, Strategy],
        planned: set[str],
        on_add: Any,
    ) -> None:
        body, layout = self._fresh_body()
        heading = _heading(_label("suggestionsTitle", body, wrap=False), 1.1)
        heading.setText(self.tr("Alerts and what might help"))
        layout.addWidget(heading)
        if planned:
            names = [catalogue[k].shown_label if k in catalogue else k for k in planned]
            line = _label("trendPlanLabel", body)
            line.setText(
                self.tr("Plan for next session: {items}").format(items=", ".join(sorted(names)))
            )
            layout.addWidget(line)
        if not alerts:
            none = _label("suggestionsEmpty", body)
            none.setText(self.tr("No recent alerts for this client under your current rules."))
            layout.addWidget(none)
        for i, alert in enumerate(alerts):
            box = QFrame(body)
            box.setObjectName(f"alertBox{i}")
            box.setFrameShape(QFrame.Shape.StyledPanel)
            box_layout = QVBoxLayout(box)
            head = _label(f"alertText{i}", box)
            head.setText(
                f"<b>{kind_text(alert.kind)}</b> · {short_date(alert.date)} · "
                + _escape(alert.message)
            )
            head.setTextFormat(Qt.TextFormat.RichText)
            box_layout.addWidget(head)
            for s in suggestions.get(i, []):
                box_layout.addLayout(self._suggestion_row(box, s, catalogue, planned, on_add))
            layout.addWidget(box)
        layout.addStretch(1)

    def _suggestion_row(
        self,
        box: QWidget,
        s: Suggestion,
        catalogue: dict[str, Strategy],
        planned: set[str],
        on_add: Any,
    ) -> QHBoxLayout:
        row = QHBoxLayout()
        strategy = catalogue.get(s.strategy)
        name = strategy.shown_label if strategy else s.strategy
        text = QLabel(box)
        text.setObjectName(f"suggestion_{s.strategy}")
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setText(f"<b>{_escape(name)}</b>: {_escape(s.why)}<br><i>{_escape(self._past(s))}</i>")
        row.addWidget(text, 1)
        button = QPushButton(box)
        button.setObjectName(f"addToPlan_{s.strategy}")
        in_plan = s.strategy in planned
        button.setText(
            self.tr("In the plan") if in_plan else self.tr("Add to plan for next session")
        )
        button.setEnabled(not in_plan)
        button.setAccessibleName(
            self.tr("Add {name} to the plan for next session").format(name=name)
        )
        button.clicked.connect(lambda _=False, key=s.strategy: on_add(key))
        self.planButtons.setdefault(s.strategy, []).append(button)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _past(self, s: Suggestion) -> str:
        """Your own past uses, from the estimate that allows for regression to the mean."""
        return self.tr(s.past_text)


__all__ = ["SuggestionPanel"]
