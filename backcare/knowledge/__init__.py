"""The exercise, red-flag and education knowledge base: YAML source of truth, SQL tables."""
