"""blocwatch: news text to evidence-backed events and a model of an interstate system."""

__version__ = "0.1.0"
CODER_VERSION = f"blocwatch-coder/{__version__}"
