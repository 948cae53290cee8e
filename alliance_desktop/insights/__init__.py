"""insights layer (filled by later issues)."""
