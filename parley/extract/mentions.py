"""Mentions: named entities and registered role phrases in one parsed article.

A person's role words and the side they point to are read from the parse around the name:
left modifiers ("Ukrainian Foreign Minister Andrii Sybiha") and appositions ("Yuri Ushakov,
Putin's senior adviser,"). The corpus stage (``parley.reconcile.actors``) turns mentions into
canonical actors.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import ENT_TYPE, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from parley.clean.outlets import default_registry as known_outlets
from parley.extract.layout import Headings
from parley.extract.registry import ActorRegistry
from parley.models import Mention, Span
from parley.nlp import text_of

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
ROLE_DEPS = {"compound", "amod", "nmod", "poss", "case", "det"}
MAX_ROLE_CHARS = 80


def find_mentions(doc: Doc, article_id: str, registry: ActorRegistry) -> list[Mention]:
    full_text = text_of(doc)
    headings = Headings(full_text)
    mentions: list[Mention] = []
    known: dict[tuple[str, bool], str | None] = {}  # names repeat in an article: look each up once

    def match_name(name: str, person: bool) -> str | None:
        key = (name, person)
        if key not in known:
            known[key] = registry.match_name(name, person=person)
        return known[key]

    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        text = ent.text
        if text.endswith(("'s", "’s")):
            text = text[:-2]
        label = ent.label_
        if label == "PERSON" and (registry.place_side(text) or registry.side_of_word(text)):
            label = "GPE"  # the small model sometimes calls a capital a person
        elif label == "PERSON" and known_outlets().known(text):
            label = "ORG"  # ... or a newspaper a person
        person = label == "PERSON"
        if person and ent.start_char in headings:
            continue  # "Background", "Discussions and Disagreements": section headings, not people
        actor_id = None
        if label in ("PERSON", "ORG", "FAC"):
            # the small model labels some surnames ORG: a registered person still matches
            actor_id = match_name(text, person) or match_name(text, True)
        role, side = _role_of(ent, registry) if person else (None, None)
        mentions.append(
            Mention(
                article_id,
                Span(ent.start_char, ent.start_char + len(text)),
                text,
                label,
                actor_id,
                role,
                side,
            )
        )
    taken = [(m.span.start, m.span.end) for m in mentions]
    for run in _proper_noun_runs(doc):
        run_start, run_end = run.start_char, run.end_char  # computed anew on each access
        if any(s < run_end and run_start < e for s, e in taken):
            continue
        actor_id = match_name(run.text, True)
        actor = registry.actor(actor_id) if actor_id else None
        if actor is not None and actor.kind == "person":  # a registered name the NER missed
            role, side = _role_of(run, registry)
            mentions.append(
                Mention(article_id, Span(run_start, run_end), run.text, "PERSON", actor_id, role, side)
            )
            taken.append((run_start, run_end))
    for start, end, actor_id in registry.find_titles(full_text):
        if any(s <= start and end <= e for s, e in taken):
            continue  # inside an entity already found ("Kremlin" in an ORG span is not a title)
        mentions.append(Mention(article_id, Span(start, end), full_text[start:end], "ROLE", actor_id))
    mentions.sort(key=lambda m: (m.span.start, m.span.end))
    return mentions


def _role_of(ent: SpacySpan, registry: ActorRegistry) -> tuple[str | None, str | None]:
    """Role words next to a person's name, and the side they point to."""
    root = ent.root
    pieces: list[SpacySpan] = []
    left = [t for t in root.lefts if t.i < ent.start and t.dep_ in ROLE_DEPS]
    if left:
        start = min(t.left_edge.i for t in left)
        pieces.append(ent.doc[start : ent.start])
    for child in root.rights:
        if child.dep_ == "appos" and child.i >= ent.end:
            pieces.append(ent.doc[child.left_edge.i : child.right_edge.i + 1])
            break
    words = " ".join(p.text.strip(" ,") for p in pieces if p.text.strip(" ,"))
    words = _strip_article(words.rsplit("\n", 1)[-1].strip())
    if not words or len(words) > MAX_ROLE_CHARS:
        return None, None
    return words, _side_of(pieces, registry)


def _side_of(pieces: list[SpacySpan], registry: ActorRegistry) -> str | None:
    for piece in pieces:
        for token in piece:
            side = registry.side_of_word(token.text)
            if side:
                return side
            if token.dep_ == "poss" or token.ent_type_ in ("PERSON", "ORG"):
                actor_id = registry.match_name(token.text, person=token.ent_type_ == "PERSON")
                actor = registry.actor(actor_id) if actor_id else None
                if actor and actor.side:
                    return actor.side
    return None


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
