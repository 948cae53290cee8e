"""Light and dark: follow the system's colour scheme, or the user's override.

Qt 6.5+ reports the system scheme through QStyleHints; Qt 6.8+ can also be told to
use one. We use Fusion so both schemes look the same on every platform, and a palette
of our own with one calm accent.
"""

from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice, QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from alliance_desktop.charts.theme import DARK, LIGHT
from alliance_desktop.gui import resources_rc  # noqa: F401  (registers :/ resources)

THEMES = ("system", "light", "dark")
ACCENT = {"light": "#2f5d8a", "dark": "#7fb0e0"}


def _palette(dark: bool) -> QPalette:
    p = QPalette()
    # Window, base and text come from the chart theme (the one source of these
    # colours), so charts sit on the app's own surfaces.
    chart = DARK if dark else LIGHT
    window, base, text = chart.window, chart.surface, chart.text
    if dark:
        alt, mid, button, disabled = "#2c3137", "#4a5058", "#2c3137", "#7d848c"
    else:
        alt, mid, button, disabled = "#f0f2f4", "#c5cad0", "#eceef0", "#8a9097"
    accent = ACCENT["dark" if dark else "light"]
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: alt,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: button,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.ToolTipBase: base,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: disabled,
        QPalette.ColorRole.Highlight: accent,
        QPalette.ColorRole.HighlightedText: "#000000" if dark else "#ffffff",
        QPalette.ColorRole.Link: accent,
        # Used for inline error text: a warm vermillion readable on both surfaces.
        QPalette.ColorRole.LinkVisited: "#ff9a66" if dark else "#b33c00",
        QPalette.ColorRole.Mid: mid,
        QPalette.ColorRole.Midlight: alt,
        QPalette.ColorRole.Dark: mid,
        QPalette.ColorRole.Light: base,
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return p


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def _style_sheet() -> str:
    f = QFile(":/style.qss")
    if not f.open(QIODevice.OpenModeFlag.ReadOnly | QIODevice.OpenModeFlag.Text):
        return ""
    try:
        return bytes(f.readAll().data()).decode("utf-8")
    finally:
        f.close()


class ThemeManager(QObject):
    """Applies a theme and tells views (charts, delegates) when it changes."""

    changed = Signal(bool)  # is_dark

    def __init__(self, app: QApplication, choice: str = "system"):
        super().__init__(app)
        self._app = app
        self._choice = choice if choice in THEMES else "system"
        app.setStyle("Fusion")
        app.setStyleSheet(_style_sheet())
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_changed)
        self.apply()

    @property
    def choice(self) -> str:
        return self._choice

    @property
    def is_dark(self) -> bool:
        if self._choice == "system":
            return system_is_dark()
        return self._choice == "dark"

    def set_choice(self, choice: str) -> None:
        if choice not in THEMES:
            raise ValueError(choice)
        self._choice = choice
        self.apply()

    def _system_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._choice == "system":
            self.apply()

    def apply(self) -> None:
        dark = self.is_dark
        self._app.setPalette(_palette(dark))
        # Widgets polished under a style sheet keep the palette they were polished with;
        # setting the sheet again repolishes every widget with the new colours.
        self._app.setStyleSheet(self._app.styleSheet())
        self.changed.emit(dark)
