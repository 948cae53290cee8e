"""The unlock screen: create a vault or unlock the one that exists (window.py), and the
passphrase fields it is built from (fields.py)."""
