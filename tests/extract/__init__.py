"""Tests of rnq.extract and rnq.workspace.walk (every file they read is written by the tests)."""
