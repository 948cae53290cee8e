"""Insights: trends, alerts, outcome change and strategy estimates computed from sessions."""
