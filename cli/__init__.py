"""The ``zhifa`` command line."""
