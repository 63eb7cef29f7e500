"""Built-in collectors, each a plugin module registered by :mod:`rnq.plugins`.

* :mod:`rnq.collectors.filesystem` — every file of the workspace, mapped per SPEC §3.
"""
