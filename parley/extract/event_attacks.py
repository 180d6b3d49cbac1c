"""A verbal attack is no strike: "X attacked Clinton for her record", "she attacked the loopholes",
"the newspaper attacked the plan", "it attacked the senator, saying ...".

A verb of ``Attacks.verbs`` ("attack", "strike", "pound") tells of words, not force, when nothing
in its clause is force (none of ``force_words``: forces, drones, weapons, the enemy, killing; no
casualty figures in its sentence), no country, nation or "they" does it, and

- a person or a speaker (``speaker_nouns``: a newspaper, an editorial) attacks someone or
  something that is no place and none of ``target_nouns`` (a grid, a refinery): "him", "her",
  a common noun ("his wife", "the officers", "the loopholes"), or a person's name when the verb
  is told as words: "for" a reason ("for her vote"), "as" a label ("as a fraud"), "in" or
  "during" one of ``speech_nouns`` ("in a speech", "in tweets"), or with what is said ("saying
  ..."); or "it" (a text, a paper) attacks "him", "her" or a person's name told as words.

A name the parser took for a person may be a town ("Putin attacked Kramatorsk"): a name alone,
with no sign of words, stays a strike. Used by :mod:`parley.extract.event_senses`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from parley.extract.event_details import PLACE_LABELS, figures_in
from parley.extract.event_links import PERSON_PRONOUNS  # one person: "she", "him"; not "they" (troops)
from parley.models import Mention


@dataclass(frozen=True)
class Attacks:
    verbs: frozenset[str] = frozenset()  # verbs that may tell of words: "attacked Clinton"
    force_words: frozenset[str] = frozenset()  # "Russian forces attacked": a strike
    speaker_nouns: frozenset[str] = frozenset()  # "the newspaper attacked X": words, not force
    target_nouns: frozenset[str] = frozenset()  # "X attacked the grid": force
    speech_nouns: frozenset[str] = frozenset()  # "in a speech, X attacked Y": words


# a side that strikes: a country, a nation ("the Russians"), or several ("they attacked")
SIDE_ENTITIES = {"GPE", "NORP"}
SIDE_PRONOUNS = {"they", "we", "you"}
# what a verb is done for or as ("attacked X for her support of military action", "as a con
# artist"): its words are the reason or the label, not the means
REASON_PREPS = {"for", "as"}
TIME_WORDS = {"time", "day", "night", "week", "month", "year", "hour", "minute"}


def verbal_attack(verb: Token, attacks: Attacks, mentions: Sequence[Mention], speech: frozenset[str]) -> bool:
    """Whether the strike verb tells of words, not force (see the module)."""
    if verb.lemma_.lower() not in attacks.verbs:
        return False
    doers = _doers(verb)
    if not doers or _forceful(verb, doers, attacks.force_words, speech):
        return False
    if any(
        d.ent_type_ in SIDE_ENTITIES or d.lower_ in SIDE_PRONOUNS or place_token(d, mentions) for d in doers
    ):
        return False
    persons = all(is_person(d, mentions) or d.lemma_.lower() in attacks.speaker_nouns for d in doers)
    if not persons and not all(d.lower_ == "it" for d in doers):
        return False  # "it attacked the senator, saying ...": a text, a paper
    if _in_words(verb, attacks.speech_nouns, speech):
        return True  # "in a speech, X attacked Y", "attacked Y in tweets", "attacked Y, saying ..."
    targets = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not targets or any(
        place_token(w, mentions) or w.lemma_.lower() in attacks.target_nouns
        for t in targets
        for w in t.subtree
    ):
        return False
    if all(t.lower_ in PERSON_PRONOUNS for t in targets):
        return True  # "she attacked him"
    if all(t.pos_ == "NOUN" for t in targets):
        return persons  # "his wife", "the officers", "the loopholes"; not "it struck a bus"
    # a person's name, with a reason or a label ("attacked X for her vote", "pounding X as a
    # fraud"); a name that is no person's, or one with no sign of words, may be a town ("X
    # struck Kyiv", "X struck Kramatorsk again")
    return all(is_person(t, mentions) for t in targets) and _for_or_as(verb, targets)


def place_token(word: Token, mentions: Sequence[Mention]) -> bool:
    """A place by the parse or by a mention ("Kyiv", which the parser may take for a person)."""
    if word.ent_type_ in PLACE_LABELS:
        return True
    return any(m.label in PLACE_LABELS and m.span.start <= word.idx < m.span.end for m in mentions)


def is_person(token: Token, mentions: Sequence[Mention]) -> bool:
    """Whether the noun phrase (or one coordinated with it, or its apposition: "his wife, Heidi")
    names a person: a person's name or mention that is no place (or of an actor the article names
    as a person), "he", "she"."""
    persons = {m.actor_id for m in mentions if m.label == "PERSON" and m.actor_id}
    for t in (token, *token.conjuncts):
        for w in (t, *(c for c in t.children if c.dep_ == "appos")):
            if w.pos_ == "PRON" and w.lower_ in PERSON_PRONOUNS:
                return True
            if place_token(w, mentions):
                continue
            if w.ent_type_ == "PERSON":
                return True
            if any(m.span.start <= w.idx < m.span.end and m.actor_id in persons for m in mentions):
                return True  # "Trump", taken for a body here, is "Donald Trump" elsewhere
    return False


def _doers(verb: Token) -> list[Token]:
    """The verb's subject, that of the verb it hangs from ("shelled X and attacked Y"), or the
    doer after "by" in the passive."""
    t = verb
    for _ in range(3):
        found = [c for c in t.children if c.dep_ == "nsubj"]
        found += [o for c in t.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        if found:
            return found
        if t.dep_ not in ("xcomp", "conj") or t.head.i == t.i:
            return []
        t = t.head
    return []


def _reason(prep: Token) -> bool:
    """ "for her vote", "as a fraud"; not "for the third time", "for two days"."""
    if prep.dep_ != "prep" or prep.lower_ not in REASON_PREPS:
        return False
    objects = [o for o in prep.children if o.dep_ in ("pobj", "pcomp")]
    return bool(objects) and not any(
        o.ent_type_ in ("DATE", "TIME") or o.lemma_.lower() in TIME_WORDS for o in objects
    )


def _said(clause: Token, speech: frozenset[str]) -> bool:
    """ "..., saying he had lied": what is said with the verb."""
    return clause.dep_ in ("advcl", "ccomp", "parataxis") and clause.lemma_.lower() in speech


def _forceful(verb: Token, doers: list[Token], force: frozenset[str], speech: frozenset[str]) -> bool:
    """Force in the verb's clause (its doer, target or means: "Russian forces", "with drones",
    "killing two"), outside what it is done for and what someone says; or casualty figures."""
    if figures_in(verb.sent.text):
        return True
    skip = {t.i for c in verb.children if _reason(c) or _said(c, speech) for t in c.subtree}
    words = [t for t in verb.subtree if t.i not in skip] + [t for d in doers for t in d.subtree]
    return any(t.lemma_.lower() in force for t in words)


def _in_words(verb: Token, speech_nouns: frozenset[str], speech: frozenset[str]) -> bool:
    """ "in a speech, X attacked Y", "attacked Y in tweets", "attacked Y, saying ...": the verb
    is done in words."""
    for c in verb.children:
        if _said(c, speech):
            return True
        if c.dep_ == "prep" and c.lower_ in ("in", "during"):
            if any(o.lemma_.lower() in speech_nouns for o in c.children if o.dep_ == "pobj"):
                return True
    return False


def _for_or_as(verb: Token, targets: list[Token]) -> bool:
    """ "attacked X for her vote", "pounding X as a fraud", "attacked X as “a disgrace”": a
    reason or a label (not "for the third time")."""
    if any(_reason(c) for c in verb.children):
        return True
    after = [t for t in verb.doc[max(t.right_edge.i for t in targets) + 1 : verb.sent.end] if not t.is_punct]
    return len(after) > 1 and after[0].lower_ == "as" and after[1].lower_ in ("a", "an")
