"""Quoted words that are no speech of their own: phrases inside a clause, titles, nicknames.

A quote that does not start a speech of its own (it follows a word, not ``: , .``) and after
whose closing mark the clause goes on with a word (``reported "2,500 incidents" in the city``,
``said "budget reforms" and new taxes would pay for it``, ``claimed "X exaggerates" the
rate``, ``tells the network's "Morning Show" on Friday that …``) is a phrase the sentence
uses: an object, a subject or a title, the rest of the clause being the writer's words. It is
no direct quote; the reported pass reads the clause around it (:mod:`.reported`), and takes a
quote that opens its clause whole (:func:`quoted_subject_clause`). Such a phrase holds no
clause of its own (a noun phrase, a title), or its clause needs the words after it (its verb's
object, the verb the quote is the subject of, a clause joined to it); a whole clause quoted,
the writer adding only a time, a place or ``when asked`` (``said "we have made progress"
yesterday``), is still a speech. So is a quote that ends a sentence of its own inside the
marks (``yelled "Stay there!" and ran``), one that another quote follows (``shouted "Long live
X" and "Down with Y"``) and one that ends its verb's object, another predicate following
(``shouted "Long live X" and left``).

A short run of capitalised words is a title (:func:`looks_like_title`); one or two capitalised
words between the parts of a name (``Marcia "Cia" Price``) a nickname, which does not part a
quote from the cue after the name.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from .document import DocIndex
from .verbs import VERB_POS, is_verb

# Inner end of a quote that closes a sentence or a spoken clause of its own.
_SPOKEN_END = frozenset(".?!,;…")
_MARKS = "\"“”«»„‘’'` "
# "... "Long live X" and "Down with Y"": another quote listed after the first
_LISTED_QUOTE = re.compile(r"(?:and|or|then)[ \t]+[\"“‘'`]")
# a sentence's end inside a quote and the next one's start: the end after a lower-case word or a
# number, or a full stop after a capitalised word ("the Union. It"); not after "Mr." or an initial
# ("U.S."), which end no sentence, nor "!" or "?" after a capitalised title word ("It's True! It's")
_SENTENCE_INSIDE = re.compile(
    r"(?:\b[a-z]{2,}[.?!]|[0-9][.?!]|\b(?!(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|Sgt|Rev|Prof|Gov|Sen|Rep)\.)"
    r"[A-Z][a-z]+\.) +[A-Z]"
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# what a verb needs after it: its object, the complement of "be", a second object
_CORE_AFTER = frozenset({"dobj", "dative", "attr", "oprd", "acomp"})


def phrase_in_clause(ix: DocIndex, qi: int) -> bool:
    """The clause goes on after quote ``qi`` with a word, in the same line, and the quote
    neither ends a sentence of its own inside its marks nor has another quote listed after it."""
    q = ix.quotes[qi]
    if not q.closed:
        return False
    inner = ix.text[q.start : q.end].rstrip(_MARKS)[-1:]
    if inner in _SPOKEN_END:
        return False
    text = ix.text
    j = q.end
    while j < len(text) and text[j] in " \t":
        j += 1
    if not (j < len(text) and text[j].isalnum()):
        return False
    if _LISTED_QUOTE.match(text, j) is not None or _predicate_follows(ix, qi):
        return False
    # a whole clause quoted keeps its words spoken when only an adverbial of the writer's
    # follows (``said "we have made progress" yesterday``, ``… in a post on Sunday``, ``…
    # when asked``); it is a phrase only when the clause needs the words after it
    return not holds_clause(ix, qi) or _core_follows(ix, qi)


def _predicate_follows(ix: DocIndex, qi: int) -> bool:
    """A conjunction and a verb follow quote ``qi`` (``shouted "Long live X" and left``, ``…
    and then left``): the quote is the whole object of its verb, the sentence going on with
    another predicate."""
    _, b = ix.qtok[qi]
    doc = ix.doc
    if b + 1 >= ix.n or doc[b].pos_ != "CCONJ":
        return False
    j = b + 1
    while j + 1 < ix.n and doc[j].pos_ == "ADV" and j - b <= 2:
        j += 1  # "and then left", "and quickly left"
    v = doc[j]
    return v.pos_ in VERB_POS and v.tag_.startswith("VB") and v.dep_ == "conj"


def holds_clause(ix: DocIndex, qi: int) -> bool:
    """Quote ``qi`` holds a clause of its own: a subject and its verb inside the marks (``"we
    have made real progress"``), not a noun phrase (``"1,300 boarding incidents"``)."""
    a, b = ix.qtok[qi]
    for t in ix.doc[a:b]:
        h = t.head
        if t.dep_ in _SUBJECTS and a <= h.i < b and h.pos_ in VERB_POS and h.dep_ not in _NOUN_CLAUSES:
            return True
    return False


# clauses of a noun: "strikes that will shut the ports" is a noun phrase, not a clause said
_NOUN_CLAUSES = frozenset({"relcl", "acl"})
# what makes a statement conditional ("we will leave" if the deal collapses): part of what is said
_CONDITIONS = frozenset({"if", "unless", "provided", "providing"})
# prepositions of a topic the quoted words are about ("nothing is certain" about the return)
_TOPICS = frozenset({"about", "regarding", "concerning"})  # not "over": "over the weekend"


def _condition_or_topic(t: Token) -> bool:
    if t.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in t.children)
    return t.dep_ == "prep" and t.lower_ in _TOPICS


