"""Text alternatives for every chart: a name, a description, and the data as a table.

One ``describe_<chart>()`` per builder in this package, taking the same data as the
builder. The GUI's chart view uses the result for the accessible name and description
and for "Show as table"; the supervision packet for alt text and table fallbacks.

This module does not import matplotlib: a screen reader's text is ready before any
figure is drawn. Dates are formatted by the caller (``date_format``; ISO by default,
the GUI passes a QLocale formatter) and so are numbers (``number_format``), so no fixed
English pattern reaches a French or German reader.

A *dip* is a value at least ``DIP_POINTS`` below the median of its series; the
description names the deepest two (with the rupture in that session or the one before
it, when there is one) and gives the range of the other values ("mostly between").
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from alliance_desktop.domain.models import RuptureType
from alliance_desktop.i18n import _, ngettext
from alliance_desktop.insights.alerts import AlertKind
from alliance_desktop.insights.caseload import CASELOAD_SESSIONS
from alliance_desktop.insights.trends import MIN_TREND_VALUES

if TYPE_CHECKING:  # pragma: no cover - the rest is read at call time only
    from alliance_desktop.domain.models import Session
    from alliance_desktop.domain.scales import ClientRatingScale
    from alliance_desktop.domain.settings import OutcomeScale
    from alliance_desktop.domain.strategies import Strategy
    from alliance_desktop.insights.alerts import Alert
    from alliance_desktop.insights.caseload import CaseloadRow
    from alliance_desktop.insights.practice import MonthPoint, RuptureMonth
    from alliance_desktop.insights.practice_log import PracticeLog
    from alliance_desktop.insights.strategy_estimates import StrategyEstimate

DateFormat = Callable[[date], str]
NumberFormat = Callable[[float], str]

#: How far below its series' median a value must be to count as a dip.
DIP_POINTS = 2.0
#: At most this many dips are named in a description.
MAX_DIPS = 2
#: A table cell with no value.
NO_VALUE = "–"


@dataclass(frozen=True)
class ChartText:
    """What a chart shows, in words and as a table of the same data."""

    name: str  # ends in "chart": "Trust and engagement chart"
    description: str  # one or two sentences: n, range, notable dips
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def iso_month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def plain_number(value: float) -> str:
    """A value rounded to one decimal, without a trailing ``.0``."""
    return f"{round(float(value), 1):g}"


@dataclass(frozen=True)
class Dip:
    index: int  # position in the series
    value: float


def find_dips(values: Sequence[float]) -> list[Dip]:
    """Values at least DIP_POINTS below the series' median, deepest first (then earliest)."""
    if len(values) < MIN_TREND_VALUES:
        return []
    median = statistics.median(values)
    dips = [Dip(i, v) for i, v in enumerate(values) if v <= median - DIP_POINTS]
    return sorted(dips, key=lambda d: (d.value, d.index))


def _cell(value: float | None, number_format: NumberFormat) -> str:
    return NO_VALUE if value is None else number_format(value)


def _rupture_word(kind: RuptureType) -> str:
    return (
        _("a withdrawal rupture")
        if kind == RuptureType.WITHDRAWAL
        else _("a confrontation rupture")
    )


def _dimension_label(dim: str) -> str:
    return {
        "trust": _("Trust"),
        "engagement": _("Engagement"),
        "goal_alignment": _("Goal alignment"),
        "approach_fit": _("Approach fit"),
        "client_rating": _("Client's rating"),
        "outcome_rating": _("Outcome"),
    }[dim]


def _series_clause(
    values: Sequence[float],
    when: Sequence[str],
    number_format: NumberFormat,
    cause: Callable[[int], str] | None = None,
) -> str:
    """ "mostly between 6 and 8; a dip to 4 on 2024-10-12 after a withdrawal rupture"."""
    dips = find_dips(values)
    dipped = {d.index for d in dips}
    rest = [v for i, v in enumerate(values) if i not in dipped]
    lo, hi = min(rest), max(rest)
    if lo == hi:
        clause = _("steady at {value}").format(value=number_format(lo))
    elif dips:
        clause = _("mostly between {low} and {high}").format(
            low=number_format(lo), high=number_format(hi)
        )
    else:
        clause = _("between {low} and {high}").format(low=number_format(lo), high=number_format(hi))
    named = []
    for dip in dips[:MAX_DIPS]:
        why = cause(dip.index) if cause else ""
        if why:
            named.append(
                _("a dip to {value} on {date} after {cause}").format(
                    value=number_format(dip.value), date=when[dip.index], cause=why
                )
            )
        else:
            named.append(
                _("a dip to {value} on {date}").format(
                    value=number_format(dip.value), date=when[dip.index]
                )
            )
    if named:
        clause += "; " + _(", and ").join(named)
        more = len(dips) - len(named)
        if more:
            clause += " " + ngettext("(and {n} more)", "(and {n} more)", more).format(n=more)
    return clause


