"""Stories: near-duplicates and same-event groups of articles across outlets.

    features.article_terms(text, title, days)   what an article is about (weighted terms)
    minhash.signature(text)                     near-duplicate fingerprint (numpy MinHash)
    cluster.place(store, row, signature)        incremental placement into a story
    listing.story_records(store, ...)           stories as JSON-ready dicts
    brief.story_brief(store, story_id)          cross-outlet brief; brief.render_story_markdown
"""
