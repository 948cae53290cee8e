"""What a screen reader sees: the AT-SPI tree of the real app on a real X display.

The app runs on Xvfb inside its own D-Bus session with the AT-SPI bus, started with
QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1; the system python3's pyatspi walks the tree of
the dashboard, the insights page, a client's Trends tab, the session editor and the
lock screen. Fails on any unnamed interactive node that shows, any chart without a
description, and a rating input without a value. Skips, with the reason, where Xvfb,
dbus-run-session, the AT-SPI bus launcher or python3-pyatspi cannot be had
(`.ci/run` installs them with apt-get).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
BUS_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
SYSTEM_PYTHON = "/usr/bin/python3"
SCREENS = ("dashboard", "insights", "client", "editor", "lock")
INTERACTIVE_ROLES = {
    "push button", "toggle button", "check box", "radio button", "combo box", "text",
    "entry", "password text", "spin button", "slider", "menu item", "check menu item",
    "radio menu item", "page tab", "list", "table", "tree", "tree table", "link", "dial",
    "list item", "scroll pane",
}  # fmt: skip

pytestmark = pytest.mark.slow


def _missing() -> str | None:
    if sys.platform != "linux":
        return "AT-SPI is Linux only"
    for tool in ("Xvfb", "dbus-run-session"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (apt-get install xvfb dbus-x11)"
    if not BUS_LAUNCHER.exists():
        return "at-spi-bus-launcher is not installed (apt-get install at-spi2-core)"
    libs = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    if "libxcb-cursor.so.0" not in libs:
        return "Qt's xcb platform needs libxcb-cursor0 (apt-get install libxcb-cursor0)"
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True)
    if probe.returncode != 0:
        return "the system python3 has no pyatspi (apt-get install python3-pyatspi)"
    return None


@pytest.fixture(scope="module")
def walks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict]]:
    reason = _missing()
    if reason:
        pytest.skip(reason)
    out = tmp_path_factory.mktemp("atspi")
    home = tmp_path_factory.mktemp("home")
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert xvfb.stdout is not None
        display = xvfb.stdout.readline().decode().strip()
        if not display:
            pytest.skip("Xvfb did not start")
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in {"QT_QPA_PLATFORM", "DBUS_SESSION_BUS_ADDRESS", "WAYLAND_DISPLAY"}
        }
        env.update(
            DISPLAY=f":{display}",
            QT_QPA_PLATFORM="xcb",
            QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
            QT_ACCESSIBILITY="1",
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_DATA_HOME=str(home / "data"),
            XDG_RUNTIME_DIR=str(home),
            LANG="C.UTF-8",
            LANGUAGE="en",
        )
        script = (
            f"{BUS_LAUNCHER} --launch-immediately & sleep 1; "
            f'exec "{sys.executable}" "{HERE / "a11y_driver.py"}" '
            f'"{HERE / "atspi_walker.py"}" "{out}"'
        )
        run = subprocess.run(
            ["dbus-run-session", "--", "sh", "-c", script],
            env=env,
            capture_output=True,
            timeout=400,
        )
    finally:
        xvfb.terminate()
        xvfb.wait(10)
    failures = (out / "failures.txt").read_text() if (out / "failures.txt").exists() else ""
    assert run.returncode == 0 and not failures.strip(), (
        failures or run.stderr.decode(errors="replace")[-3000:]
    )
    return {s: json.loads((out / f"{s}.json").read_text(encoding="utf-8")) for s in SCREENS}


def _interactive(node: dict) -> bool:
    return node["role"] in INTERACTIVE_ROLES or "focusable" in node["states"]


def _show(node: dict) -> str:
    return f"{node['role']} name={node['name']!r} …{node['path'][-90:]}"


@pytest.mark.parametrize("screen", SCREENS)
def test_every_interactive_node_that_shows_has_a_name(walks, screen):
    unnamed = [n for n in walks[screen] if _interactive(n) and not n["name"].strip()]
    assert not unnamed, f"{len(unnamed)} unnamed on {screen}:\n" + "\n".join(
        _show(n) for n in unnamed[:30]
    )


@pytest.mark.parametrize("screen", ["insights", "client"])
def test_every_chart_has_a_name_ending_in_chart_and_a_description(walks, screen):
    charts = [n for n in walks[screen] if n["name"].strip().lower().endswith("chart")]
    # A chart that is not named "… chart" is a bare drawing surface to a screen reader.
    assert charts, f"no node named '… chart' on {screen}"
    thin = [n for n in charts if len(n["description"].strip()) < 20]
    assert not thin, "charts without a description:\n" + "\n".join(_show(n) for n in thin)


def test_the_caseload_overview_is_a_named_table(walks):
    tables = [n for n in walks["dashboard"] if n["role"] in {"table", "tree table"}]
    assert any(n["name"].strip() for n in tables), [_show(n) for n in tables]


def test_rating_inputs_expose_their_value(walks):
    sliders = [n for n in walks["editor"] if n["role"] == "slider"]
    ratings = [n for n in sliders if n["value"] is not None]
    assert len(ratings) >= 4, "rating sliders with a value: " + ", ".join(_show(n) for n in sliders)
    for node in ratings:
        value = node["value"]
        assert value["minimum"] <= value["current"] <= value["maximum"], node
        assert value["maximum"] > value["minimum"], node


def test_the_lock_screen_offers_a_named_passphrase_field(walks):
    fields = [n for n in walks["lock"] if n["role"] == "password text"]
    assert fields and all(n["name"].strip() for n in fields), [_show(n) for n in fields]
    assert any("focused" in n["states"] for n in fields), "the passphrase field has no focus"
