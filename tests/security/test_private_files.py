"""Attacks on output files, against the real kernel: the creating ``openat`` asks for
0600, a full tmpfs and a read-only mount leave nothing, a file-size limit leaves nothing.

A second local user can open a file in the window between a 0666 creation and a later
chmod; the only defence is the mode in the creating call, so it is read from strace.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from alliance_desktop.app.errors import OutputError
from alliance_desktop.app.files import write_private

_CHILD = """
import sys
from pathlib import Path
from alliance_desktop.app.files import write_private
from alliance_desktop.app.errors import OutputError
size = int(sys.argv[2])
try:
    write_private(Path(sys.argv[1]), lambda fh: fh.write(b"x" * size))
except OutputError as exc:
    print("OutputError:", exc)
    sys.exit(3)
print("written")
"""


def _child(*args: str, **kw) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*kw.pop("prefix", ()), sys.executable, "-c", _CHILD, *args],
        capture_output=True,
        text=True,
        timeout=120,
        **kw,
    )


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed")
def test_the_first_openat_of_the_output_asks_for_0600(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    trace = tmp_path / "trace.txt"
    proc = _child(
        str(out), "4096",
        prefix=("strace", "-f", "-qq", "-e", "trace=openat,open,creat", "-o", str(trace)),
    )  # fmt: skip
    if proc.returncode != 0 and "ptrace" in proc.stderr:
        pytest.skip(f"strace cannot trace here: {proc.stderr.strip()}")
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes() == b"x" * 4096
    folder = re.escape(str(tmp_path))
    creations = [
        line
        for line in trace.read_text().splitlines()
        if re.search(rf'"{folder}/[^"]*"', line) and "O_CREAT" in line
    ]
    assert creations, "the output was never created through openat"
    for line in creations:  # every creation in the folder, the very first one included
        assert re.search(r"O_CREAT[^)]*\b0600\)", line), line
        assert "O_EXCL" in line and "O_NOFOLLOW" in line, line
    assert f'"{out}"' not in creations[0]  # a temporary name, renamed when complete


@contextlib.contextmanager
def _mount(options: str) -> Iterator[Path]:
    """A tmpfs of its own, or a skip where this machine may not mount."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root and mount(8)")
    where = Path(tempfile.mkdtemp(prefix="alliance-mnt-"))
    proc = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        where.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {proc.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=False)
        where.rmdir()


def test_a_really_full_disk_leaves_no_file_at_all() -> None:
    with _mount("size=64k,mode=0755") as disk:
        target = disk / "export.json"
        with pytest.raises(OutputError) as caught:
            write_private(target, lambda fh: fh.write(b"y" * 1_000_000))
        assert str(target) in str(caught.value)
        assert "space" in str(caught.value)
        assert os.listdir(disk) == []  # neither the target nor a temporary file


def test_a_read_only_folder_leaves_nothing_and_names_the_path() -> None:
    # Root ignores permission bits, so the folder is made read-only the way the kernel
    # enforces for everyone: a read-only mount.
    with _mount("size=64k,ro") as folder:
        target = folder / "chart.png"
        with pytest.raises(OutputError) as caught:
            write_private(target, lambda fh: fh.write(b"png"))
        assert str(target) in str(caught.value)
        assert "read-only" in str(caught.value)
        assert os.listdir(folder) == []


def test_a_file_size_limit_in_a_child_leaves_no_file(tmp_path: Path) -> None:
    import resource

    def limit() -> None:
        import signal

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a kill
        resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))

    out = tmp_path / "big.pdf"
    proc = _child(str(out), "100000", preexec_fn=limit)
    assert proc.returncode == 3, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    assert str(out) in proc.stdout
    assert os.listdir(tmp_path) == []
