"""PyInstaller's entry script: the `main` of the command this executable was started as.

On Linux the bundle's `alliance-cli` is a symlink to `alliance-desktop` (one executable,
one embedded module archive; see alliance-desktop.spec), so the name in argv[0] decides:
`alliance-cli` runs the command-line tool, anything else the desktop app. Windows and
macOS have a real second executable with its own entry script (cli_launcher.py).
"""

import os
import sys


def _command_name(argv0: str) -> str:
    name = os.path.basename(argv0)
    return name[: -len(".exe")] if name.lower().endswith(".exe") else name


if __name__ == "__main__":
    if _command_name(sys.argv[0] if sys.argv else "") == "alliance-cli":
        from alliance_desktop.cli import main
    else:
        from alliance_desktop.gui.app import main
    raise SystemExit(main())
