"""The session editor and its widgets: ratings, reflection, ruptures, strategies."""
