"""The ``stances`` pipeline component, registered the same way the built-ins are.

It reads the dossier of the registry the analysis runs with (``parley analyse --actors
DOSSIER``): with no issues in it, it finds nothing. The sentence encoder is loaded once, and only
when a dossier has issues.
"""

from __future__ import annotations

from parley.dossier import Dossier
from parley.embed import default_embedder, held_by
from parley.extract.stances.extract import StanceReader
from parley.extract.stances.issues import IssueMatcher
from parley.pipeline import Analysis, Context, Step, component

_READERS: dict[int, tuple[Dossier, StanceReader]] = {}
held_by(_READERS.clear)  # each reader holds the encoder: dropped with it


def reader_for(dossier: Dossier) -> StanceReader:
    """One reader per dossier: the issue prototypes are embedded once."""
    cached = _READERS.get(id(dossier))
    if cached is not None and cached[0] is dossier:
        return cached[1]
    embedder = default_embedder() if dossier.issues else None
    reader = StanceReader(dossier, IssueMatcher(dossier, embedder))
    _READERS[id(dossier)] = (dossier, reader)
    return reader


@component(
    "stances",
    requires=("doc", "mention", "statement", "time_expression"),
    produces=("stance", "provision"),
    # 9, 10: a document for another named treaty (as its purpose) is another one; 11: an issue's word
    # that only says where or as what another issue's thing is makes no stance; "X would require Y";
    # 12: direction against the issue's proposition (`opposite`), the issue's `beneficiary`, a
    # speaker's forecast of another is no stance, "reach" only an agreement; 13: nor what the other
    # side's body aims at in a speaker's words; 18: a person's side by the surname before "Jr."; in an
    # undated article, a year written out before the negotiation's period makes the stance earlier
    # 19: an issue's word after "regardless of", an adversary ("a conflict with X"), an addressee
    # ("drafts to X"), a role's owner ("the role of X"), "a plan of support": no stance;
    # 20: a party told to act ("demanded that X capitulate") takes no stance on X's issue; 21: the
    # writer's reading of an aim ("X seeks to prevent ...") is none; "and to reject" takes the subject
    # of the infinitive before; "used X to" is no habit; a sentence's list mark is no evidence;
    # 22: a demand on a party is about its issue by the issue's opposite words (the dossier's);
    # 23: "rejected the demand" on the issue the demand just before names (anaphora.py); a thing the
    # text has just given the holder's own side is for itself (beneficiary.receiver_before); 24: the
    # demanding words of anaphora.py from the lexicon's stance nouns and intention verbs; 25: "confirmed"
    # an agreement accepts it, a negated "reach"/"confirm" refuses nothing, a pronoun for the object before
    version="25",
)
def stances(ctx: Context) -> Step:
    reader = reader_for(Dossier.from_registry(ctx.registry))

    def step(a: Analysis) -> dict:
        found, provisions = reader.read(
            a.article, a.parsed, a["statement"], a["mention"], a["time_expression"]
        )
        return {"stance": found, "provision": provisions}

    return step
