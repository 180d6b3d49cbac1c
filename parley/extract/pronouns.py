"""Who a "he" or "she" speaker stands for: the subjects and speakers walked back sentence by sentence,
the chain of pronouns of the same gender, and the gender the text shows for each person (titles, nouns
in apposition, the pronoun that follows a name in its own clause), so that a person of the other gender
is never taken (rule 3 of :mod:`parley.extract.speakers`). Where the text shows no gender for a
registered person, the ``pronouns`` the dossier gives them are the evidence (``they``: neither "he" nor
"she" stands for them); where the text shows one, the text wins (the person meant may be another of
the same name, or the dossier wrong)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Token

from parley.extract.described_speakers import DESCRIBED, described, noun_phrase, other_side, redescribes
from parley.extract.genders import (
    FEMALE_NOUNS,
    FEMALE_PRONOUNS,
    FEMALE_TITLES,
    MALE_NOUNS,
    MALE_PRONOUNS,
    MALE_TITLES,
)
from parley.extract.pronoun_clauses import named_after_in_main_clause, person_of_own_verb
from parley.extract.registry import fold
from parley.extract.speaker_reading import (
    _BODY_LABELS,
    _SUBJECT_DEPS,
    PERSON_NOUNS,
    PRONOUN_REACH,
    SpeakerContext,
    _is_person,
    _main_clause,
    _person_key,
    _possessive,
    _sent_end,
    _subjects,
    declared_gender,
    named_with_role,
)
from parley.models import Mention, Span

# Gender the text shows for a person: a title before the name, a noun in apposition ("his
# wife, X"), and the pronoun that follows a name in its own clause ("X and his wife ...").
# How many pronoun subjects back a "he"/"she" may follow the chain ("He ... . He ... . He said").
_CHAIN = 3


def _genders(ctx: SpeakerContext) -> dict[str, set[str]]:
    """Person key -> the genders ("m", "f") the article's words show for it (both: unknown)."""
    if ctx.genders is not None:
        return ctx.genders
    found: dict[str, set[str]] = {}
    doc, text = ctx.doc, ctx.text
    people = [m for m in ctx.mentions if _is_person(ctx, m)]
    for m in people:
        shown: set[str] = set()
        first = fold(m.text.split()[0]).rstrip(".") if m.text.split() else ""
        before = re.findall(r"[A-Za-z]+", text[max(m.span.start - 8, 0) : m.span.start])
        for w in [first, *(fold(before[-1]) if before else "",)]:
            shown |= {"m"} if w in MALE_TITLES else {"f"} if w in FEMALE_TITLES else set()
        span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if span is not None:
            t = span.root
            related = [c for c in t.children if c.dep_ == "appos"] + ([t.head] if t.dep_ == "appos" else [])
            for r in related:
                lemma = r.lemma_.lower()
                shown |= {"m"} if lemma in MALE_NOUNS else {"f"} if lemma in FEMALE_NOUNS else set()
            if t.dep_ in _SUBJECT_DEPS or (t.dep_ == "conj" and t.head.dep_ in _SUBJECT_DEPS):
                shown |= _pronoun_after(ctx, t, people)
        if shown:
            found.setdefault(_person_key(ctx, m), set()).update(shown)
    ctx.genders = found
    return found


def _shown(ctx: SpeakerContext, key: str) -> set[str]:
    """The genders known for a person key: the text's, else the dossier's ("x": "they")."""
    found = _genders(ctx).get(key)
    if found:
        return found
    declared = declared_gender(ctx, key)
    return {declared} if declared else set()


