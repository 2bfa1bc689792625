"""Analyses of a document that more than one check uses, each computed once per document."""

#: Entries in each per-word cache of the analyses (word keys, variant forms, name keys):
#: a newsroom's everyday vocabulary stays cached, while the rare words and figures of a
#: long batch come and go instead of growing the memory of a long run.
WORD_CACHE = 1 << 14
