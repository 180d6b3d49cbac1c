"""Two forms of ``according to X`` the parse reads wrong.

* ``According to X, a Y at Z, one outcome of the war is a strain on ...``: the clause after the
  source has a finite verb with no subject, and the parser made that subject the last
  comma-separated apposition of the source. That apposition is the clause's subject: the
  source ends before its comma, the content starts with it (:func:`apposed_subject`).
* ``"…" – according to the briefing.``: an ``according to X`` right after a closing quote, ending
  its sentence, makes X the speaker of the whole quote (:func:`according_after_quote`), not of the
  quote's last sentence.
* ``X have, according to Y, given Z``: the parser hung the phrase on the auxiliary "have"; the
  clause is that of the verb the auxiliary helps ("given"), so the content is the whole clause,
  which :mod:`.parenthetical` then cuts in two around the phrase (:func:`past_auxiliary`).
* ``… worth €400m. According to X, …``: the parser read "m." as an abbreviation and ran the two
  sentences into one; a capitalised "According" right after a word ending in a full stop opens
  its own sentence, and the content is the rest of it after the phrase (:func:`opens_sentence`).
* ``The plan had been, according to diplomats, drafted in secret``: the parser hung "drafted" on
  the source; the phrase set off inside a verb group ends at its closing comma, and the content
  is the clause without it (:func:`verb_group_aside`).
* ``The mayor won 52 percent, according to X, but his lead is narrowing``: when the clause before
  the phrase is whole (its verb and that verb's subject before the phrase), the content ends at
  the phrase; what the writer adds after it (a clause joined by "but" or "although", a participle,
  a comment) is no part of what X is credited with; a clause joined by "and" or "because" and more
  of the fact (``in heavy fighting``, ``ahead of two rivals``) stay (:func:`clause_before`).
* ``One of the choices, according to a person close to the talks, is to ...``: the content is the
  whole clause around the phrase (cut in two later), so it holds the source too; what the source
  must not reach into is the clause after the phrase's closing comma, and the source is the whole
  noun phrase up to that comma, not its head noun alone (:func:`aside_rest`).
* ``According to a think tank, the Royal Institute (RI), when ..., it expected ...``: the parser
  made the name in apposition to the source a first subject of a verb that has its own; the name
  is the source's, the content starts after its comma (:func:`source_apposition`).
* ``According to X, citing Y, ... Z appears to ...``: a relay of the source's ("citing",
  "quoting") set off by commas before the clause is no part of what X says; the content starts
  after it (:func:`source_apposition` too).
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.extract import cues as C

from .clause_ends import BARE_AUXILIARIES
from .document import DocIndex, Found
from .speaker_phrases import np_span
from .verbs import is_verb

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_FINITE = frozenset({"VBZ", "VBD", "VBP", "MD"})
# words that may stand between a clause's subject and its verb
_BEFORE_VERB = frozenset({"aux", "auxpass", "neg", "advmod"})
_NOUNS = frozenset({"NOUN", "PROPN", "NUM", "PRON"})
# between a closing quote and "according to": punctuation and dashes only
_GAP = frozenset(",.;—–-― ")


def apposed_subject(ix: DocIndex, pobj: Token, h: Token) -> int | None:
    """Token index of the comma before the last apposition of source ``pobj`` when that
    apposition is the missing subject of ``h``, the verb of the clause right after the source;
    else None."""
    doc = ix.doc
    end = pobj.right_edge.i
    if not is_verb(h) or h.i <= end or any(c.dep_ in _SUBJECTS for c in h.children):
        return None
    kids = list(h.children)
    if h.tag_ not in _FINITE and not any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in kids):
        return None  # a participle or an infinitive needs no subject of its own
    if any(not (t.head.i == h.i and t.dep_ in _BEFORE_VERB) for t in doc[end + 1 : h.i]):
        return None  # the verb follows the source at once
    comma = next((j for j in range(end - 1, pobj.i, -1) if doc[j].text == ","), None)
    if comma is None or comma + 1 > end:
        return None
    span = range(comma + 1, end + 1)
    heads = [doc[j] for j in span if doc[j].head.i not in span]
    if len(heads) != 1:
        return None
    t = heads[0]
    if t.dep_ != "appos" or t.pos_ not in _NOUNS or t.lower_ in C.RELATIVE_PRONOUNS:
        return None
    if not (pobj.left_edge.i <= t.head.i < comma):
        return None
    return comma


def according_after_quote(ix: DocIndex, qi: int) -> Found | None:
    """``"…" – according to X.`` / ``"…," according to X``: X is the source of the whole quote when
    the phrase follows the closing quote with nothing but punctuation between and ends its
    sentence and paragraph line."""
    _, b = ix.qtok[qi]
    doc = ix.doc
    n = ix.n
    i = b
    while i < n and (doc[i].is_punct or doc[i].is_space) and "\n" not in doc[i].text:
        if not set(doc[i].text) <= _GAP:
            return None
        i += 1
    if i + 1 >= n or doc[i].lower_ != "according" or doc[i + 1].lower_ != "to" or ix.in_quote(i):
        return None
    if ix.pid[i] != ix.pid[b - 1]:
        return None
    v, to = doc[i], doc[i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.i <= to.i or pobj.lower_ in C.ACCORDING_IDIOMS:
        return None
    e = max(pobj.right_edge.i, to.i) + 1
    while e < n and (doc[e].is_punct or doc[e].is_space) and "\n" not in doc[e].text:
        e += 1
    if e < n and ix.pid[e] == ix.pid[i] and not (doc[e].is_space and "\n" in doc[e].text):
        return None  # more of the sentence follows: the phrase is not the quote's credit
    q = ix.quotes[qi]
    content = (q.start, q.end)
    src = np_span(ix, pobj, content, v.i)
    if src is None:
        return None
    return Found(content, "direct", src, (v.idx, to.idx + len(to.text)), None, v.i)


def past_auxiliary(h: Token) -> Token:
    """The verb that ``h`` helps when ``h`` is an auxiliary before it (``have, according to Y,
    given``: "given"); else ``h``."""
    if h.dep_ in ("aux", "auxpass") and h.i < h.head.i and is_verb(h.head):
        return h.head
    return h


# what ends the word before a capitalised "According" that opens a sentence
_STOPS = (".", "!", "?")


def opens_sentence(ix: DocIndex, v: Token, sa: int) -> bool:
    """Whether ``According`` token ``v`` opens a sentence that the parser ran into the one before
    (which starts at ``sa``): ``v`` is capitalised and follows a word ending in a full stop. The
    parse of such a sentence is no guide to the content's bounds: it is the rest of the sentence
    after the phrase."""
    doc = ix.doc
    return v.i > sa and v.text == "According" and doc[v.i - 1].text.endswith(_STOPS)


# the verb forms that may go on a verb group after an aside: "will, according to X, withdraw",
# "had been, according to X, drafted", "is, according to X, expected"
_NON_FINITE = frozenset({"VB", "VBN", "VBG"})


def verb_group_aside(ix: DocIndex, v: Token, pobj: Token, sb: int) -> int | None:
    """Token index of the comma that closes an ``according to X`` set off inside a verb group
    (``The plan had been, according to diplomats, drafted in secret``): the phrase follows an
    auxiliary and a comma, and a comma after the source is followed by the rest of the verb group
    (an infinitive or a participle). The source ends at that comma; the content is the clause
    without the phrase. None when the phrase is no such aside."""
    doc = ix.doc
    pa = v.i
    if pa < 2 or doc[pa - 1].text != "," or v.i + 1 >= sb:
        return None
    aux = doc[pa - 2]
    if not (aux.tag_ == "MD" or (aux.pos_ == "AUX" and aux.lemma_.lower() in BARE_AUXILIARIES)):
        return None
    for j in range(pobj.i + 1, sb - 1):
        if doc[j].text in ".;:—–" or ix.in_quote(j):
            return None
        if doc[j].text == "," and doc[j + 1].tag_ in _NON_FINITE and doc[j + 1].pos_ in ("VERB", "AUX"):
            return j
    return None


def aside_rest(ix: DocIndex, v: Token, pobj: Token, content: tuple[int, int]) -> tuple[int, int]:
    """What the source of ``according to`` (``v``, source head ``pobj``) must not overlap: the
    content; when the content is the whole clause around a phrase set off by commas (``X,
    according to Y close to Z, is ...``), only the content after the comma that closes the phrase,
    so that Y keeps its modifiers ("close to Z")."""
    doc = ix.doc
    end = pobj.right_edge.i + 1 if ix.np_right is None else ix.np_right  # set: an aside's comma
    if not (content[0] < v.idx and doc[end - 1].idx < content[1]) or v.i < 1 or doc[v.i - 1].text != ",":
        return content
    if end >= ix.n or doc[end].text != "," or pobj.left_edge.i <= v.i + 1 or ix.pid[end] != ix.pid[v.i]:
        return content
    words = [t.text for t in doc[pobj.left_edge.i : end]]
    if words.count("(") != words.count(")"):
        return content  # "according to polls (a wide margin, but ...)": the comma is inside brackets
    return (doc[end].idx, content[1])


def clause_before(h: Token, pa: int, pb: int) -> bool:
    """Whether the verb ``h`` that an ``according to`` phrase starting at token ``pa`` hangs on
    has its clause before the phrase: ``h`` and its subject both before it, the phrase set off by
    a comma (``X won 52 percent, according to Y, ...``), ``h`` the sentence's main verb, and what
    follows the phrase (which ends before token ``pb``) the writer's (:func:`_aside_of_writer`),
    not joined by "and" or "because"; not an
    aside inside the clause (``At the heart of it, according to Y, was ...``: the verb after the
    phrase), nor a clause before the main one (``While most were A, according to Y, two were B``)."""
    if not is_verb(h) or h.dep_ != "ROOT" or h.i >= pa or h.doc[pa - 1].text != ",":
        return False
    kids = list(h.children)
    if any(c.dep_ == "mark" for c in kids):
        return False  # "While most were A, according to Y, ...": a subordinate clause misread
    doc = h.doc
    j = pb
    while j < len(doc) and (doc[j].is_punct or doc[j].is_space):
        j += 1
    if j < len(doc) and doc[j].lower_ in _GOES_ON:
        return False  # "A was killed, according to Y, and there were only B": Y's too
    end = h.sent.end
    if any(not (j <= t.head.i < end or t.head.i == h.i) for t in doc[j:end]):
        return False  # "a man whose book, according to Y, draws ...": the clause goes on after it
    has_object = any(c.dep_ in ("dobj", "attr") and c.i < pa for c in kids)
    tail = [t for t in doc[j:end] if t.head.i == h.i and not t.is_punct]
    if not all(_aside_of_writer(t, has_object) for t in tail):
        return False  # "advanced two miles, according to Y, in heavy fighting": still the fact
    return any(c.dep_ in _SUBJECTS and c.i < h.i for c in kids)


def _aside_of_writer(t: Token, has_object: bool) -> bool:
    """Whether ``t``, a word after an ``according to`` phrase that hangs on the clause's verb, opens
    what the writer adds (a clause of contrast or consequence, ``but ...``, ``taking ...``; a
    comment, ``a huge sum for ...``, ``compared with ...``, ``despite ...``), not more of the fact
    (``in heavy fighting``, ``ahead of two rivals``, the verb's object)."""
    if t.dep_ in ("cc", "conj", "advcl", "appos"):
        return True
    if t.dep_ in ("dobj", "npadvmod") and t.pos_ in _NOUNS:
        return has_object  # a second object: a comment the parser hung on the verb
    return t.dep_ == "prep" and t.pos_ != "ADP"  # "compared with", "despite"


# words after an "according to" phrase that carry on what the source is credited with (a further
# fact, a reason), not the writer's turn ("but", "although", "even as") or comment
_GOES_ON = frozenset({"and", "or", "nor", "because"})


_RELAY_LEMMAS = frozenset({"cite", "quote"})


def source_apposition(ix: DocIndex, pb: int, h: Token) -> tuple[int, bool] | None:
    """Token index of the comma that ends what stands between an opening ``According to X,``
    (ending before token ``pb``, a comma) and the clause of verb ``h`` when it belongs to the
    source, not to the clause: a name the parser made a first subject of ``h`` though ``h`` has
    another one after it (``..., the Royal Institute (RI), when ..., it expected``), or a relay
    (``citing Y, ...``) hung on ``h``; with whether it is the source's (a name, not a relay).
    None otherwise."""
    doc = ix.doc
    if pb + 1 >= h.i or doc[pb].text != ",":
        return None
    for c in h.children:
        if c.i >= h.i or c.left_edge.i != pb + 1:
            continue
        end = c.right_edge.i + (doc[c.right_edge.i].text != ",")  # the parse may hang it on c
        if end >= h.i or doc[end].text != "," or ix.in_quote(c.i):
            return None
        if c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in _RELAY_LEMMAS:
            return end, False
        later = [k for k in h.children if k.dep_ in _SUBJECTS and k.i > end]
        if c.dep_ in _SUBJECTS and c.pos_ == "PROPN" and later:
            return end, True
        return None
    return None
