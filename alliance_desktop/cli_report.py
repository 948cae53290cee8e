"""``alliance-cli report``: write a de-identified supervision packet as a PDF, headless.

Kept apart from ``cli.py`` so the command's options and Qt start-up live in one
place; ``cli.build_parser`` calls ``add_report_command``. Errors follow the CLI's
rules (a plain sentence and an exit status, never a traceback).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-03-31") from None


def cmd_report(args: argparse.Namespace, passphrases: Any) -> int:
    from alliance_desktop import cli
    from alliance_desktop.reports.supervision import (
        PacketError,
        PacketOptions,
        build_packet,
        render_pdf,
    )

    out = Path(args.out).expanduser()
    if out.suffix.lower() != ".pdf":
        raise cli.UsageError(f"The packet is written as a .pdf file; {out.name!r} is not one.")
    if out.exists():
        raise FileExistsError(0, "exists", str(out))
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
        raise cli.UsageError(str(exc)) from None
    with cli._open(args, passphrases) as vault:
        try:
            packet = build_packet(vault, options)
        except PacketError as exc:
            raise cli.UsageError(str(exc)) from None
        try:
            result = render_pdf(packet, out)
        except BaseException:
            out.unlink(missing_ok=True)
            raise
        out.chmod(0o600)
        vault.save_packet_record(
            range_from=options.date_from,
            range_to=options.date_to,
            client_count=packet.client_count,
            questions=packet.questions,
        )
        vault.audit("report")  # that a packet was written; never what it held
    cli._err("Warning: the packet is not encrypted; share it only with your supervisor.")
    cli._out(
        f"Wrote a {result.pages}-page supervision packet for {packet.client_count} "
        f"client{'s' if packet.client_count != 1 else ''} to {out}."
    )
    return 0


def add_report_command(add: Callable[..., argparse.ArgumentParser]) -> None:
    rp = add("report", cmd_report, "write a de-identified supervision packet (PDF)")
    rp.add_argument("--out", metavar="FILE.pdf", required=True, help="a new PDF file")
    rp.add_argument("--from", dest="date_from", type=_day, metavar="DATE",
                    help="only sessions on or after this date (YYYY-MM-DD)")  # fmt: skip
    rp.add_argument("--to", dest="date_to", type=_day, metavar="DATE",
                    help="only sessions on or before this date (YYYY-MM-DD)")  # fmt: skip
    rp.add_argument("--client", metavar="CODE", action="append",
                    help="include this client (repeat; default: all with sessions)")  # fmt: skip
    rp.add_argument("--identify", action="store_true",
                    help="show client codes instead of Client A, B, ...")  # fmt: skip
    rp.add_argument("--absolute-dates", action="store_true",
                    help="show calendar dates instead of week numbers")  # fmt: skip
    rp.add_argument("--page-size", choices=("a4", "letter"), default="a4")
    rp.add_argument("--question", metavar="TEXT", action="append",
                    help="a question for supervision (repeat); kept in the vault")  # fmt: skip
