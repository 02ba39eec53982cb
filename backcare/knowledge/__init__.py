"""The exercise, red-flag and education knowledge base: YAML source of truth, SQL tables."""

# Imported with the package, so every process that writes knowledge rows changes the stamp.
from backcare.knowledge import read_cache  # noqa: F401
