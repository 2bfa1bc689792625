"""Analyses shared between checks, computed once per document through ``Document.memo``."""
