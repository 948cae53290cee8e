"""The passphrase fields of the unlock screen: Caps Lock inference, the show/hide
button, wiping, the strength bar with the words that explain it, and the sentence
that names a damaged vault.

Strings are translated in the ``UnlockWindow`` context, the window they appear in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QIcon, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit, QToolButton

from alliance_desktop.app.process import harden_once
from alliance_desktop.charts.palette import OKABE_ITO
from alliance_desktop.gui.common.feedback import show_message

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtCore import Qt

    # The strength bar is the create page's: beside a vault PySide never sets it up.
    from PySide6.QtWidgets import QProgressBar

    from alliance_desktop.vault.passphrase import Strength

# vault.passphrase (and its list of common passwords) loads when a strength is first
# worked out: on the create page, never before an existing vault's unlock page shows.

# The strength bar's colours are the charts' Okabe-Ito palette (one palette, by name);
# the label beside it carries the meaning.
_BAR_COLOURS = {
    "too short": "vermillion",
    "common": "vermillion",
    "too simple": "vermillion",
    "weak": "orange",
    "fair": "sky_blue",
    "strong": "green",
    "very strong": "green",
}
_BAR_STYLE = (
    "QProgressBar {{ border: 1px solid palette(mid); border-radius: 3px;"
    " background: palette(base); }}"
    " QProgressBar::chunk {{ background: {colour}; border-radius: 2px; }}"
)


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("UnlockWindow", text, None, n)


def caps_lock_from_key(text: str, modifiers: Qt.KeyboardModifier) -> bool | None:
    """Infer Caps Lock from one typed character; None when the key says nothing.

    Qt has no portable query for Caps Lock. A letter whose case is the opposite of
    what Shift implies means Caps Lock is on; one that agrees means it is off.
    """
    if len(text) != 1 or text.lower() == text.upper():
        return None
    shift = bool(modifiers & QtCore.Qt.KeyboardModifier.ShiftModifier)
    return text.isupper() != shift


def wipe(edit: QLineEdit) -> None:
    """Empty a passphrase field and its undo history, and hide its text again."""
    edit.setText("")
    edit.setEchoMode(QLineEdit.EchoMode.Password)


#: The events through which text can reach a passphrase field.
_INPUT = frozenset(
    (
        QEvent.Type.ShortcutOverride,
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.InputMethod,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.ContextMenu,
        QEvent.Type.DragEnter,
        QEvent.Type.DragMove,
        QEvent.Type.Drop,
    )
)


class CapsLockWatch(QObject):
    """Event filter on passphrase fields that tracks the inferred Caps Lock state.

    Fields given to ``watch`` are filtered from ``arm`` on, which the unlock window
    calls when it shows (no key reaches a field before): the first event a Python
    filter is handed makes PySide set up every QEvent class (~45 of them, a
    millisecond or two) to find that event's own, and the events of building the
    window are not worth that before it appears (issue 15).

    Two more things ride on this filter, which sees a watched field's events before
    the field does: ``painted`` is emitted in the event-loop turn after a field was
    first painted (the window is on screen: what start-up put off can run then), and
    the process is hardened (:func:`harden_once`: not dumpable, no core dumps) before
    a field handles its first key, click, paste or drop."""

    changed = Signal(bool)
    painted = Signal()

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.state: bool | None = None
        self._fields: list[QObject] = []
        self._armed = False
        self._painted = False

    def watch(self, field: QObject) -> None:
        """Follow the keys typed in ``field`` (from ``arm`` on)."""
        self._fields.append(field)
        if self._armed:
            field.installEventFilter(self)

    def arm(self) -> None:
        """Start filtering the watched fields; idempotent."""
        if not self._armed:
            self._armed = True
            for field in self._fields:
                field.installEventFilter(self)

    def set_state(self, state: bool | None) -> None:
        if state != self.state:
            self.state = state
            self.changed.emit(bool(state))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _INPUT:
            harden_once()  # the first time only
        if not self._painted and kind == QEvent.Type.Paint:
            self._painted = True
            # After this paint and the flush of the window to the screen.
            QTimer.singleShot(0, self.painted.emit)
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == QtCore.Qt.Key.Key_CapsLock:
                if self.state is not None:
                    self.set_state(not self.state)
            else:
                inferred = caps_lock_from_key(event.text(), event.modifiers())
                if inferred is not None:
                    self.set_state(inferred)
        return False


def add_reveal_action(edit: QLineEdit, name: str) -> QAction:
    """A checkable eye button at the end of ``edit`` (Ctrl+H) that shows the text.

    The button is a QToolButton child of the field; it gets an objectName and an
    accessible name that says what pressing it does now ("Show/Hide passphrase").
    """
    action = QAction(QIcon(":/icons/eye.svg"), _tr("Show passphrase"), edit)
    action.setObjectName(name)
    action.setCheckable(True)
    # Set as properties (a key sequence from its portable text, the context by its key
    # name): ``setShortcut``'s overloads and ``Qt.ShortcutContext`` would make PySide
    # set up the whole ``Qt`` namespace (~15 ms) before the unlock window shows.
    action.setProperty("shortcut", QKeySequence("Ctrl+H"))
    action.setProperty("shortcutContext", "WidgetShortcut")
    edit.addAction(action, QLineEdit.ActionPosition.TrailingPosition)
    button = edit.findChildren(QToolButton)[-1]
    button.setObjectName(name.replace("Action", "Button"))

    def toggled(shown: bool) -> None:
        edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        text = _tr("Hide passphrase") if shown else _tr("Show passphrase")
        action.setText(text)
        native = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text} ({native})")
        button.setAccessibleName(text)
        button.setAccessibleDescription(_tr("Shortcut: {keys}").format(keys=native))
        action.setIcon(QIcon(":/icons/eye-off.svg" if shown else ":/icons/eye.svg"))

    action.toggled.connect(toggled)
    toggled(False)
    return action


def strength_words(verdict: Strength) -> tuple[str, str]:
    """The level's name and one piece of advice, translated."""
    from alliance_desktop.vault.passphrase import MIN_LENGTH

    names = {
        "too short": _tr("too short"),
        "common": _tr("too common"),
        "too simple": _tr("too simple"),
        "weak": _tr("weak"),
        "fair": _tr("fair"),
        "strong": _tr("strong"),
        "very strong": _tr("very strong"),
    }
    advice = {
        "too short": _tr("use at least %n characters.", MIN_LENGTH),
        "common": _tr("this is a widely used password; choose another."),
        "weak": _tr("longer is stronger: try four or five unrelated words."),
        "fair": _tr("acceptable; a few more words would make it strong."),
        "strong": _tr("good."),
        "very strong": _tr("excellent."),
    }
    simple = {  # why vault.passphrase refused it (Strength.reason)
        "repeated": _tr("it is one character repeated; try a few unrelated words."),
        "pattern": _tr("it is a short pattern repeated; try a few unrelated words."),
        "few": _tr("it uses too few different characters; try a few unrelated words."),
        "sequence": _tr(
            "it is a run of neighbouring keys, letters or digits; try a few unrelated words."
        ),
    }
    if verdict.label == "too simple":
        advice["too simple"] = simple.get(verdict.reason, verdict.advice)
    return names.get(verdict.label, verdict.label), advice.get(verdict.label, verdict.advice)


