"""The Debian package, built with dpkg-deb from the PyInstaller bundle (no network).

    python packaging/linux/build_deb.py --bundle dist/alliance-desktop \\
        --generated build/deb-generated --out dist

(`make deb` runs it after `make bundle` and packaging/linux/gen_docs.py.) What goes where:

    /opt/alliance-desktop/                 the bundle, as built
    /usr/bin/alliance-desktop, alliance-cli    symlinks into it
    /usr/share/applications/, mime/packages/, metainfo/, icons/hicolor/
    /usr/share/man/man1/*.1.gz, bash-completion/, zsh/vendor-completions/
    /usr/share/doc/alliance-desktop/       copyright (DEP-5), changelog.Debian.gz, changelog.gz

`Depends:` is measured, not written down: every ELF file in the bundle is run through
`ldd` with the bundle's own library folder first (as its bootloader sets
LD_LIBRARY_PATH), each library it names directly (DT_NEEDED) that the bundle does not
carry is mapped to its package with `dpkg -S`, and libc6 gets the newest GLIBC symbol
version any file asks for. A library the build machine lacks is named by Debian's
soname rule (libxcb-icccm.so.4 -> libxcb-icccm4), which the table below corrects where
Debian differs. No maintainer scripts: dpkg's triggers (shared-mime-info,
desktop-file-utils, hicolor-icon-theme, man-db) refresh the caches, so `apt-get purge`
leaves nothing behind; the user's vault lives in their home and is never touched.
"""

from __future__ import annotations

import argparse
import email.utils
import gzip
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
PACKAGE = "alliance-desktop"
APP_ID = "org.alliancedesktop.AllianceDesktop"
PREFIX = Path("opt") / PACKAGE
COMMANDS = ("alliance-desktop", "alliance-cli")
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
DEBIAN_REVISION = "1"
#: Override with DEB_MAINTAINER; the address is the project's own (the app id's) domain.
DEFAULT_MAINTAINER = "Alliance Desktop developers <maintainers@alliancedesktop.org>"

#: Where Debian 12's package names differ from the soname rule (or a library is opened
#: with dlopen and so never appears in DT_NEEDED).
KNOWN_PACKAGES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libz.so.1": "zlib1g",
    "libexpat.so.1": "libexpat1",
    "libuuid.so.1": "libuuid1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libgpg-error.so.0": "libgpg-error0",
}
#: The C library's own sonames: all in libc6, versioned by GLIBC_* below.
LIBC = {
    "libc.so.6",
    "libm.so.6",
    "libdl.so.2",
    "libpthread.so.0",
    "librt.so.1",
    "libutil.so.1",
    "ld-linux-x86-64.so.2",
    "libresolv.so.2",
}

Runner = Callable[[list[str]], str]


def _run(argv: list[str], env: dict[str, str] | None = None) -> str:
    return subprocess.run(argv, capture_output=True, text=True, env=env).stdout


