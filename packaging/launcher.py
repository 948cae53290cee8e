"""PyInstaller's entry script: the same `main` the `alliance-desktop` command runs."""

from alliance_desktop.gui.app import main

if __name__ == "__main__":
    raise SystemExit(main())
