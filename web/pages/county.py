"""County supervisors: the dashboard (filled in below)."""

from __future__ import annotations

ROUTES: list = []
