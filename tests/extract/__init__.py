"""Tests of rnq.extract and rnq.fswalk (every file they read is written by the tests)."""
