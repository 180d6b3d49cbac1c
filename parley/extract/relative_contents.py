"""What a reported content is about when the cue stands in a relative clause and the content's
subject is the relative pronoun or left out: "the river dam, which Nordstad insists should be
managed jointly", "tariffs, which Northern officials say are meant to ...", "a plan they felt
was likely to fail". The content alone ("should be managed jointly") names no subject; the noun
the relative clause hangs on is it.

:func:`relative_subject` finds that noun phrase (the noun with the words before it that modify
it: "the Velmar river dam", not what the noun hangs on); the statement keeps it as ``about`` and
its text opens with it in square brackets, as an editor marks words put into a quotation: "[the
Velmar river dam] should be managed jointly by both sides". Only a reported content whose own
clause has no subject inside it; a content that has one ("which the mayor says he will never
give up": "he") is left as it is, and so is an infinitive after the cue ("which the envoy sought
to calm": its subject is the speaker).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from parley.extract import cues as C
from parley.models import Attribution, Span

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_NOUNS = frozenset({"NOUN", "PROPN"})


def relative_subject(doc: Doc, att: Attribution) -> Span | None:
    """The char span of the noun phrase ``att``'s content is about (module docstring), or None."""
    if att.kind != "reported" or att.cue is None or att.more_content:
        return None
    content = doc.char_span(att.content.start, att.content.end, alignment_mode="expand")
    cue = doc.char_span(att.cue.start, att.cue.end, alignment_mode="expand")
    if content is None or cue is None or len(content) == 0:
        return None
    verb = content.root
    said = cue.root
    if verb.head.i != said.i or verb.dep_ != "ccomp" or said.dep_ != "relcl":
        return None  # not "X, which Y sought to keep": an infinitive's subject is the speaker
    if any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return None
    if verb.pos_ not in ("VERB", "AUX") or _own_subject(verb, content.start, content.end):
        return None
    before = [c for c in verb.children if c.dep_ in _SUBJECTS and c.i < content.start]
    if any(c.lower_ not in C.RELATIVE_PRONOUNS for c in before):
        return None  # a subject of its own before the content: not the relative clause's noun
    noun = said.head
    if noun.pos_ not in _NOUNS or noun.i >= said.i or noun.ent_type_ in ("DATE", "TIME"):
        return None  # "shelled the port for a week, which the mayor says has ...": not the week
    which = next((c for c in before if c.lower_ == "which"), None)
    if which is not None and which.i > 0 and doc[which.i - 1].text == "," and _adverbial(noun):
        return None  # "withdrew from the city, which officials say was a setback": the withdrawal
    first = noun.left_edge.i
    start, end = doc[first].idx, noun.idx + len(noun.text)
    if end > att.cue.start or (att.source is not None and att.source.start < end):
        return None
    return Span(start, end)


def _own_subject(verb: Token, start: int, end: int) -> bool:
    return any(c.dep_ in _SUBJECTS and start <= c.i < end for c in verb.children)


def _adverbial(noun: Token) -> bool:
    """Whether ``noun`` ends a phrase that tells where, when or how of a verb ("withdrew from the
    city"): a comma and "which" after it more likely take up the whole clause than the noun."""
    return noun.dep_ == "pobj" and noun.head.head.pos_ in ("VERB", "AUX")
