"""Rupture markers, grouped by type as in the 3RS; labels are our own words."""

from __future__ import annotations

from alliance_desktop.domain.models import RuptureType

MARKERS: dict[RuptureType, tuple[tuple[str, str], ...]] = {
    RuptureType.WITHDRAWAL: (
        ("denial", "Denies a feeling that seems present"),
        ("minimal_response", "Short, minimal answers"),
        ("abstract_talk", "Talks in abstractions or generalities"),
        ("avoidant_storytelling", "Storytelling or topic shifts that avoid"),
        ("deferential", "Deferential or appeasing"),
        ("content_affect_split", "Words and feeling do not match"),
        ("self_criticism", "Self-criticism or hopelessness"),
    ),
    RuptureType.CONFRONTATION: (
        ("complaint_therapist", "Complains about me"),
        ("complaint_activities", "Complains about the activities"),
        ("complaint_parameters", "Complains about time, fees or setting"),
        ("complaint_progress", "Complains about progress"),
        ("rejects_intervention", "Rejects an intervention"),
        ("defends_against_therapist", "Defends against me"),
        ("controls_therapist", "Tries to control or pressure me"),
    ),
}

MARKER_TYPE: dict[str, RuptureType] = {
    key: rtype for rtype, markers in MARKERS.items() for key, _label in markers
}
MARKER_LABEL: dict[str, str] = {
    key: label for markers in MARKERS.values() for key, label in markers
}
