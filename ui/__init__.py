"""The web page's helpers (beside app.py, not among the screening stages)."""
