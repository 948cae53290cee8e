"""Desktop entry, AppStream metainfo, icons and installers agree with the app and each other.

Quick (no build); the validators run when installed (`.ci/run` installs
desktop-file-utils and appstream with apt-get) and skip with a reason otherwise.
"""

from __future__ import annotations

import configparser
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from alliance_desktop import __version__
from alliance_desktop.gui.app import DESKTOP_FILE_ID

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{DESKTOP_FILE_ID}.desktop"
METAINFO = LINUX / f"{DESKTOP_FILE_ID}.metainfo.xml"
MIME = LINUX / f"{DESKTOP_FILE_ID}.mime.xml"
MIME_TYPE = "application/x-alliance-vault"


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_matches_the_app():
    entry = _entry()
    # The window's WM class / Wayland app id comes from setDesktopFileName(DESKTOP_FILE_ID).
    assert entry["StartupWMClass"] == DESKTOP_FILE_ID
    assert entry["Icon"] == DESKTOP_FILE_ID
    assert entry["Exec"].split()[0] == "alliance-desktop"
    # A double-clicked vault arrives as the positional PATH (gui/app.py).
    assert entry["Exec"] == "alliance-desktop %f"
    assert entry["MimeType"] == f"{MIME_TYPE};"
    assert entry["Name"] == "Alliance Desktop"
    assert entry["Keywords"].endswith(";")


def test_metainfo_matches_version_and_ids():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == DESKTOP_FILE_ID
    assert root.findtext("launchable") == DESKTOP.name
    releases = root.findall("releases/release")
    assert releases, "the metainfo lists no release"
    # The newest release comes first and is the version the package reports.
    assert releases[0].get("version") == __version__
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", releases[0].get("date", ""))
    assert root.find("content_rating").get("type").startswith("oars-")
    assert root.findtext("project_license") == "GPL-3.0-or-later"
    provides = root.find("provides")
    assert {b.text for b in provides.findall("binary")} == {"alliance-desktop", "alliance-cli"}
    assert provides.findtext("mediatype") == MIME_TYPE


def test_mime_type_is_by_extension_only():
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(MIME).getroot()
    (mime,) = root.findall("m:mime-type", ns)
    assert mime.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in mime.findall("m:glob", ns)] == ["*.alliance"]
    # SQLCipher files have no fixed header bytes: no magic rule could match them.
    assert mime.find("m:magic", ns) is None
    assert mime.find("m:icon", ns).get("name") == DESKTOP_FILE_ID


@pytest.mark.skipif(shutil.which("xmllint") is None,
                    reason="xmllint not installed (apt-get install libxml2-utils)")  # fmt: skip
def test_xml_files_are_well_formed():
    for path in (MIME, METAINFO):
        proc = subprocess.run(["xmllint", "--noout", str(path)], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr


@pytest.mark.skipif(shutil.which("update-mime-database") is None,
                    reason="update-mime-database not installed (apt-get install shared-mime-info)")  # fmt: skip
def test_mime_database_recognises_vault_files(tmp_path: Path):
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME, packages / f"{DESKTOP_FILE_ID}.xml")
    proc = subprocess.run(["update-mime-database", "-V", str(tmp_path / "mime")],
                          capture_output=True, text=True)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "warning" not in proc.stderr.lower(), proc.stderr
    globs = (tmp_path / "mime" / "globs2").read_text(encoding="utf-8")
    assert f"50:{MIME_TYPE}:*.alliance" in globs.splitlines()
    assert (tmp_path / "mime" / "application" / "x-alliance-vault.xml").is_file()


def test_changelog_has_this_version():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(__version__)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", text, re.M)


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", head[16:24])


def test_icons_exist_in_every_size():
    hicolor = LINUX / "icons" / "hicolor"
    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        png = hicolor / f"{size}x{size}" / "apps" / f"{DESKTOP_FILE_ID}.png"
        assert _png_size(png) == (size, size)
    svg = hicolor / "scalable" / "apps" / f"{DESKTOP_FILE_ID}.svg"
    assert svg.read_bytes() == (ROOT / "resources" / "icons" / "alliance.svg").read_bytes()
    assert (ROOT / "packaging" / "windows" / "alliance-desktop.ico").stat().st_size > 0
    assert (ROOT / "packaging" / "macos" / "AllianceDesktop.icns").read_bytes()[:4] == b"icns"


def test_spec_and_installer_use_the_same_names():
    spec = (ROOT / "packaging" / "alliance-desktop.spec").read_text(encoding="utf-8")
    assert f'APP_ID = "{DESKTOP_FILE_ID}"' in spec
    assert '"NSHighResolutionCapable": True' in spec
    assert "__version__" in spec and "0.1.0" not in spec  # version read, never copied
    iss = (ROOT / "packaging" / "windows" / "alliance-desktop.iss").read_text(encoding="utf-8")
    assert '#define AppName "Alliance Desktop"' in iss
    assert f'#define AppId "{DESKTOP_FILE_ID}"' in iss
    assert "PrivilegesRequired=lowest" in iss
    assert "AppVersion={#AppVersion}" in iss and __version__ not in iss
    assert "[UninstallDelete]" not in iss.split("; No [UninstallDelete]")[0]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate not installed (apt-get install desktop-file-utils)")  # fmt: skip
def test_desktop_entry_validates():
    proc = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "error" not in proc.stdout.lower()


@pytest.mark.skipif(shutil.which("appstreamcli") is None,
                    reason="appstreamcli not installed (apt-get install appstream)")  # fmt: skip
def test_metainfo_validates():
    proc = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--strict", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
