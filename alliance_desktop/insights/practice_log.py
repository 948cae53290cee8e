"""A trainee's practice log: how often they reflect, with which prompts, and at which level.

Pure functions over sessions. Every week between the first and the last reflection is
present (with zero where there was none), so a quiet week shows as a gap in the chart
rather than disappearing.

The level of each reflection is the one its writer chose on the rubric (and, apart,
the one their supervisor chose), read from the session's reserved tags; the app never
computes one. Levels are ordinal, so a week (or the whole log) is summed up by its
**median** level (the lower median, so it is always one of the four levels), never by
a mean.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from alliance_desktop.domain.models import Client, Session
from alliance_desktop.insights.reflection_feedback import Level, chosen_level


@dataclass(frozen=True)
class LevelPoint:
    """One written reflection: when, with which template, and the levels chosen for it."""

    date: date
    level: Level | None  # the writer's own choice; None when not chosen
    template: str
    words: int
    session_id: int | None = None
    supervisor_level: Level | None = None


def median_level(levels: Iterable[Level | None]) -> Level | None:
    """The lower median of the chosen levels (None when none was chosen)."""
    chosen = sorted(int(v) for v in levels if v is not None)
    return Level(statistics.median_low(chosen)) if chosen else None


@dataclass(frozen=True)
class PracticeWeek:
    week: date  # the Monday that starts the week
    reflections: int
    chosen: int  # reflections that week whose writer chose a level
    median_level: Level | None  # median of the chosen levels; None when none

    @property
    def label(self) -> str:
        return self.week.isoformat()


@dataclass(frozen=True)
class PracticeLog:
    weeks: tuple[PracticeWeek, ...]
    templates: tuple[tuple[str, int], ...]  # template key and how often, most used first
    points: tuple[LevelPoint, ...]  # date order

    @property
    def total(self) -> int:
        return len(self.points)

    @property
    def is_empty(self) -> bool:
        return not self.points

    @property
    def chosen(self) -> int:
        """How many reflections have a level their writer chose."""
        return sum(1 for p in self.points if p.level is not None)

    def median_level(self) -> Level | None:
        return median_level(p.level for p in self.points)

    def supervisor_median_level(self) -> Level | None:
        return median_level(p.supervisor_level for p in self.points)

    def latest_level(self) -> Level | None:
        """The level chosen for the latest reflection that has one."""
        for p in reversed(self.points):
            if p.level is not None:
                return p.level
        return None


def week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def practice_log(
    sessions: Iterable[Session],
    clients: Iterable[Client] = (),
    *,
    practice_only: bool = False,
    since: date | None = None,
) -> PracticeLog:
    """The log over every session with written reflection (or only practice clients')."""
    practice_ids = {c.id for c in clients if c.is_practice}
    points: list[LevelPoint] = []
    for s in sessions:
        if practice_only and s.client_id not in practice_ids:
            continue
        if since is not None and s.date < since:
            continue
        text = s.reflection.plain_text()
        if not text.strip():
            continue
        points.append(
            LevelPoint(
                s.date,
                chosen_level(s.tags, "self"),
                s.reflection.template,
                len(text.split()),
                s.id,
                chosen_level(s.tags, "supervisor"),
            )
        )
    points.sort(key=lambda p: (p.date, p.session_id or 0))
    if not points:
        return PracticeLog((), (), ())
    per_week: dict[date, list[LevelPoint]] = {}
    for p in points:
        per_week.setdefault(week_of(p.date), []).append(p)
    weeks: list[PracticeWeek] = []
    week, last = week_of(points[0].date), week_of(points[-1].date)
    while week <= last:
        group = per_week.get(week, [])
        chosen = sum(1 for p in group if p.level is not None)
        weeks.append(PracticeWeek(week, len(group), chosen, median_level(p.level for p in group)))
        week += timedelta(weeks=1)
    counts = Counter(p.template for p in points)
    templates = tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return PracticeLog(tuple(weeks), templates, tuple(points))


__all__ = [
    "LevelPoint",
    "PracticeLog",
    "PracticeWeek",
    "median_level",
    "practice_log",
    "week_of",
]
