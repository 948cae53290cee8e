"""The packet's per-client chart, drawn directly as PDF vectors.

The same reading as ``charts.trend.client_trend`` for a page: trust and engagement
(bold), goal alignment and approach fit (thin) on the 0-10 scale, the client's own
rating (dashed) on its scale at the right with the concern threshold, ruptures in the
band above (filled once repaired, hollow while open), rings on the sessions an alert
names, and the outcome rating in a panel below with its clinical cutoff. Time runs by
session date; the axis counts weeks from the client's first session unless the packet
shows calendar dates (then months, in the packet's language).

Why not matplotlib here: a packet has one of these per client, and building and
drawing a matplotlib figure costs about 0.1-0.3 s each, which alone would spend the
15-second budget of a 200-client packet. This drawer needs a few milliseconds; the
packet's three shared charts still come from ``alliance_desktop.charts``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from alliance_desktop.charts.theme import LIGHT
from alliance_desktop.domain.models import Resolution, RuptureType, Session
from alliance_desktop.domain.scales import ClientRatingScale
from alliance_desktop.domain.settings import OutcomeScale
from alliance_desktop.i18n import _, format_number
from alliance_desktop.insights.alerts import Alert, AlertKind
from alliance_desktop.insights.trends import MIN_TREND_VALUES
from alliance_desktop.reports.pdf.fonts import load_face
from alliance_desktop.reports.pdf.writer import Canvas, hex_color

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.charts.text import ChartText

_STEPS = (1, 2, 4, 8, 13, 26, 52, 104)
_DIMS = ("trust", "engagement", "goal_alignment", "approach_fit")


def _labels() -> dict[str, str]:
    return {
        "trust": _("Trust"),
        "engagement": _("Engagement"),
        "goal_alignment": _("Goal alignment"),
        "approach_fit": _("Approach fit"),
    }


@dataclass(frozen=True)
class ClientChart:
    """What one client's chart draws; ``draw`` paints it into a box on a page."""

    title: str
    sessions: tuple[Session, ...]  # in range, by date
    scale: ClientRatingScale
    outcome: OutcomeScale
    alerts: tuple[Alert, ...]
    first: date | None  # the client's first session: week 1
    absolute_dates: bool
    month_label: Callable[[date], str] = date.isoformat
    date_label: Callable[[date], str] = date.isoformat  # how the text names a session

    def text(self) -> ChartText:
        from alliance_desktop.charts.text import describe_client_trend

        text = describe_client_trend(self.sessions, self.scale, self.alerts, outcome=self.outcome,
                                     date_format=self.date_label, number_format=format_number)  # fmt: skip
        return text

    # The calls a screen preview makes on a figure, so it may treat the chart as one.
    def get_size_inches(self) -> tuple[float, float]:
        return 9.0, 9.0 * self.aspect

    def savefig(self, *args: Any, **kwargs: Any) -> None:
        fig = self.figure()
        try:
            fig.savefig(*args, **kwargs)
        finally:
            fig.clear()

    def clear(self) -> None:
        return None  # nothing is held

    def figure(self) -> Any:
        """The same chart from ``charts.trend`` as a matplotlib figure (for a preview)."""
        from alliance_desktop.charts.relative import label_weeks
        from alliance_desktop.charts.trend import client_trend

        fig = client_trend(self.sessions, self.scale, self.alerts, title=self.title,
                           outcome=self.outcome)  # fmt: skip
        if not self.absolute_dates and self.first is not None:
            label_weeks(fig, self.first)
        return fig

    @property
    def has_trend(self) -> bool:
        return sum(s.trust is not None for s in self.sessions) >= MIN_TREND_VALUES

    @property
    def has_outcome(self) -> bool:
        return self.has_trend and any(s.outcome_rating is not None for s in self.sessions)

    @property
    def aspect(self) -> float:
        return 0.56 if self.has_outcome else 0.42 if self.has_trend else 0.16

    def draw(self, canvas: Canvas, x: float, y: float, w: float, h: float) -> None:
        ink, muted, grid = hex_color(LIGHT.text), hex_color(LIGHT.muted), hex_color(LIGHT.grid)
        sans = load_face("sans")
        canvas.text(x, y + 11, self.title, "sans-bold", 10, ink)
        if not self.has_trend:
            have = sum(s.trust is not None for s in self.sessions)
            msg = _("Not enough sessions to draw a trend: it needs {n} with a trust rating, "
                    "and the period has {have}.").format(n=MIN_TREND_VALUES, have=have)  # fmt: skip
            canvas.text(x, y + 30, msg, "sans", 8.5, muted)
            return
        # Key row.
        kx, ky = x, y + 26
        rated = [s for s in self.sessions if s.client_rating is not None]
        key: list[tuple[str, str, float, str]] = [
            (_labels()[d], getattr(LIGHT, d), 2.0 if d in ("trust", "engagement") else 0.9, "")
            for d in _DIMS
        ]
        if rated:
            key.append((_("Client's rating"), LIGHT.client_rating, 1.1, "3 1.5"))
            key.append((_("Concern threshold ({value})").format(
                value=format_number(self.scale.threshold)), LIGHT.alert, 0.8, "3 1 1 1"))  # fmt: skip
        for label, colour, width, dash in key:
            lw = sans.width(label, 7.5)
            if kx + 16 + lw > x + w:
                kx, ky = x, ky + 10
            canvas.line(kx, ky - 2.5, kx + 12, ky - 2.5, width, hex_color(colour), dash)
            canvas.text(kx + 15, ky, label, "sans", 7.5, ink)
            kx += 15 + lw + 9
        marks = [(_("Withdrawal"), "v"), (_("Confrontation"), "D")]
        for label, sym in marks:
            lw = sans.width(label, 7.5)
            if kx + 12 + lw > x + w:
                kx, ky = x, ky + 10
            canvas.marker(sym, kx + 4, ky - 2.5, 3, hex_color(LIGHT.alert))
            canvas.text(kx + 10, ky, label, "sans", 7.5, ink)
            kx += 10 + lw + 9
        note = _("hollow: not repaired yet")
        canvas.text(kx, ky, note, "sans", 7.5, muted)

        left, right = x + 26, x + w - (30 if rated else 6)
        top = ky + 10
        outcome_h = 62.0 if self.has_outcome else 0.0
        bottom = y + h - 26 - outcome_h - (12 if outcome_h else 0)
        xs = self._xs(left + 6, right - 6)
        lo, hi = -1.0, 11.4  # ruptures sit in the band above 10

        def sy(v: float) -> float:
            return bottom - (v - lo) / (hi - lo) * (bottom - top)

        for v in range(0, 11, 2):
            canvas.line(left, sy(v), right, sy(v), 0.4, grid)
            label = str(v)
            canvas.text(left - 4 - sans.width(label, 7), sy(v) + 2.5, label, "sans", 7, ink)
        canvas.line(left, top, left, bottom, 0.5, grid)
        canvas.text(x + 8, (top + bottom) / 2 + 32, _("Your rating (0–10)"), "sans", 7, muted,
                    angle=90)  # fmt: skip
        if rated:
            mx = self.scale.maximum

            def sr(v: float) -> float:
                return sy(v / mx * 10)

            canvas.line(right, top, right, bottom, 0.5, grid)
            for tick in (0.0, mx / 2, mx):
                canvas.text(right + 3, sr(tick) + 2.5, format_number(tick), "sans", 7, ink)
            canvas.line(left, sr(self.scale.threshold), right, sr(self.scale.threshold), 0.8,
                        hex_color(LIGHT.alert), "3 1 1 1")  # fmt: skip
            pts = [(xs[i], sr(float(s.client_rating))) for i, s in enumerate(self.sessions)
                   if s.client_rating is not None]  # fmt: skip
            canvas.polyline(pts, 1.1, hex_color(LIGHT.client_rating), "3 1.5")
            canvas.text(x + w - 2, (top + bottom) / 2 + 30, _("Client's rating (0–{max})").format(
                max=format_number(mx)), "sans", 7, muted, angle=90)  # fmt: skip
        for dim in reversed(_DIMS):
            bold = dim in ("trust", "engagement")
            pts = [(xs[i], sy(float(v))) for i, s in enumerate(self.sessions)
                   if (v := getattr(s, dim)) is not None]  # fmt: skip
            rgb = hex_color(getattr(LIGHT, dim))
            canvas.polyline(pts, 1.9 if bold else 0.8, rgb)
            if bold and len(pts) <= 60:
                for px, py in pts:
                    canvas.marker("o", px, py, 1.5, rgb)
        alerted = {a.session_id for a in self.alerts if a.kind != AlertKind.NOT_SEEN}
        for i, s in enumerate(self.sessions):
            if s.id in alerted and s.trust is not None:
                canvas.marker("o", xs[i], sy(float(s.trust)), 4.2, hex_color(LIGHT.alert),
                              filled=False)  # fmt: skip
            for r in s.ruptures:
                sym = "v" if r.type == RuptureType.WITHDRAWAL else "D"
                done = Resolution(r.resolution) == Resolution.YES or r.resolved_on is not None
                canvas.marker(sym, xs[i], sy(10.8), 3, hex_color(LIGHT.alert), filled=done)
        self._x_axis(canvas, xs, left, right, bottom, ink, muted, grid, outcome_h == 0,
                     numbers=outcome_h == 0)  # the panel below numbers the weeks  # fmt: skip
        if outcome_h:
            self._outcome(canvas, xs, left, right, bottom + 12, bottom + 12 + outcome_h,
                          ink, muted, grid)  # fmt: skip

    def _xs(self, left: float, right: float) -> list[float]:
        days = [s.date.toordinal() for s in self.sessions]
        lo, hi = days[0], days[-1]
        span = max(1, hi - lo)
        return [left + (d - lo) / span * (right - left) for d in days]

    def _x_axis(self, canvas: Canvas, xs: list[float], left: float, right: float,
                bottom: float, ink: tuple[float, float, float], muted: tuple[float, float, float],
                grid: tuple[float, float, float], label: bool,
                numbers: bool = True) -> None:  # fmt: skip
        sans = load_face("sans")
        canvas.line(left, bottom, right, bottom, 0.5, grid)
        ticks = self._ticks(xs) if numbers else []
        last_end = -1e9
        for tx, text in ticks:
            tw = sans.width(text, 7)
            if tx - tw / 2 < last_end + 4:
                continue
            canvas.line(tx, bottom, tx, bottom + 2.5, 0.5, grid)
            canvas.text(tx - tw / 2, bottom + 10, text, "sans", 7, ink)
            last_end = tx + tw / 2
        if label:
            words = (_("Month") if self.absolute_dates
                     else _("Week (week 1 begins with the first session)"))  # fmt: skip
            canvas.text((left + right) / 2 - sans.width(words, 7) / 2, bottom + 20, words,
                        "sans", 7, muted)  # fmt: skip

    def _ticks(self, xs: list[float]) -> list[tuple[float, str]]:
        days = [s.date.toordinal() for s in self.sessions]
        lo, hi = days[0], days[-1]
        span = max(1, hi - lo)

        def at(day: int) -> float:
            return xs[0] + (day - lo) / span * (xs[-1] - xs[0])

        if self.absolute_dates:
            out = []
            d0 = date.fromordinal(lo)
            months = (
                (date.fromordinal(hi).year - d0.year) * 12 + date.fromordinal(hi).month - d0.month
            )
            step = next((s for s in (1, 2, 3, 6, 12, 24) if months / s < 8), 24)
            m = d0.year * 12 + d0.month - 1 + (d0.day > 1)
            while True:
                day = date(m // 12, m % 12 + 1, 1)
                if day.toordinal() > hi:
                    break
                out.append((at(day.toordinal()), self.month_label(day)))
                m += step
            return out
        first = (self.first or date.fromordinal(lo)).toordinal()
        w_lo = max(1, (lo - first) // 7 + 1)
        w_hi = max(w_lo, (hi - first) // 7 + 1)
        step = next((s for s in _STEPS if (w_hi - w_lo) / s < 10), _STEPS[-1])
        start = ((w_lo - 1) // step) * step + 1
        return [(at(first + 7 * (wk - 1)), str(wk)) for wk in range(start, w_hi + 1, step)
                if lo <= first + 7 * (wk - 1) <= hi]  # fmt: skip

    def _outcome(self, canvas: Canvas, xs: list[float], left: float, right: float, top: float,
                 bottom: float, ink: tuple[float, float, float],
                 muted: tuple[float, float, float], grid: tuple[float, float, float]) -> None:  # fmt: skip
        sans = load_face("sans")
        mx = self.outcome.maximum

        def sy(v: float) -> float:
            return bottom - v / mx * (bottom - top)

        for v in (0.0, mx / 2, mx):
            canvas.line(left, sy(v), right, sy(v), 0.4, grid)
            label = format_number(v)
            canvas.text(left - 4 - sans.width(label, 7), sy(v) + 2.5, label, "sans", 7, ink)
        colour = hex_color(LIGHT.outcome)
        canvas.line(left, sy(self.outcome.cutoff), right, sy(self.outcome.cutoff), 0.8, colour,
                    "4 2")  # fmt: skip
        cut = _("Clinical cutoff ({value})").format(value=format_number(self.outcome.cutoff))
        canvas.text(right - sans.width(cut, 6.5) - 2, sy(self.outcome.cutoff) - 2.5, cut, "sans",
                    6.5, colour)  # fmt: skip
        pts = [(xs[i], sy(float(s.outcome_rating))) for i, s in enumerate(self.sessions)
               if s.outcome_rating is not None]  # fmt: skip
        canvas.polyline(pts, 1.3, colour)
        title = _("Outcome rating (0–{max})").format(max=format_number(mx))
        canvas.text(left, top - 3, title, "sans", 7, muted)
        self._x_axis(canvas, xs, left, right, bottom, ink, muted, grid, True)


__all__ = ["ClientChart"]
