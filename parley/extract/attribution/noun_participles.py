"""The speaker of a participle cue that modifies a noun which can speak.

``faced with a growing movement calling for withdrawal``, ``met protesters demanding his
resignation``: the noun the participle modifies calls and demands, not the subject of the verb the
noun hangs on (the government faced with the movement). The climb to that verb's subject stays for
a message, a statement or a post (``X posted a message saying ...``: X speaks) and for a name
(``sent a letter to Y asking ...``, where the parser may hang the participle on Y).
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.extract import cues as C

from .agentive import can_hold_view


def noun_speaks(h: Token, v: Token, doc_noun: bool) -> bool:
    """Whether ``h``, a common noun for people or a body (not a channel or document, ``doc_noun``)
    that the present participle ``v``, a verb of saying, calling or urging, modifies, is the
    speaker of ``v``. Not when the sentence has no verb of its own (``v`` is that verb, misread:
    ``X's members, including Y, called for ...``), nor when ``h`` is the one written or spoken
    to (``sent a letter to the leaders opposing ...``: the letter opposes), the noun after "of"
    or an object (``came out the other side knowing that ...``)."""
    if doc_noun or v.tag_ != "VBG" or h.pos_ != "NOUN" or not can_hold_view(h):
        return False
    if v.lemma_.lower() not in _SAYING:
        return False
    if h.dep_ not in _FREE_DEPS and not (h.dep_ == "pobj" and h.head.lower_ not in _TO_WHOM):
        return False
    root = v.sent.root
    return root.i != v.i and root.pos_ in ("VERB", "AUX")


_SAYING = C.SPEECH_VERBS | C.DESCRIBE_VERBS | C.COMMISSIVE_VERBS
# Where a noun stands when it is no one's object: a subject, an apposition, a conjunct.
_FREE_DEPS = frozenset({"nsubj", "nsubjpass", "appos", "conj", "attr", "ROOT"})
# Prepositions before the one spoken, written or given to, and "of", whose noun completes another
# that the participle may modify (``an ultimatum on behalf of the allies demanding ...``).
_TO_WHOM = frozenset({"to", "toward", "towards", "for", "at", "of"})
