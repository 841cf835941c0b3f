"""The HTTP API (Litestar): thin controllers over ``zhifa.core.services``."""
