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


#: (locale, this year) -> day -> its short date: the same days come back from client
#: to client (one calendar), so a timeline's dates are mostly formatted already.
_SHORT_DATES: dict[tuple[str, int], dict[date, str]] = {}
MAX_SHORT_DATES = 4096


class ShortDates:
    """``short_date`` for the many dates of one list: the locale, this year and the
    formats looked up once (``QLocale()``, its name and today were half of each
    call), and each day's text kept from list to list. Made anew for each list, so
    a locale set since shows in the next one."""

    def __init__(self) -> None:
        self._locale = QLocale()
        name = self._locale.name()
        self._year = date.today().year
        self._formats = (_cached_format(name, False), _cached_format(name, True))
        key = (name, self._year)
        texts = _SHORT_DATES.get(key)
        if texts is None or len(texts) > MAX_SHORT_DATES:
            _SHORT_DATES.clear()  # a new locale or year: the old texts are of no use
            texts = _SHORT_DATES[key] = {}
        self._texts = texts

    def __call__(self, day: date | None) -> str:
        if day is None:
            return ""
        text = self._texts.get(day)
        if text is None:
            fmt = self._formats[day.year != self._year]
            text = self._texts[day] = self._locale.toString(
                QDate(day.year, day.month, day.day), fmt
            )
        return text


def date_time(moment: datetime) -> str:
    """A moment as the app shows it: the one date format, then the locale's short time."""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    time = QTime(local.hour, local.minute, local.second)
    return f"{short_date(local.date())} {QLocale().toString(time, QLocale.FormatType.ShortFormat)}"
