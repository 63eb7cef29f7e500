"""The workspace: a folder of evidence with ``rnq.yaml`` at its root (SPEC §3).

:mod:`~rnq.workspace.config` reads ``rnq.yaml``; :mod:`~rnq.workspace.walk` lists the files
safely; :mod:`~rnq.workspace.manifests` reads what people declare about them (manifests, front
matter); :mod:`~rnq.workspace.kinds` is the vocabulary of evidence kinds (``kinds.yaml``);
:mod:`~rnq.workspace.applicable` picks the referential and the indicators that apply;
:mod:`~rnq.workspace.scaffold` writes a new workspace (``rnq init``).
"""
