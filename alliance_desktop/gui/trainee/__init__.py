"""Trainee practice: practice clients, feedback on a reflection with its rubric, the
practice log, the daily reminder, and the hub that wires them into the main window."""
