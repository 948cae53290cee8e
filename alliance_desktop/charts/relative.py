"""Relative time axes for pseudonymised charts: "week 7" instead of a calendar date.

A supervision packet shares a client's course without the dates of their sessions.
These helpers re-label a chart built with a date axis (any builder in this package)
so its ticks count weeks from the client's first session, or months from the start
of the packet's range, and no calendar date is drawn anywhere on it.
"""

from __future__ import annotations

from datetime import date

from matplotlib.dates import ConciseDateFormatter, date2num, num2date
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, FuncFormatter

_STEPS = (1, 2, 4, 8, 13, 26, 52, 104)
_NO_XLABEL = "alliance_no_xlabel"  # charts.trend.NO_XLABEL_ATTR


def _date_axes(fig: Figure) -> list:
    return [
        ax for ax in fig.axes if isinstance(ax.xaxis.get_major_formatter(), ConciseDateFormatter)
    ]


def week_number(day: date, first: date) -> int:
    """Week 1 is the seven days starting on the client's first session."""
    return (day - first).days // 7 + 1


def label_weeks(fig: Figure, first: date, *, max_ticks: int = 10) -> None:
    """Ticks at week starts counted from ``first``; the axis says what the numbers mean."""
    origin = float(date2num(first))
    for ax in _date_axes(fig):
        lo, hi = ax.get_xlim()
        w_lo = max(1, int((lo - origin) // 7) + 1)
        w_hi = max(w_lo, int((hi - origin) // 7) + 1)
        step = next((s for s in _STEPS if (w_hi - w_lo) / s < max_ticks), _STEPS[-1])
        start = ((w_lo - 1) // step) * step + 1
        weeks = [w for w in range(start, w_hi + 1, step) if lo <= origin + 7 * (w - 1) <= hi]
        ax.xaxis.set_major_locator(FixedLocator([origin + 7 * (w - 1) for w in weeks]))
        ax.xaxis.set_major_formatter(
            FuncFormatter(lambda x, _pos: f"{round((x - origin) / 7) + 1}")
        )
        ax.xaxis.set_minor_locator(FixedLocator([]))
        if not getattr(ax, _NO_XLABEL, False):  # a panel below carries the label
            ax.set_xlabel("Week (week 1 begins with the first session)")


def label_months(fig: Figure, first: date, *, max_ticks: int = 12) -> None:
    """Ticks at month starts counted from ``first``'s month (month 1)."""
    base = first.year * 12 + first.month - 1
    for ax in _date_axes(fig):
        lo, hi = ax.get_xlim()
        d_lo, d_hi = num2date(lo).date(), num2date(hi).date()
        m_lo = d_lo.year * 12 + d_lo.month - 1 + (d_lo.day > 1)
        m_hi = d_hi.year * 12 + d_hi.month - 1
        step = next((s for s in (1, 2, 3, 6, 12, 24) if (m_hi - m_lo) / s < max_ticks), 24)
        months = range(m_lo, m_hi + 1, step)
        ticks = [float(date2num(date(m // 12, m % 12 + 1, 1))) for m in months]
        ax.xaxis.set_major_locator(FixedLocator(ticks))

        def fmt(x: float, _pos: int | None) -> str:
            d = num2date(x).date()
            return f"{d.year * 12 + d.month - 1 - base + 1}"

        ax.xaxis.set_major_formatter(FuncFormatter(fmt))
        ax.xaxis.set_minor_locator(FixedLocator([]))
        if not getattr(ax, _NO_XLABEL, False):
            ax.set_xlabel("Month of the period (month 1 is the first)")


__all__ = ["label_months", "label_weeks", "week_number"]
