"""Light and dark: follow the system's colour scheme, or the user's override.

Qt 6.5+ reports the system scheme through QStyleHints; Qt 6.8+ can also be told to
use one. We use Fusion so both schemes look the same on every platform, and a palette
of our own with one calm accent.

Check boxes and radio buttons get a ring of readable contrast from a style drawn in
Python (:class:`IndicatorStyle`). Only the widgets that draw such indicators use it:
a Python ``drawPrimitive`` is a call into the interpreter for every frame, panel and
arrow of every widget drawn through it (~150 per client switch when it was the
application's style). The application's style (:class:`AppStyle`) is Fusion with one
Python hook, ``polish``, which runs once as a widget is first shown (not per paint)
and hands the indicator style to the widgets that need it. Both live in
:mod:`alliance_desktop.gui.common.app_style`; at start-up the unlock window shows under
the plain C++ Fusion style and :class:`AppStyle` comes right after its first paint
(``ThemeManager(..., defer_style=True)`` and :meth:`ThemeManager.install_app_style`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QFile, QIODevice, QObject, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from alliance_desktop.charts.palette import SURFACES
from alliance_desktop.gui import resources_rc  # noqa: F401  (registers :/ resources)
from alliance_desktop.gui.common.focus_ring import FocusRings

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtCore import Qt

    from alliance_desktop.gui.common.app_style import AppStyle

THEMES = ("system", "light", "dark")
ACCENT = {"light": "#2f5d8a", "dark": "#7fb0e0"}


def _palette(dark: bool) -> QPalette:
    p = QPalette()
    # Window, base and text come from the charts' palette (the one source of these
    # colours), so charts sit on the app's own surfaces.
    surfaces = SURFACES["dark" if dark else "light"]
    window, base, text = surfaces["window"], surfaces["surface"], surfaces["text"]
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


def system_is_dark(platform_palette: QPalette) -> bool:
    """The system's scheme as QStyleHints reports it; where the platform does not know
    it (``Unknown``), whether the platform's own palette is dark."""
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == QtCore.Qt.ColorScheme.Unknown:
        return palette_is_dark(platform_palette)
    return scheme == QtCore.Qt.ColorScheme.Dark


#: The platform's palette, kept before the first theme replaces it (one per process: a
#: second ThemeManager, as in tests, would otherwise read ours as the platform's).
_platform: list[QPalette] = []


def platform_palette() -> QPalette:
    if not _platform:
        _platform.append(QGuiApplication.palette())  # a copy
    return _platform[0]


def palette_is_dark(palette: QPalette) -> bool:
    """Light text on a darker window: how a platform's palette says "dark"."""
    text = palette.color(QPalette.ColorRole.WindowText).lightness()
    return text > palette.color(QPalette.ColorRole.Window).lightness()


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

    def __init__(self, app: QApplication, choice: str = "system", *, defer_style: bool = False):
        """``defer_style``: the caller has made Fusion the application's style (C++ only,
        no Python class) and calls :meth:`install_app_style` once the first window has
        been painted, before anything with a check box or radio button shows.

        Reading the system's scheme (``QStyleHints.colorScheme``) makes PySide set up
        its whole ``Qt`` namespace (~15 ms). With ``defer_style`` the first window is
        painted from the platform's palette (light or dark, as the platforms Qt
        supports report their scheme in it) and the scheme itself is read with the
        style, after that first paint; a window painted from the wrong guess is
        painted again at once (only where the palette and the scheme disagree)."""
        super().__init__(app)
        self._app = app
        self._choice = choice if choice in THEMES else "system"
        self._style: AppStyle | None = None
        self._platform_palette = platform_palette()
        self._system_dark: bool | None = None  # QStyleHints' answer, once read
        if not defer_style:
            self._system_dark = system_is_dark(self._platform_palette)
            self.install_app_style()
        app.setStyleSheet(_style_sheet())
        # Lists and tables show their focus with a ring of their own (not the sheet).
        self._focus_rings = FocusRings(app, self)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_changed)
        self.apply()

    def install_app_style(self) -> None:
        """Make :class:`AppStyle` the application's style (idempotent). Installed after
        widgets were polished, it polishes every one again: those with indicators get
        the indicator style, the others draw as they did (both are Fusion)."""
        if self._style is not None:
            return
        from alliance_desktop.gui.common.app_style import AppStyle, indicator_style

        if self._system_dark is None:
            self._system_dark = system_is_dark(self._platform_palette)
            if self._choice == "system" and self._system_dark != palette_is_dark(
                self._platform_palette
            ):
                self.apply()

        # Keep a reference: the Python override lives as long as this object does.
        self._style = AppStyle(indicator_style(self._app))
        self._app.setStyle(self._style)

    @property
    def choice(self) -> str:
        return self._choice

    @property
    def is_dark(self) -> bool:
        if self._choice == "system":
            if self._system_dark is None:  # before the first paint (defer_style)
                return palette_is_dark(self._platform_palette)
            return self._system_dark
        return self._choice == "dark"

    def set_choice(self, choice: str) -> None:
        if choice not in THEMES:
            raise ValueError(choice)
        self._choice = choice
        self.apply()

    def _system_changed(self, _scheme: Qt.ColorScheme) -> None:
        self._system_dark = system_is_dark(self._platform_palette)
        if self._choice == "system":
            self.apply()

    def apply(self) -> None:
        dark = self.is_dark
        self._app.setPalette(_palette(dark))
        # Widgets polished under a style sheet keep the palette they were polished with;
        # setting the sheet again repolishes every widget with the new colours.
        self._app.setStyleSheet(self._app.styleSheet())
        self.changed.emit(dark)
