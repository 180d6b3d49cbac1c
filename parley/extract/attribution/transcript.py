"""A transcript whose speakers' labels stand on lines of their own: each paragraph under a label
is the labelled speaker's words, the interviewer's questions as much as the answers.

The label is a line with only a name and a colon (``Jane Doe:``, ``HOST:``, ``Moderator:``), or
only a name (``Jane Doe``) when the article keeps to that layout (:func:`parley.extract.layout.
speaker_lines`). A label names a speaker when the parse tags a person in it (on any of the lines
with the same words), when it ends in a noun for a person in a role, or when it is in capitals.

The paragraphs after a label, up to the next label, are the speaker's (kind ``direct``: their
own words; source the name; cue the colon, none for a bare name), except:

* a line the layout calls a heading (:class:`parley.extract.layout.Headings`: short, not ending
  like a sentence): a link's words left alone by the crawler, a card's label ("Commentary");
* from a paragraph that names the speaker in the third person ("Jane Doe is a fellow at ...",
  "Host X is joined by Jane Doe ..."), or from a headline in title case that does not finish a
  sentence the crawler broke ("What If the Talks Fail?", a card for another story), nothing more
  is theirs until the next label: a page's teasers and the authors' notes are no one's answer.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan

from parley.extract import cues as C
from parley.extract.layout import speaker_lines
from parley.extract.speaker_reading import ROLE_NOUNS

from .document import DocIndex, Found

MAX_LABEL_WORDS = 6
MIN_LABELS = 2
MIN_ANSWER_WORDS = 3
# Unfinished prose: a paragraph of at least this many words that does not end like a sentence.
MIN_BROKEN_WORDS = 5
_SENTENCE_END = (".", "!", "?", '"', "”", "’", ")", ":")
# A paragraph that ends on a word of one of these kinds was cut short ("... according to").
_OPEN_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PART", "AUX"})
_OPEN_PUNCT = frozenset(",;-–—(")
_NAME_PUNCT = frozenset(".'’-")


@dataclass(frozen=True)
class _Label:
    para: int
    source: tuple[int, int]
    cue: tuple[int, int] | None
    cue_i: int
    names: tuple[str, ...]  # the words that name the speaker in the third person


def transcript_pass(ix: DocIndex) -> list[Found]:
    """The paragraphs under a transcript's speaker labels, each one the labelled speaker's."""
    paras = paragraphs(ix)
    labels = _labels(ix, paras)
    if not labels:
        return []
    headings = ix.headings
    at = {label.para for label in labels}
    found: list[Found] = []
    for label in labels:
        for k in range(label.para + 1, len(paras)):
            if k in at:
                break
            a, b = paras[k]
            if _inline_label(ix, a, b):
                break  # "Jane Doe: ...": the next speaker, labelled in the paragraph itself
            if _names(ix, a, b, label.names) or (_title_line(ix, a, b) and not _broken(ix, *paras[k - 1])):
                break  # the authors' notes, a teaser: no longer the speaker's words
            content = ix.trim(a, b)
            if content is None or content[0] in headings or ix.overlaps_direct(content):
                continue
            if sum(1 for t in ix.doc[a:b] if t.is_alpha) < MIN_ANSWER_WORDS:
                continue
            found.append(Found(content, "direct", label.source, label.cue, None, label.cue_i))
    return found


def paragraphs(ix: DocIndex) -> list[tuple[int, int]]:
    """The token range [a, b) of each paragraph with words, without the space around it."""
    doc, pid, n = ix.doc, ix.pid, ix.n
    out: list[tuple[int, int]] = []
    i = 0
    while i < n:
        a = i
        while i < n and pid[i] == pid[a]:
            i += 1
        b = i
        while a < b and doc[a].is_space:
            a += 1
        while b > a and doc[b - 1].is_space:
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def _labels(ix: DocIndex, paras: list[tuple[int, int]]) -> list[_Label]:
    """The paragraphs that are only a speaker's label, in text order."""
    doc = ix.doc
    bare = speaker_lines(ix.text)
    found: list[tuple[int, SpacySpan, int]] = []  # paragraph, the name, the colon (-1: none)
    for k, (a, b) in enumerate(paras):
        if doc[a].idx in bare:
            head, colon = doc[a:b], -1
        elif (
            b - a >= 2 and doc[b - 1].text == ":" and doc[b - 2].idx + len(doc[b - 2].text) == doc[b - 1].idx
        ):
            head, colon = doc[a : b - 1], b - 1
        else:
            continue
        if _name_like(ix, head):
            found.append((k, head, colon))
    surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
    speakers = {head.text for _, head, colon in found if _speaker_like(head, colon < 0, surnames)}
    labels: list[_Label] = []
    for k, head, colon in found:
        if head.text not in speakers:
            continue
        cue = (doc[colon].idx, doc[colon].idx + 1) if colon >= 0 else None
        names = (head.text, head[-1].text) if any(t.ent_type_ == "PERSON" for t in head) else ()
        labels.append(_Label(k, (head.start_char, head.end_char), cue, colon, names))
    # a transcript has turns, someone speaking more than once: section labels in capitals
    # ("BACKGROUND:", "ANALYSIS:"), each once, open no one's words
    turns = Counter(ix.text[a:b] for a, b in (label.source for label in labels))
    return labels if len(labels) >= MIN_LABELS and max(turns.values(), default=0) >= 2 else []


