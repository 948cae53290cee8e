"""Render resources/icons/alliance.svg into the PNG, ICO and ICNS icons packaging needs.

Run after changing the app icon (`make icons`); the outputs are committed so that
building a package needs no renderer. Qt draws them, so the result matches the icon
the running app shows:

- packaging/linux/icons/hicolor/<n>x<n>/apps/<id>.png for n in 16…512, plus scalable SVG
- packaging/windows/alliance-desktop.ico (16…256) for the Windows build and installer
- packaging/macos/AllianceDesktop.icns (16…1024) for the macOS bundle
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "org.alliancedesktop.AllianceDesktop"
SOURCE = ROOT / "resources" / "icons" / "alliance.svg"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def render(size: int):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SOURCE}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def _save(image, path: Path, fmt: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path), fmt):
        raise SystemExit(f"Qt could not write {path} (is its {fmt} image plugin installed?)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "packaging", help="packaging folder")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    hicolor = args.out / "linux" / "icons" / "hicolor"
    for size in PNG_SIZES:
        _save(render(size), hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png", "PNG")
    scalable = hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    # Qt's ICO and ICNS writers take the largest image; both formats scale it down.
    _save(render(256), args.out / "windows" / "alliance-desktop.ico", "ICO")
    _save(render(1024), args.out / "macos" / "AllianceDesktop.icns", "ICNS")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