def _pronoun_after(ctx: SpeakerContext, t: Token, people: Sequence[Mention]) -> set[str]:
    """The gender of the first third-person pronoun after subject ``t`` in its sentence and own clause,
    no other person named between, not in a quote: a possessive or reflexive ("X and his wife", "X
    ignored him and went on with his notes"), or the subject of a clause joined to X's verb ("X said
    he would"); not a pronoun deeper in a reported or relative clause ("X said her ...")."""
    words = ctx.doc[t.i + 1 : t.sent.end]  # read against the quotes and the other people among them
    lo, hi = (words[0].idx, words[-1].idx + 1) if len(words) else (0, 0)
    near = [(m.span.start, m.span.end) for m in people if m.span.start < hi and m.span.end > lo]
    spans = [(a, b) for a, b in ctx.quoted if a < hi and b > lo]
    spans += [(a, b) for a, b in near if not a <= t.idx < b]
    for w in words:
        if any(a <= w.idx < b for a, b in spans):
            return set()
        low = w.lower_
        if low not in ("his", "her", "himself", "herself", "he", "she"):
            continue
        gender = {"m"} if low in MALE_PRONOUNS else {"f"}
        if w.dep_ in _SUBJECT_DEPS:  # "X insists on going on as he waits", "X said he would"
            h = w.head
            for _ in range(6):
                if h.i == t.head.i or h.head.i == h.i or h.dep_ in ("relcl", "acl", "csubj", "parataxis"):
                    break
                if h.dep_ == "ccomp" and h.head.i != t.head.i:
                    break  # "X said Y thought she ...": deeper than X's own report
                h = h.head
            return gender if h.i == t.head.i else set()
        if w.dep_ != "poss" and not low.endswith("self"):
            continue  # "her" as an object
        h = w.head
        for _ in range(12):
            if h.i == t.head.i or h.dep_ in ("ccomp", "advcl", "relcl", "acl", "csubj", "parataxis"):
                break
            if h.head.i == h.i:
                break
            h = h.head
        return gender if h.i == t.head.i else set()
    return set()


