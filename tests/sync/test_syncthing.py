"""A real sync engine: two Syncthing instances on loopback, each with a folder holding a
copy of the vault. A write on A arrives on B; writes on both while A is paused leave a
``.sync-conflict-`` copy, and ``alliance-cli merge`` of that copy loses nothing.

Only 127.0.0.1 is ever used: global and local discovery, relays, NAT traversal, STUN,
crash and usage reporting and upgrades are off. Skipped with a reason where Syncthing
is not installed (``.ci/run`` installs Debian's ``syncthing``). Every wait is bounded
(60 s in all), and the processes are stopped in ``finally`` whatever happened.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from twocopies import PASSPHRASE, digest, session

from alliance_desktop.domain import Client
from alliance_desktop.vault import Vault

pytestmark = pytest.mark.slow

SYNCTHING = shutil.which("syncthing")
FOLDER = "alliance"
DEADLINE = 60.0  # seconds, for the whole test


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Instance:
    def __init__(self, root: Path, name: str):
        self.name = name
        self.home = root / f"{name}-home"
        self.folder = root / f"{name}-folder"
        self.folder.mkdir()
        self.gui_port = _free_port()
        self.listen_port = _free_port()
        self.api_key = f"alliance-test-key-{name}"
        self.proc: subprocess.Popen[bytes] | None = None
        out = subprocess.run(
            [SYNCTHING, "generate", f"--home={self.home}", "--no-default-folder",
             "--skip-port-probing"],
            capture_output=True, text=True, timeout=30, env=_env(),
        )  # fmt: skip
        line = next(x for x in (out.stdout + out.stderr).splitlines() if "Device ID:" in x)
        self.device_id = line.split("Device ID:")[1].strip()

    def configure(self, peer: Instance) -> None:
        path = self.home / "config.xml"
        tree = ET.parse(path)
        root = tree.getroot()
        gui = root.find("gui")
        assert gui is not None
        _set(gui, "address", f"127.0.0.1:{self.gui_port}")
        _set(gui, "apikey", self.api_key)
        opts = root.find("options")
        assert opts is not None
        for key, value in {
            "listenAddress": f"tcp://127.0.0.1:{self.listen_port}",
            "globalAnnounceEnabled": "false",
            "globalAnnounceServer": "",
            "localAnnounceEnabled": "false",
            "relaysEnabled": "false",
            "natEnabled": "false",
            "startBrowser": "false",
            "urAccepted": "-1",
            "urSeen": "3",
            "autoUpgradeIntervalH": "0",
            "crashReportingEnabled": "false",
            "stunKeepaliveStartS": "0",
            "stunServer": "",
            "announceLANAddresses": "false",
            "reconnectionIntervalS": "1",
            "releasesURL": "",
        }.items():
            _set(opts, key, value)
        dev = ET.SubElement(root, "device", id=peer.device_id, name=peer.name,
                            compression="metadata", introducer="false")  # fmt: skip
        ET.SubElement(dev, "address").text = f"tcp://127.0.0.1:{peer.listen_port}"
        ET.SubElement(dev, "paused").text = "false"
        folder = ET.Element("folder", id=FOLDER, label=FOLDER, path=str(self.folder),
                            type="sendreceive", rescanIntervalS="2", fsWatcherEnabled="true",
                            fsWatcherDelayS="1", ignorePerms="false", autoNormalize="true")  # fmt: skip
        ET.SubElement(folder, "filesystemType").text = "basic"
        for device in (self.device_id, peer.device_id):
            ET.SubElement(folder, "device", id=device, introducedBy="")
        ET.SubElement(folder, "minDiskFree", unit="%").text = "0"
        # Unset in a hand-written config, this is 0: the newer version then silently
        # replaces the older and no conflict copy is ever kept.
        ET.SubElement(folder, "maxConflicts").text = "10"
        root.insert(0, folder)
        tree.write(path)
        # The vault's journal exists only during a write: never a file to sync.
        (self.folder / ".stignore").write_text("*-journal\n*.attempts\n")

    def start(self) -> None:
        log = (self.home / "syncthing.log").open("wb")
        self.proc = subprocess.Popen(
            [SYNCTHING, "serve", f"--home={self.home}", "--no-browser", "--no-restart",
             "--no-upgrade", f"--gui-address=http://127.0.0.1:{self.gui_port}"],
            stdout=log, stderr=subprocess.STDOUT, env=_env(), start_new_session=True,
        )  # fmt: skip

    def api(self, method: str, endpoint: str, body: object | None = None) -> object:
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(
            f"http://127.0.0.1:{self.gui_port}{endpoint}", data=data, method=method,
            headers={"X-API-Key": self.api_key, "Content-Type": "application/json"},
        )  # fmt: skip
        with _no_proxy().open(req, timeout=5) as resp:
            text = resp.read()
        return json.loads(text) if text.strip() else None

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            try:
                self.api("POST", "/rest/system/shutdown")
                self.proc.wait(timeout=10)
            except Exception:
                pass
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)


def _no_proxy() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    return {**env, "STNOUPGRADE": "1", "STNORESTART": "1", "STNODEFAULTFOLDER": "1",
            "STGUIADDRESS": ""}  # fmt: skip


def _set(parent: ET.Element, tag: str, text: str) -> None:
    node = parent.find(tag)
    if node is None:
        node = ET.SubElement(parent, tag)
    node.text = text


@pytest.fixture
def network_attempts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """This test talks to the two Syncthing instances over loopback, and to nothing
    else: the suite's no-network guard is narrowed here to "127.0.0.1 only"."""
    attempts: list[str] = []
    original = socket.socket

    def _check(address: object) -> None:
        host = address[0] if isinstance(address, tuple) else address
        if host != "127.0.0.1":
            attempts.append(f"connect/bind({address!r})")
            raise OSError("only 127.0.0.1 is allowed in this test")

    class LoopbackSocket(original):  # type: ignore[misc, valid-type]
        def connect(self, address: object) -> None:
            _check(address)
            super().connect(address)

        def bind(self, address: object) -> None:
            _check(address)
            super().bind(address)

    monkeypatch.setattr(socket, "socket", LoopbackSocket)
    yield attempts
    if attempts:
        pytest.fail(f"the test tried to leave loopback: {', '.join(attempts)}")


