"""Training the article-genre model (opinion / reporting; no satire data)."""
