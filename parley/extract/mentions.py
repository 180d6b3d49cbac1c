"""Mentions: named entities and registered role phrases in one parsed article.

A person's role words and the side they point to are read from the parse around the name: left
modifiers ("Foreign Minister Jane Roe", with a title the name starts with: "Major" + "Archbishop
Roe") and appositions ("Roe, Putin's senior adviser,"). A role never holds a dateline ("MOSCOW,
Feb 1 (Agency) -"), a date, another person's name, a relative place ("north of the city") or a
plural ("experts A, B and C"). ``parley.reconcile.actors`` turns mentions into actors.

What the small model calls a person is checked against the shape of a name (word lists in
``parley/data/names.yaml``):

- a name ending in a particle takes the words after it ("Ursula von der" + "Leyen"); a span of
  particles alone is no one;
- a span with a slash, a digit or an "@", or ending in a quote mark, is a credit, a thing or a
  nickname ("Name/Agency", "T-72", "Serhiy “Flash”"): dropped, as is one that starts like a
  part of a document ("Appendix A") or has no capital letter; one whose last word names an
  organisation is an ORG;
- a possessive inside the span ends a registered person's name ("Putin's Valdai" -> "Putin"),
  and a span with any other possessive inside names a thing; a pronoun or a place glued after a
  name is cut off ("... N. He", "Zelenskyy London"); a registered person's surname followed by
  other words is that person ("Trump Gets" -> "Trump");
- a span whose last word names a kind of place ("Oblast", "Yar") or whose first word starts a
  place name ("Novyi", "Velyki"), or a name of two words or more after "in" or "near", one after
  "the towns of" or in apposition to places ("in three towns - X, Y and Z"), or one with a
  relative place for a role ("north of ..."), is a place (GPE); titles alone are no one;
- a name the model calls an organisation or a place is a person's when the parse says so, a
  first name the model left out of a one-word name is part of it, and the surname of a person
  the article names is a mention of that person wherever the model missed it or called it
  something else (:mod:`parley.extract.surnames`); so is a name the model missed with a noun
  for a person beside it ("Jane Roe, a historian"), and one it ran onto the end of an
  organisation's name ("the Armed Forces of X Jane Roe", split into the body and the person);
- a name a noun for a body introduces ("broadcaster Roe"), that the article calls a body's or whose
  initials follow in brackets is an ORG (``name_kinds``), as is a company's; a thing's none (thing_names).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import numpy as np
from spacy.attrs import ENT_TYPE, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from parley.clean.outlets import default_registry as known_outlets
from parley.extract.layout import Headings
from parley.extract.name_kinds import (
    a_body_by_its_words,
    a_place_by_its_words,
    named_bodies,
    only_titles,
    person_at_end,
    relative_place,
    several_people,
    without_leading,
    without_trailing,
)
from parley.extract.registry import HONORIFICS, ActorRegistry, fold, name_list, strip_honorifics
from parley.extract.surnames import a_person_by_its_words, first_name_before, surname_mentions
from parley.extract.thing_names import ThingNames
from parley.models import Mention, Span
from parley.nlp import text_of

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
ROLE_DEPS = {"compound", "amod", "nmod", "poss", "case", "det"}
MAX_ROLE_CHARS = 80


@dataclass(frozen=True)
class NameWords:
    particles: frozenset[str]
    place_last: frozenset[str]
    place_first: frozenset[str]
    organisation_last: frozenset[str]
    not_first: frozenset[str]
    trailing: frozenset[str]
    prepositions: frozenset[str]
    locative: frozenset[str]
    body_nouns: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    offices: frozenset[str] = frozenset()
    outlet_nouns: frozenset[str] = frozenset()


@cache
def name_words() -> NameWords:
    """The word lists of parley/data/names.yaml a name is checked against, folded (read by the
    registry's one cached loader)."""
    return NameWords(
        name_list("particles"),
        name_list("place_last_words"),
        name_list("place_first_words"),
        *(
            name_list(k)
            for k in ("organisation_last_words", "not_name_first_words", "trailing_non_name_words")
        ),
        *(name_list(k) for k in ("place_prepositions", "locative_role_words", "body_nouns", "place_nouns")),
        *(name_list(k) for k in ("office_words", "outlet_nouns")),
    )


_NOT_A_NAME = re.compile(r"[/|@\d]|[\"“”«»]$")  # a nickname in quotes ends no name: "Serhiy “Flash”"
_POSSESSIVE_INSIDE = re.compile(r"['’]s\b(?=\s+\S)")
_WORD = re.compile(r"\S+")
# A dateline before the role words: "MOSCOW, Feb 1 (Agency) -".
_DATELINE = re.compile(r"^.*?\([^()]{1,40}\)\s*[-–—]\s*")
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = re.compile(
    rf"\b{_MONTHS}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTHS}(?:\s|$)|\b(?:19|20)\d\d\b", re.IGNORECASE
)


def find_mentions(doc: Doc, article_id: str, registry: ActorRegistry) -> list[Mention]:
    full_text = text_of(doc)
    headings = Headings(full_text)
    words = name_words()
    mentions: list[Mention] = []
    known: dict[tuple[str, bool], str | None] = {}  # names repeat in an article: look each up once
    bodies, things = named_bodies(doc, words), ThingNames(doc, registry)  # 'the NGO "Roe Lives"'

    def match_name(name: str, person: bool) -> str | None:
        key = (name, person)
        if key not in known:
            known[key] = registry.match_name(name, person=person)
        return known[key]

    covered = -1  # the end of the last name stretched over the entities after it
    for ent in doc.ents:
        ent, label = things.of(ent)  # "Roe Truck" of "Roe Truck Corp.", "--- Jane Roe": thing_names
        if label not in ENTITY_LABELS or ent.start_char < covered:
            continue
        if label in ("ORG", "LOC", "FAC") and a_person_by_its_words(ent, words, registry):
            label = "PERSON"  # "Jane Roe, an expert", "researcher Jane Roe": a person
        if label in ("PERSON", "GPE", "LOC") and a_body_by_its_words(ent, words, registry, bodies):
            label, ent = "ORG", without_trailing(ent, words)  # "broadcaster Roe", "the outlet, Roe"
        if label == "PERSON":
            if (trimmed := without_leading(ent)) is None:
                continue  # "The Gap Goes On": the words of a sentence, no name
            ent = _with_particles(trimmed, words)
            ent = _with_first_name(ent, words, registry)
            covered = ent.end_char
            while mentions and mentions[-1].span.start >= ent.start_char:
                mentions.pop()  # the first name the model tagged on its own is now part of it
        if label == "ORG" and (tail := person_at_end(ent, words, registry)) is not None:
            body = ent.doc[ent.start : tail.start]
            mentions.append(Mention(article_id, Span(body.start_char, body.end_char), body.text, "ORG"))
            ent, label = tail, "PERSON"  # "the Armed Forces of Ukraine Jane Roe": the body, then the person
        text = ent.text
        if text.endswith(("'s", "’s")):
            text = text[:-2]
        start = ent.start_char
        if label == "PERSON" and (registry.place_side(text) or registry.side_of_word(text)):
            label = "GPE"  # the small model sometimes calls a capital a person
        elif label == "PERSON" and known_outlets().known(text):
            label = "ORG"  # ... or a newspaper a person
        if label == "PERSON":
            shaped = _person_shape(text, registry, words, match_name)
            if shaped is None:
                continue  # a credit, a thing, a heading: no one
            text, label = shaped
            if label == "PERSON" and a_place_by_its_words(ent, words) and not match_name(text, True):
                label = "GPE"  # "fighting near Kozacha Lopan", "in two towns - X and Y"
        person = label == "PERSON"
        if person and start in headings:
            continue  # "Background", "Discussions and Disagreements": section headings, not people
        actor_id = None
        if label in ("PERSON", "ORG", "FAC"):
            # the small model labels some surnames ORG: a registered person still matches
            actor_id = match_name(text, person) or match_name(text, True)
        role, side = _role_of(ent, registry) if person else (None, None)
        if person and role and relative_place(role, words) and not actor_id:
            label, role, side = "GPE", None, None  # "Verkhnya Tersa, northwest of the town"
        span = Span(start, start + len(text))
        mentions.append(Mention(article_id, span, text, label, actor_id, role, side))
    taken = [(m.span.start, m.span.end) for m in mentions]
    for run in _proper_noun_runs(doc):
        run_start, run_end = run.start_char, run.end_char  # computed anew on each access
        if any(s < run_end and run_start < e for s, e in taken):
            continue
        actor_id = match_name(run.text, True)
        actor = registry.actor(actor_id) if actor_id else None
        # a registered name the NER missed, or a name the parse shows a person's ("Jane Roe, a historian")
        if (actor is not None and actor.kind == "person") or (
            actor_id is None
            and len(run) > 1
            and a_person_by_its_words(run, words, registry, apposed_only=True)
        ):
            role, side = _role_of(run, registry)
            mentions.append(
                Mention(article_id, Span(run_start, run_end), run.text, "PERSON", actor_id, role, side)
            )
            taken.append((run_start, run_end))
        elif actor_id is None and a_body_by_its_words(run, words, registry, bodies):  # "broadcaster Roe"
            mentions.append(Mention(article_id, Span(run_start, run_end), run.text, "ORG"))
            taken.append((run_start, run_end))
    mentions = surname_mentions(doc, article_id, mentions, registry, headings, words)
    taken = [(m.span.start, m.span.end) for m in mentions]
    for start, end, actor_id in registry.find_titles(full_text):
        if any(s <= start and end <= e for s, e in taken):
            continue  # inside an entity already found ("Kremlin" in an ORG span is not a title)
        mentions.append(Mention(article_id, Span(start, end), full_text[start:end], "ROLE", actor_id))
    mentions.sort(key=lambda m: (m.span.start, m.span.end))
    return mentions


def _with_particles(ent: SpacySpan, words: NameWords) -> SpacySpan:
    """The name with the words after a particle it ends with ("Ursula von der" + "Leyen") and
    the particles right before it ("Von der" + "Leyen")."""
    doc, start, end = ent.doc, ent.start, ent.end
    while (
        start > 0 and fold(doc[start - 1].text) in words.particles and "\n" not in doc[start - 1].whitespace_
    ):
        start -= 1
    while end < len(doc) and fold(doc[end - 1].text) in words.particles:
        following = doc[end]
        if "\n" in doc[end - 1].whitespace_ or not (
            fold(following.text) in words.particles or (following.text[:1].isupper() and following.is_alpha)
        ):
            break
        end += 1
    return ent if (start, end) == (ent.start, ent.end) else doc[start:end]


def _with_first_name(ent: SpacySpan, words: NameWords, registry: ActorRegistry) -> SpacySpan:
    """A one-word name with the first name the model left out of it ("Jane" + "Roe")."""
    name = [t for t in ent if t.dep_ != "case"]
    if len(name) != 1:
        return ent
    first = first_name_before(ent.doc, name[0].idx, name[0].idx + len(name[0]), name[0].text, words, registry)
    return ent.doc[ent.start - 1 : ent.end] if first < name[0].idx else ent


def _person_shape(text: str, registry: ActorRegistry, words: NameWords, match_name) -> tuple[str, str] | None:
    """The name a PERSON span holds and its label, or None when it holds no one's name.

    Every change cuts words off the end, so the name starts where the span did."""
    if _NOT_A_NAME.search(text):
        return None
    if possessive := _POSSESSIVE_INSIDE.search(text):
        # "Putin's Valdai": a registered possessor is the name; else the span names a thing
        # ("... People's Republic Army Corps")
        text = text[: possessive.start()]
        if not match_name(text, True):
            return None
    tokens = [(m.start(), m.end(), fold(m.group(0)).rstrip(".")) for m in _WORD.finditer(text)]
    while len(tokens) > 1 and (
        tokens[-1][2] in words.trailing or registry.place_side(text[tokens[-1][0] : tokens[-1][1]])
    ):
        tokens.pop()  # "Outlet N. He", "Zelenskyy London": a pronoun or a place glued on
    if not tokens or all(t[2] in words.particles for t in tokens):
        return None
    if tokens[0][2] in words.not_first or not any(text[t[0]].isupper() for t in tokens):
        return None  # "Appendix A", "Destroyed Russian ...", "humanitarian hubs"
    if only_titles(text[: tokens[-1][1]], words):
        return None  # "Associate Dean"
    text = text[: tokens[-1][1]]
    if tokens[-1][2] in words.place_last or (len(tokens) > 1 and tokens[0][2] in words.place_first):
        return text, "GPE"  # "Kursk Oblast", "Novyi Donbas"
    if len(tokens) > 1 and tokens[-1][2] in words.organisation_last:
        return text, "ORG"  # "Rubikon Center"
    if len(tokens) > 1 and not match_name(text, True):
        first = text[: tokens[0][1]]
        actor_id = match_name(first, True)
        actor = registry.actor(actor_id) if actor_id else None
        if actor is not None and actor.kind == "person" and _is_surname(tokens[0][2], actor):
            return first, "PERSON"  # "Trump Gets": a registered surname and a word glued on
    return text, "PERSON"


def _is_surname(word: str, actor) -> bool:
    return any(fold(strip_honorifics(n)).split()[-1:] == [word] for n in (actor.name, *actor.aliases))


def _role_of(ent: SpacySpan, registry: ActorRegistry) -> tuple[str | None, str | None]:
    """Role words next to a person's name, and the side they point to."""
    root = ent.root
    pieces: list[SpacySpan] = []
    left = [t for t in root.lefts if t.i < ent.start and t.dep_ in ROLE_DEPS]
    if left:
        start = min(t.left_edge.i for t in left)
        end = ent.start  # with the title the name starts with ("Major" + "Archbishop")
        while end < ent.end - 1 and fold(ent.doc[end].text).rstrip(".") in HONORIFICS:
            end += 1
        pieces.append(ent.doc[start:end])
    if (appos := next((c for c in root.rights if c.dep_ == "appos" and c.i >= ent.end), None)) is not None:
        pieces.append(ent.doc[appos.left_edge.i : appos.right_edge.i + 1])
    pieces = [p for p in (_role_piece(p, ent, name_words()) for p in pieces) if p is not None]
    words = " ".join(p.text.strip(" ,") for p in pieces if p.text.strip(" ,"))
    words = _strip_article(words.rsplit("\n", 1)[-1].strip())
    if not words or len(words) > MAX_ROLE_CHARS:
        return None, None
    return words, _side_of(pieces, registry)


def _role_piece(piece: SpacySpan, ent: SpacySpan, words: NameWords) -> SpacySpan | None:
    """The role words of a piece, without a dateline before them; None when the piece holds a
    date or another person's name ("June 5, 2025", "experts A, B and C"), which no role does."""
    for i in range(piece.end - 1, piece.start, -1):
        if piece.doc[i].text in ("-", "–", "—") and piece.doc[i - 1].text == ")":
            piece = piece.doc[i + 1 : piece.end]  # "MOSCOW, Feb 1 (Agency) - deputy chairman"
            break
    if not piece.text.strip(" ,") or piece.text.strip(" ,").isdigit():
        return None  # nothing, or an age ("Jane Roe, 43")
    if several_people(piece):
        return None  # "experts A, B and C", "his wife and two aides": no one's role
    if _DATE.search(piece.text) or _DATELINE.match(piece.text) or "/" in piece.text:
        return None  # a date, a dateline or a photo credit ("Outlet photo/Name")
    for other in piece.ents:
        if other.label_ == "PERSON" and not (ent.start <= other.start < ent.end) and _full_name(other, words):
            return None  # "Putin's senior adviser" is a role; "experts A, B and C" is not
    return piece


def _full_name(ent: SpacySpan, words: NameWords) -> bool:
    """A person named in full (a one-word "person" in a role is most often a company), not as
    a possessor, and not a place the model took for a person ("Samara Oblast Governor")."""
    tokens = [fold(t.text) for t in ent if t.is_alpha]
    if len(tokens) < 2 or _possessor(ent):
        return False
    return tokens[-1] not in words.place_last and tokens[0] not in words.place_first


def _possessor(ent: SpacySpan) -> bool:
    after = ent.doc[ent.end].text if ent.end < len(ent.doc) else ""
    return ent.text.endswith(("'s", "’s")) or after in ("'s", "’s", "'", "’")


def _side_of(pieces: list[SpacySpan], registry: ActorRegistry) -> str | None:
    """The side role words point to: a side's word on the role itself ("Russian Deputy Foreign
    Minister", "Ukraine's envoy", "minister of Ukraine"), not one on what the role is about or
    where it is ("expert on the Russian economy", "representative in Ukraine", "player on
    US-Russian affairs"); or the side of a registered actor the words name ("Putin's aide")."""
    for piece in pieces:
        for token in piece:
            side = registry.side_of_word(token.text)
            if side and _on_the_role(token, piece):
                return side
            if token.dep_ == "poss" or token.ent_type_ in ("PERSON", "ORG"):
                actor_id = registry.match_name(token.text, person=token.ent_type_ == "PERSON")
                actor = registry.actor(actor_id) if actor_id else None
                if actor and actor.side:
                    return actor.side
    return None


_AFFILIATION = frozenset({"of", "at", "for"})


def _on_the_role(token: Token, piece: SpacySpan) -> bool:
    """Whether a word qualifies the role itself: no preposition but one of affiliation ("of",
    "at", "for": "an official at Britain's ministry") between it and the head of the role words,
    and not joined by a hyphen to another word ("US-Russian")."""
    doc = token.doc
    if (token.i > 0 and doc[token.i - 1].text == "-") or (
        token.i + 1 < len(doc) and doc[token.i + 1].text == "-"
    ):
        return False
    t = token
    while t.i != piece.root.i and piece.start <= t.head.i < piece.end and t.head.i != t.i:
        if t.dep_ == "pobj" and t.head.lower_ not in _AFFILIATION:
            return False
        if (
            t.dep_ == "pobj"
            and t.head.lower_ != "of"
            and t.i != token.i
            and token.dep_ not in ("poss", "amod")
        ):
            return False  # "a fellow at the Carnegie Russia Center": a word of a name, not the body's side
        t = t.head
    return True


def _strip_article(words: str) -> str:
    for article in ("the ", "The ", "a ", "an ", "A ", "An "):
        if words.startswith(article):
            return words[len(article) :]
    return words


def _proper_noun_runs(doc: Doc):
    """Maximal runs of proper nouns outside entities ("Rustem Umerov" when NER missed it)."""
    # part of speech and entity type read from one array (entity type 0 is none): a spaCy
    # Token for every word cost more than the rest of the extractor
    array = doc.to_array([POS, ENT_TYPE])
    proper = np.flatnonzero((array[:, 0] == PROPN) & (array[:, 1] == 0)).tolist()
    start = end = -1  # the current run: tokens [start, end)
    for i in proper:
        if not doc[i].text[:1].isupper():
            continue
        if i != end:
            if start >= 0:
                yield doc[start:end]
            start = i
        end = i + 1
    if start >= 0:
        yield doc[start:end]
