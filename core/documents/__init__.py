"""执法文书: Word templates rendered from a case, numbered, stored with their hash, and printed to PDF.

Modules, each with one job: ``money`` (amounts in figures and 大写), ``numbering`` (文号 format),
``declarations`` (which template a case uses, field overrides), ``context`` (the values a template
reads), ``render`` (docxtpl), ``pdf`` (Word → PDF in pure Python), ``store`` (content-addressed
files), ``service`` (render, list, read back) and ``export`` (the whole case file as one zip).
See docs/documents.md.
"""
