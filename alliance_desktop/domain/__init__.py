"""Domain objects, validation and catalogues: pure Python, no I/O, no Qt."""

from alliance_desktop.domain.errors import Problem, ValidationError
from alliance_desktop.domain.models import (
    DIMENSIONS,
    REQUIRED_DIMENSIONS,
    Client,
    ClientStatus,
    Modality,
    Reflection,
    Resolution,
    Rupture,
    RuptureType,
    Session,
)
from alliance_desktop.domain.scales import ClientRatingScale

__all__ = [
    "DIMENSIONS",
    "REQUIRED_DIMENSIONS",
    "Client",
    "ClientRatingScale",
    "ClientStatus",
    "Modality",
    "Problem",
    "Reflection",
    "Resolution",
    "Rupture",
    "RuptureType",
    "Session",
    "ValidationError",
]
