"""The check engine, in the manner of pytest: checks are ``check_*`` functions whose
parameters are fixtures, bound by marks to what they verify.

:mod:`~rnq.engine.discovery` finds checks (built-in, from plugins, from the workspace's
folders); :mod:`~rnq.engine.items` expands each over its targets; :mod:`~rnq.engine.runner`
runs one item and turns what happened into findings; :mod:`~rnq.engine.session` runs them all
for a run. :mod:`~rnq.engine.fixtures` injects values by name (the built-in ones declared in
``BUILTINS``); :mod:`~rnq.engine.marks` binds checks; :mod:`~rnq.engine.outcomes` is how a
check says what it found; :mod:`~rnq.engine.findings` what it concluded.
"""
