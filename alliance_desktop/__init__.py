"""Alliance Desktop: private, offline reflection on the therapeutic alliance."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("alliance-desktop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
