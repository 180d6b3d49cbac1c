"""One dossier per negotiation: sides and actors, issues, and the documents on the table.

``Dossier.load(path)`` reads a YAML file (the actors through
:class:`~parley.extract.registry.ActorRegistry`, which keeps the other sections for it);
``Dossier.from_registry(registry)`` gives the dossier of the registry an analysis runs with, so
``parley analyse --actors my-dossier.yaml`` brings its issues and documents along.
:func:`draft_dossier` writes a first dossier for a corpus that has none.
"""

from __future__ import annotations

from parley.dossier.model import DocumentSpec, Dossier, Issue, Option

__all__ = ["DocumentSpec", "Dossier", "Issue", "Option", "draft_dossier", "dump_dossier"]


def __getattr__(name: str):  # the draft needs the store and the embedder: loaded on first use
    if name in ("draft_dossier", "dump_dossier"):
        from parley.dossier import draft

        return getattr(draft, name)
    raise AttributeError(name)
