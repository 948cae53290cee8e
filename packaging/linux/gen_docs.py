"""Manual pages and shell completion, generated from the argparse parsers at build time.

    python packaging/linux/gen_docs.py OUT_DIR

writes OUT_DIR/man/alliance-desktop.1, OUT_DIR/man/alliance-cli.1,
OUT_DIR/completion/bash/alliance-cli and OUT_DIR/completion/zsh/_alliance-cli.

The options, their help and the sub-commands come only from
``alliance_desktop.cli.build_parser()`` and ``alliance_desktop.gui.app.build_parser()``
(argparse-manpage and shtab do the formatting), so nothing is written by hand twice;
what a parser cannot say (exit status, environment, files) is added here as sections.
Needs ``pip install -e '.[packaging]'`` (argparse-manpage, shtab); `make deb` does it.
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from alliance_desktop import __version__  # noqa: E402

METAINFO = ROOT / "packaging" / "linux" / "org.alliancedesktop.AllianceDesktop.metainfo.xml"
MANUAL = "Alliance Desktop"

VAULT_FILES = (
    ".TP\n.I ~/.local/share/AllianceDesktop/vault.alliance\n"
    "The default vault (an SQLCipher 4 database); --vault, a PATH or $ALLIANCE_VAULT "
    "choose another.\n"
    ".TP\n.I VAULT.lock\n"
    "Beside the vault: held by the one program writing to it (host, process, time).\n"
    ".TP\n.I VAULT.attempts\n"
    "Beside the vault: wrong passphrases counted for the shared throttle."
)
ENVIRONMENT = (
    ".TP\n.B ALLIANCE_VAULT\nThe vault file when no --vault (or PATH) is given.\n"
    ".TP\n.B QT_QPA_PLATFORM\nQt's platform (xcb, wayland, offscreen); "
    "--self-test picks offscreen when there is no display."
)


def release_date() -> str:
    """The newest release's date from the metainfo: the same page for the same version."""
    root = ET.parse(METAINFO).getroot()
    release = root.find("releases/release")
    return release.get("date", "") if release is not None else ""


def _walk(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                yield from _walk(sub)


def mark_file_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Let the completion offer file names where an argument takes a path."""
    import shtab

    for each in _walk(parser):
        for action in each._actions:
            if action.metavar in ("PATH", "FILE", "BACKUP", "OUT") or (
                action.dest in ("vault", "out", "file", "path", "backup")
            ):
                action.complete = shtab.FILE  # type: ignore[attr-defined]
    return parser


def manpage(
    parser: argparse.ArgumentParser, summary: str, sections: dict[str, str], see_also: str
) -> str:
    from argparse_manpage.manpage import Manpage

    page = Manpage(parser)
    page.date = release_date()
    page.source = f"alliance-desktop {__version__}"
    page.manual = MANUAL
    page.description = summary
    for heading, content in sections.items():
        page.add_section(heading, "=", content)
    page.add_section("see also", "=", see_also)
    text = str(page)
    # No trailing whitespace: lintian and groff warn about it.
    return re.sub(r"[ \t]+\n", "\n", text)


def desktop_page() -> str:
    from alliance_desktop.gui.app import build_parser

    return manpage(
        build_parser(),
        "private, offline reflection on the therapeutic alliance",
        {
            "environment": ENVIRONMENT,
            "files": VAULT_FILES,
            "exit status": "0 when the app quit normally or every --self-test check passed; "
            "1 when a --self-test check failed; 2 for a usage error.",
        },
        ".BR alliance-cli (1)",
    )


def cli_page() -> str:
    from alliance_desktop.cli import build_parser

    return manpage(
        build_parser(),
        "headless operations on an Alliance Desktop vault",
        {
            "passphrase": "The passphrase is asked for at a hidden prompt (twice for a new "
            "one). With --passphrase-stdin it is the first line of standard input; passwd "
            "reads the new passphrase from the second line. With no terminal and no "
            "--passphrase-stdin a command exits 2 instead of waiting.",
            "exit status": ".TP\n.B 0\nsuccess\n"
            ".TP\n.B 1\nthe operation failed (verify found problems, an I/O error, a file "
            "that is not a vault)\n"
            ".TP\n.B 2\nbad usage or invalid input\n"
            ".TP\n.B 3\nwrong passphrase\n"
            ".TP\n.B 4\nanother program is writing to the vault\n"
            ".TP\n.B 130\ninterrupted",
            "environment": ENVIRONMENT,
            "files": VAULT_FILES,
        },
        ".BR alliance-desktop (1)",
    )


def completion(shell: str) -> str:
    import shtab

    from alliance_desktop.cli import build_parser

    return shtab.complete(mark_file_arguments(build_parser()), shell=shell)


def generate(out: Path) -> list[Path]:
    files = {
        out / "man" / "alliance-desktop.1": desktop_page(),
        out / "man" / "alliance-cli.1": cli_page(),
        out / "completion" / "bash" / "alliance-cli": completion("bash"),
        out / "completion" / "zsh" / "_alliance-cli": completion("zsh"),
    }
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write man/ and completion/ into")
    args = parser.parse_args(argv)
    for path in generate(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
