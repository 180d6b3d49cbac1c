"""People the small model missed or mislabelled, found by the names an article gives them.

:func:`parley.extract.mentions.find_mentions` calls these once the entities are read:

- a first name the model left out of a one-word name ("Jane" of "Jane Roe" read as a role) is
  part of the name (:func:`first_name_before`);
- a name the model calls an organisation or a place is a person when the parse says so: a noun
  for a person in apposition ("Jane Roe, an expert", "the commander, Jane Roe"), before it
  ("researcher Jane Roe") or an age after it ("Jane Roe, 43") (:func:`a_person_by_its_words`);
- the surname of a person the article names (:func:`surname_mentions`) is a mention of that
  person wherever the model missed it or called it something else. Surnames are those of people
  named in full (with their particles: "von der Leyen"), and of people named by surname alone
  whom the text shows to be people (a title such as "Mr." before the name, or the subject of a
  verb of saying); an organisation or place of the shape of a name that ends with such a surname
  ("Jane Roe" tagged as an organisation, "Major Archbishop Roe") is that person, without the
  titles before the name; where a first name stands right before a surname the model missed
  ("spokesperson Jane Roe" with only "Roe" found), the mention is the full name.

A first name is a capitalised proper noun compounded to the surname, in no entity, and no
title, rank or role word ("Chairperson", "Archbishop"), place word, or side's adjective.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from parley.clean.outlets import default_registry as known_outlets
from parley.extract.cues import SPEECH_VERBS
from parley.extract.layout import Headings
from parley.extract.registry import HONORIFICS, ActorRegistry, fold, name_list, names_agree, strip_honorifics
from parley.extract.speaker_reading import PERSON_NOUNS, ROLE_NOUNS
from parley.models import Mention, Span
from parley.nlp import text_of

if TYPE_CHECKING:
    from parley.extract.mentions import NameWords

OTHER_LABELS = ("ORG", "GPE", "NORP", "LOC", "FAC")
# Nouns for a person that show a name beside them is a person's, besides those for a role.
OCCUPATIONS = frozenset(
    "medic paramedic doctor nurse surgeon volunteer historian economist scientist scholar linguist "
    "photographer filmmaker artist writer poet student teacher engineer farmer pensioner refugee "
    "survivor veteran priest pastor monk nun businessman businesswoman entrepreneur citizen "
    "worker driver pilot fighter sniper lieutenant colonel captain sergeant major private "
    "admiral marshal cardinal metropolitan rabbi imam sheikh emir sultan justice professor "
    "blogger milblogger columnist commentator observer strategist economist banker".split()
)
PEOPLE_NOUNS = PERSON_NOUNS | ROLE_NOUNS | OCCUPATIONS
# Words that stand before a name without being a first name: titles, ranks and roles.
TITLE_WORDS = PEOPLE_NOUNS | HONORIFICS  # HONORIFICS: the titles of parley/data/names.yaml
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*$")
_TITLE_SUFFIXES = ("person", "man", "woman")


def _name_word(word: str) -> bool:
    """A capitalised word that may be part of a name ("Jane", "O'Neil", "Smith-Jones")."""
    return bool(_NAME_WORD.match(word)) and word[0].isupper() and not word.isupper()


def _first_name_word(word: str, words: NameWords, registry: ActorRegistry) -> bool:
    low = fold(word).rstrip(".")
    return (
        _name_word(word)
        and len(word) >= 2
        and low not in TITLE_WORDS
        and not low.endswith(_TITLE_SUFFIXES)
        and low not in words.particles | words.not_first | words.place_first | words.place_last
        and not registry.side_of_word(word)
        and not registry.place_side(word)
    )


def first_name_before(
    doc: Doc, start: int, end: int, surname: str, words: NameWords, registry: ActorRegistry
) -> int:
    """Where the name ending with the one-word name at ``[start, end)`` starts: at the first name
    right before it ("Jane" of "Jane Roe") when there is one, else at ``start``. A first name is
    no part of an entity, is compounded to the name, and agrees with the registered person the
    surname names, if any ("Team Roe" is no one's name)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1 or span.start == 0:
        return start
    before = doc[span.start - 1]
    if (
        before.pos_ != "PROPN"
        or before.ent_type_ not in ("", "NORP", "PERSON")  # the model reads some first names NORP
        or before.dep_ != "compound"
        or before.head.i != span.start
        or before.whitespace_ != " "
        or not _first_name_word(before.text, words, registry)
        or fold(before.text) in place_words(doc)
    ):
        return start
    registered = registry.match_name(surname, person=True)
    actor = registry.actor(registered) if registered else None
    if actor is not None and actor.kind == "person":
        if registry.match_name(f"{before.text} {surname}", person=True) != registered:
            return start
    return before.idx


def place_words(doc: Doc) -> frozenset[str]:
    """The folded one-word names the article tags places alone right after a preposition of
    place ("in Oakdale": "Oakdale" of "the Oakdale Roe family" is no first name; the model tags
    some first names places, but no one writes "in Jane"), read once a document."""
    found = doc.user_data.get("parley.surnames.places")
    if found is None:
        after = name_list("place_prepositions")
        found = frozenset(
            fold(e.text)
            for e in doc.ents
            if e.label_ in ("GPE", "LOC")
            and len(e) == 1
            and e.start
            and doc[e.start - 1].text.lower() in after
        )
        doc.user_data["parley.surnames.places"] = found
    return found


def a_person_by_its_words(
    ent: SpacySpan, words: NameWords, registry: ActorRegistry, apposed_only: bool = False
) -> bool:
    """Whether a name the model calls an organisation or a place is a person's: it has the shape
    of a name (one to three capitalised words, none naming a kind of organisation or place), and
    a noun for a person stands in apposition to it or before it, or an age after it. With
    ``apposed_only`` (for words the model tagged as nothing at all) only a lower-case noun for a
    person or an age in apposition after the name counts ("Jane Roe, a historian"): a title
    before capitalised words ("Director General", "Subordinate Main Effort") does not."""
    tokens = [t for t in ent if not t.is_punct]
    if not 1 <= len(tokens) <= 3 or not all(_name_word(t.text) for t in tokens):
        return False
    folded = [fold(t.text) for t in tokens]
    if (
        folded[-1] in words.organisation_last | words.place_last
        or folded[0] in words.place_first | words.not_first
        or any(registry.side_of_word(t.text) or registry.place_side(t.text) for t in tokens)
        or registry.match_name(ent.text, person=False)
        or known_outlets().known(ent.text)
    ):
        return False
    root = ent.root
    if apposed_only:
        return any(
            c.i >= ent.end
            and c.dep_ == "appos"
            and ((c.pos_ == "NOUN" and c.lemma_.lower() in PEOPLE_NOUNS) or _an_age(c))
            for c in root.children
        )
    if root.dep_ == "appos" and _person_noun(root.head):
        return True  # "the commander, Jane Roe"
    if root.dep_ == "appos" and root.head.ent_type_ in ("ORG", "GPE") and _noun_of(root.head):
        return True  # "the Commander-in-Chief of the Armed Forces, Jane Roe" read as apposed to "Forces"
    for child in root.children:
        if child.i >= ent.end and child.dep_ == "appos":
            if child.pos_ == "NOUN" and child.lemma_.lower() in PEOPLE_NOUNS:
                return True  # "Jane Roe, an expert from ..."
            if _an_age(child):
                return True  # "Jane Roe, 43"
        if child.i < ent.start and child.dep_ in ("compound", "amod", "nmod") and _person_noun(child):
            return True  # "researcher Jane Roe", "the Commander-in-Chief of the army Jane Roe"
    return False


def _an_age(t: Token) -> bool:
    """A number right after a comma that can be an age ("Jane Roe, 43"; not "Effort #3")."""
    return (
        t.like_num and t.text.isdigit() and 1 <= int(t.text) <= 110 and t.i > 0 and t.doc[t.i - 1].text == ","
    )


def _person_noun(t: Token) -> bool:
    """A noun for a person, in lower case or capitalised as a title ("Commander")."""
    return t.pos_ in ("NOUN", "PROPN") and (t.lower_ in PEOPLE_NOUNS or t.lemma_.lower() in PEOPLE_NOUNS)


def _noun_of(t: Token) -> bool:
    """Whether a name hangs by a preposition ("of", "at", "in" ...) from a noun for a person ("the
    commander of [the army]"), through at most three prepositions."""
    for _ in range(3):
        if t.dep_ != "pobj" or t.head.dep_ != "prep" or t.head.head.i == t.head.i:
            return False
        t = t.head.head
        if _person_noun(t):
            return True
    return False


def surname_mentions(
    doc: Doc,
    article_id: str,
    mentions: list[Mention],
    registry: ActorRegistry,
    headings: Headings,
    words: NameWords,
) -> list[Mention]:
    """Mentions of people by surname alone where the model missed them or gave another label
    (the module docstring). A place, a side's adjective or a registered non-person with that
    name is never a surname."""
    text = text_of(doc)
    surnames, full_names, relabel = _surnames(doc, mentions, registry, words)
    if not surnames:
        return mentions
    found: list[Mention] = []
    for m in mentions:
        if m.label in ("ORG", "LOC", "FAC") and len(m.text.split()) > 1:
            m = _ending_with_surname(text, m, surnames, full_names, registry, words) or m  # noqa: PLW2901
        found.append(m)
    taken = sorted((m.span.start, m.span.end) for m in found)
    # a first name the model read as a people's name ("Vladyslav" NORP) gives way to the full name
    first_names = {(m.span.start, m.span.end) for m in found if m.label == "NORP" and " " not in m.text}
    particles = words.particles
    by_key = {_surname_key(name, particles): name for name in surnames}
    alternatives = "|".join(
        _surname_pattern(name, particles) for name in sorted(surnames, key=len, reverse=True)
    )
    pattern = re.compile(r"(?<![\w'’-])(?:" + alternatives + r")(?![\w-])")
    for match in pattern.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken) or start in headings:
            continue
        name = match.group(0)
        ids = surnames.get(name) or surnames.get(by_key.get(_surname_key(name, particles), ""), set())
        first = first_name_before(doc, start, end, name, words, registry) if " " not in name else start
        inside = [(s, e) for s, e in taken if s < start and first < e]
        if first < start and all(x in first_names for x in inside):
            found = [m for m in found if (m.span.start, m.span.end) not in inside]
            full = text[first:end]
            actor_id = _full_id(full, ids, full_names, registry)
            found.append(Mention(article_id, Span(first, end), full, "PERSON", actor_id))
            relabel.add(name)  # now named in full
        else:
            found.append(Mention(article_id, Span(start, end), name, "PERSON", _one(ids)))
    return [_relabelled(m, surnames, relabel, registry) for m in found]


