"""Readings of one clause around an issue's word, for :mod:`.extract`: what governs a stance word,
an issue's word that only qualifies a thing, a document of one issue, a demand said with a noun
("the need for"), and what a refusal is for or at what price (neither is refused)."""

from __future__ import annotations

from spacy.tokens import Token

from parley.extract.stances import lexicon as lx
from parley.extract.stances.issues import CueHit
from parley.extract.stances.parse import Signal, signal_at


def governed(token: Token, signal: Signal) -> Signal:
    """A stance word that is the object of a refusal takes the refusal's position: "opposed
    reaching a ceasefire", "rejected accepting the plan"."""
    if token.dep_ in ("xcomp", "ccomp", "dobj", "pcomp") and token.head is not token:
        above = signal_at(token.head)
        if above is not None and above.position in ("opposes", "rejects") and not above.modal:
            return above
    return signal


def qualifies_only(token: Token, hit: CueHit) -> bool:
    """ "X airspace", "X countries" (X the issue's word): an issue's word that only qualifies a thing."""
    head = token.head
    return (
        token.dep_ in ("compound", "amod", "nmod", "poss")
        and head.lemma_.lower() in lx.PERIOD.qualified_nouns
        and not (hit.span.start <= head.idx < hit.span.end)
    )


def of_one_issue(noun: Token, hits: list[CueHit]) -> list[CueHit] | None:
    """The issue's words that make a document one of one thing, not the plan as a whole: "the
    neighbour's proposal to establish a demilitarised zone" (an infinitive with an issue's words; "a
    plan to end the war" is the whole), "a framework under which the app's business is sold" (a
    clause saying what is under it), "a consensus on the video app" — the last two only when their
    words are of a single issue. None: the plan as a whole."""
    for clause in noun.children:
        infinitive = clause.dep_ == "acl" and any(
            a.lower_ == "to" for a in clause.children if a.dep_ == "aux"
        )
        under_which = clause.dep_ == "relcl" and any(
            c.dep_ == "prep" and any(o.tag_ == "WDT" for o in c.children) for c in clause.children
        )
        about = clause.dep_ == "prep" and clause.lower_ == "on"
        if not (infinitive or under_which or about):
            continue
        words = list(clause.subtree)
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        inside = [h for h in hits if start <= h.span.start and h.span.end <= end]
        if inside and (infinitive or len({h.issue for h in inside}) == 1):
            return inside
    return None


def nominal_demand(noun: Token, prep: Token) -> Signal | None:
    """ "emphasised the need for X": in a speaker's words, a demand of X."""
    if prep.lower_ == "for" and noun.lemma_.lower() in lx.DEMAND_NOUNS and prep.head.i == noun.i:
        return Signal(noun, "demands", f"{noun.text} {prep.text}", 0.7)
    return None


def aim_of_refusal(token: Token) -> bool:
    """ "will not sacrifice its principles to reach a deal": an infinitive saying what a refusal
    with an object of its own would be for; what it says is neither refused nor accepted."""
    head = token.head
    if head is token or token.dep_ not in ("xcomp", "advcl"):
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    if not any(c.dep_ == "dobj" for c in head.children):
        return False
    above = signal_at(head)
    return above is not None and above.position in lx.REFUSALS


def price_of_refusal(path: list[Token], signal: Signal) -> bool:
    """ "would not trade away its principles for a deal", "will not cede land in exchange for a
    ceasefire": below a refused concession, what a "for" phrase names is the price, not what is
    refused."""
    if signal.position != "rejects" or signal.token.lemma_.lower() not in lx.CONCESSION_VERBS:
        return False
    return any(t.dep_ == "prep" and t.lower_ == "for" for t in path[:-1])
