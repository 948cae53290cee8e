"""Everything Qt: the application, windows, dialogs, widgets, models and controllers."""
