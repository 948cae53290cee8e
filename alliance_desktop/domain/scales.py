"""Rating scales: the therapist's 0-10 dimensions and the client-reported total."""

from __future__ import annotations

from dataclasses import dataclass

from alliance_desktop.i18n import _

RATING_MIN = 0
RATING_MAX = 10


@dataclass(frozen=True)
class ClientRatingScale:
    """The scale of the optional number typed in from a client's form.

    The default follows the convention of four 0-10 analogue lines summed to 0-40,
    with a concern below 36. Both numbers are vault settings.
    """

    maximum: float = 40.0
    threshold: float = 36.0

    def __post_init__(self) -> None:
        if not (1 <= self.maximum <= 1000):
            raise ValueError(_("the client-rating maximum must be between 1 and 1000"))
        if not (0 <= self.threshold <= self.maximum):
            raise ValueError(_("the concern threshold must lie between 0 and the maximum"))

    def is_concern(self, value: float) -> bool:
        return value < self.threshold

    def from_therapist_mean(self, mean_0_10: float) -> float:
        """Put a 0-10 therapist mean on this scale so the two views can be compared."""
        return mean_0_10 / RATING_MAX * self.maximum