def show_strength(passphrase: str, bar: QProgressBar, label: QLabel) -> Strength:
    """Fill the strength bar and its label for ``passphrase``; return the verdict."""
    from alliance_desktop.vault.passphrase import MIN_LENGTH, strength

    verdict = strength(passphrase)
    if passphrase:
        name, advice = strength_words(verdict)
        text = _tr("Strength: {name} — {advice}").format(name=name, advice=advice)
        show_message(label, text, "hint" if verdict.acceptable else "error")
        if verdict.acceptable:
            value = max(10, min(100, round(verdict.bits)))
        else:
            value = min(9, len(passphrase))
    else:
        show_message(
            label,
            _tr(
                "Use at least %n characters; a few unrelated words are easy to remember.",
                MIN_LENGTH,
            ),
            "hint",
        )
        value = 0
    bar.setValue(value)
    bar.setStyleSheet(
        _BAR_STYLE.format(colour=OKABE_ITO[_BAR_COLOURS.get(verdict.label, "sky_blue")])
    )
    bar.setAccessibleDescription(label.text())
    return verdict


def damage_message(error: Exception) -> str:
    """One sentence naming the damage the vault layer found, without its lead-in."""
    detail = str(error).strip().rstrip(".")
    for lead in ("The vault file is damaged (", "The vault file is damaged"):
        if detail.startswith(lead):
            detail = detail[len(lead) :].split(")", 1)[0].strip(" :(")
            break
    if detail:
        return _tr("The vault file is damaged and cannot be read ({detail}).").format(detail=detail)
    return _tr("The vault file is damaged and cannot be read.")
