"""The wheel and sdist from `python -m build` carry everything the app needs at run time.

The build (sdist, then a wheel from that sdist, in pip's isolated build env) takes about
15 s, so it is marked slow but runs by default. Installing the wheel into a fresh venv
pulls ~450 MB of dependencies (PySide6, matplotlib, numpy) from the registry or pip's
cache and takes 30 s or more, so that test only runs with ``ALLIANCE_PACKAGING_TESTS=1``
(``make package`` sets it).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

from alliance_desktop import __version__

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "alliance_desktop"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if importlib.util.find_spec("build") is None:
        pytest.skip("the `build` package is not installed (pip install -e '.[test]')")
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def wheel(dist: Path) -> Path:
    (found,) = dist.glob(f"alliance_desktop-{__version__}-py3-none-any.whl")
    return found


def _names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as zf:
        return set(zf.namelist())


def test_wheel_has_every_module_and_the_generated_code(wheel: Path):
    names = _names(wheel)
    source = {
        p.relative_to(ROOT).as_posix()
        for p in PACKAGE.rglob("*.py")
        if "__pycache__" not in p.parts
    }
    assert source <= names, sorted(source - names)
    forms = {f"alliance_desktop/gui/forms/ui_{p.stem}.py" for p in (ROOT / "ui").glob("*.ui")}
    assert forms and forms <= names
    assert "alliance_desktop/gui/resources_rc.py" in names
    # The strategy catalogue and reflection templates are data kept as Python modules.
    assert "alliance_desktop/domain/strategies.py" in names
    assert "alliance_desktop/domain/templates.py" in names
    assert "alliance_desktop/data/common_passwords.txt" in names
    assert "alliance_desktop/py.typed" in names
    assert not [n for n in names if n.startswith(("tests/", "ui/", "resources/", "packaging/"))]


def test_wheel_common_passwords_match_the_source(wheel: Path):
    with zipfile.ZipFile(wheel) as zf:
        packed = zf.read("alliance_desktop/data/common_passwords.txt")
    assert packed == (PACKAGE / "data" / "common_passwords.txt").read_bytes()


def test_wheel_metadata_and_entry_points(wheel: Path):
    info = f"alliance_desktop-{__version__}.dist-info"
    with zipfile.ZipFile(wheel) as zf:
        metadata = zf.read(f"{info}/METADATA").decode()
        entry_points = zf.read(f"{info}/entry_points.txt").decode()
    assert f"\nVersion: {__version__}\n" in metadata
    # PEP 639: an SPDX expression and the licence file itself, no "Proprietary" text.
    assert "\nLicense-Expression: GPL-3.0-or-later\n" in metadata
    assert "\nLicense-File: LICENSE\n" in metadata
    with zipfile.ZipFile(wheel) as zf:
        licence = zf.read(f"{info}/licenses/LICENSE").decode()
    assert licence.startswith("                    GNU GENERAL PUBLIC LICENSE\n")
    assert "Version 3, 29 June 2007" in licence
    assert "[console_scripts]\nalliance-cli = alliance_desktop.cli:main" in entry_points
    assert "[gui_scripts]\nalliance-desktop = alliance_desktop.gui.app:main" in entry_points


def test_sdist_carries_the_sources_of_the_generated_code(dist: Path):
    (sdist,) = dist.glob(f"alliance_desktop-{__version__}.tar.gz")
    prefix = f"alliance_desktop-{__version__}/"
    with tarfile.open(sdist) as tf:
        names = {n.removeprefix(prefix) for n in tf.getnames()}
    for ui in (ROOT / "ui").glob("*.ui"):
        assert f"ui/{ui.name}" in names
    for required in (
        "resources/resources.qrc",
        "resources/icons/alliance.svg",
        "scripts/regenerate.py",
        "CHANGELOG.md",
        "alliance_desktop/gui/resources_rc.py",
        "alliance_desktop/data/common_passwords.txt",
        "packaging/alliance-desktop.spec",
        "packaging/launcher.py",
        "packaging/cli_launcher.py",
        "packaging/linux/build_deb.py",
        "packaging/linux/gen_docs.py",
        "packaging/linux/debian/copyright",
        "SECURITY.md",
        "LICENSE",
        "docs/architecture.md",
        "docs/vault-format.md",
    ):
        assert required in names, required


@pytest.mark.skipif(
    os.environ.get("ALLIANCE_PACKAGING_TESTS") != "1",
    reason="installs ~450 MB of dependencies into a fresh venv; set ALLIANCE_PACKAGING_TESTS=1",
)
def test_wheel_alone_installs_and_runs(wheel: Path, tmp_path: Path):
    """Only the wheel, in a clean venv: nothing from the repo or from .venv is visible.

    Dependencies come the ordinary way (pip, from the registry or its cache): a venv with
    --system-site-packages would not see .venv's packages anyway, and pointing PYTHONPATH
    at .venv would also expose the repo's editable install and hide a missing file.
    """
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True, timeout=900
    )
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    clean["QT_QPA_PLATFORM"] = "offscreen"
    cli = subprocess.run(
        [str(bindir / "alliance-cli"), "--version"],
        capture_output=True, text=True, cwd=tmp_path, env=clean, timeout=60,
    )  # fmt: skip
    assert cli.returncode == 0, cli.stderr
    assert cli.stdout.strip() == f"alliance-cli {__version__}"
    desktop = subprocess.run(
        [str(bindir / "alliance-desktop"), "--self-test"],
        capture_output=True, text=True, cwd=tmp_path, env=clean, timeout=300,
    )  # fmt: skip
    assert desktop.returncode == 0, desktop.stdout + desktop.stderr
    assert "FAIL" not in desktop.stdout
    # It ran the installed copy, not the repo's sources.
    where = subprocess.run(
        [str(python), "-c", "import alliance_desktop; print(alliance_desktop.__file__)"],
        capture_output=True, text=True, cwd=tmp_path, env=clean, check=True,
    )  # fmt: skip
    assert Path(where.stdout.strip()).is_relative_to(env_dir)
