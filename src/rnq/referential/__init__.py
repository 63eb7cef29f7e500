"""The referential: the Référentiel national qualité as versioned data, and what applies.

The data sits beside this room: ``rnq/criteria/`` (the 7 criteria), ``rnq/indicators/`` (one
file per indicator, one block per version) and ``referentials.yaml`` (the versions and their
dates). :mod:`~rnq.referential.loader` loads them into frozen models;
:mod:`~rnq.referential.applicability` decides which indicators apply to a provider, and why;
:mod:`~rnq.referential.verifications` maps what checks verify to indicators, per version.
"""
