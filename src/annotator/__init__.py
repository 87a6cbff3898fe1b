"""Annotator: read news articles closely, annotate them, keep the work in a sidecar."""

__version__ = "0.1.0"
