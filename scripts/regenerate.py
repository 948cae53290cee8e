"""Regenerate the Python made from Designer forms (ui/*.ui) and resources (resources.qrc),
then the translation catalogues (scripts/catalogues.py: extract, merge, compile).

Run after editing a form, a resource or a user-visible string: `make regenerate`.
`--check DIR` writes the forms and resources into DIR instead, so a test can compare
them with what is committed (tests/i18n checks the catalogues).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
QRC = ROOT / "resources" / "resources.qrc"
FORMS_DIR = ROOT / "alliance_desktop" / "gui" / "forms"
RESOURCES_PY = ROOT / "alliance_desktop" / "gui" / "resources_rc.py"


def _tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found; install the project first (make venv)")
    return found


_PYSIDE_IMPORT = re.compile(r"^from (PySide6\.\w+) import (?:\(([^)]*)\)|([^\n]*))\n", re.M)


def prune_imports(source: str) -> str:
    """Keep only the PySide6 names a generated form uses. uic imports a fixed list of
    ~40 classes whatever the form holds, and PySide6 sets a class up when it is first
    imported: ~5 ms for the unlock window's form, paid before that window shows."""
    # Comments do not count: uic's banner says "Qt", and importing ``Qt`` sets up the
    # whole namespace (~15 ms), which the unlock window's form does not need.
    body = "\n".join(
        line for line in _PYSIDE_IMPORT.sub("", source).splitlines()
        if not line.lstrip().startswith("#")
    )  # fmt: skip

    def used(match: re.Match[str]) -> str:
        names = [n.strip() for n in (match.group(2) or match.group(3)).split(",")]
        kept = [n for n in names if n and re.search(rf"\b{n}\b", body)]
        return f"from {match.group(1)} import ({', '.join(kept)})\n" if kept else ""

    return _PYSIDE_IMPORT.sub(used, source)


def generate(forms_dir: Path, resources_py: Path) -> list[Path]:
    forms_dir.mkdir(parents=True, exist_ok=True)
    written = []
    init = forms_dir / "__init__.py"
    init.write_text('"""Generated from ../../ui/*.ui by scripts/regenerate.py; do not edit."""\n')
    written.append(init)
    for ui in sorted(UI_DIR.glob("*.ui")):
        out = forms_dir / f"ui_{ui.stem}.py"
        # --from-imports would import resources_rc relative to forms; the package
        # imports it once instead, so forms get plain absolute icon paths.
        subprocess.run(
            [_tool("pyside6-uic"), "--no-autoconnection", str(ui), "-o", str(out)], check=True
        )
        out.write_text(prune_imports(out.read_text()))
        written.append(out)
    # Format version 1 carries no file timestamps, so a fresh clone regenerates the
    # same bytes and the staleness test compares content only.
    subprocess.run(
        [_tool("pyside6-rcc"), "--format-version", "1", str(QRC), "-o", str(resources_py)],
        check=True,
    )
    written.append(resources_py)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", type=Path, help="write into this folder instead")
    args = parser.parse_args()
    if args.check:
        generate(args.check / "forms", args.check / "resources_rc.py")
    else:
        for path in generate(FORMS_DIR, RESOURCES_PY):
            print(path.relative_to(ROOT))
        # After the forms: their QCoreApplication.translate() strings are extracted too.
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import catalogues

        for path in catalogues.update():
            print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
