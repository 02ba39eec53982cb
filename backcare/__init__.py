"""Back-pain education assistant: the app environment's package (knowledge base, review app)."""
