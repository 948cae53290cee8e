"""reports layer (filled by later issues)."""