def _he_or_she(
    ctx: SpeakerContext, pronoun: str, source: Span, content: Sequence[Span], depth: int = 0
) -> Mention | None:
    """The person a "he"/"she" speaker stands for.

    Walking back from the pronoun, sentence by sentence within its paragraph and the one before
    (or ``PRONOUN_REACH`` sentences): the subjects of finite clauses outside quotes, latest first
    (in an earlier sentence, those of its main clause first), a possessor of the pronoun's own
    sentence after them ("In X's call with Y, he ..."); a pronoun subject of the same gender
    follows its own antecedent. A person qualifies unless the text shows the other gender, or
    they are named in the statement's content, inside a quote, or in the pronoun's own sentence
    other than as a subject or possessor before it ("he found the Russian leader ...", "In
    talks with Y, he ..."). An unknown proper name met as a subject stops the walk (no one); an
    unnamed person noun too, as the person the article named with the noun, or the one a new
    description ("the former advisor") follows in the sentence before, else as the description
    itself (:mod:`parley.extract.described_speakers`) within the paragraph and the one before.
    Nothing found: the latest speaker, else the latest person named, if they qualify.
    """
    gender = "m" if pronoun in MALE_PRONOUNS else "f"
    other = "f" if gender == "m" else "m"
    sentence = ctx.sentence(source.start)
    floor = min(ctx.paragraph_start(source.start, back=1), ctx.sent_starts[max(sentence - PRONOUN_REACH, 0)])
    sent_lo = ctx.sent_starts[sentence]
    people = [m for m in ctx.mentions if _is_person(ctx, m)]
    subject_tokens = {t.i for t in _subjects(ctx, sent_lo, source.start)}
    excluded: set[str] = set()
    for m in people:
        in_content = any(p.start <= m.span.start < p.end for p in content)
        later = (
            sent_lo <= m.span.start and m.span.start >= source.end and m.span.start < _sent_end(ctx, sentence)
        )
        before = sent_lo <= m.span.start < source.start
        if before:
            span = ctx.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
            role = span is not None and (
                span.root.i in subject_tokens
                or span.root.dep_ in _SUBJECT_DEPS  # "like X getting his ducks in a row"
                or _possessive(ctx.text, m)
                or _topic(span.root)
            )
            if span is not None and span.root.dep_ == "conj" and span.root.head.i in subject_tokens:
                role = True
        later = later and not named_after_in_main_clause(ctx, source, m)  # "Though she ..., Olsen"
        if in_content or later or (before and not role):
            excluded.add(_person_key(ctx, m))

    def qualifies(m: Mention | None) -> bool:
        if m is None or not _is_person(ctx, m) or any(a <= m.span.start < b for a, b in ctx.quoted):
            return False
        key = _person_key(ctx, m)
        return key not in excluded and _shown(ctx, key) not in ({other}, {"x"})

    def person_at(t: Token) -> Mention | None:
        """The subject's mention, its apposition's, or the person a copula equates it with
        ("The official who knew was the minister, X")."""
        words = [t, *(c for c in t.children if c.dep_ == "appos")]
        if t.head.lemma_ == "be":
            for c in t.head.children:
                if c.dep_ == "attr" and c.i > t.i:
                    words += [c, *(g for g in c.children if g.dep_ == "appos")]
        for w in words:
            m = next((m for m in people if m.span.start <= w.idx < m.span.end), None)
            if m is not None:
                return m
        return None

    def possessor_of(t: Token) -> Mention | None:  # "X's approach ... he wanted": X
        for c in t.children:
            if c.dep_ == "poss":
                m = next((m for m in people if m.span.start <= c.idx < m.span.end), None)
                if m is not None:
                    return m
        return None

    if own := person_of_own_verb(ctx, source, people, lambda m: _shown(ctx, _person_key(ctx, m))):
        return own  # "Though she ..., Olsen ...", "X called Olsen a disgrace after she ..."
    for s in range(sentence, ctx.sentence(floor) - 1, -1):
        lo = max(ctx.sent_starts[s], floor)
        hi = source.start if s == sentence else _sent_end(ctx, s)
        # the subjects, and the speakers of statements in the sentence, latest first, those of
        # the main clause (speakers count as such) before the others
        spoken = [(anchor, m) for s2, m, anchor in ctx.history if s2 == s and lo <= anchor < hi]
        found_here: list[tuple[bool, int, Token | Mention]] = [
            (not _main_clause(t), -t.idx, t) for t in _subjects(ctx, lo, hi)
        ]
        found_here += [(False, -anchor, m) for anchor, m in spoken if _is_person(ctx, m)]
        found_here.sort(key=lambda x: (x[0], x[1]))
        for _, _, t in found_here:
            if isinstance(t, Mention):
                if qualifies(t):
                    return t
                continue
            subject = person_at(t)
            if subject is not None:
                if qualifies(subject):
                    return subject
                continue
            owner = possessor_of(t)
            if owner is not None and qualifies(owner):
                return owner
            low = t.lower_
            if low in MALE_PRONOUNS | FEMALE_PRONOUNS:
                if (low in MALE_PRONOUNS) != (gender == "m"):
                    continue
                said = _history_after(ctx, t, s)
                if said is None and depth < _CHAIN:
                    said = _he_or_she(ctx, low, Span(t.idx, t.idx + len(t.text)), (), depth + 1)
                if said is not None and (said.label == DESCRIBED or qualifies(said)):
                    return said
                return None  # the same "he" as before, whoever that was: not someone else
            if t.pos_ == "NOUN" and t.tag_ == "NN" and t.lemma_.lower() in PERSON_NOUNS:
                if any(c.dep_ == "poss" for c in t.children):
                    continue  # "his wife": someone else, named or not, but the possessor's
                if t.lemma_.lower() in (FEMALE_NOUNS if gender == "m" else MALE_NOUNS):
                    continue
                # "The secretary of one of the judges testified. He recalled ...": not X, but the
                # secretary; "the former bank advisor" after "said Jane Roe": Roe
                phrase = noun_phrase(t)
                words = ctx.doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
                known = named_with_role(ctx, words) if words is not None else None
                if known is None and redescribes(t) and depth < _CHAIN:
                    known = _he_or_she(ctx, pronoun, Span(t.idx, t.idx + len(t.text)), (), depth + 1)
                    near = known is not None and ctx.sentence(known.span.start) >= s - 1
                    known = known if near and known and not other_side(ctx, t, known) else None
                if known is not None:
                    return known if qualifies(known) else None
                return described(ctx, t) if t.idx >= ctx.paragraph_start(source.start, back=1) else None
            if t.pos_ == "PROPN":
                # a name the NER did not take for a person ("X told reporters ..." with X tagged
                # as an organisation or a place): the person the registry or an earlier mention
                # knows by it; an unknown name no one tagged: better no one than someone before
                named = _known_person_named(ctx, t)
                if isinstance(named, Mention):
                    return named if qualifies(named) else None
                labels = {m.label for m in ctx.mentions if m.span.start <= t.idx < m.span.end}
                if not named and not labels & {"GPE", "NORP", "LOC", "FAC"}:
                    return None  # no place, people or registered body: a name no one placed
        if s == sentence:  # "In X's call with Y, he": the possessor; "As for X, ...", "like X doing"
            for m in reversed(people):
                if lo <= m.span.start < hi and qualifies(m):
                    span = ctx.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
                    if _possessive(ctx.text, m) or (
                        span is not None and (_topic(span.root) or span.root.dep_ in _SUBJECT_DEPS)
                    ):
                        return m
    last = ctx.history[-1] if ctx.history and sentence - ctx.history[-1][0] <= PRONOUN_REACH else None
    found = _latest_speaker_antecedent(ctx, source, sentence, last)
    if found is not None and qualifies(found):
        return found
    earlier = [m for m in people if floor <= m.span.start < source.start and qualifies(m)]
    return earlier[-1] if earlier and found is None else None


