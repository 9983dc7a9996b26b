"""The learner's history, kept in the workspace's SQLite store."""
