"""公示: which decisions are published, when (working days), and how personal data is masked.

Pure modules (no I/O): ``mask`` (去标识化), ``due`` (due dates and display periods), ``page``
(the township's public page as HTML). The service is ``zhifa.core.services.publication``.
"""
