"""Live side-by-side trials: the same prompt to 2-4 models, streamed, measured and compared."""