def version() -> str:
    text = (ROOT / "alliance_desktop" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    assert found, "no __version__ in alliance_desktop/__init__.py"
    return found.group(1)


def release_date() -> str:
    release = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot().find("releases/release")
    return release.get("date", "") if release is not None else ""


# -- Depends, measured ------------------------------------------------------------------


def is_elf(path: Path) -> bool:
    if path.is_symlink() or not path.is_file():
        return False
    with path.open("rb") as fh:
        return fh.read(4) == b"\x7fELF"


def elf_files(bundle: Path) -> list[Path]:
    return sorted(p for p in bundle.rglob("*") if is_elf(p))


def needed(path: Path) -> list[str]:
    out = _run(["readelf", "-dW", str(path)])
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def glibc_versions(path: Path) -> set[tuple[int, ...]]:
    out = _run(["readelf", "-VW", str(path)])
    return {tuple(int(n) for n in v.split(".")) for v in re.findall(r"GLIBC_(\d+(?:\.\d+)+)", out)}


def ldd(path: Path, libdir: Path) -> dict[str, str | None]:
    """soname -> the file the dynamic linker picks (None: not found), as the bundle runs."""
    env = dict(os.environ, LD_LIBRARY_PATH=str(libdir))
    found: dict[str, str | None] = {}
    for line in _run(["ldd", str(path)], env=env).splitlines():
        m = re.match(r"\s*(\S+) => (not found|(\S+))", line)
        if m:
            found[m.group(1)] = None if m.group(2) == "not found" else m.group(3)
    return found


def soname_rule(soname: str) -> str:
    """Debian Policy 8.1: libfoo-bar.so.4 -> libfoo-bar4; a name ending in a digit gets
    a hyphen (libxkbcommon-x11.so.0 -> libxkbcommon-x11-0)."""
    m = re.fullmatch(r"(.+?)\.so\.(\d+)(?:\..*)?", soname)
    if not m:
        return soname.lower()
    base, major = m.group(1).lower().replace("_", "-"), m.group(2)
    return f"{base}-{major}" if base[-1].isdigit() else f"{base}{major}"


def package_of(path: str | None, soname: str) -> str:
    if soname in KNOWN_PACKAGES:
        return KNOWN_PACKAGES[soname]
    if path:
        candidates = [path, os.path.realpath(path)]
        candidates += [c.removeprefix("/usr") for c in candidates if c.startswith("/usr/")]
        candidates += ["/usr" + c for c in candidates if c.startswith("/lib")]
        for candidate in dict.fromkeys(candidates):
            out = _run(["dpkg", "-S", candidate])
            if out and ":" in out:
                return out.split(":", 1)[0].split(",")[0].strip()
    return soname_rule(soname)


def measure(bundle: Path) -> dict[str, str | None]:
    """Every system library the bundle links to directly: soname -> path on this machine."""
    libdir = bundle / "_internal"
    carried = {p.name for p in bundle.rglob("*")}
    external: dict[str, str | None] = {}
    for elf in elf_files(bundle):
        wanted = [n for n in needed(elf) if n not in carried]
        if not wanted:
            continue
        resolved = ldd(elf, libdir)
        for soname in wanted:
            external.setdefault(soname, resolved.get(soname))
            if external[soname] is None and resolved.get(soname):
                external[soname] = resolved[soname]
    return external


def depends(bundle: Path) -> list[str]:
    external = measure(bundle)
    packages = {package_of(path, soname) for soname, path in external.items() if soname not in LIBC}
    newest = max((v for elf in elf_files(bundle) for v in glibc_versions(elf)), default=None)
    libc = "libc6" + (f" (>= {'.'.join(map(str, newest))})" if newest else "")
    return [libc, *sorted(packages - {"libc6"})]


# -- the staging tree -------------------------------------------------------------------


def _gzip(data: bytes) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9, mtime=0) as fh:
        fh.write(data)
    return buffer.getvalue()


def changelog_debian(ver: str, maintainer: str) -> str:
    day = datetime.strptime(release_date(), "%Y-%m-%d").replace(hour=12, tzinfo=UTC)
    return (
        f"{PACKAGE} ({ver}-{DEBIAN_REVISION}) stable; urgency=medium\n\n"
        f"  * Release {ver}, built with dpkg-deb from the PyInstaller bundle.\n"
        f"    What changed upstream: /usr/share/doc/{PACKAGE}/changelog.gz.\n\n"
        f" -- {maintainer}  {email.utils.format_datetime(day)}\n"
    )


DESCRIPTION = """\
private, offline reflection on the therapeutic alliance
 A private notebook for therapists, for the few minutes right after a
 session: rate the relationship with each client (trust, engagement, goal
 alignment, fit with the approach), note ruptures and repairs, tick the
 strategies tried and write a few lines of reflection; over the weeks it
 shows how each relationship is going.
 .
 Everything stays in one file encrypted with SQLCipher 4 under your
 passphrase, and the app never opens a network connection. The package
 installs the desktop app (alliance-desktop, which opens *.alliance vault
 files) and the command-line tool (alliance-cli) as one self-contained build
 with its own Python and Qt under /opt/alliance-desktop."""


def control(ver: str, arch: str, deps: Iterable[str], maintainer: str, size_kib: int) -> str:
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {ver}-{DEBIAN_REVISION}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {maintainer}\n"
        f"Installed-Size: {size_kib}\n"
        f"Depends: {', '.join(deps)}\n"
        f"Recommends: shared-mime-info, desktop-file-utils, hicolor-icon-theme\n"
        f"Section: misc\n"
        f"Priority: optional\n"
        f"Description: {DESCRIPTION}\n"
    )


def _install(src: Path | bytes | str, dest: Path, mode: int = 0o644) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(src, Path):
        shutil.copyfile(src, dest)
    else:
        dest.write_bytes(src.encode() if isinstance(src, str) else src)
    dest.chmod(mode)


def _normalise_modes(tree: Path) -> None:
    """0755 folders and programs, 0644 everything else (shared objects included)."""
    for path in [tree, *tree.rglob("*")]:
        if path.is_symlink():
            continue
        program = os.access(path, os.X_OK) and not re.search(r"\.so(\.|$)", path.name)
        path.chmod(0o755 if path.is_dir() or program else 0o644)


