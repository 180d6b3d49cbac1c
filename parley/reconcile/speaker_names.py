"""Checks on a statement's speaker words made when the actors step ties them to an actor.

- A name inside an aside the speaker words bring in with "including", "such as" or "among
  them" is not the speaker: "most of Europe - including the president, Jane Roe - dismissed
  them" is said by "most of Europe" (:func:`outside_aside`).
- A name that only qualifies a body of the person's ("the Roe administration said", "Roe
  campaign officials said") is not the speaker (:func:`not_their_body`).
- Speaker words the model found no person in, that are exactly one person actor's name once
  quotes, apostrophes, case, titles and spacing are folded away, are that person
  (:class:`SpeakerNames`): a full name when one person in the corpus has it ("- Jane Roe"
  after a quote); a surname alone ("O'Roe") when the article's mentions with that surname are
  all that person's, or, when it has none, only one person in the corpus bears it. A surname
  two people share, a pronoun, a word the article also writes in small letters (a common
  word) and a word the article's names call an organisation or a place, and no person ("Roe
  said" where "Roe" is a company's name: not the "Jane Roe" of another article), stay
  unresolved.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from parley.extract.registry import fold, strip_honorifics
from parley.extract.surnames import OTHER_LABELS
from parley.models import Actor, Mention, Span, Statement
from parley.reconcile.actors import particles
from parley.reconcile.given_names import given_after_title

_ASIDE = re.compile(r"(?:^|[\s,(–—-])(?:including|such as|among them|among whom)\b", re.IGNORECASE)
_PRONOUNS = frozenset("he she it they we i you him her them us one who this that these those".split())
_QUOTES_AND_DASHES = " \t\n\"'“”‘’«»–—-:,."


def outside_aside(s: Statement) -> Statement:
    """The statement with its speaker words cut before an aside ("X, including Y") when the
    mention taken for the speaker is in the aside (or none was): the words before it speak,
    not a name inside it. Left as it is when the speaker was found by other means, or the
    words start with the aside."""
    words, span, ref = s.speaker or "", s.speaker_span, s.speaker_ref
    if span is None or len(words) != span.end - span.start:
        return s
    aside = _ASIDE.search(words)
    if aside is None:
        return s
    cut = span.start + aside.start()
    if ref is None and s.speaker_actor_id is not None:
        return s  # found without a mention: where its name stands is not known
    if ref is not None and ref.start < cut:
        return s  # the name comes before the aside: it is the speaker
    head = words[: aside.start()].rstrip(_QUOTES_AND_DASHES)
    if not head.strip():
        return s
    return replace(
        s,
        speaker=head,
        speaker_span=Span(span.start, span.start + len(head)),
        speaker_ref=None,
        speaker_actor_id=None,
    )


# what a person's name written before it makes a body of theirs, not the person ("the Roe
# administration", "the Roe campaign", "Roe's government", "the Roe camp")
_THEIR_BODY = re.compile(r"^(?:['’]s?)?\s+(?:administration|government|campaign|camp)s?\b", re.IGNORECASE)


def not_their_body(s: Statement) -> Statement:
    """The statement without the person its speaker words name when the name only qualifies a
    body of theirs ("The Roe administration said", "Roe campaign officials said"): an
    administration, government, campaign or camp is not the person it is named after."""
    words, span, ref = s.speaker or "", s.speaker_span, s.speaker_ref
    if span is None or ref is None or len(words) != span.end - span.start:
        return s
    inside = span.start <= ref.start < ref.end <= span.end
    if not inside or not _THEIR_BODY.match(words[ref.end - span.start :]):
        return s
    return replace(s, speaker_ref=None, speaker_actor_id=None)


def speaker_words(s: Statement) -> Statement:
    """The statement with its speaker words read for the person they name: no name in an aside
    (:func:`outside_aside`), none that only qualifies a body (:func:`not_their_body`)."""
    return not_their_body(outside_aside(s))


def _key(text: str) -> list[str]:
    return fold(strip_honorifics(text.strip(_QUOTES_AND_DASHES))).split()


def _surname(words: Sequence[str]) -> str | None:
    """The surname a folded name of one word, or of particles and one word, is ("o'roe",
    "von der roe"): its last word; None for a name with a first name."""
    if not words or any(w not in particles() for w in words[:-1]):
        return None
    return words[-1]


class SpeakerNames:
    """The person actors by their folded full names and by their surnames, to find the one a
    speaker's words name (:meth:`actor`)."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self.full: dict[str, set[str]] = defaultdict(set)
        self.surnames: dict[str, set[str]] = defaultdict(set)
        self.royal: dict[str, set[str]] = defaultdict(set)  # "king jon": a given name after a title
        for a in actors:
            if a.kind != "person":
                continue
            for name in (a.name, *a.aliases):
                if given_after_title(name.split()):
                    self.royal[fold(name)].add(a.id)
                    continue
                words = _key(name)
                if not words:
                    continue
                if _surname(words) is None:
                    self.full[" ".join(words)].add(a.id)
                self.surnames[words[-1]].add(a.id)

    def actor(self, words: str, mentions: Iterable[Mention], text: str) -> str | None:
        """The person actor the speaker words are the name of, or None (see the module)."""
        key = _key(words)
        shown = [w for w in re.split(r"\s+", words.strip(_QUOTES_AND_DASHES)) if w]
        if not key or not shown or any(w in _PRONOUNS for w in key):
            return None
        if not all(w[:1].isupper() or fold(w) in particles() for w in shown):
            return None  # "officials", "the spokesman"
        if given_after_title(shown):
            return _one(self.royal.get(fold(" ".join(shown)), set()))  # "King Jon" is no surname
        surname = _surname(key)
        if surname is None:
            return _one(self.full.get(" ".join(key), set()))
        if re.search(rf"(?<![\w'’-]){re.escape(shown[-1].lower())}(?![\w'’-])", text):
            return None  # a common word the article also writes in small letters
        mentions = list(mentions)
        local = {
            m.actor_id
            for m in mentions
            if m.label == "PERSON" and _key(m.text)[-1:] == [surname] and (m.text or "").strip()
        }
        if local:
            return _one(local)
        if any(m.label in OTHER_LABELS and _key(m.text) == key for m in mentions):
            return None  # the article calls the word a body or a place ("Roe said", Roe a company)
        return _one(self.surnames.get(surname, set()))


def _one(ids: set[str] | set[str | None]) -> str | None:
    """The one actor of ``ids``, or None when there are more (or it is None)."""
    return next(iter(ids)) if len(ids) == 1 else None
