"""Reconcile: corpus-level work across articles (actors, and later stories and events)."""
