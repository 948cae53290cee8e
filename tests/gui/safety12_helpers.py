"""Shared parts of the SAFETY-12b journeys: a real vault, the controller, and a way to
answer the modal dialogs the actions open."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from alliance_desktop.domain import Client, Modality, Session
from alliance_desktop.domain.models import Reflection
from alliance_desktop.gui.common.preferences import Preferences
from alliance_desktop.gui.common.theme import ThemeManager
from alliance_desktop.gui.shell.controller import AppController
from alliance_desktop.vault import Vault

PASS = "safety net twelve passphrase"
CODE = "Wren 12"


def make_vault(path: Path, passphrase: str = PASS, code: str = CODE, sessions: int = 2) -> None:
    with Vault.create(path, passphrase) as v:
        wren = v.save_client(Client(code, goals="Sleep"))
        for i in range(sessions):
            v.save_session(
                Session(
                    wren.id,
                    date(2026, 3, 2 + 7 * i),
                    trust=7,
                    engagement=6,
                    duration_min=50,
                    modality=Modality.VIDEO,
                    reflection=Reflection(
                        "free", {"text": f"Session {i + 1}: he arrived late and sat by the door"}
                    ),
                )
            )


def make_controller(tmp_path: Path, path: Path, theme_name: str = "light"):
    app = QApplication.instance()
    prefs = Preferences(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
    prefs.set({"backup_folder": str(tmp_path / "backups")})
    theme = ThemeManager(app, theme_name)
    return AppController(app, path, prefs, theme), theme


def when_modal(
    handle: Callable[[QWidget], None], accept: Callable[[QWidget], bool] | None = None
) -> list[str]:
    """Call ``handle`` with the next modal widget (``accept`` picks which) once shown."""
    seen: list[str] = []

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if widget is not None and widget.isVisible() and (accept is None or accept(widget)):
            seen.append(widget.objectName() or type(widget).__name__)
            handle(widget)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def answer_box(button: QMessageBox.StandardButton, texts: list[str] | None = None):
    """Answer the next QMessageBox with ``button``, keeping its text in ``texts``."""

    def handle(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        if texts is not None:
            texts.append(box.text())
        box.button(button).click()

    return when_modal(handle, lambda w: isinstance(w, QMessageBox))
