"""What a name the model found is, read from the words around it, beside
:func:`parley.extract.surnames.a_person_by_its_words` (for :mod:`parley.extract.mentions`): a
person's name the model ran onto the end of a body's (:func:`person_at_end`); a name a noun for a
kind of body introduces, that the text calls a body's, or that its initials in brackets follow
(:func:`a_body_by_its_words`, :func:`named_bodies`: ``body_nouns`` of ``names.yaml``); a name after
a place preposition or in apposition to places (:func:`a_place_by_its_words`: ``place_nouns``);
and a "name" made of titles and words for an office alone (:func:`only_titles`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from parley.extract.registry import ROMAN_NUMERALS, ActorRegistry, fold
from parley.extract.surnames import TITLE_WORDS, a_person_by_its_words

if TYPE_CHECKING:
    from parley.extract.mentions import NameWords


def person_at_end(ent: SpacySpan, words: NameWords, registry: ActorRegistry) -> SpacySpan | None:
    """The person's name an organisation's entity ends with, when the model ran the two together
    ("the Armed Forces of Ukraine Jane Roe"): the entity's head is its last word, the one or two
    words before it are a first name compounded to it, what comes before them in the entity is
    the body's name, and the parse shows the name a person's (a noun for a person before it)."""
    root = ent.root
    if root.i != ent.end - 1 or len(ent) < 4:
        return None
    start = root.i
    while start > ent.start and root.i - start < 2:
        before = ent.doc[start - 1]
        if before.dep_ != "compound" or before.head.i != root.i or before.pos_ != "PROPN":
            break
        start -= 1
    if start == root.i or start - ent.start < 2 or ent.doc[start - 1].pos_ != "PROPN":
        return None
    body_last = ent.doc[start - 1].text
    if not (
        fold(body_last) in words.organisation_last
        or registry.place_side(body_last)
        or registry.side_of_word(body_last)
    ):
        return None  # the body's name must end as one does ("... of Ukraine", "... Ministry")
    tail = ent.doc[start : ent.end]
    return tail if a_person_by_its_words(tail, words, registry) else None


def a_body_by_its_words(
    ent: SpacySpan, words: NameWords, registry: ActorRegistry, bodies: frozenset[str] = frozenset()
) -> bool:
    """A name the model calls a person's or a place's that a noun for a kind of body stands
    before ("outlet Roe"; any name after a publication's: "the daily newspaper Roe Post") or in
    apposition to ("the broadcaster, Roe"), that the text calls a body's elsewhere (``bodies``:
    :func:`named_bodies`), or that its initials follow in brackets before a plural noun ("Roe
    Lake Hunters (RLH) drone crews"): an organisation (not a side's place or a registered person)."""
    if registry.place_side(ent.text) or registry.match_name(ent.text, person=True):
        return False
    if fold(ent.text) in bodies or _initials_after(ent):
        return True
    if _right_after_outlet_noun(ent, words):
        return True
    root = ent.root
    head = root.head
    if (
        root.dep_ == "appos"
        and head.i < ent.start
        and head.lower_ in words.body_nouns
        and head.dep_ != "pobj"
    ):
        return True  # "the outlet, Roe"; not "an analyst from the group, Jane Roe"
    # "broadcaster Roe"; not "the project's head, Jane Roe" read as "project Jane Roe": a name of
    # two words or more the model calls a person's stays one
    return len(ent) == 1 and any(
        c.i == ent.start - 1 and c.dep_ in ("compound", "nmod") and c.lower_ in words.body_nouns
        for c in root.children
    )


_QUOTES = frozenset("\"“”«»„'‘’")
_CALLED = frozenset({"known", "called", "nicknamed", "dubbed", "named"})
MAX_BODY_NAME_WORDS = 6


def named_bodies(doc: Doc, words: NameWords) -> frozenset[str]:
    """The names (folded) an article itself calls a body's: a name in quotes right after a noun
    for a kind of body ('the NGO “Roe Lives”'), or one such a body is known as or called ('the
    5th brigade, known as “Roe Hawks”')."""
    found = set()
    for t in doc:
        if fold(t.text) not in words.body_nouns:
            continue
        i = t.i + 1
        if i < len(doc) and doc[i].text == ",":
            i += 1
        # "known as" describes the body ("the brigade, known as ..."), unlike a verb it is the
        # subject of ("the agency called Jane Roe to testify")
        if i < len(doc) and doc[i].lower_ in _CALLED and doc[i].head.i == t.i and doc[i].dep_ == "acl":
            i += 2 if i + 1 < len(doc) and doc[i].lower_ == "known" and doc[i + 1].lower_ == "as" else 1
            quoted = i < len(doc) and doc[i].text in _QUOTES
        elif i == t.i + 1 and i < len(doc) and doc[i].text in _QUOTES:
            quoted = True
        else:
            continue
        name = _capitalised_run(doc, i + 1 if quoted else i, words)
        if name:
            found.add(fold(name))
    return frozenset(found)


def _capitalised_run(doc: Doc, start: int, words: NameWords) -> str:
    """The capitalised words from ``start`` (with particles inside), up to a mark or a small word."""
    end = start
    while end < len(doc) and end - start < MAX_BODY_NAME_WORDS:
        t = doc[end]
        if not (t.is_alpha and (t.text[:1].isupper() or (end > start and fold(t.text) in words.particles))):
            break
        end += 1
    while end > start and fold(doc[end - 1].text) in words.particles:
        end -= 1
    return doc[start:end].text if end > start and end - start < MAX_BODY_NAME_WORDS else ""


def _initials_after(ent: SpacySpan) -> bool:
    """Initials of the name in brackets after it, and a plural noun in apposition ("Roe Lake
    Hunters (RLH) drone crews ..."), as a unit's name is written; not a person's ("Jane Roe (JR)
    said")."""
    doc, end = ent.doc, ent.end
    names = [t.text for t in ent if t.is_alpha and t.text[:1].isupper()]
    if len(names) < 2 or end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return False
    root = ent.root
    plural = any(c.i > end + 2 and c.dep_ == "appos" and c.tag_ == "NNS" for c in root.children) or (
        root.dep_ in ("nmod", "compound") and root.head.i > end + 2 and root.head.tag_ == "NNS"
    )
    return plural and doc[end + 1].text == "".join(w[0] for w in names)


def _right_after_outlet_noun(ent: SpacySpan, words: NameWords) -> bool:
    """A name of two words or more right after a noun for a publication ("the daily newspaper
    Roe Post"), and not the subject of a verb ("the magazine Jane Roe edits")."""
    doc = ent.doc
    name = [t for t in without_trailing(ent, words) if not t.is_punct]
    if len(name) < 2 or ent.start == 0 or fold(doc[ent.start - 1].text) not in words.outlet_nouns:
        return False
    inside = {t.i for t in name}
    roots = [t for t in name if t.head.i not in inside or t.head.i == t.i]
    after = doc[name[-1].i + 1] if name[-1].i + 1 < len(doc) else None
    # what follows ends the name ("Roe Post, where", "Roe Post. He", "Roe Post in"), and is no
    # verb whose subject it could be ("the magazine Jane Roe edits", however it is parsed)
    ends = after is None or after.is_punct or after.text[:1].isupper() or after.pos_ in ("ADP", "CCONJ")
    return ends and not any(r.dep_ in ("nsubj", "nsubjpass") for r in roots)


def without_glued_words(ent: SpacySpan) -> SpacySpan:
    """A person's name without marks a line began with before it ("--- Jane Roe") and a word in
    capitals after it that is no numeral ("Jane Roe TWA": what the person flies for, glued on by
    a lost break). :func:`without_trailing` drops the small words a lost break glues on."""
    doc, start, end = ent.doc, ent.start, ent.end
    while start < end and not any(c.isalpha() for c in doc[start].text):
        start += 1
    last = doc[end - 1].text if end > start else ""
    proper = [t for t in doc[start : end - 1] if t.text[:1].isupper() and t.text[1:].islower()]
    capitals = len(last) >= 2 and last.isalpha() and last.isupper()
    if len(proper) >= 2 and capitals and last.casefold() not in _NUMERALS:
        end -= 1
    return ent if (start, end) == (ent.start, ent.end) else SpacySpan(doc, start, end, label=ent.label)


_NUMERALS = frozenset(ROMAN_NUMERALS[:10])  # "Jon Roe III", "Pope Jon X": one to ten


def without_trailing(ent: SpacySpan, words: NameWords) -> SpacySpan:
    """The name without a pronoun or a small word a lost line break glued on ("Roe Post. He")."""
    end = ent.end
    while end - ent.start > 1 and fold(ent.doc[end - 1].text) in words.trailing:
        end -= 1
    return ent if end == ent.end else ent.doc[ent.start : end]


# words that open a sentence in capitals without being part of a name after them
_NOT_NAME_POS = frozenset({"ADP", "DET", "VERB", "ADV", "SCONJ", "CCONJ", "PRON"})


def without_leading(ent: SpacySpan) -> SpacySpan | None:
    """A person's name without the words of the sentence the model took into it ("Beyond Trump's
    finances", "Injecting Roe's troubles": a preposition, an article, a verb); None when no proper
    noun is left after them ("The Gap Goes On")."""
    start = ent.start
    while start < ent.end - 1 and ent.doc[start].pos_ in _NOT_NAME_POS:
        start += 1
    if start == ent.start:
        return ent  # a name the tagger read as a verb or a noun ("Trump, for all his ...") stays
    if not any(t.pos_ == "PROPN" for t in ent.doc[start : ent.end]):
        return None
    return ent.doc[start : ent.end]


def a_place_by_its_words(ent: SpacySpan, words: NameWords) -> bool:
    """A name of two words or more right after "in", "near" ... ("fighting near Roe Lake"); a
    name after a noun for places and "of" ("the towns of Roe Lake and Fenby"); or one in
    apposition to such a noun in the plural after a preposition, with the names joined to it
    ("displaced in three towns - Roe Lake, Doe Hill and Fenby"): a place's name."""
    doc = ent.doc
    if len(ent) > 1 and ent.start > 0 and doc[ent.start - 1].lower_ in words.prepositions:
        return True
    t = ent.root
    while t.dep_ == "conj" and t.head.i < t.i and t.head.pos_ == "PROPN":
        t = t.head  # "Doe Hill" of "Roe Lake, Doe Hill and Fenby"
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.i < t.head.i:
        return fold(t.head.head.lemma_) in words.place_nouns  # "the towns of Roe Lake"
    head = t.head
    return (
        t.dep_ == "appos"
        and head.tag_ == "NNS"
        and fold(head.lemma_) in words.place_nouns
        and head.dep_ == "pobj"
        and head.head.lower_ in words.prepositions | _FROM_TO
    )


_FROM_TO = frozenset({"from", "to", "at", "between"})


def relative_place(role: str, words: NameWords) -> bool:
    """Role words that are a relative place: "north of the city", "some 10 km from it"."""
    role_words = fold(role).split()
    if len(role_words) == 1:
        return role_words[0] in words.locative
    pairs = zip(role_words, role_words[1:], strict=False)
    return any(w in words.locative and nxt in ("of", "from") for w, nxt in pairs)


def only_titles(text: str, words: NameWords) -> bool:
    """A "name" of two words or more, each a title, a rank or a word for an office or a person's
    work ("Associate Dean", "Deputy Head"): no one's name."""
    names = [fold(w).rstrip(".,") for w in text.split()]
    return len(names) >= 2 and all(w in TITLE_WORDS or w in words.offices for w in names)


def several_people(piece: SpacySpan) -> bool:
    """Whether words beside a name describe several people, so no one's role: a plural head
    ("experts A, B and C"; not a plural the model leaves as its own lemma) or a plural joined to
    the head by "and" ("his wife and three other people")."""
    root = piece.root
    if root.tag_ == "NNS" and root.lower_ != root.lemma_.lower():
        return True
    return any(t.tag_ == "NNS" for t in root.conjuncts)