# --- client_trend ---------------------------------------------------------------------


def describe_client_trend(
    sessions: Sequence[Session],
    scale: ClientRatingScale,
    alerts: Iterable[Alert] = (),
    *,
    show_goal: bool = True,
    show_fit: bool = True,
    date_from: date | None = None,
    date_to: date | None = None,
    outcome: OutcomeScale | None = None,
    date_format: DateFormat = date.isoformat,
    number_format: NumberFormat = plain_number,
) -> ChartText:
    """The same data as ``trend.client_trend``: one client's ratings, session by session."""
    del scale, outcome  # the same arguments as the builder; the table shows raw values
    shown = sorted(
        (s for s in sessions
         if (date_from is None or s.date >= date_from) and (date_to is None or s.date <= date_to)),
        key=lambda s: s.date,
    )  # fmt: skip
    dims = ["trust", "engagement"]
    dims += ["goal_alignment"] if show_goal else []
    dims += ["approach_fit"] if show_fit else []
    extra = [
        d
        for d in ("client_rating", "outcome_rating")
        if any(s.rating(d) is not None for s in shown)
    ]
    headers = (
        _("Date"),
        *(_dimension_label(d) for d in dims + extra),
        _("Ruptures"),
        _("Strategies"),
    )
    rows = tuple(
        (
            date_format(s.date),
            *(_cell(s.rating(d), number_format) for d in dims + extra),
            str(len(s.ruptures)),
            str(len(s.strategies)),
        )
        for s in shown
    )
    name = _("Trust and engagement chart")
    trusted = [s for s in shown if s.trust is not None]
    if len(trusted) < MIN_TREND_VALUES:
        description = ngettext(
            "Not enough sessions yet to draw a trend: {have} session with a trust rating, "
            "{need} needed.",
            "Not enough sessions yet to draw a trend: {have} sessions with a trust rating, "
            "{need} needed.",
            len(trusted),
        ).format(have=len(trusted), need=MIN_TREND_VALUES)
        return ChartText(name, description, headers, rows)

    def cause_in(series: list[Session]) -> Callable[[int], str]:
        def cause(i: int) -> str:
            for s in (series[i], series[i - 1] if i > 0 else None):
                if s is not None and s.ruptures:
                    return _rupture_word(s.ruptures[0].type)
            return ""

        return cause

    first = ngettext(
        "Trust over {n} session ({first} to {last}), {clause}.",
        "Trust over {n} sessions ({first} to {last}), {clause}.",
        len(trusted),
    ).format(
        n=len(trusted),
        first=date_format(trusted[0].date),
        last=date_format(trusted[-1].date),
        clause=_series_clause(
            [float(s.trust) for s in trusted if s.trust is not None],
            [date_format(s.date) for s in trusted],
            number_format,
            cause_in(trusted),
        ),
    )
    engaged = [s for s in shown if s.engagement is not None]
    ids = {s.id for s in shown}
    ringed = sum(1 for a in alerts if a.session_id in ids and a.kind != AlertKind.NOT_SEEN)
    ruptures = sum(len(s.ruptures) for s in shown)
    marks = "{}, {}".format(
        ngettext("{n} rupture", "{n} ruptures", ruptures).format(n=ruptures),
        ngettext("{n} alert", "{n} alerts", ringed).format(n=ringed),
    )
    if len(engaged) >= MIN_TREND_VALUES:
        second = _("Engagement {clause}; {marks}.").format(
            clause=_series_clause(
                [float(s.engagement) for s in engaged if s.engagement is not None],
                [date_format(s.date) for s in engaged],
                number_format,
                cause_in(engaged),
            ),
            marks=marks,
        )
    else:
        second = _("{marks}.").format(marks=marks[:1].upper() + marks[1:])
    return ChartText(name, f"{first} {second}", headers, rows)