def _core_follows(ix: DocIndex, qi: int) -> bool:
    """The words after quote ``qi`` are a core part of a clause the quote starts: the object
    of a quoted verb (``claimed "the mayor exaggerates" the crime rate``), or the verb the
    quoted words are the subject of (``"spending cuts" and a levy would pay``), a clause of the
    saying joined to the quoted one, or words completing a quoted one. Adverbials (a time, a
    place, ``when asked``) and a predicate of the speaker's (``and then left``) are no such
    part."""
    a, b = ix.qtok[qi]
    doc = ix.doc
    s_end = ix.sbounds[ix.sid[b - 1]][1]
    for t in doc[b:s_end]:
        if ix.in_quote(t.i):
            break
        if a <= t.head.i < b and (
            t.dep_ in _CORE_AFTER or _said_clause_goes_on(t) or _phrase_goes_on(t) or _condition_or_topic(t)
        ):
            return True
    return any(t.dep_ in _SUBJECTS and t.head.i >= b for t in doc[a:b])


def quoted_subject_clause(ix: DocIndex, v: Token) -> Token | None:
    """The verb whose subject is the quote right after a gerund of saying ``v``, when the parser
    took the gerund for that verb's subject (``adding "thoughts and prayers" are with the
    family``): the clause is what ``v`` says, the quote its first words."""
    h = v.head
    if v.dep_ != "csubj" or v.tag_ != "VBG" or h.i <= v.i + 1 or h.pos_ not in VERB_POS:
        return None
    if ix.doc[v.i - 1].text != "," or not any(t.tag_ in _FINITE for t in ix.doc[v.sent.start : v.i]):
        return (
            None  # "(For her,) saying "no" was not an option": a gerund subject, not a saying after a clause
        )
    qi = ix.qid[v.i + 1]
    if qi < 0 or ix.qtok[qi][0] != v.i + 1:
        return None
    b = ix.qtok[qi][1]
    if not all(ix.doc[j].is_punct or ix.doc[j].is_space for j in range(b, h.i)):
        return None  # the verb right after the closing mark
    if any(t.dep_ in _SUBJECTS for t in h.children if t.i > h.i):
        return None
    return h


def _phrase_goes_on(t: Token) -> bool:
    """``t`` completes a quoted word: a clause it takes (``said "we are ready" to resume the
    talks``, ``"we know" that …``), or a modifier of a quoted noun or adjective (``"they have no
    plan" for the border towns``). A modifier of the quoted verb (``… in a post on Sunday``) is
    the writer's adverbial."""
    if t.dep_ in ("xcomp", "ccomp"):
        return True
    return t.dep_ in ("prep", "relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN", "ADJ")


def _said_clause_goes_on(t: Token) -> bool:
    """``t`` is a clause with a subject of its own joined to the quoted one (``said "the army is
    exhausted" and the navy would need help``): what was said goes on in the writer's words."""
    return t.dep_ == "conj" and t.pos_ in VERB_POS and any(c.dep_ in _SUBJECTS for c in t.children)


def holds_sentence(ix: DocIndex, qi: int) -> bool:
    """Quote ``qi`` holds a whole sentence and more (``"I would not call it reform. It is just
    a tax increase" for the top earners``): words spoken, even when the writer's clause goes on
    after the closing mark. A title's words end no sentence (``"It's True! It's True"``: the
    word before the stop is capitalised), nor does an abbreviation (``Mr. Cosby``)."""
    q = ix.quotes[qi]
    return _SENTENCE_INSIDE.search(ix.text, q.start + 1, q.end - 1) is not None


def looks_like_title(ix: DocIndex, a: int, b: int) -> bool:
    """Tokens ``[a, b)`` are a short run of capitalised words (``"Make Your Kid a
    Millionaire"``), no sentence of its own followed by another (``"The Donald. Big Daddy."``
    is words said), no verb in lower case (``"I would, Donald"``: title case capitalises its
    verbs, ``"Is"``, ``"Would"``)."""
    words = [t for t in ix.doc[a:b] if t.is_alpha]
    if len(words) > 8 or any(ix.doc[i].is_sent_start for i in range(a + 1, b) if ix.doc[i].is_alpha):
        return False
    if any(t.pos_ in VERB_POS and t.text.islower() for t in words):
        return False
    content = [t for t in words if not t.is_stop]
    return not content or (all(t.is_title for t in content) and not any(is_verb(t) for t in content))


def nickname(ix: DocIndex, qi: int) -> bool:
    """Quote ``qi`` is a nickname inside a name (``Marcia "Cia" Price``): one or two
    capitalised words between two capitalised words, the first a proper noun."""
    a, b = ix.qtok[qi]
    doc = ix.doc
    words = [t for t in doc[a:b] if not (t.is_punct or t.is_space)]
    if not 1 <= len(words) <= 2 or not all(t.is_alpha and t.text[:1].isupper() for t in words):
        return False
    if a == 0 or b >= ix.n:
        return False
    before, after = doc[a - 1], doc[b]
    # the tagger often reads the surname after a nickname as a common noun: its capital decides
    return before.pos_ == "PROPN" and all(
        t.is_alpha and t.text[:1].isupper() and not ix.in_quote(t.i) for t in (before, after)
    )
