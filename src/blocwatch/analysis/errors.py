"""The one error analytics raise for input they cannot use; its message says what to do."""

from __future__ import annotations


class AnalysisInputError(ValueError):
    """An events source, series, matrix or option that a measure cannot use."""
