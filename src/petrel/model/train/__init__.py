"""Training the event model (needs the ``train`` extra: torch and the packaged MiniLM)."""
