"""The Debian package: its generated manual pages and completion, its file tree, and
(with ALLIANCE_PACKAGING_TESTS=1 after `make deb`) the built .deb itself.

The fast tests generate the pages and completion from the parsers and stage the package
tree from a stand-in bundle, so they run in `make test`; tools that are missing (man,
groff, zsh, dpkg-deb) skip with a reason. The slow ones unpack the real .deb, run both
commands from it and, as root, install and purge it in a throwaway dpkg root.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from alliance_desktop import __version__

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.alliancedesktop.AllianceDesktop"
SLOW = os.environ.get("ALLIANCE_PACKAGING_TESTS") == "1"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, LINUX / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


build_deb = _load("build_deb")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    for lib in ("argparse_manpage", "shtab"):
        if importlib.util.find_spec(lib) is None:
            pytest.skip(f"{lib} is not installed (pip install -e '.[packaging]')")
    gen_docs = _load("gen_docs")
    out = tmp_path_factory.mktemp("generated")
    gen_docs.generate(out)
    return out


# -- manual pages and completion --------------------------------------------------------


@pytest.mark.parametrize("page", ["alliance-desktop.1", "alliance-cli.1"])
def test_manual_pages_come_from_the_parsers(generated: Path, page: str):
    text = (generated / "man" / page).read_text(encoding="utf-8")
    assert text.startswith(f'.TH {page[:-2].upper().replace("-", chr(92) + "-")} "1"')
    assert f"alliance\\-desktop {__version__}" in text
    if page == "alliance-cli.1":
        # Every sub-command of the real parser is documented, with its options.
        from alliance_desktop.cli import COMMANDS, build_parser

        assert len(COMMANDS) >= 10
        parser = build_parser()
        (sub,) = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
        for name in sub.choices:
            assert f"alliance\\-cli {name}" in text, name
        assert "\\-\\-passphrase\\-stdin" in text
        assert '.SH "EXIT STATUS"' in text or ".SH EXIT STATUS" in text
    else:
        assert "PATH" in text and "\\-\\-self\\-test" in text and "\\-\\-demo" in text


@pytest.mark.skipif(shutil.which("man") is None and shutil.which("groff") is None,
                    reason="neither man nor groff is installed (apt-get install man-db groff)")  # fmt: skip
@pytest.mark.parametrize("page", ["alliance-desktop.1", "alliance-cli.1"])
def test_manual_pages_render(generated: Path, page: str):
    path = generated / "man" / page
    if shutil.which("man"):
        cmd = ["man", "--warnings=w", "-l", str(path)]
        env = dict(os.environ, MANPAGER="cat", PAGER="cat", MANWIDTH="80", LC_ALL="C.UTF-8")
    else:
        cmd = ["groff", "-man", "-Tutf8", "-ww", str(path)]
        env = dict(os.environ)
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    # Only groff's "cannot adjust line" for long option lists is tolerated.
    problems = [
        line for line in proc.stderr.splitlines() if line and "cannot adjust line" not in line
    ]
    assert not problems, problems
    assert "NAME" in proc.stdout and "SYNOPSIS" in proc.stdout


def test_bash_completion_loads_and_knows_the_commands(generated: Path):
    script = generated / "completion" / "bash" / "alliance-cli"
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    check = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    # Sourced for real, it registers the completion and offers every sub-command.
    probe = (
        f"source {script}; complete -p alliance-cli >/dev/null || exit 3; "
        "COMP_WORDS=(alliance-cli ''); COMP_CWORD=1; COMP_LINE='alliance-cli '; "
        "COMP_POINT=${#COMP_LINE}; fn=$(complete -p alliance-cli | sed -E 's/.*-F ([^ ]+).*/\\1/'); "
        '$fn alliance-cli "" alliance-cli; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    done = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    offered = set(done.stdout.split())
    assert {"init", "export", "backup", "verify", "restore", "report", "chart"} <= offered


@pytest.mark.skipif(
    shutil.which("zsh") is None, reason="zsh is not installed (apt-get install zsh)"
)
def test_zsh_completion_parses(generated: Path):
    script = generated / "completion" / "zsh" / "_alliance-cli"
    assert script.read_text(encoding="utf-8").startswith("#compdef alliance-cli")
    check = subprocess.run(["zsh", "-n", str(script)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


# -- the package tree, from a stand-in bundle -------------------------------------------


def _fake_bundle(folder: Path) -> Path:
    bundle = folder / "alliance-desktop"
    (bundle / "_internal").mkdir(parents=True)
    exe = bundle / "alliance-desktop"
    exe.write_text("#!/bin/sh\n")
    exe.chmod(0o755)
    (bundle / "alliance-cli").symlink_to("alliance-desktop")
    (bundle / "_internal" / "libexample.so.1").write_bytes(b"not really")
    (bundle / "_internal" / "libexample.so.1").chmod(0o755)
    return bundle


EXPECTED_FILES = {
    "opt/alliance-desktop/alliance-desktop",
    "opt/alliance-desktop/alliance-cli",
    "opt/alliance-desktop/_internal/libexample.so.1",
    "usr/bin/alliance-desktop",
    "usr/bin/alliance-cli",
    f"usr/share/applications/{APP_ID}.desktop",
    f"usr/share/mime/packages/{APP_ID}.xml",
    f"usr/share/metainfo/{APP_ID}.metainfo.xml",
    f"usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
    *(f"usr/share/icons/hicolor/{n}x{n}/apps/{APP_ID}.png" for n in build_deb.ICON_SIZES),
    "usr/share/man/man1/alliance-desktop.1.gz",
    "usr/share/man/man1/alliance-cli.1.gz",
    "usr/share/bash-completion/completions/alliance-cli",
    "usr/share/zsh/vendor-completions/_alliance-cli",
    "usr/share/doc/alliance-desktop/copyright",
    "usr/share/doc/alliance-desktop/changelog.Debian.gz",
    "usr/share/doc/alliance-desktop/changelog.gz",
    "usr/share/lintian/overrides/alliance-desktop",
}


@pytest.fixture()
def staged(tmp_path: Path, generated: Path) -> Path:
    return build_deb.stage(
        _fake_bundle(tmp_path), generated, tmp_path / "root",
        ver=__version__, arch="amd64", deps=["libc6 (>= 2.34)", "libegl1"],
    )  # fmt: skip


def _tree(root: Path) -> set[str]:
    return {
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if (p.is_file() or p.is_symlink()) and "DEBIAN" not in p.parts
    }


def test_staged_tree_has_every_file_and_nothing_else(staged: Path):
    assert _tree(staged) == EXPECTED_FILES


def test_commands_link_into_opt_and_modes_are_standard(staged: Path):
    for command in ("alliance-desktop", "alliance-cli"):
        link = staged / "usr" / "bin" / command
        assert os.readlink(link) == f"/opt/alliance-desktop/{command}"
    assert os.readlink(staged / "opt/alliance-desktop/alliance-cli") == "alliance-desktop"
    assert (staged / "opt/alliance-desktop/alliance-desktop").stat().st_mode & 0o777 == 0o755
    # Shared objects lose the executable bit, documents are 0644.
    assert (
        staged / "opt/alliance-desktop/_internal/libexample.so.1"
    ).stat().st_mode & 0o777 == 0o644
    assert (staged / "usr/share/doc/alliance-desktop/copyright").stat().st_mode & 0o777 == 0o644


def test_control_file_and_md5sums(staged: Path):
    control = (staged / "DEBIAN" / "control").read_text(encoding="utf-8")
    assert "Package: alliance-desktop\n" in control
    assert f"Version: {__version__}-1\n" in control
    assert "Depends: libc6 (>= 2.34), libegl1\n" in control
    assert "\nDescription: private, offline reflection" in control
    assert all(len(line) <= 80 for line in control.splitlines())
    md5 = (staged / "DEBIAN" / "md5sums").read_text(encoding="utf-8")
    assert "  usr/share/doc/alliance-desktop/copyright\n" in md5
    assert "usr/bin/" not in md5  # symlinks carry no checksum


def test_changelog_debian_names_this_version():
    import email.utils

    text = build_deb.changelog_debian(__version__, build_deb.DEFAULT_MAINTAINER)
    first, *_, last = text.rstrip("\n").splitlines()
    assert first == f"alliance-desktop ({__version__}-1) stable; urgency=medium"
    assert last.startswith(" -- Alliance Desktop developers <")
    assert email.utils.parsedate_to_datetime(last.split(">  ", 1)[1]) is not None


def test_copyright_is_machine_readable():
    text = (LINUX / "debian" / "copyright").read_text(encoding="utf-8")
    assert text.startswith(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
    )
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    used = set()
    defined = set()
    for p in paragraphs[1:]:
        fields = dict(
            line.split(": ", 1)
            for line in p.splitlines()
            if line and not line.startswith(" ")
            if ": " in line
        )
        if "Files" in fields:
            assert "Copyright" in fields and "License" in fields, p[:60]
            used |= {name.strip() for name in fields["License"].split(" and ")}
        elif "License" in fields:
            defined.add(fields["License"].strip())
    assert "GPL-3+" in used
    assert used <= defined, used - defined
    assert "/usr/share/common-licenses/GPL-3" in text


def test_soname_rule_and_known_packages():
    assert build_deb.soname_rule("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert build_deb.soname_rule("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert build_deb.soname_rule("libxcb-cursor.so.0") == "libxcb-cursor0"
    assert build_deb.package_of(None, "libEGL.so.1") == "libegl1"
    assert build_deb.package_of(None, "libwayland-cursor.so.0") == "libwayland-cursor0"


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb is not installed")
def test_dpkg_deb_builds_the_staged_tree(staged: Path, tmp_path: Path):
    deb = build_deb.build(staged, tmp_path / "out", __version__, "amd64")
    info = subprocess.run(["dpkg-deb", "-f", str(deb), "Package", "Depends"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    assert "Package: alliance-desktop" in info.stdout
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True,
                             check=True).stdout  # fmt: skip
    assert "root/root" in listing  # --root-owner-group: no build user's ids leak in
    assert "./usr/bin/alliance-cli -> /opt/alliance-desktop/alliance-cli" in listing


# -- the real package (after `make deb`) ------------------------------------------------


def _built_deb() -> Path:
    if not SLOW:
        pytest.skip("set ALLIANCE_PACKAGING_TESTS=1 after `make deb` to check the built .deb")
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is not installed")
    found = sorted((ROOT / "dist").glob(f"alliance-desktop_{__version__}-1_*.deb"))
    if not found:
        pytest.skip("no dist/alliance-desktop_*.deb: run `make deb`")
    return found[-1]


def test_built_deb_file_list_and_depends():
    deb = _built_deb()
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True,
                             check=True).stdout  # fmt: skip
    names = {line.split()[5].removeprefix("./") for line in listing.splitlines()}
    for expected in EXPECTED_FILES - {"opt/alliance-desktop/_internal/libexample.so.1"}:
        assert expected in names, expected
    assert any(
        n.startswith("opt/alliance-desktop/_internal/PySide6/Qt/plugins/platforms/") for n in names
    )
    assert not [n for n in names if n.startswith(("home/", "root/", "etc/", "var/"))]
    depends = subprocess.run(["dpkg-deb", "-f", str(deb), "Depends"], capture_output=True,
                             text=True, check=True).stdout  # fmt: skip
    deps = {d.strip().split()[0] for d in depends.split(",")}
    # What Qt's xcb and wayland platform plugins link to and the bundle leaves to the host.
    assert {
        "libc6",
        "libegl1",
        "libfontconfig1",
        "libx11-6",
        "libxcb1",
        "libwayland-client0",
    } <= deps


def test_built_deb_unpacked_runs_both_commands(tmp_path: Path):
    deb = _built_deb()
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    opt = root / "opt" / "alliance-desktop"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"))
    cli = subprocess.run([str(opt / "alliance-cli"), "--version"], capture_output=True,
                         text=True, env=env, timeout=60)  # fmt: skip
    assert cli.returncode == 0 and cli.stdout.strip() == f"alliance-cli {__version__}", cli.stderr
    selftest = subprocess.run([str(opt / "alliance-desktop"), "--self-test"], capture_output=True,
                              text=True, env=env, timeout=300)  # fmt: skip
    assert selftest.returncode == 0, selftest.stdout + selftest.stderr
    assert "ok   alliance-cli" in selftest.stdout


def test_built_deb_installs_and_purges_in_a_throwaway_root(tmp_path: Path):
    deb = _built_deb()
    if os.geteuid() != 0 or shutil.which("dpkg") is None:
        pytest.skip("installing with dpkg --root needs root and dpkg")
    root = tmp_path / "root"
    admin = root / "var" / "lib" / "dpkg"
    for sub in ("info", "updates", "triggers"):
        (admin / sub).mkdir(parents=True)
    (admin / "status").touch()
    (admin / "available").touch()
    vault = root / "home" / "someone" / ".local/share/AllianceDesktop/vault.alliance"
    vault.parent.mkdir(parents=True)
    vault.write_bytes(b"the user's data")
    dpkg = ["dpkg", f"--root={root}", "--force-depends", "--force-script-chrootless"]
    done = subprocess.run([*dpkg, "--install", str(deb)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    installed = root / "opt" / "alliance-desktop" / "alliance-cli"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    assert (
        subprocess.run([str(installed), "--version"], env=env, capture_output=True).returncode == 0
    )
    assert (root / "usr/share/mime/packages" / f"{APP_ID}.xml").is_file()
    purge = subprocess.run([*dpkg, "--purge", "alliance-desktop"], capture_output=True, text=True)
    assert purge.returncode == 0, purge.stdout + purge.stderr
    left = {
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and not p.relative_to(root).as_posix().startswith("var/lib/dpkg")
    }
    # Everything the package put there is gone; the user's vault stays.
    assert left == {"home/someone/.local/share/AllianceDesktop/vault.alliance"}
    assert vault.read_bytes() == b"the user's data"
    assert not (root / "opt" / "alliance-desktop").exists()
