"""The editor's fields as a domain Session, and as a draft (JSON-ready data) and back.

Raw text is kept even where it would not validate yet (an unparsable client rating),
so a crash or a lock loses nothing.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, Qt

from alliance_desktop.domain.errors import Problem, ValidationError
from alliance_desktop.domain.models import Client, Modality, Session

if TYPE_CHECKING:
    from alliance_desktop.gui.editor.session_editor import SessionEditor

DRAFT_VERSION = 1


def _t(text: str) -> str:
    return QCoreApplication.translate("SessionEditor", text)


def parse_datetime(value: object) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def to_draft(editor: SessionEditor) -> dict[str, Any]:
    ui = editor.ui
    created, updated = editor._created_at, editor._updated_at
    return {
        "version": DRAFT_VERSION,
        "client_id": editor.currentClientId(),
        "session_id": editor.currentSessionId(),
        "created_at": created.isoformat() if created else None,
        "updated_at": updated.isoformat() if updated else None,
        "date": ui.dateEdit.date().toPython().isoformat(),
        "duration_min": ui.durationInput.value() or None,
        "modality": ui.modalityInput.currentData(),
        **{dim: rating.getValue() for dim, rating in editor.ratings.items()},
        "client_rating": ui.clientRatingEdit.text(),
        "outcome_rating": editor.outcomeRating(),
        "supervision": ui.supervisionCheck.isChecked(),
        "reflection": {
            "template": editor.reflectionEditor.templateKey(),
            "sections": editor.reflectionEditor.sectionTexts(),
        },
        "ruptures": [card.state() for card in editor.ruptureEditors()],
        "strategies": list(editor.strategyChecklist.checked()),
        "tags": editor.tagEdit.text(),
        "expanded": {
            "ruptures": editor.rupturesSection.isExpanded(),
            "strategies": editor.strategiesSection.isExpanded(),
            "tags": editor.tagsSection.isExpanded(),
        },
    }


def fill_from_draft(editor: SessionEditor, client: Client, draft: dict[str, Any]) -> None:
    """Every field from a ``to_draft`` snapshot; the caller holds ``_loading``."""
    ui = editor.ui
    editor._client = client
    editor._session_id = draft.get("session_id")
    editor._created_at = parse_datetime(draft.get("created_at"))
    editor._updated_at = parse_datetime(draft.get("updated_at"))
    editor._reset_fields()
    day = QDate.fromString(str(draft.get("date") or ""), Qt.DateFormat.ISODate)
    if day.isValid():
        ui.dateEdit.setMaximumDate(max(QDate.currentDate(), day))
        ui.dateEdit.setDate(day)
    ui.durationInput.setValue(int(draft.get("duration_min") or 0))
    ui.modalityInput.setCurrentIndex(max(ui.modalityInput.findData(draft.get("modality")), 0))
    for dim, rating in editor.ratings.items():
        rating.setValue(draft.get(dim))
    ui.clientRatingEdit.setText(str(draft.get("client_rating") or ""))
    outcome = draft.get("outcome_rating")
    editor._set_outcome(
        float(outcome)
        if isinstance(outcome, int | float) and not isinstance(outcome, bool)
        else None
    )
    ui.supervisionCheck.setChecked(bool(draft.get("supervision")))
    reflection = draft.get("reflection") or {}
    editor.reflectionEditor.setContent(
        str(reflection.get("template") or ""), dict(reflection.get("sections") or {})
    )
    editor.rupture_list.setStates(list(draft.get("ruptures") or []))
    editor.strategyChecklist.setChecked(draft.get("strategies") or (), notify=False)
    editor.tagEdit.setText(str(draft.get("tags") or ""))
    expanded = draft.get("expanded") or {}
    editor.rupturesSection.setExpanded(bool(expanded.get("ruptures")))
    editor.strategiesSection.setExpanded(bool(expanded.get("strategies")))
    editor.tagsSection.setExpanded(bool(expanded.get("tags")))


def _client_rating(editor: SessionEditor) -> float | None:
    text = editor.ui.clientRatingEdit.text().strip()
    if not text:
        return None
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise ValidationError(
            [Problem("client_rating", _t("must be a number, such as 32 or 32.5"))]
        ) from None


def build_session(editor: SessionEditor) -> Session:
    """A Session from the fields, for the domain to validate. Raises ValidationError
    (every such problem at once) only for input that cannot be represented at all."""
    problems: list[Problem] = []
    client_rating = None
    try:
        client_rating = _client_rating(editor)
    except ValidationError as error:
        problems += error.problems
    ruptures = []
    for card in editor.ruptureEditors():
        try:
            ruptures.append(card.rupture())
        except ValidationError as error:
            problems += error.problems
    if problems:
        raise ValidationError(problems)
    ui = editor.ui
    modality = ui.modalityInput.currentData()
    duration = ui.durationInput.value()
    return Session(
        client_id=editor.currentClientId(),
        date=ui.dateEdit.date().toPython(),
        trust=editor.ratings["trust"].getValue(),
        engagement=editor.ratings["engagement"].getValue(),
        goal_alignment=editor.ratings["goal_alignment"].getValue(),
        approach_fit=editor.ratings["approach_fit"].getValue(),
        duration_min=duration or None,
        modality=Modality(modality) if modality else None,
        client_rating=client_rating,
        outcome_rating=editor.outcomeRating(),
        ruptures=ruptures,
        strategies=editor.strategyChecklist.checked(),
        tags=editor.tagEdit.tags(),
        reflection=editor.reflectionEditor.reflection(),
        supervision=ui.supervisionCheck.isChecked(),
        created_at=editor._created_at,
        updated_at=editor._updated_at,
        id=editor._session_id,
    )