# --- caseload -------------------------------------------------------------------------


def caseload_column_headers() -> tuple[str, ...]:
    """Column titles for the last sessions, oldest first: "−11" … "−1", "Latest"."""
    return (*(f"−{CASELOAD_SESSIONS - k}" for k in range(1, CASELOAD_SESSIONS)), _("Latest"))


def alert_badge_text(row: CaseloadRow) -> str:
    """The badge of a caseload row in words (the chart draws it as a shape)."""
    if not row.recent_kinds:
        return ""
    if AlertKind.OPEN_RUPTURE in row.recent_kinds:
        return _("Open rupture")
    if AlertKind.DROP in row.recent_kinds:
        return _("Recent drop")
    return _("Other recent alert")


def describe_caseload(
    rows: Sequence[CaseloadRow],
    dimension: str = "trust",
    *,
    scale: ClientRatingScale | None = None,
    number_format: NumberFormat = plain_number,
) -> ChartText:
    """The same data as ``overview.caseload``: each client's last sessions, riskiest first."""
    del scale
    label = _dimension_label(dimension)
    name = _("Caseload {dimension} chart").format(dimension=label.lower())
    headers = (_("Client"), _("Alert"), *caseload_column_headers())
    table = []
    latest: list[tuple[float, str]] = []
    for row in rows:
        sessions = row.last_sessions[-CASELOAD_SESSIONS:]
        cells = [""] * (CASELOAD_SESSIONS - len(sessions))
        cells += [_cell(s.rating(dimension), number_format) for s in sessions]
        table.append((row.client.code, alert_badge_text(row), *cells))
        values = [v for s in sessions if (v := s.rating(dimension)) is not None]
        if values:
            latest.append((values[-1], row.client.code))
    if not rows:
        return ChartText(name, _("No clients yet."), headers, ())
    alerted = sum(1 for r in rows if r.recent_kinds)
    first = ngettext(
        "{n} client by {dimension} over their last {k} sessions, riskiest first; "
        "{alerted} with recent alerts.",
        "{n} clients by {dimension} over their last {k} sessions, riskiest first; "
        "{alerted} with recent alerts.",
        len(rows),
    ).format(n=len(rows), dimension=label.lower(), k=CASELOAD_SESSIONS, alerted=alerted)
    description = first
    if latest:
        low = min(latest, key=lambda p: p[0])
        description += " " + _(
            "Latest {dimension} ranges from {low} to {high}; lowest: {client}."
        ).format(
            dimension=label.lower(),
            low=number_format(low[0]),
            high=number_format(max(v for v, _c in latest)),
            client=low[1],
        )
    return ChartText(name, description, headers, tuple(table))


# --- practice_trend / rupture_timeline ------------------------------------------------


def describe_practice_trend(
    months: Sequence[MonthPoint],
    *,
    month_format: DateFormat = iso_month,
    number_format: NumberFormat = plain_number,
) -> ChartText:
    """The same data as ``practice.practice_trend``: monthly means across the practice."""
    name = _("Practice alliance by month chart")
    headers = (_("Month"), _("Sessions"), _("Mean trust"), _("Mean engagement"))
    rows = tuple(
        (month_format(m.month), str(m.sessions), _cell(m.trust, number_format),
         _cell(m.engagement, number_format))
        for m in months
    )  # fmt: skip
    rated = [m for m in months if m.trust is not None]
    if len(rated) < 2:
        return ChartText(name, _("Not enough history yet: this needs two months with rated sessions."), headers, rows)  # fmt: skip
    total = sum(m.sessions for m in months)
    first = ngettext(
        "Mean trust over {n} month ({first} to {last}, {total} sessions), {clause}.",
        "Mean trust over {n} months ({first} to {last}, {total} sessions), {clause}.",
        len(rated),
    ).format(
        n=len(rated),
        first=month_format(rated[0].month),
        last=month_format(rated[-1].month),
        total=total,
        clause=_series_clause(
            [float(m.trust) for m in rated if m.trust is not None],
            [month_format(m.month) for m in rated],
            number_format,
        ),
    )
    engaged = [float(m.engagement) for m in months if m.engagement is not None]
    if engaged:
        first += " " + _("Mean engagement between {low} and {high}.").format(
            low=number_format(min(engaged)), high=number_format(max(engaged))
        )
    return ChartText(name, first, headers, rows)


