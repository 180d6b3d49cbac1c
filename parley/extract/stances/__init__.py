"""Stances: who holds which position on which issue of the dossier, read from statements and
sentences, and what the known documents provide. The record types live in :mod:`.records` (light:
the store imports them); the reading in :mod:`.extract`; the component in :mod:`.component`."""
