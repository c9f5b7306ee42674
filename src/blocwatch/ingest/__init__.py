"""Ingest stage: read sources into ``Document`` records."""
