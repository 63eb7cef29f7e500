"""Views of a :class:`rnq.verdict.report.Report`: every output rnq writes (HTML, Markdown, JUnit
XML, CSV/XLSX, the diff of two reports) is rendered from the one result model, never recomputed.

Labels shared by the views (statuses, outcomes, audit types) are in :mod:`rnq.render.labels`.
"""