def stage(
    bundle: Path,
    generated: Path,
    dest: Path,
    *,
    ver: str,
    arch: str,
    deps: Iterable[str],
    maintainer: str = DEFAULT_MAINTAINER,
) -> Path:
    """The package's file tree in `dest` (emptied first), DEBIAN/ included."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copytree(bundle, dest / PREFIX, symlinks=True)
    _normalise_modes(dest / PREFIX)
    usr = dest / "usr"
    share = usr / "share"
    (usr / "bin").mkdir(parents=True)
    for command in COMMANDS:
        # Absolute, as Policy 10.5 asks of links between top-level folders.
        (usr / "bin" / command).symlink_to(Path("/", PREFIX, command))
    _install(LINUX / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
    _install(LINUX / f"{APP_ID}.mime.xml", share / "mime" / "packages" / f"{APP_ID}.xml")
    _install(LINUX / f"{APP_ID}.metainfo.xml", share / "metainfo" / f"{APP_ID}.metainfo.xml")
    icons = LINUX / "icons" / "hicolor"
    for size in ICON_SIZES:
        rel = Path(f"{size}x{size}", "apps", f"{APP_ID}.png")
        _install(icons / rel, share / "icons" / "hicolor" / rel)
    rel = Path("scalable", "apps", f"{APP_ID}.svg")
    _install(icons / rel, share / "icons" / "hicolor" / rel)
    for page in ("alliance-desktop.1", "alliance-cli.1"):
        text = (generated / "man" / page).read_bytes()
        _install(_gzip(text), share / "man" / "man1" / f"{page}.gz")
    _install(generated / "completion" / "bash" / "alliance-cli",
             share / "bash-completion" / "completions" / "alliance-cli")  # fmt: skip
    _install(generated / "completion" / "zsh" / "_alliance-cli",
             share / "zsh" / "vendor-completions" / "_alliance-cli")  # fmt: skip
    doc = share / "doc" / PACKAGE
    _install(LINUX / "debian" / "copyright", doc / "copyright")
    _install(_gzip(changelog_debian(ver, maintainer).encode()), doc / "changelog.Debian.gz")
    _install(_gzip((ROOT / "CHANGELOG.md").read_bytes()), doc / "changelog.gz")
    _install(LINUX / "debian" / "lintian-overrides", share / "lintian" / "overrides" / PACKAGE)
    for folder in [usr, *usr.rglob("*")]:
        if folder.is_dir() and not folder.is_symlink():
            folder.chmod(0o755)

    files = sorted(p for p in dest.rglob("*") if p.is_file() and not p.is_symlink())
    size_kib = sum((p.stat().st_size + 1023) // 1024 for p in files) + len(list(dest.rglob("*")))
    debian = dest / "DEBIAN"
    debian.mkdir(mode=0o755)
    _install(control(ver, arch, deps, maintainer, size_kib), debian / "control")
    md5sums = "".join(
        f"{hashlib.md5(p.read_bytes()).hexdigest()}  {p.relative_to(dest).as_posix()}\n"
        for p in files
    )
    _install(md5sums, debian / "md5sums")
    return dest


def build(staging: Path, out: Path, ver: str, arch: str) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    deb = out / f"{PACKAGE}_{ver}-{DEBIAN_REVISION}_{arch}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(staging), str(deb)],
        check=True,
    )
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the .deb from the bundle.")
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / PACKAGE)
    parser.add_argument("--generated", type=Path, default=ROOT / "build" / "deb-generated")
    parser.add_argument("--staging", type=Path, default=ROOT / "build" / "deb" / PACKAGE)
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    if not (args.bundle / "alliance-desktop").is_file():
        print(f"{args.bundle} has no alliance-desktop: run `make bundle` first", file=sys.stderr)
        return 1
    for tool in ("dpkg-deb", "readelf", "ldd"):
        if shutil.which(tool) is None:
            print(f"{tool} is needed to build the package", file=sys.stderr)
            return 1
    ver = version()
    arch = _run(["dpkg", "--print-architecture"]).strip() or "amd64"
    deps = depends(args.bundle)
    maintainer = os.environ.get("DEB_MAINTAINER") or DEFAULT_MAINTAINER
    staging = stage(args.bundle, args.generated, args.staging, ver=ver, arch=arch,
                    deps=deps, maintainer=maintainer)  # fmt: skip
    deb = build(staging, args.out, ver, arch)
    print(f"Depends: {', '.join(deps)}")
    print(deb)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
