"""End-to-end hostile-input suite (issue #9, SPEC §9)."""