def _relabelled(
    m: Mention, surnames: dict[str, set[str | None]], relabel: set[str], registry: ActorRegistry
) -> Mention:
    """A surname under another label ("Roe" tagged as a place) as the person's mention."""
    if m.label not in OTHER_LABELS or m.text not in relabel or m.text not in surnames:
        return m
    if not registry.match_name(m.text, person=False):
        return Mention(m.article_id, m.span, m.text, "PERSON", _one(surnames[m.text]), m.role, m.side)
    return m


def _surnames(
    doc: Doc, mentions: list[Mention], registry: ActorRegistry, words: NameWords
) -> tuple[dict[str, set[str | None]], dict[str, list[str]], set[str]]:
    """The article's surnames -> the actors of the people named by them; the full names by
    surname; and the surnames whose mentions under another label are that person's (a full
    name's, or one labelled a person more often than anything else)."""
    particles = words.particles
    surnames: dict[str, set[str | None]] = {}
    full_names: dict[str, list[str]] = {}
    labels: Counter = Counter()
    for m in mentions:
        labels[(m.text, m.label == "PERSON")] += 1
    relabel: set[str] = set()
    for m in mentions:
        name = strip_honorifics(m.text).split()
        if m.label != "PERSON" or not name or not name[-1][:1].isupper() or len(name[-1]) < 3:
            continue
        if len(name) >= 2:
            first = next((i for i in range(1, len(name)) if fold(name[i]) in particles), len(name) - 1)
            surname = " ".join(name[first:])  # "von der Leyen"
            surnames.setdefault(surname, set()).add(m.actor_id)
            full_names.setdefault(surname, []).append(" ".join(name))
            relabel.add(surname)
        elif _name_word(name[0]) and _shown_a_person(doc, m):
            surnames.setdefault(name[0], set()).add(m.actor_id)
            if labels[(name[0], True)] >= labels[(name[0], False)]:
                relabel.add(name[0])
    for surname in list(surnames):
        if registry.place_side(surname) or registry.side_of_word(surname) or known_outlets().known(surname):
            del surnames[surname]
    return surnames, full_names, relabel


