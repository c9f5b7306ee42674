"""Coding stage: sentences → actor mentions → events with mode, date and evidence."""
