"""Training of the named-entity tagger (CoNLL-2003 + GUM)."""
