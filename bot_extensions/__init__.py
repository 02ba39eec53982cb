"""Code that runs inside the Rasa server (bot environment): NLU components, slots, channels."""
