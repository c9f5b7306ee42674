"""Store stage: one schema for documents, duplicates, events, runs and quarantine (DuckDB by default)."""
