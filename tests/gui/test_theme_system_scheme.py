"""Issue 15, start-up: the "system" theme paints the unlock window from the platform's
palette and reads the system's colour scheme (which sets up PySide's whole Qt
namespace, ~15 ms) only with the application's style, after that first paint. The
window must still come out in the right scheme, and be painted again only when the
first guess was wrong."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from alliance_desktop.gui.common import theme
from alliance_desktop.gui.common.theme import ThemeManager, palette_is_dark


def _window_is_dark() -> bool:
    return palette_is_dark(QGuiApplication.palette())


@pytest.fixture
def app(qapp):
    yield qapp
    ThemeManager(qapp, "light")  # the next test starts from the light palette


@pytest.fixture
def platform(monkeypatch):
    """Pretend the platform's own palette is light or dark."""

    def use(dark: bool) -> None:
        monkeypatch.setattr(theme, "_platform", [theme._palette(dark)])

    return use


def test_our_palettes_read_as_what_they_are():
    assert palette_is_dark(theme._palette(True))
    assert not palette_is_dark(theme._palette(False))


@pytest.mark.parametrize("dark", [False, True])
def test_the_first_paint_follows_a_platform_whose_palette_says_its_scheme(
    app: QApplication, platform, monkeypatch, dark
):
    platform(dark)
    monkeypatch.setattr(theme, "system_is_dark", lambda _palette: dark)
    manager = ThemeManager(app, "system", defer_style=True)
    seen: list[bool] = []
    manager.changed.connect(seen.append)
    assert manager.is_dark is dark and _window_is_dark() is dark  # the first frame
    manager.install_app_style()  # after the first paint: the scheme agrees
    assert manager.is_dark is dark and _window_is_dark() is dark
    assert seen == []  # nothing painted again


def test_a_scheme_the_palette_did_not_show_repaints_once_with_the_style(
    app: QApplication, platform, monkeypatch
):
    platform(False)  # a light platform palette ...
    monkeypatch.setattr(theme, "system_is_dark", lambda _palette: True)  # ... dark scheme
    manager = ThemeManager(app, "system", defer_style=True)
    seen: list[bool] = []
    manager.changed.connect(seen.append)
    assert not _window_is_dark()
    manager.install_app_style()
    assert seen == [True] and manager.is_dark and _window_is_dark()
    manager.install_app_style()  # idempotent: no second repaint
    assert seen == [True]


def test_an_unknown_scheme_falls_back_to_the_platforms_palette(app, platform):
    """Offscreen (as here) the platform does not know its scheme: the palette decides,
    so a dark platform palette gives the dark theme, without deferring too."""
    platform(True)
    assert QGuiApplication.styleHints().colorScheme().name == "Unknown"
    assert ThemeManager(app, "system").is_dark
    platform(False)
    assert not ThemeManager(app, "system").is_dark


def test_a_chosen_theme_ignores_the_platform(app, platform):
    platform(True)
    manager = ThemeManager(app, "light", defer_style=True)
    assert not manager.is_dark and not _window_is_dark()
    manager.install_app_style()
    assert not manager.is_dark and not _window_is_dark()
