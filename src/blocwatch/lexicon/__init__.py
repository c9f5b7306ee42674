"""Lexicons: loaders and the shipped data files (actors, sectors, event patterns, modality cues)."""
