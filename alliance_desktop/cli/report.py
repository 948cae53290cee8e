"""``alliance-cli report``: write a pseudonymised supervision packet as a PDF, headless."""

from __future__ import annotations

import argparse
from datetime import date

from alliance_desktop.app.errors import OutputExistsError
from alliance_desktop.app.packets import export_packet
from alliance_desktop.cli.common import OK, Add, Passphrases, UsageError, err, opened, out, out_path
from alliance_desktop.cli.stats import settings_of
from alliance_desktop.domain.validation import parse_day
from alliance_desktop.i18n import _, ngettext
from alliance_desktop.reports.supervision import PacketError, PacketOptions

HELP = "write a pseudonymised supervision packet (PDF)"


def _day(text: str) -> date:
    """A YYYY-MM-DD date (``parse_day``: not ``20260331``, not a week date)."""
    try:
        return parse_day(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a date like 2026-03-31").format(text=text)
        ) from None


def run(args: argparse.Namespace, passphrases: Passphrases) -> int:
    target = out_path(args.out)
    if target.suffix.lower() != ".pdf":
        raise UsageError(
            _("The packet is written as a .pdf file; {name!r} is not one.").format(name=target.name)
        )
    if target.exists() or target.is_symlink():
        raise OutputExistsError(target)
    try:
        options = PacketOptions(
            date_from=args.date_from,
            date_to=args.date_to,
            clients=tuple(args.client or ()),
            identify=args.identify,
            absolute_dates=args.absolute_dates,
            questions=tuple(args.question or ()),
            page_size=args.page_size,
        )
    except PacketError as exc:
        raise UsageError(str(exc)) from None
    with opened(args, passphrases, writer=False) as vault:
        settings_of(vault)  # a damaged stored setting: said once; its default stands in
        try:
            done = export_packet(vault, options, target).value
        except PacketError as exc:
            raise UsageError(str(exc)) from None
    err(_("Warning: the packet is not encrypted; share it only with your supervisor."))
    n = done.client_count
    out(
        ngettext(
            "Wrote a {pages}-page supervision packet for {n} client to {path}.",
            "Wrote a {pages}-page supervision packet for {n} clients to {path}.",
            n,
        ).format(pages=done.pages, n=n, path=target)
    )
    return OK


def register(add: Add) -> None:
    p = add("report", run, HELP)
    p.add_argument("--out", metavar="FILE.pdf", required=True, help="a new PDF file")
    p.add_argument("--from", dest="date_from", type=_day, metavar="DATE",
                   help="only sessions on or after this date (YYYY-MM-DD)")  # fmt: skip
    p.add_argument("--to", dest="date_to", type=_day, metavar="DATE",
                   help="only sessions on or before this date (YYYY-MM-DD)")  # fmt: skip
    p.add_argument("--client", metavar="CODE", action="append",
                   help="include this client (repeat; default: all with sessions)")  # fmt: skip
    p.add_argument("--identify", action="store_true",
                   help="show client codes instead of Client A, B, ...")  # fmt: skip
    p.add_argument("--absolute-dates", action="store_true",
                   help="show calendar dates instead of week numbers")  # fmt: skip
    p.add_argument("--page-size", choices=("a4", "letter"), default="a4")
    p.add_argument("--question", metavar="TEXT", action="append",
                   help="a question for supervision (repeat); kept in the vault")  # fmt: skip
