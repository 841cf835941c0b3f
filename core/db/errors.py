"""Errors of the database set-up that callers catch without importing a driver (the CLI's start-up)."""


class DatabaseURLError(ValueError):
    pass
