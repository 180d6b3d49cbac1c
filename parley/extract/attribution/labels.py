"""Attributions marked by punctuation rather than a verb: a colon, a dash, a headline.

* ``X said:`` / ``X continued:`` before a quote (also at the end of the previous paragraph),
  unless the quote has its own cue right after it (``…: "…," said X``):
  a short name set off before the colon by a dash or ``From`` (``... - Jane Doe: "…"``,
  ``More from Doe: "…"``, ``From the report: "…"``, cue ``:``), else the verb of the clause
  before the colon when it is one of saying, thinking or answering, has an object naming words
  said (``had a short answer:``) or its agent right before the colon (``is shown by this
  finding:``; not ``The services used this as their explanation: "…"``), else
  a short headline name (``Novak: "..."``, cue ``:``);
* a credit line after a quote that is its whole paragraph: a dash and a short name opening the
  next paragraph (``"…"`` / ``- Jane Doe.``, ``-Jane Doe, Springfield.``; the name up to the
  first comma or period, cue the dash);
* a credit on the quote's own line: a quote that opens its paragraph, then a dash and a short
  name ending it (``"…" ― Jane Doe``, a list of readers' or experts' words);
* for both, the quote stands alone: words said in a paragraph of their own, not the last
  quote of a paragraph the writer began (``"…," she said. "…"`` / ``- Writer Name``: a
  byline), nor a phrase lifted from a sentence, which opens in lower case and ends no sentence
  inside it (a pull quote ``"to improve their position"`` / ``- General Staff``);
* a transcript's speaker label: a name in capitals and a colon opening a quote or a paragraph
  (``"HOST: …``, ``SENATOR: …``), whatever the paragraph's length;
* a short paragraph ``Name: what they said`` (a headline or a summary line), not a label with a
  dash or a bar before the colon (``Press release - Country: ...``), nor a title (``Name: doing
  something``, ``Name: to do something``);
* a transcript's label on a line of its own (``Jane Doe:`` or a bare name) over the paragraphs
  of that speaker's words, up to the next label (:mod:`.transcript`).
"""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from parley.extract import cues as C
from parley.extract.speaker_reading import ROLE_NOUNS

from .document import DocIndex, Found
from .quotes import QUOTE_CHARS
from .speakers import attribution_for_cue
from .transcript import transcript_pass
from .verbs import is_cue_verb, is_verb

DASHES = ("-", "—", "–", "―")
_SENTENCE_END = re.compile(r"[.!?…]\s")
# verbs that may introduce a quote across a colon: of saying, answering, thinking or taking a
# stand ("were supported by X, an expert: "…"")
_COLON_CUES = C.SPEECH_VERBS | C.COGNITION_VERBS | C.STANCE_OBJECT_VERBS
# nouns for words said, as the object of a verb before a colon ("had a short answer:", "gave a
# warning:")
_SPEECH_NOUNS = frozenset(
    "answer reply response message warning statement word comment remark explanation advice retort "
    "question plea verdict".split()
)
# a transcript's speaker label: a word in capitals ("HOST", "MR.", "O'NEILL"), at least two letters
_CAPS_WORD = re.compile(r"[A-Z][A-Z.'’-]*[A-Z.]")