def _latest_speaker_antecedent(
    ctx: SpeakerContext, source: Span, sentence: int, last: tuple[int, Mention, int] | None
) -> Mention | None:
    """The fallback of :func:`_he_or_she` (the former rule): the latest speaker within reach if
    a person, else the latest person mentioned, unless a name or an unnamed person is the
    subject of a clause in between."""
    if last is not None and last[1].label not in _BODY_LABELS:
        found: Mention | None = last[1]
        since = last[2]
    else:
        found = _person_before(ctx, source, sentence)
        since = found.span.end if found else source.start
    # a name the NER did not take for a person, subject of a clause in between ("X told
    # reporters ..." with X tagged as an organisation), is the one meant when the registry
    # or an earlier person mention knows it; else better no speaker than the wrong one
    named = _name_subject_between(ctx, since, source.start)
    if named is not None and named[0] is not None and not _names_a_person(ctx, named[0]):
        named = None  # "the Kremlin has taken steps ..., she wrote": "she" is a person
    if named is None and _unnamed_person_between(ctx, since, source.start):
        return None  # "The secretary of one of the judges testified. He recalled ...": not X
    return found if named is None else named[0]


def _known_person_named(ctx: SpeakerContext, t: Token) -> Mention | bool:
    """The person a proper-name token (with the names compounded before it) stands for: a
    registered person, or a person mentioned earlier with the same last word; else True when
    the registry knows the name as a body or a place ("the Kremlin", "Kyiv"), False when no
    one knows it."""
    name = _compound_name(ctx, t)
    words = name.of(ctx.text)
    actor_id = ctx.registry.match_name(words)
    actor = ctx.registry.actor(actor_id) if actor_id else None
    if actor is not None and actor.kind == "person":
        return Mention(ctx.article_id, name, words, "PERSON", actor_id)
    last = t.lower_
    for m in reversed(ctx.mentions):
        if m.label == "PERSON" and m.span.end <= name.start and m.text.lower().split()[-1:] == [last]:
            return m
    return actor is not None or bool(ctx.registry.place_side(words))


