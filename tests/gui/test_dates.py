"""One date format everywhere, from the locale: the activity dialog too (it used the
locale's numeric short format, "2 12 2026" under the C locale)."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QLocale

from alliance_desktop.gui.common.audit_dialog import AuditDialog
from alliance_desktop.gui.common.dates import ShortDates, date_time, short_date


def test_the_year_shows_only_when_it_is_not_this_one():
    this_year = date(date.today().year, 3, 14)
    assert str(this_year.year) not in short_date(this_year)
    assert "2019" in short_date(date(2019, 3, 14))


def test_month_names_not_numbers(qtbot):
    saved = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        assert "März" in short_date(date(2019, 3, 14)) or "Mär" in short_date(date(2019, 3, 14))
        QLocale.setDefault(QLocale.c())
        assert "Mar" in short_date(date(2019, 3, 14))
    finally:
        QLocale.setDefault(saved)


def test_the_activity_dialog_uses_the_one_format(qtbot):
    saved = QLocale()
    try:
        QLocale.setDefault(QLocale.c())
        at = datetime(2019, 12, 2, 14, 5).astimezone()
        dialog = AuditDialog([(at.isoformat(), "unlock", "")])
        qtbot.addWidget(dialog)
        shown = dialog.model.item(0, 0).text()
        assert shown == date_time(at)
        assert "Dec" in shown and "2019" in shown and "14:05" in shown
        assert "2 12 2019" not in shown
    finally:
        QLocale.setDefault(saved)


@settings(max_examples=60, deadline=None)
@given(
    days=st.lists(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)), max_size=20)
)
def test_a_list_s_dates_read_as_short_date_writes_them_in_every_locale(days):
    """The timeline formats its dates through ``ShortDates`` (the locale looked up once
    per list, each day's text kept): the same words as ``short_date``, and a locale
    set between two lists shows in the second."""
    saved = QLocale()
    try:
        for locale in (QLocale.c(), QLocale(QLocale.Language.German, QLocale.Country.Germany)):
            QLocale.setDefault(locale)
            dates = ShortDates()
            assert [dates(d) for d in [*days, None, *days]] == [
                short_date(d) for d in [*days, None, *days]
            ]
    finally:
        QLocale.setDefault(saved)