def colon_intro(ix: DocIndex, qi: int) -> Found | None:
    """``X said:`` / ``X continued:`` (also at the end of the previous paragraph), or a
    headline ``Name: "…"``."""
    q = ix.quotes[qi]
    ch, _ = ix.prev_nonspace(q.start)
    if ch != ":":
        return None
    pos = ix.text.rfind(":", 0, q.start)
    ci = ix.tok_at(pos)
    doc = ix.doc
    if ix.in_quote(ci):
        return None
    content = (q.start, q.end)
    own = cue_after(ix, qi)
    if own is not None:
        f = attribution_for_cue(ix, own, content, "direct")
        if f.source is not None:
            return f  # '…: "…," said X': the quote's own cue
    label = colon_label(ix, ci)
    if label is not None:
        return Found(content, "direct", label, (pos, pos + 1), None, ci)
    v = doc[ci].head
    if not (v.i < ci and is_verb(v)):
        # the parser hung the colon on the quote: climb from the word before the colon
        p = ix.pid[ci]
        t = doc[ci - 1] if ci > 0 else doc[ci]
        v = t
        for _ in range(8):
            h = t.head
            if h.i == t.i or not (h.i < ci) or ix.pid[h.i] != p:
                break
            t = h
            if is_verb(t):
                v = t
    # the main verb of the clause before the colon, not one inside a relative clause
    path = [v]
    for _ in range(4):
        h = v.head
        if h.i == v.i or h.i >= ci or not is_verb(h) or ix.pid[h.i] != ix.pid[ci]:
            break
        if v.dep_ not in ("ccomp", "relcl", "advcl", "xcomp", "csubj", "acl", "pcomp"):
            break
        v = h
        path.append(v)
    # only a verb of saying, thinking or answering introduces a quote ("X said:", "X had this to
    # say:"), not any verb ("The services used this as their explanation:", "a talk that became
    # heated:"): else the quote's own cue after it, if any, is found by the next rules
    says = any(is_cue_verb(t, _COLON_CUES) or _speech_object(t) or _agent_at(t, ci) for t in path)
    if says and is_verb(v) and not ix.in_quote(v.i) and ix.pid[v.i] == ix.pid[ci]:
        f = attribution_for_cue(ix, v, content, "direct")
        if f.source is not None:
            return f
    # headline style: a short noun phrase, then the colon
    p = ix.pid[ci]
    a = ci
    while a > 0 and ix.pid[a - 1] == p:
        a -= 1
    toks = doc[a:ci]
    if (
        0 < len(toks) <= 8
        and any(t.pos_ == "PROPN" or (len(toks) == 1 and t.is_title and not t.is_stop) for t in toks)
        and not any(is_verb(t) or t.lower_ in C.NOT_SPEAKERS for t in toks)
    ):
        src = ix.trim(a, ci)
        if src is not None:
            return Found(content, "direct", src, (pos, pos + 1), None, ci)
    return None


def _speech_object(v: Token) -> bool:
    """Whether verb ``v`` has an object that names words said (``had a short answer``)."""
    return is_verb(v) and any(c.dep_ == "dobj" and c.lemma_.lower() in _SPEECH_NOUNS for c in v.children)


def _agent_at(v: Token, ci: int) -> bool:
    """Whether passive ``v`` names its agent right before the colon at token ``ci`` (``is shown
    by this finding:``): the colon introduces the agent's words."""
    return any(c.dep_ == "agent" and c.right_edge.i == ci - 1 for c in v.children)


def cue_after(ix: DocIndex, qi: int) -> Token | None:
    """The quote's own cue right after it: a verb of saying among the few words after a quote
    that ends with a comma, a question or an exclamation mark (``"…," said X``, ``"…," the minister
    told Y``), in its sentence."""
    q = ix.quotes[qi]
    if ix.text[q.start : q.end].rstrip("".join(QUOTE_CHARS) + " ")[-1:] not in (",", "?", "!"):
        return None
    _, b = ix.qtok[qi]
    doc = ix.doc
    for i in range(b, min(ix.n, b + 6)):
        t = doc[i]
        if ix.in_quote(i) or ix.pid[i] != ix.pid[b - 1] or t.text in (".", ";", ":", "(", "—", "–"):
            return None
        if is_cue_verb(t) and t.tag_ in ("VBD", "VBZ", "VBP"):
            return t
    return None


def colon_label(ix: DocIndex, ci: int) -> tuple[int, int] | None:
    """A short name set off before the colon inside a paragraph: ``... - Jane Doe: "…"``,
    ``More from Doe: "…"``, ``From the report: "…"`` (digests that quote their sources)."""
    doc = ix.doc
    p = ix.pid[ci]
    j = ci - 1
    while j >= 0 and j >= ci - 8 and ix.pid[j] == p:
        t = doc[j]
        if t.text in DASHES or t.lower_ == "from" or t.is_sent_start:
            break
        if is_verb(t) or t.is_punct or t.is_space or ix.in_quote(j):
            return None
        j -= 1
    else:
        return None
    t = doc[j]
    if t.lower_ == "from":
        # "From X:" / "More from X:" opening a sentence or a dash-separated part
        k = j - 1
        if k >= 0 and doc[k].lower_ == "more":
            k -= 1
        if not (doc[j].is_sent_start or (k >= 0 and doc[k].text in (*DASHES, "."))):
            if not (k + 1 < ix.n and doc[k + 1].is_sent_start):
                return None
    elif t.text not in DASHES:
        return None
    words = doc[j + 1 : ci]
    if not (0 < len(words) <= 6) or not any(w.pos_ in ("PROPN", "NOUN") for w in words):
        return None
    if t.text in DASHES and not any(w.pos_ == "PROPN" for w in words):
        return None
    return ix.trim(j + 1, ci)


