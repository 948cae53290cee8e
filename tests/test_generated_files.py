"""The Python made from ui/*.ui and resources/ must match its sources."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _significant(path: Path) -> list[str]:
    # The compilers stamp their own version in a comment; that alone is not staleness.
    return [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if "Created by:" not in line and "Qt User Interface Compiler version" not in line
    ]


def test_generated_forms_and_resources_are_current(tmp_path: Path):
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "regenerate.py"), "--check", str(tmp_path)],
        check=True,
    )
    committed_forms = ROOT / "alliance_desktop" / "gui" / "forms"
    fresh = sorted(p.name for p in (tmp_path / "forms").glob("*.py"))
    assert fresh == sorted(p.name for p in committed_forms.glob("*.py")), (
        "forms differ from ui/*.ui: run `make regenerate`"
    )
    for name in fresh:
        assert _significant(tmp_path / "forms" / name) == _significant(committed_forms / name), (
            f"{name} is stale: run `make regenerate`"
        )
    assert _significant(tmp_path / "resources_rc.py") == _significant(
        ROOT / "alliance_desktop" / "gui" / "resources_rc.py"
    ), "resources_rc.py is stale: run `make regenerate`"


def test_every_ui_form_has_a_generated_module():
    forms = {p.stem for p in (ROOT / "ui").glob("*.ui")}
    generated = {
        p.stem.removeprefix("ui_")
        for p in (ROOT / "alliance_desktop" / "gui" / "forms").glob("ui_*.py")
    }
    assert forms == generated
