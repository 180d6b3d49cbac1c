"""Speaker words that name a work, not its maker: "according to reporting from the Harbour
Times", "a recent report from the Riverside Policy Institute (RPI) commented",
"research by Jane Roe shows". The one who speaks is the maker, named after "from" or "by"
(rule 8 of :mod:`parley.extract.speakers`).

Only a named organisation or person counts: "reporting from Sudport" is a reporter's place, not
the city speaking, and "a report from officials" names no one. A maker coordinated with another
("a study by X and Y") is no one actor, and "of" is left out ("a report of shelling").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from parley.extract import cues as C
from parley.extract.registry import ActorRegistry
from parley.extract.speaker_reading import _possessive
from parley.models import Mention

# nouns for what a body or a person makes and a writer cites as a source, beyond those that
# carry words (cues.SOURCE_NOUNS: "report", "study", "statement", ...)
WORK_NOUNS = C.SOURCE_NOUNS | frozenset(
    "reporting research estimate assessment investigation data finding figure review calculation".split()
)
MAKER_PREPS = frozenset({"from", "by"})
MAKER_LABELS = frozenset({"ORG", "PERSON"})


def maker_of(
    root: Token | None, inside: Sequence[Mention], text: str, registry: ActorRegistry
) -> Mention | None:
    """The mention of the organisation or person that made the work the speaker words name by
    their head ``root`` ("reporting from X", "a study by Y"), among the mentions ``inside``
    those words; else None. A place the registry knows is never a maker, whatever the model
    labelled it ("reporting from Sudport")."""
    if root is None or not _work(root):
        return None
    for prep in root.children:
        if prep.dep_ not in ("prep", "agent") or prep.lower_ not in MAKER_PREPS:
            continue
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None or any(c.dep_ == "conj" for c in pobj.children):
            return None
        for m in inside:  # not "by X's staff": X does not make it
            if m.label in MAKER_LABELS and m.span.start <= pobj.idx < m.span.end and not _possessive(text, m):
                return None if registry.place_side(m.text.removeprefix("the ")) else m
        return None
    return None


def _work(t: Token) -> bool:
    if t.pos_ not in ("NOUN", "VERB"):
        return False
    return t.lower_ in WORK_NOUNS or t.lemma_.lower() in WORK_NOUNS  # "estimates": its lemma
