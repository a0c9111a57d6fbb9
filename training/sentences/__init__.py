"""Training for the sentence models (check-worthiness, subjectivity, bias, loaded words)."""
