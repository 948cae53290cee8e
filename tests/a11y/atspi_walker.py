#!/usr/bin/python3
"""Dump what assistive technology sees of the running app, as JSON.

Runs under the *system* python3 (python3-pyatspi is a Debian package, not a wheel),
inside the same D-Bus session as the app. Usage: ``atspi_walker.py APP_NAME OUT.json``.
Writes one record per node that is showing: role, name, description, states,
interfaces and, for nodes with the Value interface, current/minimum/maximum.
Exit status 2 when the application is not on the accessibility bus.
"""

from __future__ import annotations

import json
import sys

import pyatspi  # type: ignore[import-not-found]

MAX_CHILDREN = 500


def _states(acc) -> list[str]:
    try:
        return sorted(pyatspi.stateToString(s) for s in acc.getState().getStates())
    except Exception:
        return []


def _value(acc) -> dict | None:
    try:
        value = acc.queryValue()
    except (NotImplementedError, Exception):
        return None
    try:
        return {
            "current": value.currentValue,
            "minimum": value.minimumValue,
            "maximum": value.maximumValue,
        }
    except Exception:
        return None


def _record(acc, depth: int, path: str) -> dict:
    try:
        interfaces = sorted(pyatspi.listInterfaces(acc))
    except Exception:
        interfaces = []
    return {
        "depth": depth,
        "path": path,
        "role": acc.getRoleName(),
        "name": acc.name or "",
        "description": acc.description or "",
        "states": _states(acc),
        "interfaces": interfaces,
        "value": _value(acc) if "Value" in interfaces else None,
    }


def _walk(acc, depth: int, path: str, out: list[dict], shown_above: bool) -> None:
    record = _record(acc, depth, path)
    shown = shown_above and (depth == 0 or "showing" in record["states"])
    if shown:
        out.append(record)
    else:
        return  # nothing under a hidden node is on screen
    for index in range(min(acc.childCount, MAX_CHILDREN)):
        try:
            child = acc.getChildAtIndex(index)
        except Exception:
            continue
        if child is not None:
            _walk(child, depth + 1, f"{path}/{record['role']}[{index}]", out, shown)


def main(argv: list[str]) -> int:
    want = argv[1].lower()
    desktop = pyatspi.Registry.getDesktop(0)
    apps = [desktop.getChildAtIndex(i) for i in range(desktop.childCount)]
    apps = [a for a in apps if a is not None and want in (a.name or "").lower()]
    if not apps:
        print(f"no application named like {want!r} on the accessibility bus")
        return 2
    nodes: list[dict] = []
    for app in apps:
        _walk(app, 0, app.name, nodes, True)
    with open(argv[2], "w", encoding="utf-8") as fh:
        json.dump(nodes, fh, ensure_ascii=False, indent=0)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
