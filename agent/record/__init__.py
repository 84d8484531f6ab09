"""The decision record: JSON, Markdown (MADR), LiteLLM config, and re-checking a saved decision."""
