"""Reusable input widgets of the session editor; each knows nothing of the vault."""
