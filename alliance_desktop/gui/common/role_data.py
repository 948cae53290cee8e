"""Answering a view's ``multiData`` from a model's one value function.

Qt's views ask a model for every role of a cell at once through ``multiData`` (a
painted or measured cell asks for seven to ten). A Python model that answers there,
instead of through one ``data()`` call per role, makes one Python call per cell: the
timeline's and the alert list's models share this loop.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any


def fill_role_data(
    role_data_span: Any, roles: Collection[int], value: Callable[[int], Any] | None
) -> None:
    """Fill each ``QModelRoleData`` of the span with ``value(role)`` for a role in
    ``roles``, and clear it otherwise (or for every role when ``value`` is None: an
    index out of the model's rows). A None from ``value`` clears too."""
    for role_data in role_data_span:
        role = role_data.role()
        found = value(role) if value is not None and role in roles else None
        if found is None:
            role_data.clearData()
        else:
            role_data.setData(found)
