"""Whether a contested item touches the negotiation: for the brief's short lists, which put those
that do first and leave out those that touch neither its parties nor its issues (a figure from a
world-news roundup in an article that also covers the talks); ``parley contested`` keeps every
item and marks the others as outside the dossier.

An item touches the negotiation when one of its sides is said by an actor with a side (a party
of the negotiation, as the analysis found it), or when its words (what is contested, each side's
words and who says them) name one of:

- an actor with a side, by name, alias or (a person) surname, as the store holds them;
- from the dossier the store was analysed with: a side's name, adjective or place, an actor's
  name, alias or title, a document's name or alias, an issue's cues that are names or of several
  words (a region's name, "security guarantees"; a single common word, "army" or "vote", is in too
  many other stories; the issue's own cues, not those of its options, which are a plan's wording).

The dossier's words are those of the dossier the store was analysed with (``parley analyse
--actors FILE``, ``PARLEY_ACTORS`` or the bundled one), whatever dossier a later command is given:
the ``dossier_terms`` corpus step keeps them in the store (one ``dossier_terms`` record). A store
analysed before that step existed has none until it is analysed again; until then the dossier
``PARLEY_ACTORS`` names (else the bundled one) is read, when every actor the store lists from a
dossier is in it, else the store's actors alone say what touches. With no actor with a side and
no dossier there is nothing to go by: every item touches.

A word with no lower-case letter (an acronym, "US") is matched as written, so the pronoun "us"
is no party; other words whatever their case, whole, with a plural or possessive ending.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from parley.corpus import CorpusContext, corpus_step
from parley.errors import ParleyError
from parley.lookups import cached
from parley.models import Actor
from parley.records import record_type
from parley.store import Store

if TYPE_CHECKING:
    from parley.dossier import Dossier

__all__ = ["DossierTerms", "Scope", "dossier_scope", "in_dossier"]

MIN_SURNAME = 4  # a shorter last word of a name ("Li", "Ng") is too often another word


class Scope:
    """The words and actors of the negotiation, and :meth:`touches` to test an item with."""

    def __init__(self, words: Iterable[str], actor_ids: Iterable[str]) -> None:
        kept = sorted({" ".join(w.replace("’", "'").split()) for w in words if w and w.strip()}, key=len)
        exact = [w for w in reversed(kept) if not any(c.islower() for c in w)]
        folded = [w for w in reversed(kept) if any(c.islower() for c in w)]
        self.actor_ids = frozenset(actor_ids)
        self._exact = _pattern(exact, 0)
        self._folded = _pattern(folded, re.IGNORECASE)

    def names(self, text: str) -> bool:
        """Whether ``text`` names a party, actor or issue of the negotiation."""
        text = text.replace("’", "'")
        return any(p is not None and p.search(text) for p in (self._exact, self._folded))

    def touches(self, item: Any) -> bool:
        """Whether a ``contested`` record touches the negotiation (see the module's rule)."""
        if any(side.actor_id in self.actor_ids for side in item.sides):
            return True
        texts = [item.subject, *(t for side in item.sides for t in (side.who or "", side.text))]
        return any(self.names(t) for t in texts)


def _pattern(words: list[str], flags: int) -> re.Pattern[str] | None:
    if not words:
        return None
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    # a hyphen is an edge: "X-led talks", "the X-Y summit" name X
    return re.compile(rf"(?<!\w)(?:{alternation})(?:'s|'|s)?(?!\w)", flags)


@record_type(
    "dossier_terms",
    scope="corpus",
    key=lambda t: "dossier",
    description="the names and issue words of the dossier the store was analysed with",
)
@dataclass(frozen=True)
class DossierTerms:
    dossier: str  # the dossier's id
    words: tuple[str, ...]  # its sides', actors', documents' names and its issues' own words


@corpus_step("dossier_terms", reads=(), writes=("dossier_terms",), version="1")
def keep_dossier_terms(context: CorpusContext) -> int:
    """Keep the words of the dossier this analysis runs with (a step with nothing to read runs
    again only when its version or the dossier changes)."""
    from parley.dossier import Dossier

    dossier = Dossier.from_registry(context.registry)
    terms = DossierTerms(dossier.id, tuple(dict.fromkeys(_dossier_words(dossier))))
    return context.store.replace_records("dossier_terms", [terms])


def dossier_scope(store: Store) -> Scope | None:
    """The negotiation's words and actors for this store (kept while the store is unchanged);
    None when nothing says what the negotiation is (then every item touches it)."""

    def build() -> Scope | None:
        actors = list(store.actors())
        return _scope(actors, _kept_terms(store, actors))

    return cached(store, "dossier-scope", build)


def _kept_terms(store: Store, actors: list[Actor]) -> list[str]:
    """The words the ``dossier_terms`` step kept; for a store analysed before that step existed,
    the default dossier's (``PARLEY_ACTORS``, else the bundled one) when every actor the store lists
    from a dossier is in it, as the brief read them then."""
    kept = [w for t in store.records("dossier_terms") for w in t.words]
    if kept or not (listed := {a.id for a in actors if "registry" in a.evidence}):
        return kept
    from parley.dossier import Dossier

    try:
        dossier = Dossier.load(os.environ.get("PARLEY_ACTORS") or None)
    except (ParleyError, OSError):
        return []
    return _dossier_words(dossier) if listed <= set(dossier.registry.specs) else []


def in_dossier(store: Store, items: list[Any]) -> dict[str, bool]:
    """Whether each contested item touches the negotiation (:meth:`Scope.touches`); every item
    does when nothing says what the negotiation is."""
    scope = dossier_scope(store)
    return {c.id: scope is None or scope.touches(c) for c in items}


def _scope(actors: list[Actor], dossier_words: Iterable[str] = ()) -> Scope | None:
    sided = [a for a in actors if a.side]
    words = [w for a in sided for w in (a.name, *a.aliases)]
    words += [
        a.name.split()[-1] for a in sided if a.kind == "person" and len(a.name.split()[-1]) >= MIN_SURNAME
    ]
    words += dossier_words
    if not words:
        return None
    return Scope(words, (a.id for a in sided))


def _dossier_words(dossier: Dossier) -> list[str]:
    registry = dossier.registry
    words = [w for s in registry.sides.values() for w in (s.name, *s.adjectives, *s.places)]
    for spec in registry.specs.values():
        words += [spec.actor.name, *spec.actor.aliases, *spec.titles]
    words += [w for d in dossier.documents for w in d.names]
    cues = [w for issue in dossier.issues for w in issue.cues]
    return words + [w for w in cues if len(w.split()) > 1 or any(c.isupper() for c in w)]
