"""Rupture markers, grouped by type as in the 3RS; labels are our own words."""

from __future__ import annotations

from alliance_desktop.domain.models import RuptureType
from alliance_desktop.i18n import N_

MARKERS: dict[RuptureType, tuple[tuple[str, str], ...]] = {
    RuptureType.WITHDRAWAL: (
        ("denial", N_("Denies a feeling that seems present")),
        ("minimal_response", N_("Short, minimal answers")),
        ("abstract_talk", N_("Talks in abstractions or generalities")),
        ("avoidant_storytelling", N_("Storytelling or topic shifts that avoid")),
        ("deferential", N_("Deferential or appeasing")),
        ("content_affect_split", N_("Words and feeling do not match")),
        ("self_criticism", N_("Self-criticism or hopelessness")),
    ),
    RuptureType.CONFRONTATION: (
        ("complaint_therapist", N_("Complains about me")),
        ("complaint_activities", N_("Complains about the activities")),
        ("complaint_parameters", N_("Complains about time, fees or setting")),
        ("complaint_progress", N_("Complains about progress")),
        ("rejects_intervention", N_("Rejects an intervention")),
        ("defends_against_therapist", N_("Defends against me")),
        ("controls_therapist", N_("Tries to control or pressure me")),
    ),
}

MARKER_TYPE: dict[str, RuptureType] = {
    key: rtype for rtype, markers in MARKERS.items() for key, _label in markers
}
MARKER_LABEL: dict[str, str] = {
    key: label for markers in MARKERS.values() for key, label in markers
}
