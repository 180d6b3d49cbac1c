"""Parley: turn a stream of news about a negotiation into a living, source-linked brief."""

__version__ = "0.1.0"
