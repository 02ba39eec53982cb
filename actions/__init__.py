"""Custom actions (Rasa SDK), one module per topic; the SDK registers every module here."""
