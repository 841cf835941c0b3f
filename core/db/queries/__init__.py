"""The raw statements: every ``Table.raw(...)`` outside the db layer's own locks lives here, one function a statement.

Each function owns its statement and reads its rows (JSON decoded, SQLite's text dates parsed,
``zhifa.core.db.dialect``); the services call them and never write SQL. Raw SQL is used where a
statement is on a hot path and Piccolo's query building costs more than the query.
"""
