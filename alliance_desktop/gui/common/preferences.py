"""Harmless per-computer preferences kept in QSettings.

Only these keys are ever written: auto-lock minutes, theme, backup folder, the daily
reminder (on or off, and its time of day), the interface language and the main
window's geometry. Nothing about clients, sessions, the vault's contents or the
passphrase belongs here: QSettings is a plain file (or registry key) that anyone with
access to the account can read.
The vault's own settings (client-rating scale) live inside the vault.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from alliance_desktop.gui.common.theme import THEMES
from alliance_desktop.i18n import LANGUAGES

ORGANIZATION = "AllianceDesktop"
APPLICATION = "Alliance Desktop"

AUTO_LOCK_MIN, AUTO_LOCK_MAX, AUTO_LOCK_DEFAULT = 1, 60, 5
DEFAULTS: dict[str, Any] = {
    "auto_lock_minutes": AUTO_LOCK_DEFAULT,
    "theme": "system",
    "backup_folder": "",
    "reminder_enabled": False,
    "reminder_time": "17:30",
    "backup_keep": 10,
    # "system" (LANGUAGE/LANG, or ALLIANCE_LANG) or a code of i18n.LANGUAGES.
    "language": "system",
}
BACKUP_KEEP_MIN, BACKUP_KEEP_MAX = 1, 100


def _flag(value: Any) -> bool:
    """QSettings' ini backend reads booleans back as the strings "true" and "false"."""
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes", "on")
    return bool(value)


def _clock(value: Any) -> str:
    """A time of day as "HH:MM" (24-hour), or the default when it is not one."""
    try:
        hours, minutes = (int(part) for part in str(value).split(":"))
    except ValueError:
        return DEFAULTS["reminder_time"]
    if not (0 <= hours < 24 and 0 <= minutes < 60):
        return DEFAULTS["reminder_time"]
    return f"{hours:02d}:{minutes:02d}"


def _whole(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def clamp_prefs(values: dict[str, Any]) -> dict[str, Any]:
    """Defaults for missing keys, ranges enforced, unknown keys dropped."""
    merged = {**DEFAULTS, **{k: v for k, v in values.items() if k in DEFAULTS}}
    try:
        minutes = int(merged["auto_lock_minutes"])
    except (TypeError, ValueError):
        minutes = AUTO_LOCK_DEFAULT
    theme = str(merged["theme"])
    language = str(merged["language"])
    return {
        "auto_lock_minutes": max(AUTO_LOCK_MIN, min(AUTO_LOCK_MAX, minutes)),
        "theme": theme if theme in THEMES else "system",
        "backup_folder": str(merged["backup_folder"] or ""),
        "reminder_enabled": _flag(merged["reminder_enabled"]),
        "reminder_time": _clock(merged["reminder_time"]),
        "backup_keep": max(
            BACKUP_KEEP_MIN, min(BACKUP_KEEP_MAX, _whole(merged["backup_keep"], 10))
        ),
        "language": language if language in LANGUAGES else "system",
    }


class Preferences:
    """Typed access to the harmless keys; out-of-range values read back clamped.

    Pass a QSettings to use another store (tests use an ini file in a temp folder).
    """

    def __init__(self, settings: QSettings | None = None):
        self._settings = settings or QSettings(ORGANIZATION, APPLICATION)

    def get(self) -> dict[str, Any]:
        raw = {key: self._settings.value(key, default) for key, default in DEFAULTS.items()}
        return clamp_prefs(raw)

    def set(self, values: dict[str, Any]) -> dict[str, Any]:
        """Store the known keys (clamped) and return what was stored."""
        clean = clamp_prefs({**self.get(), **values})
        for key, value in clean.items():
            self._settings.setValue(key, value)
        self._settings.sync()
        return clean

    @property
    def auto_lock_minutes(self) -> int:
        return self.get()["auto_lock_minutes"]

    @property
    def theme(self) -> str:
        return self.get()["theme"]

    @property
    def language(self) -> str:
        """The language chosen: "system" or the code of a catalogue."""
        return self.get()["language"]

    @property
    def backup_folder(self) -> str:
        return self.get()["backup_folder"]

    @property
    def backup_keep(self) -> int:
        return self.get()["backup_keep"]

    @property
    def reminder_enabled(self) -> bool:
        return self.get()["reminder_enabled"]

    @property
    def reminder_time(self) -> str:
        """ "HH:MM"; the reminder's text never names a client, so the time is harmless."""
        return self.get()["reminder_time"]

    @property
    def window_geometry(self) -> bytes:
        """Where the main window was: harmless, and restoring it is what users expect."""
        value = self._settings.value("window/geometry")
        return bytes(value) if value else b""

    @window_geometry.setter
    def window_geometry(self, value: bytes) -> None:
        self._settings.setValue("window/geometry", QByteArray(value))
        self._settings.sync()
