"""``python -m alliance_desktop.cli``."""

from alliance_desktop.cli import main

raise SystemExit(main())
