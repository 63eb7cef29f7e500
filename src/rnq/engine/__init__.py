"""The check engine, in the manner of pytest: checks are ``check_*`` functions whose
parameters are fixtures, bound by marks to what they verify.

:mod:`~rnq.engine.discovery` collects checks, expands them over their targets and runs them;
:mod:`~rnq.engine.fixtures` injects values by name; :mod:`~rnq.engine.marks` binds checks;
:mod:`~rnq.engine.outcomes` is how a check says what it found; :mod:`~rnq.engine.findings` what
it concluded; :mod:`~rnq.timeouts` stops what hangs.
"""