def _inline_label(ix: DocIndex, a: int, b: int) -> bool:
    """The paragraph opens with a speaker's label and a colon ("Jane Doe: We agreed ...")."""
    colon = next((j for j in range(a, min(b, a + MAX_LABEL_WORDS + 1)) if ix.doc[j].text == ":"), -1)
    if colon <= a:
        return False
    head = ix.doc[a:colon]
    return _name_like(ix, head) and _speaker_like(head, False, set())


def _name_like(ix: DocIndex, head: SpacySpan) -> bool:
    """Up to six capitalised words (short particles between), no number, no label of a page."""
    if not 0 < len(head) <= MAX_LABEL_WORDS or ix.in_quote(head.start) or not head[0].text[:1].isupper():
        return False
    for t in head:
        if t.like_num or t.lower_ in C.NOT_SPEAKERS:
            return False
        if t.is_punct and t.text not in _NAME_PUNCT:
            return False
        if t.is_alpha and not t.text[0].isupper() and len(t.text) > 3:
            return False
    return True


def _speaker_like(head: SpacySpan, bare: bool, surnames: set[str]) -> bool:
    """A person's name (one word only when the article names that person in full: "Doe:" after
    "Jane Doe"), a noun for a person in a role ("Moderator"), or a label in capitals ("HOST"); a
    bare name line only as a person's name."""
    if any(t.ent_type_ == "PERSON" for t in head) and (len(head) > 1 or head.text in surnames):
        return True
    if bare:
        return False
    words = [t for t in head if t.is_alpha]
    return head[-1].lemma_.lower() in ROLE_NOUNS or (bool(words) and all(t.is_upper for t in words))


def _names(ix: DocIndex, a: int, b: int, names: tuple[str, ...]) -> bool:
    """The paragraph names the labelled person (the whole label, or its last word)."""
    if not names:
        return False
    full, last = names
    if ix.text.find(full, ix.doc[a].idx, ix.doc[b - 1].idx + len(ix.doc[b - 1].text)) >= 0:
        return True
    return len(last) > 2 and any(t.text == last for t in ix.doc[a:b])


def _title_line(ix: DocIndex, a: int, b: int) -> bool:
    """A headline in title case: every word that is not a function word capitalised, two
    capitalised words or more, and no full stop at the end ("What If the Talks Fail?")."""
    words = [t for t in ix.doc[a:b] if t.is_alpha]
    if ix.doc[b - 1].text == "." or not words or not words[0].text[0].isupper():
        return False
    if sum(1 for t in words if t.text[0].isupper()) < 2:
        return False
    return all(t.text[0].isupper() for t in words if not t.is_stop)


def _broken(ix: DocIndex, a: int, b: int) -> bool:
    """A paragraph the crawler cut short where a link stood: it ends on an open word ("as the",
    "a piece in"), or runs on for some words without finishing its sentence."""
    if ix.doc[b - 1].text.endswith(_SENTENCE_END):
        return False
    return ends_open(ix, b) or sum(1 for t in ix.doc[a:b] if t.is_alpha) >= MIN_BROKEN_WORDS


def ends_open(ix: DocIndex, b: int) -> bool:
    """The text before token ``b`` stops where its sentence cannot: on a preposition, an
    article, a conjunction ("according to", "as the"), a comma or a dash."""
    last = ix.doc[b - 1]
    return last.pos_ in _OPEN_POS or last.text in _OPEN_PUNCT