def describe_rupture_timeline(
    months: Sequence[RuptureMonth],
    *,
    month_format: DateFormat = iso_month,
    number_format: NumberFormat = plain_number,
) -> ChartText:
    """The same data as ``practice.rupture_timeline``: ruptures per month by type."""
    name = _("Ruptures by month chart")
    headers = (_("Month"), _("Withdrawal"), _("Confrontation"), _("Resolved"), _("Share resolved"))
    rows = tuple(
        (month_format(m.month), str(m.withdrawal), str(m.confrontation), str(m.resolved),
         NO_VALUE if m.share_resolved is None else f"{round(m.share_resolved * 100):d} %")
        for m in months
    )  # fmt: skip
    total = sum(m.total for m in months)
    if not total:
        return ChartText(name, _("No ruptures recorded yet."), headers, rows)
    withdrawal = sum(m.withdrawal for m in months)
    resolved = sum(m.resolved for m in months)
    peak = max(months, key=lambda m: m.total)
    description = ngettext(
        "{n} rupture over {months} months ({withdrawal} withdrawal, {confrontation} "
        "confrontation), {resolved} resolved.",
        "{n} ruptures over {months} months ({withdrawal} withdrawal, {confrontation} "
        "confrontation), {resolved} resolved.",
        total,
    ).format(n=total, months=len(months), withdrawal=withdrawal,
             confrontation=total - withdrawal, resolved=resolved)  # fmt: skip
    description += " " + _("The most in {month}: {n}.").format(
        month=month_format(peak.month), n=peak.total
    )
    return ChartText(name, description, headers, rows)


# --- strategy_outcomes ----------------------------------------------------------------


def describe_strategy_outcomes(
    estimates: Sequence[StrategyEstimate],
    *,
    catalogue: Mapping[str, Strategy] | None = None,
    number_format: NumberFormat = plain_number,
) -> ChartText:
    """The same data as ``outcomes.strategy_outcomes``: what followed each strategy."""
    from alliance_desktop.insights.strategy_estimates import OUTCOME_DIMENSIONS

    cat = catalogue or {}

    def label(key: str) -> str:
        s = cat.get(key)
        return s.shown_label if s else key.replace("_", " ").capitalize()

    def signed(v: float | None) -> str:
        if v is None:
            return NO_VALUE
        text = number_format(v)
        return text if v < 0 or text.startswith(("-", "−")) else "+" + text

    name = _("Strategy outcomes chart")
    headers = (_("Strategy"), _("Rating"), _("Change"), _("95% interval from"),
               _("95% interval to"), _("Uses"), _("Clients"))  # fmt: skip
    ordered = sorted(estimates, key=lambda e: (e.strategy, OUTCOME_DIMENSIONS.index(e.dimension)
                                               if e.dimension in OUTCOME_DIMENSIONS else 99))  # fmt: skip
    rows = tuple(
        (label(e.strategy), _dimension_label(e.dimension),
         signed(e.estimate if e.shown else None), signed(e.ci_low if e.shown else None),
         signed(e.ci_high if e.shown else None), str(e.uses), str(e.clients))
        for e in ordered
    )  # fmt: skip
    keys = sorted({e.strategy for e in estimates})
    if not keys:
        return ChartText(name, _("Nothing to show yet."), headers, rows)
    shown = [e for e in estimates if e.shown and e.estimate is not None]
    description = ngettext(
        "The change in trust and engagement to the next session after {n} strategy, "
        "beyond regression to the mean (an association, not proof).",
        "The change in trust and engagement to the next session after {n} strategies, "
        "beyond regression to the mean (an association, not proof).",
        len(keys),
    ).format(n=len(keys))
    if shown:
        values = [e.estimate for e in shown if e.estimate is not None]
        description += " " + ngettext(
            "{k} estimate, from {low} to {high}",
            "{k} estimates, from {low} to {high}",
            len(shown),
        ).format(k=len(shown), low=signed(min(values)), high=signed(max(values)))
        waiting = len(keys) - len({e.strategy for e in shown})
        if waiting:
            description += "; " + ngettext(
                "{m} strategy not enough yet.", "{m} strategies not enough yet.", waiting
            ).format(m=waiting)
        else:
            description += "."
    else:
        description += " " + _("No strategy has enough uses yet for an estimate.")
    return ChartText(name, description, headers, rows)


