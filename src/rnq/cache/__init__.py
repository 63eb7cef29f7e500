"""The cache, outside the workspace: only speed, nothing here changes a result.

:mod:`~rnq.cache.store` is one SQLite file holding extractions, answers about documents, file
name facts and the reports of recent runs; :mod:`~rnq.cache.runkey` computes what a report
depends on, so that an unchanged workspace is not run again.
"""
