"""zhifa — 乡镇综合行政执法办案框架 (township comprehensive enforcement case management)."""

__version__ = "0.1.0"
