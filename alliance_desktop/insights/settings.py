"""The thresholds behind every trend and alert.

They are part of the vault's settings, so they are defined (and validated) with the
rest in :mod:`alliance_desktop.domain.settings`; this module names them for the rules.
"""

from __future__ import annotations

from alliance_desktop.domain.settings import SETTINGS_PREFIX, InsightSettings

DEFAULT_SETTINGS = InsightSettings()

__all__ = ["DEFAULT_SETTINGS", "SETTINGS_PREFIX", "InsightSettings"]
