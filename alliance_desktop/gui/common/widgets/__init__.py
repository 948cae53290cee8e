"""Generic input widgets: folded sections, type-to-filter ticks, tag entry; none knows the vault."""
