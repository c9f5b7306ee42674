"""Runners: the ingest-and-code loop in-process (and, later, in process pools and on Dask)."""
