"""Reports: CSV and lossless JSON export and import, redaction, and the supervision packet."""
