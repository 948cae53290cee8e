"""The thresholds behind every trend and alert, as one value the vault can store.

Each number is a judgement call a therapist may reasonably want to change (a stricter
drop, a longer slope window), so none of them is hard-coded in the rules themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

#: Vault settings keys are this prefix plus the field name, e.g. ``insights.drop_points``.
SETTINGS_PREFIX = "insights."


@dataclass(frozen=True)
class InsightSettings:
    """Thresholds for trends and alerts; the defaults are the product's documented ones."""

    drop_points: float = 2.0  # a drop is at least this far below the recent mean
    drop_window: int = 3  # ... of this many previous values of the same dimension
    rolling_window: int = 3  # the trend's rolling mean covers this many recorded values
    slope_window: int = 6  # slopes use at most this many of the latest recorded values
    disengaging_slope: float = -0.5  # engagement falling this fast per session, or faster
    gap_fraction: float = 0.2  # therapist minus client, as a share of the client scale
    recent_window: int = 3  # alerts on a client's last this-many sessions are recent

    def __post_init__(self) -> None:
        for name in ("drop_window", "rolling_window", "recent_window"):
            if int(getattr(self, name)) < 1:
                raise ValueError(f"{name} must be at least 1")
        if self.slope_window < 3:
            raise ValueError("slope_window must be at least 3")
        if self.drop_points <= 0:
            raise ValueError("drop_points must be above 0")
        if self.disengaging_slope >= 0:
            raise ValueError("disengaging_slope must be below 0")
        if not 0 < self.gap_fraction <= 1:
            raise ValueError("gap_fraction must lie between 0 and 1")

    def to_settings(self) -> dict[str, Any]:
        """Key/value pairs for ``Vault.set_settings``."""
        return {SETTINGS_PREFIX + k: v for k, v in asdict(self).items()}

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> InsightSettings:
        """Read stored values, keeping the default for anything missing.

        A stored value of the wrong type raises ValueError rather than being guessed at.
        """
        changes: dict[str, Any] = {}
        for f in fields(cls):
            key = SETTINGS_PREFIX + f.name
            if key in settings and settings[key] is not None:
                cast = int if f.type in ("int", int) else float
                try:
                    changes[f.name] = cast(settings[key])
                except (TypeError, ValueError) as exc:
                    raise ValueError(f"setting {key} is not a number: {settings[key]!r}") from exc
        return replace(cls(), **changes)


DEFAULT_SETTINGS = InsightSettings()
