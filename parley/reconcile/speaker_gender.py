"""A pronoun speaker tied to a person the corpus shows as of the other gender is no link.

The extractor reads "he said" and "she told" to the person the text last named; where it picks
a woman for "he" or a man for "she" (the writer's mother quoted after a paragraph on a
president), the link is wrong. A person's gender is read from the dossier's ``pronouns`` for a
registered person, else from the courtesy titles of the mentions resolved to the actor ("Mrs.
Roe", "Mr. Roe": :func:`.family_names.title_gender`) when they agree; a name alone says none.
The actors step reads the titles of the whole corpus before it ties any speaker: the mentions
with a courtesy title are kept aside (:func:`keep_titled`) as the one pass that finds the actors
reads every mention, and seen resolved once the actors are known, so a title in an article read
late reaches a pronoun read early.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from parley.extract.registry import ActorRegistry
from parley.models import Mention, Statement
from parley.reconcile.family_names import title_gender

PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}


class Genders:
    """The genders the corpus shows of its actors, and the check of a pronoun speaker."""

    def __init__(self, registry: ActorRegistry) -> None:
        self.registry = registry
        self.titled: defaultdict[str, set[str]] = defaultdict(set)  # actor -> genders its titles say

    def see(self, mentions: Iterable[Mention]) -> None:
        for m in mentions:
            if m.actor_id and (gender := title_gender(m)):
                self.titled[m.actor_id].add(gender)

    def of(self, actor_id: str) -> str | None:
        spec = self.registry.specs.get(actor_id)
        if spec is not None and spec.gender in ("m", "f"):
            return spec.gender
        said = self.titled.get(actor_id, set())
        return next(iter(said)) if len(said) == 1 else None

    def fits(self, s: Statement, actor_id: str | None) -> str | None:
        """``actor_id``, or None when the speaker words are a pronoun of the other gender."""
        pronoun = PRONOUNS.get((s.speaker or "").strip().lower())
        if actor_id is None or pronoun is None:
            return actor_id
        gender = self.of(actor_id)
        return None if gender is not None and gender != pronoun else actor_id


def keep_titled(mentions: Iterable[Mention], titled: list[Mention]) -> Iterator[Mention]:
    """The mentions, one by one, each with a courtesy title ("Mrs. Roe") also put in ``titled``."""
    for m in mentions:
        if title_gender(m) is not None:
            titled.append(m)
        yield m