class Clock:
    def __init__(self, seconds: float):
        self.end = time.monotonic() + seconds
        self.folder: Path = Path()

    def until(self, what: str, check: Callable[[], bool]) -> None:
        while time.monotonic() < self.end:
            try:
                if check():
                    return
            except Exception:
                pass
            time.sleep(0.25)
        logs = [p.read_text()[-3000:] for p in self.folder.parent.glob("*-home/syncthing.log")]
        pytest.fail(
            f"Syncthing did not get there in time: {what} "
            f"({sorted(p.name for p in self.folder.parent.glob('*-folder/*'))}) {logs}"
        )


@pytest.fixture
def pair_of_instances(tmp_path: Path) -> Iterator[tuple[Instance, Instance]]:
    if SYNCTHING is None:
        pytest.skip("syncthing is not installed (apt-get install syncthing; .ci/run does)")
    a, b = Instance(tmp_path, "a"), Instance(tmp_path, "b")
    a.configure(b)
    b.configure(a)
    try:
        a.start()
        b.start()
        yield a, b
    finally:
        a.stop()
        b.stop()
        for inst in (a, b):
            assert inst.proc is None or inst.proc.poll() is not None


def _texts(path: Path) -> set[str]:
    with Vault.open(path, PASSPHRASE) as v:
        return {s.reflection.sections.get("text", "") for s in v.sessions()}


def _add(path: Path, text: str) -> None:
    with Vault.open(path, PASSPHRASE) as v:
        v.save_session(session(v.clients()[0].id, date(2026, 3, 2), text))


def _paused(inst: Instance) -> bool:
    folder = inst.api("GET", f"/rest/config/folders/{FOLDER}")
    assert isinstance(folder, dict)
    return bool(folder["paused"])


def _connected(a: Instance, b: Instance) -> bool:
    status = a.api("GET", "/rest/system/connections")
    assert isinstance(status, dict)
    return bool(status["connections"].get(b.device_id, {}).get("connected"))


