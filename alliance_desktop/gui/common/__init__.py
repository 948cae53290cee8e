"""What every feature of the GUI shares: theme, preferences, dialogs, generic widgets."""
