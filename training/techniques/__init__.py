"""Training the persuasion-technique models (PTC, SemEval-2020 Task 11)."""
