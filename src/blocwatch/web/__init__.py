"""The web dashboard and JSON API of blocwatch.

Read-only pages over a DuckDB store (overview, dyads, actors, an events explorer, documents with their
events highlighted, what-if scenarios), each with a JSON twin, Atom feeds of the stored alerts, an
optional e-mail digest, and token-protected writes (ingest, saved scenarios). ``app.create_app`` builds
the application; ``server.serve`` runs it with uvicorn on 127.0.0.1.
"""
