"""Training and evaluation scripts for newsdesk's built-in models (read ../shared/data)."""
