"""Domain types and pure rules of records: identifiers, roles, authorisation. No I/O here."""
