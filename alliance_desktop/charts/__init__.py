"""charts layer (filled by later issues)."""
