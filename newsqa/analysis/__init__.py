"""Analyses of a document that more than one check uses, each computed once per document."""
