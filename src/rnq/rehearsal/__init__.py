"""Audit rehearsal (a room a newcomer may skip): what a certifier would sample
(:mod:`~rnq.rehearsal.sampling`) and the audit calendar (:mod:`~rnq.rehearsal.calendar`).
"""
