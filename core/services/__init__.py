"""Services: one transaction per operation; API and CLI call these and nothing below them."""
