"""A flat list model whose rows each carry a check box.

A subclass keeps its rows in ``self._rows`` (each with a ``text`` shown as the row) and
says how a row's tick is read and kept (``_is_on``, ``_set_on``), what it answers for
its other roles (``_role_data``) and what it signals once a tick changed (``_ticked``).
The model's own part is the same for every such list: the check state role, the
user-checkable flag, and a ``setData`` that changes one row and tells the views only
about that row."""

from __future__ import annotations

from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex


class _Row(Protocol):
    @property
    def text(self) -> str: ...


RowT = TypeVar("RowT", bound=_Row)


def checked(value: object) -> bool:
    """A check state as a view hands it to ``setData`` (an int or a Qt.CheckState)."""
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    try:
        return int(value) == Qt.CheckState.Checked.value  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return bool(value)


def shows_check_boxes(model: QAbstractItemModel | None) -> bool:
    """Whether a view of ``model`` draws check boxes: a :class:`CheckableListModel`
    (also behind proxy models, and while still empty), or a model whose first item is
    user-checkable."""
    while model is not None:
        if isinstance(model, CheckableListModel):
            return True
        if model.rowCount() and model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsUserCheckable:
            return True
        model = model.sourceModel() if isinstance(model, QAbstractProxyModel) else None
    return False


class CheckableListModel(QAbstractListModel, Generic[RowT]):
    """Rows with a check box; the subclass decides what a tick means."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []

    # -- the subclass's part -------------------------------------------------------------

    def _is_on(self, row: RowT) -> bool:
        raise NotImplementedError

    def _set_on(self, row: RowT, on: bool) -> None:
        raise NotImplementedError

    def _role_data(self, row: RowT, role: int) -> Any:
        """What the row answers for a role other than display and check state."""
        return None

    def _ticked(self, row: RowT, on: bool) -> None:
        """Called once ``row``'s tick changed (the views already told): signal it here."""

    # -- the model -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return r.text
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if self._is_on(r) else Qt.CheckState.Unchecked
        return self._role_data(r, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.isValid() else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        r = self._rows[index.row()]
        on = checked(value)
        if self._is_on(r) == on:
            return True
        self._set_on(r, on)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self._ticked(r, on)
        return True

    def _all_ticks_changed(self) -> None:
        """Tell the views every row's check state may have changed (one signal)."""
        self.dataChanged.emit(
            self.index(0), self.index(len(self._rows) - 1), [Qt.ItemDataRole.CheckStateRole]
        )


__all__ = ["CheckableListModel", "checked", "shows_check_boxes"]
