"""Oversight reports: quarters, case timelines and figures (pure), and the Word rendering."""
