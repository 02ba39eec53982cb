"""Deterministic, auditable red-flag detection for the NLU pipeline."""
