"""Alliance Desktop: private, offline reflection on the therapeutic alliance."""

# The one place the version lives: pyproject.toml reads it from here, and --version,
# About and the AppStream metainfo show it.
__version__ = "0.1.0"
