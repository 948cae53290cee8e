"""The window frame: main window, action registry, status queue and the controller."""
