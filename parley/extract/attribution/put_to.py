"""Questions and requests put to someone, and terms of anonymity: not their words.

* ``X, asked whether ..., replied: "..."``: the participle "asked", set off by commas after X
  (the parser may make it X's main verb), is the question put to X; X's words are the reply
  (:func:`aside_ask`, used by :mod:`.embedding`, which then leaves the reply its own and the
  question, put by no one named, without a speaker: an embedded question, as ``X was asked
  whether ...`` is, which keeps the question's words from being read as anyone's claim);
* a request put to the subject of a passive by no one named (``if he was asked to leave``,
  ``Residents were urged to leave``, ``Asked to comment, X said``): dropped; with an agent
  (``was asked by the government to ...``) the agent is the speaker and the record stays;
* questions asked, their words not given (``X asks questions quickly``): dropped;
* a term of anonymity (``who refused to identify himself``, ``asked not to be named``,
  ``declined to be identified``, ``asked not to specify their country``): a condition of the
  source, not a statement, dropped.
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.extract import cues as C
from parley.models import Attribution

from .document import DocIndex, Found
from .verbs import is_verb

# Verbs that put a request to their object ("asked X to ...", "urged X to ...").
_REQUEST_VERBS = (
    C.ASK_VERBS | C.PROMPTING_VERBS | frozenset("request order instruct tell advise encourage".split())
)
# Verbs of naming a source: "to identify himself", "not to be named", "not to specify their country".
_NAMING = frozenset("identify name specify disclose reveal".split())
_REPLY_DEPS = frozenset({"ccomp", "conj", "parataxis", "advcl"})


def aside_ask(v: Token) -> bool:
    """Whether ``v`` is a verb of asking set off by commas right after its subject and followed
    by the subject's reply (``X, asked whether ..., replied: ...``; ``X, asked about it, said``)."""
    return aside_reply(v) is not None


def aside_reply(v: Token) -> Token | None:
    """The reply's verb of saying when ``v`` is such an aside question (:func:`aside_ask`): the
    first verb of saying after the comma that closes the aside; None when ``v`` is none."""
    if v.lemma_.lower() not in C.ASK_VERBS or v.tag_ not in ("VBD", "VBN") or v.i == 0:
        return None
    doc = v.doc
    if doc[v.i - 1].text != "," or any(c.dep_ in ("aux", "auxpass", "dobj", "dative") for c in v.children):
        return None
    for c in v.children:
        if c.dep_ not in _REPLY_DEPS or c.i <= v.i or not is_verb(c):
            continue
        if c.lemma_.lower() not in C.SPEECH_VERBS or c.lemma_.lower() in C.ASK_VERBS:
            continue
        first = min(c.i, min((k.i for k in c.children if k.i < c.i), default=c.i))
        if first > v.i + 1 and doc[first - 1].text == ",":
            return c
    return None


def put_to_subject(v: Token) -> bool:
    """``v`` puts what it asks to its subject: a passive (``X was asked ...``) or a participle
    with no subject nor auxiliary of its own (``Asked whether ..., X said``)."""
    deps = {c.dep_ for c in v.children}
    return bool(deps & {"nsubjpass", "auxpass"}) or (v.tag_ == "VBN" and not deps & {"nsubj", "aux"})


def drop_put_to(ix: DocIndex, found: list[Found]) -> list[Found]:
    """``found`` without requests put by no one named and terms of anonymity."""
    return [f for f in found if not (f.kind == "reported" and f.cue_i >= 0 and _put_to(ix.doc[f.cue_i]))]


def put_to_cue(ix: DocIndex, att: Attribution) -> bool:
    """Whether the learned model's reported proposal ``att`` has a cue the rules drop (a question
    put in an aside, a request or question put to a passive's subject by no one named, a term of
    anonymity): the model must not put back what the rules left out."""
    if att.kind != "reported" or att.cue is None:
        return False
    cue = ix.doc.char_span(att.cue.start, att.cue.end, alignment_mode="expand")
    v = next((t for t in cue or () if is_verb(t)), None)
    return v is not None and _put_to(v, questions=True)


def _put_to(v: Token, questions: bool = False) -> bool:
    """Whether cue verb ``v`` puts a request to a passive's subject by no one named, asks
    questions it does not give, or states a term of anonymity; with ``questions``, or puts a
    question to its subject (``X was asked whether ...``, an aside question): the rules leave
    those to :mod:`.embedding`."""
    if not is_verb(v):
        return False
    lemma = v.lemma_.lower()
    if questions and lemma in C.ASK_VERBS and (aside_ask(v) or put_to_subject(v)):
        return True
    if lemma in _REQUEST_VERBS and _passive_request(v):
        return True
    if lemma in C.ASK_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in C.QUESTION_NOUNS for c in v.children
    ):
        return True  # "X asks questions quickly": that X asks, not what
    return (lemma in C.REFUSAL_VERBS or lemma in C.ASK_VERBS) and _anonymity(v)


def _passive_request(v: Token) -> bool:
    """``v`` is a passive with an infinitive and no agent (``was asked to leave``, ``Asked to
    comment, X said``): a request to its subject from no one named."""
    deps = {c.dep_ for c in v.children}
    return "xcomp" in deps and "agent" not in deps and put_to_subject(v)


def _anonymity(v: Token) -> bool:
    """``v`` governs "to identify himself", "(not) to be named": the source's anonymity."""
    for c in v.children:
        if c.dep_ != "xcomp" or c.lemma_.lower() not in _NAMING:
            continue
        kids = list(c.children)
        if any(k.dep_ == "auxpass" for k in kids):
            return True  # "not to be named", "to be identified"
        if any(k.dep_ == "dobj" and k.lower_.endswith(("self", "selves")) for k in kids):
            return True  # "to identify himself"
        if any(k.dep_ == "neg" for k in kids) and any(k.dep_ == "dobj" and _own(k) for k in kids):
            return True  # "asked not to specify their country", "not to reveal his name"
    return False


def _own(obj: Token) -> bool:
    """Whether ``obj`` is owned by a pronoun (``their country``, ``his name``): the source's own."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children)
