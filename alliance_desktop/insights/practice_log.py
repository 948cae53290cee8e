"""A trainee's practice log: how often they reflect, with which prompts, and how deeply.

Pure functions over sessions. Every week between the first and the last reflection is
present (with zero where there was none), so a quiet week shows as a gap in the chart
rather than disappearing. Depth is ``estimate_depth`` (Hatton & Smith levels from marker
words): an estimate, labelled as such wherever it is shown, never a grade.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from alliance_desktop.domain.models import Client, Session
from alliance_desktop.insights.reflection_feedback import Depth, estimate_depth


@dataclass(frozen=True)
class DepthPoint:
    """One written reflection: when, with which template, and its estimated depth."""

    date: date
    depth: Depth
    template: str
    words: int
    session_id: int | None = None


@dataclass(frozen=True)
class PracticeWeek:
    week: date  # the Monday that starts the week
    reflections: int
    mean_depth: float | None  # mean of the estimates that week; None when none

    @property
    def label(self) -> str:
        return self.week.isoformat()


@dataclass(frozen=True)
class PracticeLog:
    weeks: tuple[PracticeWeek, ...]
    templates: tuple[tuple[str, int], ...]  # template key and how often, most used first
    depths: tuple[DepthPoint, ...]  # date order

    @property
    def total(self) -> int:
        return len(self.depths)

    @property
    def is_empty(self) -> bool:
        return not self.depths

    def latest_depth(self) -> Depth | None:
        return self.depths[-1].depth if self.depths else None


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
    points: list[DepthPoint] = []
    for s in sessions:
        if practice_only and s.client_id not in practice_ids:
            continue
        if since is not None and s.date < since:
            continue
        text = s.reflection.plain_text()
        if not text.strip():
            continue
        depth, _why = estimate_depth(text)
        points.append(DepthPoint(s.date, depth, s.reflection.template, len(text.split()), s.id))
    points.sort(key=lambda p: (p.date, p.session_id or 0))
    if not points:
        return PracticeLog((), (), ())
    per_week: dict[date, list[DepthPoint]] = {}
    for p in points:
        per_week.setdefault(week_of(p.date), []).append(p)
    weeks: list[PracticeWeek] = []
    week, last = week_of(points[0].date), week_of(points[-1].date)
    while week <= last:
        group = per_week.get(week, [])
        mean = sum(int(p.depth) for p in group) / len(group) if group else None
        weeks.append(PracticeWeek(week, len(group), mean))
        week += timedelta(weeks=1)
    counts = Counter(p.template for p in points)
    templates = tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return PracticeLog(tuple(weeks), templates, tuple(points))


__all__ = ["DepthPoint", "PracticeLog", "PracticeWeek", "practice_log", "week_of"]
