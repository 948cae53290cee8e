"""Generated from ../../ui/*.ui by scripts/regenerate.py; do not edit."""