def _first_sync(a: Instance, b: Instance, clock: Clock) -> tuple[Path, Path]:
    vault_a, vault_b = a.folder / "vault.alliance", b.folder / "vault.alliance"
    with Vault.create(vault_a, PASSPHRASE) as v:
        c = v.save_client(Client("Ash 07"))
        v.save_session(session(c.id, date(2026, 3, 1), "written on A"))
    clock.until("A and B connect", lambda: _connected(a, b) and _connected(b, a))
    a.api("POST", f"/rest/db/scan?folder={FOLDER}")
    clock.until("the vault reaches B", lambda: vault_b.is_file()
                and digest(vault_b) == digest(vault_a))  # fmt: skip
    assert _texts(vault_b) == {"written on A"}
    return vault_a, vault_b


def test_a_write_on_a_arrives_on_b(pair_of_instances) -> None:
    a, b = pair_of_instances
    clock = Clock(DEADLINE)
    clock.folder = a.folder
    vault_a, vault_b = _first_sync(a, b, clock)
    _add(vault_a, "second on A")
    a.api("POST", f"/rest/db/scan?folder={FOLDER}")
    clock.until("the change reaches B", lambda: digest(vault_b) == digest(vault_a))
    assert _texts(vault_b) == {"written on A", "second on A"}


def _pause_peer(inst: Instance, peer: Instance, paused: bool) -> None:
    inst.api("PATCH", f"/rest/config/devices/{peer.device_id}", {"paused": paused})


def test_syncthing_conflict_copy_merges_losing_nothing(pair_of_instances) -> None:
    a, b = pair_of_instances
    clock = Clock(DEADLINE)
    clock.folder = a.folder
    vault_a, vault_b = _first_sync(a, b, clock)

    # Apart: each device stops talking to the other (as two laptops offline), both
    # write and each indexes its own change; then they meet again. Both versions are
    # then concurrent, and the older one is kept as a conflict copy.
    _pause_peer(a, b, True)
    _pause_peer(b, a, True)
    clock.until("A and B are apart", lambda: not _connected(a, b) and not _connected(b, a))
    time.sleep(1.1)  # a new modification second on each side (same size: pages are reused)
    _add(vault_a, "second on A")
    a.api("POST", f"/rest/db/scan?folder={FOLDER}")
    time.sleep(1.1)
    _add(vault_b, "written on B while apart")
    b.api("POST", f"/rest/db/scan?folder={FOLDER}")
    _pause_peer(a, b, False)
    _pause_peer(b, a, False)

    def conflict_copy() -> Path | None:
        found = sorted(a.folder.glob("vault.sync-conflict-*.alliance"))
        return found[0] if found else None

    clock.until("A and B meet again", lambda: _connected(a, b) and _connected(b, a))
    clock.until("a conflict copy appears", lambda: conflict_copy() is not None)
    copy = conflict_copy()
    assert copy is not None
    clock.until("the copy is whole", lambda: digest(copy) == digest(copy) and _texts(copy) != set())
    clock.until("A's vault settles", lambda: _texts(vault_a) != set())

    listed = _cli("--vault", str(vault_a), "conflicts", "--json")
    assert [d["tool"] for d in json.loads(listed.stdout)] == ["syncthing"]
    before = digest(copy)
    proc = _cli("--vault", str(vault_a), "--passphrase-stdin", "merge", str(copy),
                stdin=f"{PASSPHRASE}\n{PASSPHRASE}\n")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("merged: 1 new session"), proc.stdout
    assert _texts(vault_a) == {"written on A", "second on A", "written on B while apart"}
    moved = list(a.folder.glob(copy.name + ".merged-*"))
    assert len(moved) == 1 and digest(moved[0]) == before  # kept, renamed, never written


def _cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "alliance_desktop.cli", *args], input=stdin,
        capture_output=True, text=True, timeout=60, start_new_session=True,
        env={**os.environ, "ALLIANCE_VAULT": ""},
    )  # fmt: skip
    assert "Traceback" not in proc.stderr
    return proc
