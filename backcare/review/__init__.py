"""The clinician review app: read, flag and learn from the assistant's transcripts."""
