"""Presentation: the CLI, exports and the brief. Thin layers over the library."""
