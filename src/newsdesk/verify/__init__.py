"""Verification: each claim against other coverage and a reference corpus.

    sources     Passage, EvidenceSource protocol, MemorySource, ChainedSource
    corpus      ReferenceCorpus: the user's documents in SQLite FTS5 (`newsdesk corpus add`)
    store_source  StoreSource: passages from the corpus store's full-text search
    text/align  words, numbers, years, names, negation; claim/passage alignment
    features    stance-model features (shared with training/stance)
    stance      the pair model + alignment rules -> supports / contradicts / unrelated
    verdict     independence and aggregation -> Verdict with quoted Evidence
    check       check_claim(), verify_claims(), verify_brief(): the public entry points
    unverified  the no-evidence verdicts and notice (light: a plain brief imports only this)

Nothing is loaded at import time.
"""
