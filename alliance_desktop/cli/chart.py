"""``alliance-cli chart KIND --out FILE``: draw a chart into a new .png, .svg or .pdf."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from alliance_desktop.app.charts import CHART_FORMATS, export_chart
from alliance_desktop.app.errors import OutputExistsError
from alliance_desktop.cli.common import (
    OK,
    Add,
    Passphrases,
    UsageError,
    day,
    err,
    opened,
    out,
    out_path,
)
from alliance_desktop.cli.stats import settings_of
from alliance_desktop.domain.models import DIMENSIONS, Session
from alliance_desktop.i18n import _
from alliance_desktop.insights.analysis import analyse
from alliance_desktop.vault.store import Vault

if TYPE_CHECKING:
    from matplotlib.figure import Figure

HELP = "draw a chart into a new .png, .svg or .pdf file"

#: ``chart`` kinds, in the order the help lists them.
CHART_KINDS = ("trend", "caseload", "practice", "strategies", "ruptures", "gap")


def check_args(args: argparse.Namespace) -> None:
    """Usage errors that need no vault, so they cost no passphrase."""
    if args.kind == "trend" and args.client is None:
        raise UsageError(_("The trend chart shows one client: name it with --client CODE."))
    if args.kind == "caseload" and args.client is not None:
        raise UsageError(_("The caseload chart shows every client; leave out --client."))
    if args.dimension is not None and args.kind != "caseload":
        raise UsageError(_("--dimension applies to the caseload chart only."))
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise UsageError(
            _("--from ({start}) is after --to ({end}).").format(
                start=args.date_from.isoformat(), end=args.date_to.isoformat()
            )
        )


def _in_range(sessions: Sequence[Session], start: date | None, end: date | None) -> list[Session]:
    return [
        s for s in sessions if (start is None or s.date >= start) and (end is None or s.date <= end)
    ]


def chart_figure(args: argparse.Namespace, vault: Vault) -> Figure:
    """Build the asked-for chart from the vault (matplotlib is imported here, not before)."""
    from alliance_desktop import charts

    theme = charts.theme_for(args.theme)
    vault_settings = settings_of(vault)
    scale, settings = vault_settings.client_rating, vault_settings.insights
    clients = vault.clients()
    sessions: list[Session]
    code = None
    if args.client is not None:
        client = vault.client_by_code(args.client)
        if client is None:
            raise UsageError(
                _("There is no client with the code {code!r} in this vault.").format(
                    code=args.client
                )
            )
        clients, sessions, code = [client], vault.sessions(client.id, text=False), client.code
    else:
        sessions = vault.sessions(text=False)
    start, end = args.date_from, args.date_to
    if args.kind == "trend":
        # Alerts come from the whole history (a drop needs the sessions before it);
        # the dates only choose what is drawn.
        ci = analyse(clients, sessions, scale, settings).clients[clients[0].id]
        return charts.client_trend(ci.sessions, scale, ci.alerts, theme=theme, date_from=start,
                                   date_to=end, title=_("Alliance over time: {code}").format(code=code))  # fmt: skip
    shown = _in_range(sessions, start, end)
    found = analyse(clients, shown, scale, settings)
    if args.kind == "caseload":
        return charts.caseload(found.caseload, args.dimension or "trust", theme=theme, scale=scale)
    if args.kind == "practice":
        title = (
            _("{code}: alliance by month").format(code=code)
            if code
            else _("Practice: alliance by month")
        )
        return charts.practice_trend(found.practice, theme=theme, title=title)
    if args.kind == "ruptures":
        title = _("{code}: ruptures by month").format(code=code) if code else _("Ruptures by month")
        return charts.rupture_timeline(found.ruptures, theme=theme, title=title)
    if args.kind == "strategies":
        title = (
            _("What followed each strategy with {code} (association, not proof)").format(code=code)
            if code
            else _("What followed each strategy (association, not proof)")
        )
        return charts.strategy_outcomes(
            found.estimates, theme=theme, catalogue=vault.strategy_catalogue(), title=title
        )
    return charts.perspective_gap(shown, scale, theme=theme)


def run(args: argparse.Namespace, passphrases: Passphrases) -> int:
    check_args(args)  # before matplotlib loads: a typo should fail at once
    target = out_path(args.out)
    if target.suffix.lower() not in CHART_FORMATS:
        formats = ", ".join(CHART_FORMATS)
        if target.suffix:
            problem = _("A chart can be written as {formats}; {name!r} has {suffix!r}.")
        else:
            problem = _("A chart can be written as {formats}; {name!r} has no extension.")
        raise UsageError(problem.format(formats=formats, name=target.name, suffix=target.suffix))
    if target.exists() or target.is_symlink():
        raise OutputExistsError(target)
    with opened(args, passphrases, writer=False) as vault:
        figure = chart_figure(args, vault)
        export_chart(vault, figure, target, kind=args.kind)
    err(_("Warning: the chart is not encrypted; keep it safe and delete it when done."))
    out(_("Chart written to {path}.").format(path=target))
    return OK


def register(add: Add) -> None:
    p = add("chart", run, HELP)
    p.add_argument("kind", choices=CHART_KINDS)
    p.add_argument("--client", metavar="CODE", help="one client (required for trend)")
    p.add_argument("--from", dest="date_from", type=day, metavar="DATE",
                   help="only sessions on or after this date (YYYY-MM-DD)")  # fmt: skip
    p.add_argument("--to", dest="date_to", type=day, metavar="DATE",
                   help="only sessions on or before this date (YYYY-MM-DD)")  # fmt: skip
    p.add_argument("--theme", choices=("light", "dark"), default="light")
    p.add_argument("--dimension", choices=DIMENSIONS,
                   help="the rating that colours the caseload chart (default trust)")  # fmt: skip
    p.add_argument("--out", metavar="FILE", required=True,
                   help="a new file, created readable by you only")  # fmt: skip