def dash_line(ix: DocIndex, qi: int) -> Found | None:
    """A quote that ends its paragraph, credited on the next line: ``"…"`` / ``- Jane
    Doe.`` (or ``-Jane Doe, Springfield.``): the name up to the first comma or period. The
    quote must stand alone (:func:`alone_on_line`)."""
    q = ix.quotes[qi]
    if not alone_on_line(ix, qi):
        return None
    _, b = ix.qtok[qi]
    doc = ix.doc
    n = ix.n
    i = b
    glued = doc[b - 1] if b > 0 else None
    if glued is not None and glued.text[-1] in DASHES:  # it starts before the quote's end
        # '”―' read as one token: the dash is its last character
        return dash_after(ix, qi, b - 1, glued.idx + len(glued.text) - 1)
    while i < n and (doc[i].is_punct or doc[i].is_space) and "\n" not in doc[i].text:
        if doc[i].text in DASHES:
            return dash_after(ix, qi, i)
        i += 1
    if i >= n or "\n" not in doc[i].text:
        return None  # the quote does not end its paragraph
    while i < n and doc[i].is_space:
        i += 1
    if i >= n or ix.in_quote(i):
        return None
    dash = doc[i]
    if dash.text in DASHES:
        a = e = i + 1
    elif dash.text[:1] in DASHES and dash.text[1:].isalpha() and dash.text[1].isupper():
        a = e = i  # "-Jane": the tokenizer kept the dash on the name
    else:
        return None
    p = ix.pid[dash.i]
    while e < n and ix.pid[e] == p and doc[e].text not in (",", ".", ";", "(") and e - a <= 6:
        if is_verb(doc[e]) or ix.in_quote(e):
            return None
        e += 1
    words = doc[a:e]
    if not (a < e <= a + 6) or not any(t.pos_ == "PROPN" for t in words):
        return None
    if not doc[a].text.lstrip("".join(DASHES))[:1].isupper():
        return None
    src = ix.trim(a, e)
    if src is None:
        return None
    if a == dash.i:
        src = (dash.idx + 1, src[1])
    return Found((q.start, q.end), "direct", src, (dash.idx, dash.idx + 1), None, dash.i)


def alone_on_line(ix: DocIndex, qi: int) -> bool:
    """Whether quote ``qi`` opens its paragraph (nothing but space before it since the line
    break) and its words open as a sentence does, not in lower case (:func:`lifted_phrase`)."""
    return opens_paragraph(ix, qi) and not lifted_phrase(ix, qi)


def opens_paragraph(ix: DocIndex, qi: int) -> bool:
    """Whether quote ``qi`` has nothing but space before it since the last line break."""
    q = ix.quotes[qi]
    before, crossed = ix.prev_nonspace(q.start)
    return bool(crossed) or not before  # a line break crossed, or the text's start


def lifted_phrase(ix: DocIndex, qi: int) -> bool:
    """Whether quote ``qi`` is a phrase lifted from a sentence (``"to improve their position"``),
    not words said that stand on their own: it opens in lower case right after its mark (not
    after an ellipsis, which marks an excerpt cut from a speech) and holds no full stop, question
    or exclamation mark of a sentence that ends inside it."""
    q = ix.quotes[qi]
    inner = ix.text[q.start : q.end].strip("\"“”«»„‘’'` ")
    if not inner[:1].islower():
        return False
    return _SENTENCE_END.search(inner.rstrip(".!?…")) is None


def dash_after(ix: DocIndex, qi: int, d: int, dash_at: int = -1) -> Found | None:
    """A credit on the quote's own line: the dash at token ``d`` right after the quote (at
    character ``dash_at`` when the token also holds the closing mark), then a short name (a
    proper noun among at most six words, no verb) and nothing but punctuation to the end of the
    paragraph (``"…" ― Jane Doe``; not ``"…" — a claim he denied``). The quote must stand
    alone (:func:`alone_on_line`)."""
    doc = ix.doc
    n = ix.n
    if not alone_on_line(ix, qi):
        return None
    a = d + 1
    while a < n and doc[a].is_space and "\n" not in doc[a].text:
        a += 1
    e = a
    while e < n and ix.pid[e] == ix.pid[d] and not (doc[e].is_space and "\n" in doc[e].text):
        if is_verb(doc[e]) or ix.in_quote(e) or e - a > 6:
            return None
        e += 1
    while e > a and (doc[e - 1].is_punct or doc[e - 1].is_space):
        e -= 1
    words = doc[a:e]
    if not (a < e <= a + 6) or not any(t.pos_ == "PROPN" for t in words) or not doc[a].text[:1].isupper():
        return None
    src = ix.trim(a, e)
    if src is None:
        return None
    q = ix.quotes[qi]
    at = dash_at if dash_at >= 0 else doc[d].idx
    return Found((q.start, q.end), "direct", src, (at, at + 1), None, d)


