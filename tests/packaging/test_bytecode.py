"""Byte-compiled code where the app is installed (issue 15: nothing compiled at start).

- A wheel is source by nature (PEP 427 leaves compiling to the installer): ``pip install``
  compiles every module at install time unless told ``--no-compile``. This test builds
  the wheel (pip, isolated build env), installs it with pip into a folder and checks that every
  module of the package has its ``.pyc``.
- The bundle (``make bundle``, PyInstaller) keeps every module as a code object inside
  its PYZ archive and no ``.py`` of ours beside it; checked with
  ``ALLIANCE_PACKAGING_TESTS=1`` when ``dist/alliance-desktop`` exists.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "alliance_desktop"
BUNDLE = ROOT / "dist" / "alliance-desktop"
pytestmark = pytest.mark.slow


def _modules() -> set[str]:
    """Every module of the source tree, dotted."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        found.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return found


def test_pip_install_of_the_wheel_compiles_every_module(tmp_path: Path):
    out = tmp_path / "wheel"
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(out),
         str(ROOT)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = out.glob("alliance_desktop-*.whl")
    site = tmp_path / "site"
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--target", str(site), str(wheel)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stderr[-2000:]
    tag = sys.implementation.cache_tag
    sources = list((site / "alliance_desktop").rglob("*.py"))
    assert len(sources) > 100
    missing = [
        str(p.relative_to(site))
        for p in sources
        if not (p.parent / "__pycache__" / f"{p.stem}.{tag}.pyc").exists()
    ]
    assert missing == []


@pytest.mark.skipif(
    os.environ.get("ALLIANCE_PACKAGING_TESTS") != "1" or not (BUNDLE / "alliance-desktop").exists(),
    reason="needs a bundle from `make bundle`; set ALLIANCE_PACKAGING_TESTS=1",
)
def test_the_bundle_holds_every_module_as_code_and_no_source():
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed (make bundle installs it)")
    from PyInstaller.archive.readers import CArchiveReader

    pyz = CArchiveReader(str(BUNDLE / "alliance-desktop")).open_embedded_archive("PYZ.pyz")
    ours = {name for name in pyz.toc if name.startswith("alliance_desktop")}
    assert _modules() <= ours
    assert all(isinstance(pyz.extract(name), types.CodeType) for name in sorted(ours)[:40])
    assert list((BUNDLE / "_internal" / "alliance_desktop").rglob("*.py")) == []
