"""Rules that read requirements from a user's words: sizes, volumes, latency, languages."""
