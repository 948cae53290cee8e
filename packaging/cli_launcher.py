"""PyInstaller's entry script for the bundle's second executable: the same `main` the
`alliance-cli` command runs."""

from alliance_desktop.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
