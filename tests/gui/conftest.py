"""Fixtures for the GUI tests: the app controller opened straight into a demo vault."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication
from support import DEMO_PASSPHRASE

from alliance_desktop.gui.common.preferences import Preferences
from alliance_desktop.gui.common.theme import ThemeManager
from alliance_desktop.gui.shell.controller import AppController
from alliance_desktop.vault import Vault
from alliance_desktop.vault.demo import create_demo_vault


@pytest.fixture(autouse=True)
def _the_apps_translators(qapp: QApplication) -> None:
    """Qt's tr() answered from the catalogue, as the app's start installs it: the English
    forms of Qt plurals ("%n session(s)") live there. A test that switched language
    (tests/i18n) gets English back."""
    from alliance_desktop import i18n
    from alliance_desktop.gui.common.translator import install_translators

    if not _installed_for(qapp) or i18n.current_language() != "en":
        install_translators(qapp, "en")
        _ready.append(qapp)


_ready: list[QApplication] = []


def _installed_for(app: QApplication) -> bool:
    return any(a is app for a in _ready)


@pytest.fixture(scope="module")
def demo_seed() -> int:
    """The demo caseload a module's tests share; a module may override it."""
    return 5


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory, demo_seed: int) -> Path:
    """One demo vault for the module; each test opens its own copy."""
    path = tmp_path_factory.mktemp("demo") / "demo.alliance"
    create_demo_vault(path, DEMO_PASSPHRASE, seed=demo_seed).close()
    return path


@pytest.fixture(scope="session")
def stall_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 200 × 100 demo vault (20,000 sessions, seed 15) the no-stall modules (issue
    15) measure on, built once a run (~1.2 s); never opened itself: see ``stall_demo``."""
    path = tmp_path_factory.mktemp("stall_master") / "demo.alliance"
    create_demo_vault(path, DEMO_PASSPHRASE, clients=200, sessions=100, seed=15).close()
    return path


@pytest.fixture(scope="module")
def stall_demo(stall_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A module's own copy of ``stall_master`` (what one module writes, the next never sees)."""
    path = tmp_path_factory.mktemp("demo200") / "demo.alliance"
    shutil.copyfile(stall_master, path)
    return path


OpenDemo = Callable[..., AppController]


@pytest.fixture
def open_demo(tmp_path: Path, qtbot, demo_file: Path) -> Iterator[OpenDemo]:
    """Opens a copy of the demo vault in a real controller and main window.

    ``size`` resizes the window (None keeps the controller's own first size),
    ``refresh`` computes the insights at once, ``shown`` shows the window and waits
    until it is exposed. Every controller made is disposed of afterwards, and its
    windows really deleted: leftovers would slow every later style repolish.
    """
    made: list[tuple[AppController, ThemeManager]] = []

    def open_(
        *, size: tuple[int, int] | None = (1200, 800), refresh: bool = True, shown: bool = False
    ) -> AppController:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        prefs = Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
        theme = ThemeManager(app, "light")
        path = tmp_path / "demo.alliance"
        shutil.copyfile(demo_file, path)
        ctl = AppController(app, path, prefs, theme)
        made.append((ctl, theme))
        ctl.start(Vault.open(path, DEMO_PASSPHRASE))
        assert ctl.window is not None
        if size is not None:
            ctl.window.resize(*size)
        if refresh:
            ctl.window.insights.refreshNow()
        if shown:
            ctl.window.show()
            qtbot.waitExposed(ctl.window)
        return ctl

    yield open_
    for ctl, theme in made:
        ctl.dispose()
        theme.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


ControllerFor = Callable[[Path], AppController]


@pytest.fixture
def controller_for(tmp_path: Path, qtbot) -> Iterator[ControllerFor]:
    """Makes a real controller (not started) for the vault at a path, with its own
    preferences file and a backup folder under ``tmp_path``, in the light theme. Every
    controller made is disposed of afterwards."""
    made: list[tuple[AppController, ThemeManager]] = []

    def make(path: Path) -> AppController:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        prefs = Preferences(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
        prefs.set({"backup_folder": str(tmp_path / "backups")})
        theme = ThemeManager(app, "light")
        ctl = AppController(app, path, prefs, theme)
        made.append((ctl, theme))
        return ctl

    yield make
    for ctl, theme in made:
        ctl.dispose()
        theme.deleteLater()


@pytest.fixture
def app_ctl(open_demo: OpenDemo) -> AppController:
    """The demo vault open in a 1200×800 window with its insights computed."""
    return open_demo()
