"""The small core: domain types and rules, hookspecs, plugin manager, services, persistence."""
