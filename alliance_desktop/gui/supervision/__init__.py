"""Prepare supervision: the packet wizard (one module per step), its preview, past packets
and the hub that adds the Supervision menu to the main window."""
