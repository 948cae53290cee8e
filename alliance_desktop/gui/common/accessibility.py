"""Small helpers that give assistive technology what Qt's widgets leave out.

- ``name_clear_button(line_edit)``: QLineEdit's clear button (``setClearButtonEnabled``)
  is an unnamed QToolButton child; this finds it by its action
  (``_q_qlineeditclearaction``) and names it "Clear".
- ``mark_heading(label, level)``: QLabel has no heading role of its own. Qt 6 has
  ``QAccessible.Role.Heading`` (AT-SPI ``heading``), so a marked label gets its own
  accessible interface through an accessible factory: a ``QAccessibleWidget`` whose
  role is Heading. The level stays a property of the label (``heading_level``): the
  ``Level`` attribute would need ``interface_cast`` overridden in Python, and
  PySide6 6.11 crashes when the AT-SPI bridge calls that override (it cannot return
  the raw interface pointer). ``mark_alert(label)`` does the same with the
  AlertMessage role, for a label that carries error messages.
- ``announce(widget, text)``: a live announcement. Qt >= 6.8 has
  ``QAccessibleAnnouncementEvent`` (AT-SPI ``Announcement``; Orca reads it at once);
  older Qt falls back to a ``QAccessibleEvent`` of type Alert on the widget.
  ``recording()`` collects announcements, for tests and checks.
- ``name_inner_editors(root)``: the line edit inside a spin box is its own accessible
  child; it takes the spin box's name.

Mark a label before it is first shown: Qt caches one accessible interface per object,
so a label that a screen reader has already seen keeps the role it had.

At start-up the factory waits (``defer_factory``) until the unlock window has been
painted (``install_factory``, from gui.app): setting up QAccessible's Python class is
a few milliseconds before the window. No assistive technology can ask before then: it
is heard in the event loop (AT-SPI's bus, the platform's accessibility messages), and
Qt keeps no interface before it is active. Should one have been made all the same,
``install_factory`` drops a marked label's cached interface so the next question gets
the heading or alert role.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6 import QtGui
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QLabel, QLineEdit
from shiboken6 import isValid

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtGui import QAccessible, QAccessibleEvent
    from PySide6.QtWidgets import QAccessibleWidget, QToolButton, QWidget

# The unlock window marks its labels before it shows; what only other windows use
# (spin boxes, clear buttons, rich text) is imported where it is used.

HEADING_LEVEL = "a11yHeadingLevel"
ALERT = "a11yAlert"
CLEAR_ACTION = "_q_qlineeditclearaction"  # the object name Qt gives the clear action

Listener = Callable[[QObject, str], None]
_listeners: list[Listener] = []
_factory_installed = False
#: While set (``defer_factory``), marking a label does not install the factory; the
#: labels marked meanwhile, for ``install_factory``.
_deferred: list[QLabel] | None = None


def _factory(_class_name: str, obj: QObject) -> QAccessibleWidget | None:
    if not isinstance(obj, QLabel):
        return None
    level = obj.property(HEADING_LEVEL)
    if not level and not obj.property(ALERT):
        return None
    # Its class is defined when a screen reader (or a test) first asks for a marked
    # label: subclassing QAccessibleWidget costs ~1 ms, before the unlock window.
    from PySide6.QtGui import QAccessible

    from alliance_desktop.gui.common.accessible_label import LabelAccessible

    role = QAccessible.Role.Heading if level else QAccessible.Role.AlertMessage
    return LabelAccessible(obj, role)


def defer_factory() -> None:
    """Until ``install_factory``, marking a label only marks it (start-up: see the
    module's note). Not when Qt's accessibility is forced on from the start."""
    global _deferred
    if not _factory_installed and not os.environ.get("QT_LINUX_ACCESSIBILITY_ALWAYS_ON"):
        _deferred = []


def install_factory() -> None:
    """Install the accessible factory for marked labels (idempotent)."""
    global _factory_installed, _deferred
    if _factory_installed:
        return
    from PySide6.QtGui import QAccessible

    QAccessible.installFactory(_factory)
    _factory_installed = True
    marked, _deferred = _deferred or [], None
    if QAccessible.isActive():
        for label in marked:
            if isValid(label):
                # A plain label's interface made before the factory: forget it.
                iface = QAccessible.queryAccessibleInterface(label)
                if iface is not None and iface.role() not in (
                    QAccessible.Role.Heading,
                    QAccessible.Role.AlertMessage,
                ):
                    QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(iface))


def _install_factory(label: QLabel) -> None:
    if _deferred is not None:
        _deferred.append(label)
    else:
        install_factory()


def mark_heading(label: QLabel, level: int) -> QLabel:
    """Expose ``label`` as a heading of ``level`` (1 for a window's title)."""
    label.setProperty(HEADING_LEVEL, max(1, int(level)))
    _install_factory(label)
    return label


def mark_alert(label: QLabel) -> QLabel:
    """Expose ``label`` as an alert message (the place errors appear)."""
    label.setProperty(ALERT, True)
    _install_factory(label)
    return label


def accessible_role(widget: QWidget) -> QAccessible.Role:
    """The role assistive technology sees for ``widget``."""
    from PySide6.QtGui import QAccessible

    if _deferred:
        install_factory()
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.role() if iface is not None else QAccessible.Role.NoRole


def heading_level(widget: QWidget) -> int:
    """The level ``widget`` was marked with (0 when it is not a heading)."""
    from PySide6.QtGui import QAccessible

    if _deferred:
        install_factory()
    iface = QAccessible.queryAccessibleInterface(widget)
    if iface is None or iface.role() != QAccessible.Role.Heading:
        return 0
    value = widget.property(HEADING_LEVEL)
    return int(value) if value else 0


def clear_button(line_edit: QLineEdit) -> QToolButton | None:
    """The clear button ``setClearButtonEnabled(True)`` put in ``line_edit``, if any."""
    from PySide6.QtWidgets import QToolButton

    for button in line_edit.findChildren(QToolButton):
        action = button.defaultAction()
        if action is not None and action.objectName() == CLEAR_ACTION:
            return button
    return None


def name_clear_button(line_edit: QLineEdit, name: str | None = None) -> QToolButton | None:
    """Enable ``line_edit``'s clear button if needed and give it an accessible name.

    The name defaults to "Clear"; the description says which field it empties.
    """
    if not line_edit.isClearButtonEnabled():
        line_edit.setClearButtonEnabled(True)
    button = clear_button(line_edit)
    if button is None:
        return None
    text = name or QCoreApplication.translate("accessibility", "Clear")
    button.setAccessibleName(text)
    field = line_edit.accessibleName()
    if field:
        button.setAccessibleDescription(
            QCoreApplication.translate("accessibility", "Empties {field}").format(field=field)
        )
    if not button.objectName():
        button.setObjectName((line_edit.objectName() or "lineEdit") + "ClearButton")
    action = button.defaultAction()
    if action is not None:
        action.setText(text)
        action.setToolTip(text)
    return button


def name_inner_editors(root: QWidget) -> None:
    """Give the line edit inside each spin box (and date/time edit) under ``root`` the
    spin box's own accessible name, so the editable child is not an unnamed node."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QAbstractSpinBox

    for spin in root.findChildren(QAbstractSpinBox):
        editor = spin.findChild(QLineEdit)
        if editor is None or editor.accessibleName():
            continue
        iface = QAccessible.queryAccessibleInterface(spin)
        name = spin.accessibleName() or (iface.text(QAccessible.Text.Name) if iface else "")
        if name:
            editor.setAccessibleName(name)


def announce(widget: QObject, text: str, *, assertive: bool = False) -> None:
    """Have screen readers speak ``text`` now, on behalf of ``widget``.

    ``assertive`` interrupts what is being read (for errors the user must hear,
    such as a wrong passphrase); otherwise the announcement waits its turn.
    """
    if not text:
        return
    for listener in list(_listeners):
        listener(widget, text)
    from PySide6.QtGui import QAccessible, QAccessibleEvent

    event: QAccessibleEvent
    announcement = getattr(QtGui, "QAccessibleAnnouncementEvent", None)
    if announcement is not None:
        spoken = announcement(widget, text)
        politeness = QAccessible.AnnouncementPoliteness
        spoken.setPoliteness(politeness.Assertive if assertive else politeness.Polite)
        event = spoken
    else:  # Qt < 6.8: an Alert event on the widget, whose text the reader then reads
        event = QAccessibleEvent(widget, QAccessible.Event.Alert)
    QAccessible.updateAccessibility(event)


@contextmanager
def recording() -> Iterator[list[tuple[QObject, str]]]:
    """Collect every announcement made inside the block as (widget, text) pairs."""
    seen: list[tuple[QObject, str]] = []

    def listener(widget: QObject, text: str) -> None:
        seen.append((widget, text))

    _listeners.append(listener)
    try:
        yield seen
    finally:
        _listeners.remove(listener)


__all__ = [
    "accessible_role",
    "announce",
    "clear_button",
    "defer_factory",
    "heading_level",
    "install_factory",
    "mark_alert",
    "mark_heading",
    "name_clear_button",
    "name_inner_editors",
    "recording",
]
