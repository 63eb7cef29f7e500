"""Verdicts: from findings to statuses, non-conformities, the certification answer and the
action plan (SPEC §5), and the report model every output is a view of.

:mod:`~rnq.verdict.build` applies the NC rules and builds the report;
:mod:`~rnq.verdict.waivers` reads the waivers (« dérogations »); :mod:`~rnq.verdict.report` is
the result model (``rnq.report/2``).
"""
