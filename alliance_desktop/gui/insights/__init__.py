"""The insights feature: dashboard, caseload table, insights page, trends tab, suggestions,
plan bar and the hub that computes and draws them (``hub.InsightsHub``)."""