def _shown_a_person(doc: Doc, m: Mention) -> bool:
    """A name alone the text shows to be a person's: a title before it ("Mr. Roe", the title
    read as its role) or the subject of a verb of saying ("Roe said")."""
    if m.role and fold(m.role).rstrip(".") in TITLE_WORDS:
        return True
    span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ == "nsubj" and root.head.pos_ == "VERB" and root.head.lemma_.lower() in SPEECH_VERBS


def _ending_with_surname(
    text: str,
    m: Mention,
    surnames: dict[str, set[str | None]],
    full_names: dict[str, list[str]],
    registry: ActorRegistry,
    words: NameWords,
) -> Mention | None:
    """An organisation or place of the shape of a name that ends with a surname of the article
    ("Jane Roe", "Major Archbishop Roe"): the person, first name and surname, titles left out."""
    tokens = [(x.start(), x.end(), x.group(0)) for x in re.finditer(r"\S+", m.text)]
    if len(tokens) > 4 or tokens[-1][2] not in surnames or not all(_name_word(w) for _, _, w in tokens):
        return None
    if fold(tokens[-1][2]) in words.organisation_last | words.place_last or known_outlets().known(m.text):
        return None
    if registry.match_name(m.text, person=False):
        return None
    start = tokens[-1][0]
    if len(tokens) > 1 and _first_name_word(tokens[-2][2], words, registry):
        start = tokens[-2][0]
    name = m.text[start:]
    ids = surnames[tokens[-1][2]]
    actor_id = _full_id(name, ids, full_names, registry) if start < tokens[-1][0] else _one(ids)
    return Mention(
        m.article_id, Span(m.span.start + start, m.span.end), name, "PERSON", actor_id, None, m.side
    )


def _full_id(
    name: str, ids: set[str | None], full_names: dict[str, list[str]], registry: ActorRegistry
) -> str | None:
    """The actor of a full name found by its surname: the registry's, else the one the article's
    full names with that surname resolved to when the first names agree."""
    registered = registry.match_name(name, person=True)
    if registered:
        return registered
    known = full_names.get(name.split()[-1], [])
    if known and all(names_agree(fold(name), fold(n)) for n in known):
        return _one(ids)
    return None


def _surname_pattern(surname: str, particles: frozenset[str]) -> str:
    """The surname as written, its particles in either case ("Von der Leyen", "von der Leyen")."""
    return r"\s+".join(
        f"(?i:{re.escape(w)})" if fold(w) in particles else re.escape(w) for w in surname.split()
    )


def _surname_key(surname: str, particles: frozenset[str]) -> str:
    return " ".join(fold(w) if fold(w) in particles else w for w in surname.split())


def _one(ids: set[str | None]) -> str | None:
    """The actor every mention with the surname resolved to, if they agree."""
    return next(iter(ids)) if len(ids) == 1 else None