def _topic(t: Token) -> bool:
    """A name set up as the topic of its sentence: "As for X, ...", "For X, this is ..."."""
    h = t.head
    if t.dep_ != "pobj" or h.lower_ != "for":
        return False
    return bool(h.is_sent_start) or (
        h.i > 0 and (t.doc[h.i - 1].lower_ == "as" or bool(t.doc[h.i - 1].is_sent_start))
    )


def _history_after(ctx: SpeakerContext, t: Token, sentence: int) -> Mention | None:
    """The speaker resolved for a statement whose pronoun subject is ``t`` (its cue follows in
    the sentence)."""
    for s, m, anchor in reversed(ctx.history):
        if s == sentence and t.idx < anchor <= t.idx + 80:
            return m
    return None


def _person_before(ctx: SpeakerContext, source: Span, sentence: int) -> Mention | None:
    """The latest person mentioned before ``source`` in its paragraph or the one before, or
    within ``PRONOUN_REACH`` sentences; a possessor counts ("X's house ... she said")."""
    floor = min(ctx.paragraph_start(source.start, back=1), ctx.sent_starts[max(sentence - PRONOUN_REACH, 0)])
    before = [m for m in ctx.mentions if floor <= m.span.start < source.start and _is_person(ctx, m)]
    return before[-1] if before else None


def _names_a_person(ctx: SpeakerContext, m: Mention) -> bool:
    """The registry's word first (a registered body is no person, whatever the label says)."""
    actor = ctx.registry.actor(m.actor_id) if m.actor_id else None
    return actor.kind == "person" if actor is not None else m.label in ("PERSON", "ROLE")


def _name_subject_between(ctx: SpeakerContext, start: int, end: int) -> tuple[Mention | None] | None:
    """The latest proper name in ``[start, end)`` that is the subject of a clause and no
    person, place or people the NER found, as the person it names (a registered name, or a
    person mentioned earlier with the same last word), or ``(None,)`` when it names no one
    known; None when there is no such subject."""
    for t in reversed(_subjects(ctx, start, end)):
        if t.pos_ != "PROPN":
            continue
        labels = {m.label for m in ctx.mentions if m.span.start <= t.idx < m.span.end}
        if labels & {"PERSON", "ROLE", "GPE", "NORP", "LOC", "FAC"}:
            continue
        name = _compound_name(ctx, t)
        words = name.of(ctx.text)
        actor_id = ctx.registry.match_name(words)
        if actor_id:
            return (Mention(ctx.article_id, name, words, "PERSON", actor_id),)
        last = t.lower_
        for m in reversed(ctx.mentions):
            if m.label == "PERSON" and m.span.end <= name.start and m.text.lower().split()[-1:] == [last]:
                return (m,)
        return (None,)
    return None


def _unnamed_person_between(ctx: SpeakerContext, start: int, end: int) -> bool:
    """Whether the subject of a clause in ``[start, end)`` is a person no mention names (a
    singular person noun: "the secretary of one of the judges", "a witness")."""
    return any(
        t.pos_ == "NOUN"
        and t.tag_ == "NN"
        and t.lemma_.lower() in PERSON_NOUNS
        and not any(m.span.start <= t.idx < m.span.end for m in ctx.mentions)
        and not any(c.dep_ == "poss" for c in t.children)  # "his wife": the possessor's
        for t in _subjects(ctx, start, end)
    )


def _compound_name(ctx: SpeakerContext, t: Token) -> Span:
    """A proper-name token with the proper names compounded before it ("Tomas Lind")."""
    doc = ctx.doc
    a = t.i
    while a > 0 and doc[a - 1].pos_ == "PROPN" and doc[a - 1].head.i == t.i:
        a -= 1
    return Span(doc[a].idx, t.idx + len(t.text))
