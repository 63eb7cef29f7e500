"""Collection: the workspace's files and the plugins' records become evidence (« preuves »).

:mod:`~rnq.collect.evidence` is the record every collector returns; the built-in filesystem
collector (:mod:`~rnq.collect.filesystem`) maps each file with :mod:`~rnq.collect.mapping`;
:mod:`~rnq.collect.collectors` runs it and each unit's plugin collectors;
:mod:`~rnq.collect.registers` helps plugins read tables; :mod:`~rnq.collect.enrich` attaches
what extraction read; :mod:`~rnq.collect.evidence_map` is the map ``rnq evidence`` prints.
"""
