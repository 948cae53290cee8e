"""The one date format of the app, from the locale (QLocale): its medium date, with
the year only where it differs from this one; times in the locale's short form."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from PySide6.QtCore import QDate, QLocale, QTime

#: Separators that may stand between the parts of a date format.
_SEP = r"[\s,./\-]"


def date_format(locale: QLocale, *, with_year: bool) -> str:
    """The locale's medium date: its long format without the weekday and with the month
    abbreviated ("Dec 1, 2026", "1 Dec 2026", "1. Dez. 2026"); without the year (and the
    separator it leaves) when ``with_year`` is false ("Dec 1", "1 Dec")."""
    fmt = locale.dateFormat(QLocale.FormatType.LongFormat)
    fmt = re.sub(rf"d{{3,4}}{_SEP}*", "", fmt)  # the weekday (dddd), with what follows it
    fmt = re.sub(r"M{4}", "MMM", fmt)
    if not with_year:
        without = re.sub(rf"{_SEP}*y+{_SEP}*$", "", fmt)  # a trailing year
        without = re.sub(rf"^y+(?:{_SEP}+|[^dMy\s'])?", "", without)  # a leading one (2026年)
        without = re.sub(rf"({_SEP})y+{_SEP}*", r"\1", without)  # one in the middle
        fmt = without.strip() or fmt
    return fmt.strip(" ,")


@lru_cache(maxsize=32)
def _cached_format(_name: str, with_year: bool) -> str:
    return date_format(QLocale(), with_year=with_year)


def short_date(day: date | None) -> str:
    """The one date format of the app: the locale's, with the year when not this year."""
    if day is None:
        return ""
    locale = QLocale()
    # The format per locale is worked out once (a timeline asks for hundreds of dates).
    fmt = _cached_format(locale.name(), day.year != date.today().year)
    return locale.toString(QDate(day.year, day.month, day.day), fmt)


def date_time(moment: datetime) -> str:
    """A moment as the app shows it: the one date format, then the locale's short time."""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    time = QTime(local.hour, local.minute, local.second)
    return f"{short_date(local.date())} {QLocale().toString(time, QLocale.FormatType.ShortFormat)}"
