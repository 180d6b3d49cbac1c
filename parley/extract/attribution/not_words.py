"""Narration that a cue verb makes look like someone's words.

* ``She tweeted images of the ceremony``, ``He posted a selfie with ...``: what was posted is a
  picture, not words (:func:`posted_picture`; :func:`no_words` for the learned model's proposals);
* ``Staff found the patient hitting a nurse``, ``Police found him lying in the street``: "find"
  whose clause is a bare present participle (no "that", no auxiliary) tells
  what was seen, not a belief (:func:`seen_doing`);
* ``X rejected them``, ``dismissed it``: a verb of taking a stand whose whole content is a
  pronoun says nothing a reader can take from the statement (:func:`bare_pronoun`);
* ``did not say "…"``, ``If X says "…"``, ``Had X said "…"``: a quote under a cue negated or in
  a condition is no one's words (:func:`not_said`, for the direct pass and the learned model's
  proposals; the reported pass reads its cues so, and more: :mod:`.hypothetical`);
* ``This analysis asks whether ...``, ``In this piece we argue ...``: the writer's own piece is no
  source the reader is told of (:func:`writers_piece`).
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.models import Attribution

from .document import DocIndex
from .hypothetical import in_condition, not_done

# Words for a picture or a recording: what is posted, not what is said.
_PICTURES = frozenset(
    """
    image photo photograph picture pic selfie video clip footage screenshot map graphic gif
    snapshot portrait
    """.split()
)
# Verbs of posting: their object is what was posted.
_POSTING = frozenset("tweet post share publish upload retweet".split())
# Verbs whose bare participle clause is something seen ("found him lying ...").
_SEEING = frozenset({"find"})
# Nouns for a piece of writing: "this" one is the article the reader is reading.
_PIECES = frozenset("article analysis piece column explainer essay newsletter story op-ed editorial".split())
# Pronouns that, alone, are no content: "rejected them", "dismissed it".
_BARE_PRONOUNS = frozenset("it them this that these those him her".split())


def no_words(ix: DocIndex, att: Attribution) -> bool:
    """Whether a proposal of the learned model holds no words: a picture posted
    (:func:`posted_picture`), a bare pronoun object (:func:`pronoun_content`), or the writer's
    own piece for a source (:func:`writers_piece`)."""
    return posted_picture(ix, att) or pronoun_content(ix, att) or writers_piece(ix, att)


def writers_piece(ix: DocIndex, att: Attribution) -> bool:
    """Whether the source of ``att`` is the article itself (``This analysis asks whether ...``,
    ``this column argues``): a noun of writing under "this", alone (``this report`` is left: a
    report is as often someone else's; ``this article by X`` names another's piece)."""
    if att.source is None:
        return False
    source = ix.doc.char_span(att.source.start, att.source.end, alignment_mode="expand")
    if source is None or len(source) == 0:
        return False
    head = source.root
    kids = [c for c in head.children if c.dep_ not in ("punct",)]
    return head.lower_ in _PIECES and len(kids) == 1 and kids[0].dep_ == "det" and kids[0].lower_ == "this"


def pronoun_content(ix: DocIndex, att: Attribution) -> bool:
    """Whether reported ``att`` opens its content with a bare pronoun object of its cue
    (``dismissed them until ...``): what the rules leave out (:func:`bare_pronoun`)."""
    if att.kind != "reported" or att.cue is None:
        return False
    doc = ix.doc
    cue = doc.char_span(att.cue.start, att.cue.end, alignment_mode="expand")
    first = doc.char_span(att.content.start, att.content.end, alignment_mode="expand")
    if cue is None or first is None or len(first) == 0:
        return False
    t = first[0]
    return t.dep_ == "dobj" and t.head.i == cue.root.i and bare_pronoun(t)


def posted_picture(ix: DocIndex, att: Attribution) -> bool:
    """Whether reported ``att`` has a verb of posting as its cue and a picture as the head of its
    content (``tweeted images of a ceremony``)."""
    if att.kind != "reported" or att.cue is None:
        return False
    doc = ix.doc
    cue = doc.char_span(att.cue.start, att.cue.end, alignment_mode="expand")
    if cue is None or not any(t.lemma_.lower() in _POSTING for t in cue):
        return False
    content = doc.char_span(att.content.start, att.content.end, alignment_mode="expand")
    return content is not None and len(content) > 0 and content.root.lemma_.lower() in _PICTURES


def seen_doing(v: Token, clause: Token) -> bool:
    """Whether ``clause``, the clause of cue ``v`` ("find"), is a bare
    present participle with a subject of its own: something seen, not a finding stated."""
    if v.lemma_.lower() not in _SEEING or clause.tag_ != "VBG" or clause.i < v.i:
        return False
    kids = list(clause.children)
    if any(c.dep_ in ("aux", "auxpass", "mark") for c in kids):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i < clause.i for c in kids)


def bare_pronoun(content: Token) -> bool:
    """Whether the plain object a cue has as its content is a pronoun alone (``rejected them``,
    ``dismissed it``): no words a reader can take from the statement."""
    return content.lower_ in _BARE_PRONOUNS and content.n_lefts == 0 and content.n_rights == 0


def not_said(ix: DocIndex, v: Token) -> bool:
    """Whether the cue ``v`` of a quote gives it to no one: negated before it (``did not say "…"``,
    ``never said "…"``, ``without saying "…"``; not ``"No," he said, not "maybe"``, nor a "not"
    inside the quote, the speaker's own) or in a condition (``If X says "…"``, ``Had X said
    "…"``, ``Should X say "…"``: :func:`.hypothetical.in_condition`). A modal is no reason here:
    ``"…," he would say every morning``, ``could be heard saying "…"`` and prepared remarks the
    president "will" deliver quote words that exist."""
    negated = any(c.dep_ == "neg" and c.i < v.i and not ix.in_quote(c.i) for c in v.children)
    return negated or not_done(v) or in_condition(v)
