"""The JSON API under /api: what the CLI, the web pages and any script use."""