def caps_label(ix: DocIndex, i: int, limit: int) -> int:
    """The colon's token index when a transcript's speaker label starts at token ``i``: up to four
    words in capitals, then a colon, before token ``limit``; else -1."""
    doc = ix.doc
    j = i
    while j < limit and j - i < 4 and _CAPS_WORD.fullmatch(doc[j].text):
        j += 1
    if j == i or j >= limit or doc[j].text != ":" or not any(c.isalpha() for c in doc[i:j].text):
        return -1
    return j


def transcript_label(ix: DocIndex, qi: int) -> Found | None:
    """A quote that opens with a transcript's speaker label (``"HOST: Let us begin …``): the
    label is the source, the colon the cue, the words after it the content."""
    q = ix.quotes[qi]
    a, b = ix.qtok[qi]
    doc = ix.doc
    i = a
    while i < b and (doc[i].is_space or doc[i].text in QUOTE_CHARS):
        i += 1
    colon = caps_label(ix, i, b)
    if colon < 0 or colon + 1 >= b:
        return None
    src = ix.trim(i, colon)
    if src is None:
        return None
    after = doc[colon + 1]
    start = after.idx + (len(after.text) if after.is_space else 0)
    return Found((start, q.end), "direct", src, (doc[colon].idx, doc[colon].idx + 1), None, colon)


def headline_pass(ix: DocIndex) -> list[Found]:
    """A short paragraph ``Name: what they said`` (a headline or a summary line); and the
    paragraphs under a transcript's labels on lines of their own (:mod:`.transcript`)."""
    found: list[Found] = []
    doc = ix.doc
    n = ix.n
    pid = ix.pid
    sections = _section_labels(ix)
    i = 0
    while i < n:
        a = i
        p = pid[i]
        while i < n and pid[i] == p:
            i += 1
        b = i  # paragraph tokens [a, b)
        while a < b and doc[a].is_space:
            a += 1
        label = caps_label(ix, a, b)  # a transcript's "SENATOR: ...", however long
        if (b - a > 28 and label < 0) or b - a < 5:
            continue
        colon = label if label >= 0 else next((j for j in range(a, min(b, a + 7)) if doc[j].text == ":"), -1)
        if colon <= a:
            continue
        head = doc[a:colon]
        if label < 0 and head.text.casefold() in sections and not _speaker_like(head):
            continue  # "Order of Battle: ...": a report's section label, no one speaking
        if (
            not any(t.pos_ == "PROPN" for t in head)
            or any(t.text in ("-", "–", "—", "|") for t in head)  # "Press release - Ukraine": a label
            or any(is_verb(t) or t.like_num or t.lower_ in C.NOT_SPEAKERS for t in head)
            or ix.in_quote(a)
        ):
            continue
        content = ix.trim(colon + 1, b)
        if content is None or sum(1 for t in doc[colon + 1 : b] if t.is_alpha) < 3:
            continue
        if ix.overlaps_direct(content) or any(j in ix.used_cues for j in range(colon + 1, b)):
            continue
        src = ix.trim(a, colon)
        if src is None:
            continue
        seg = ix.text[content[0] : content[1]]
        kind = "direct" if seg[:1] in QUOTE_CHARS and seg[-1:] in QUOTE_CHARS else "reported"
        first = doc[ix.tok_at(content[0])]
        if kind == "reported" and first.tag_ in ("VBG", "TO"):
            continue  # "Cyber Defenders: teaching children to ...": a title, not a statement
        found.append(Found(content, kind, src, (doc[colon].idx, doc[colon].idx + 1), None, colon))
    return found + transcript_pass(ix)


def _speaker_like(head: SpacySpan) -> bool:
    """A transcript's speaker label rather than a section's: a person's name, or ending in a noun
    for a person in a role ("Moderator:", "Ministry Spokesperson:")."""
    return any(t.ent_type_ == "PERSON" for t in head) or head[-1].lemma_.lower() in ROLE_NOUNS


def _section_labels(ix: DocIndex) -> set[str]:
    """Labels of a report's sections: the same words and a colon open two paragraphs or more of
    the article, one of them too long for a headline ("Order of Battle: ..." in a daily war
    report); a person's name over a transcript's answers stays a speaker (see the caller)."""
    seen: dict[str, list[int]] = {}
    for para in ix.text.split("\n"):
        label, colon, rest = para.strip().partition(":")
        if colon and 0 < len(label.split()) <= 6 and rest.strip():
            seen.setdefault(label.casefold(), []).append(len(rest.split()))
    return {label for label, sizes in seen.items() if len(sizes) >= 2 and max(sizes) > 28}
