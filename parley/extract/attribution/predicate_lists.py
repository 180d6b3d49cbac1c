"""A reported clause whose subject has a list of predicates: the content runs through the list.

``stated that the drones fly low, | are hard to jam, and are steered from far away``; ``wants
to triple the program, | grow the corps and create a reserve``; ``urged people to go home, |
obey the law and avoid trouble``: the small parser often hangs the second and later predicates
on the cue, and the content stopped at the first comma. The predicates after the comma are the
clause's when

* they form a list: one or more after a comma, the last after ``and`` or ``or``; with a
  finite clause, three predicates at least (``said the plan is dead, and is expected to ...``
  may be the speaker's own second act), with an infinitive two (``urged them to leave, and
  go``: the cue's own act would not be bare);
* none has a subject of its own nor is a verb of saying or thinking (``, and added that ...``
  is the speaker's own act);
* each has the verb form of the clause's first predicate (the finite form of its first
  auxiliary or its verb, or the bare form after ``to``), and that form is not the cue's: "are"
  and "fly" agree with "the drones", never with the "stated" of the speaker, so the list can only
  be the clause's. With the same form on both (``said the talks were over, left the room and
  went home``) the list may be the speaker's own acts, and the content keeps its end.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .clause_ends import SUBJECTS
from .verbs import SAYING_OR_THINKING, is_cue_verb, is_verb

_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_LIST_ENDS = frozenset({"and", "or"})


def verb_form(v: Token) -> str | None:
    """The form a predicate shows its subject: the finite tag of its first auxiliary or of the
    verb (``VBD``, ``VBZ``, ``VBP``), ``VB`` after ``to``; None for a modal (which agrees with
    nothing), a participle or a gerund on its own."""
    for c in v.children:
        if c.i > v.i:
            break
        if c.dep_ in ("aux", "auxpass"):
            if c.tag_ in _FINITE:
                return c.tag_
            if c.lower_ == "to":
                return "VB"
            return None  # "will", "would", "can": no agreement to go on
    if v.tag_ in _FINITE:
        return v.tag_
    if v.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        return "VB"
    return None


def _item_form(k: Token) -> str | None:
    """The form of a listed predicate: its own, or bare (``grow the corps``) after a clause
    of ``to``."""
    form = verb_form(k)
    if form is None and k.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass") for c in k.children):
        return "VB"
    return form


def _listed(doc: Doc, j: int, v: Token, form: str) -> Token | None:
    """The predicate a list item starting at token ``j`` has, when it is one (see the module)."""
    t = doc[j]
    k = t.head if t.dep_ in ("aux", "auxpass", "neg", "advmod") and t.head.i > t.i else t
    if not is_verb(k) or k.i == v.i or k.left_edge.i != j:
        return None
    if any(c.dep_ in SUBJECTS for c in k.children) or is_cue_verb(k, SAYING_OR_THINKING):
        return None
    if any(c.dep_ == "mark" for c in k.children):
        return None  # "..., because it is ...", "..., that ...": a clause of its own
    return k if _item_form(k) == form else None


def _closed(k: Token, form: str) -> bool:
    """Whether the item of ``k`` holds the list's last item: an ``and``/``or`` and then a
    predicate of the same form with no subject of its own, hung on ``k`` or lower in its phrase
    (``are resistant ..., and are controllable ...``; ``strengthen X to dismantle Y, and expand
    Z``)."""
    doc = k.doc
    for c in k.subtree:
        if c.i <= k.i or c.dep_ != "conj" or not is_verb(c) or _item_form(c) != form:
            continue
        before = doc[c.left_edge.i - 1]
        if before.lower_ not in _LIST_ENDS:
            continue
        if any(g.dep_ in SUBJECTS for g in c.children) or is_cue_verb(c, SAYING_OR_THINKING):
            continue
        return True
    return False


def through_predicate_list(doc: Doc, c: Token, b: int, v: Token) -> int:
    """The end (token index) of clause ``c`` (ending at ``b``) of cue ``v`` run on through a
    list of its subject's predicates after a comma (see the module); else ``b``."""
    form = verb_form(c)
    cue = verb_form(v)
    if form is None or cue is None or form == cue or cue == "VB":
        return b
    sent_end = c.sent.end
    end = b - 1 if b > 0 and doc[b - 1].text == "," else b  # the clause may hold its comma
    closed = False
    items = 1  # the clause's own predicate
    while end + 1 < sent_end and doc[end].text == ",":
        j = end + 1
        last = doc[j].lower_ in _LIST_ENDS
        if last:
            j += 1
        k = _listed(doc, j, v, form) if j < sent_end else None
        if k is None or k.right_edge.i >= sent_end:
            break
        end = k.right_edge.i + 1
        items += 1
        if not last and _closed(k, form):
            items += 1
            last = True
        if last:
            closed = True
            break
    if not closed or items < (2 if form == "VB" else 3):
        return b
    if any("\n" in t.text for t in doc[b:end]):
        return b
    return end