# --- perspective_gap ------------------------------------------------------------------


def describe_perspective_gap(
    sessions: Sequence[Session],
    scale: ClientRatingScale,
    *,
    monthly: bool | None = None,
    date_format: DateFormat = date.isoformat,
    number_format: NumberFormat = plain_number,
) -> ChartText:
    """The same data as ``perspective.perspective_gap``: your view beside the client's."""
    from alliance_desktop.insights.practice import perspective_series

    if monthly is None:
        monthly = len({s.client_id for s in sessions}) > 1
    points = perspective_series(sessions, scale, monthly=monthly)
    fmt = iso_month if monthly and date_format is date.isoformat else date_format
    name = _("Your view and the client's view chart")
    headers = (_("Month") if monthly else _("Date"), _("Your ratings, scaled"),
               _("Client's rating"), _("Difference"))  # fmt: skip
    rows = tuple(
        (fmt(p.date), number_format(p.therapist), number_format(p.client),
         number_format(p.therapist - p.client))
        for p in points
    )  # fmt: skip
    if len(points) < 2:
        return ChartText(name, _("Not enough to compare yet: this needs two sessions with both your ratings and a client rating."), headers, rows)  # fmt: skip
    higher = [p.therapist - p.client for p in points if p.therapist > p.client]
    text = (
        ngettext("Your ratings and the client's over {n} month, on the client's 0–{max} scale.",
                 "Your ratings and the client's over {n} months, on the client's 0–{max} scale.",
                 len(points))
        if monthly
        else ngettext("Your ratings and the client's over {n} session, on the client's 0–{max} scale.",
                      "Your ratings and the client's over {n} sessions, on the client's 0–{max} scale.",
                      len(points))
    ).format(n=len(points), max=number_format(scale.maximum))  # fmt: skip
    if higher:
        text += " " + _("You saw it as better in {k} of {n}, by up to {gap}.").format(
            k=len(higher), n=len(points), gap=number_format(max(higher))
        )
    else:
        text += " " + _("You never saw it as better than the client did.")
    return ChartText(name, text, headers, rows)


# --- practice_log ---------------------------------------------------------------------


def describe_practice_log(
    log: PracticeLog,
    *,
    template_names: Mapping[str, str] | None = None,
    date_format: DateFormat = date.isoformat,
) -> ChartText:
    """The same data as ``practice_log.practice_log_chart``: reflections by week."""
    from alliance_desktop.insights.reflection_feedback import RUBRIC_BY_LEVEL

    del template_names  # the templates are in the description's last clause only by count
    name = _("Practice log chart")
    headers = (_("Week of"), _("Reflections"), _("Levels chosen"), _("Median level"))
    rows = tuple(
        (date_format(w.week), str(w.reflections), str(w.chosen),
         RUBRIC_BY_LEVEL[w.median_level].name if w.median_level is not None else NO_VALUE)
        for w in log.weeks
    )  # fmt: skip
    if log.is_empty:
        return ChartText(name, _("No written reflections yet."), headers, rows)
    most = max(w.reflections for w in log.weeks) if log.weeks else 0
    chosen = sum(1 for p in log.points if p.level is not None)
    text = ngettext(
        "{n} reflection over {weeks} weeks, up to {most} a week; a level chosen for {chosen}.",
        "{n} reflections over {weeks} weeks, up to {most} a week; a level chosen for {chosen}.",
        log.total,
    ).format(n=log.total, weeks=len(log.weeks), most=most, chosen=chosen)
    if log.templates:
        text += " " + ngettext("{k} prompt set used.", "{k} prompt sets used.",
                               len(log.templates)).format(k=len(log.templates))  # fmt: skip
    return ChartText(name, text, headers, rows)


__all__ = [
    "DIP_POINTS",
    "NO_VALUE",
    "ChartText",
    "alert_badge_text",
    "caseload_column_headers",
    "describe_caseload",
    "describe_client_trend",
    "describe_perspective_gap",
    "describe_practice_log",
    "describe_practice_trend",
    "describe_rupture_timeline",
    "describe_strategy_outcomes",
    "find_dips",
    "iso_month",
    "plain_number",
]
