"""Speakers: which mention an attribution's source words stand for.

Who is the speaker of an attribution's source words:

0. speaker words coordinating several nominals at their head ("X, Y and Z said", "London and
   Washington believed", "the elites, and not only X, believe") stand for no one actor: none;
1. the mention holding the source's syntactic head ("Kremlin spokesperson Dmitry Peskov",
   "Yuri Ushakov, Putin's adviser" -> the person, never the possessor); a role phrase the
   registry gives to today's holder ("the US president") goes to a person named in its
   sentence or the one before who fits the role when the holder is not named there ("In calls
   between A and B, the US president said" -> A, when B is of another side), or to no one when
   several fit (:func:`_role_in_period`);
2. a person named in apposition ("the spokesperson, Dmitry Peskov"), never one hanging from
   another head by a preposition, clause or coordination ("a source close to X", "people like
   X" are not X); a relative pronoun ("Yuri Ushakov, who said ...": the extractor returns
   "who") stands for the noun the relative clause hangs from, and is resolved as that noun
   phrase by 1 and 2; the statement's speaker words and span are then that noun phrase too;
3. a pronoun, by its person (:func:`_antecedent`): "I"/"we" by :mod:`parley.extract.first_person`
   (a quote's speaker, a transcript label's person, for "we" a body named earlier in the
   sentence, the subject of "X wrote:" closing the paragraph before; else no one, and the
   statement keeps no speaker); "he"/"she" -> by :mod:`parley.extract.pronouns`: walking back
   sentence by sentence, the subjects of clauses and the speakers of statements (main clause
   first, latest first), a possessor or a topic ("As for X, ...") of the pronoun's own sentence,
   a pronoun subject of the same gender following its own antecedent; never a person of the
   other gender as the text shows it (titles, "his wife, X", "X and his ..."), named in the
   statement's content or inside a quote, or named as the object of the pronoun's sentence;
   "it" (not the empty one of "it is reported that") -> the nearest body subject or speaker, a
   plural "they" -> the group subject of its sentence or the one before (:mod:`.group_pronouns`);
   else "it", "they", "we" -> the latest speaker if a body, "it" the nearest body subject before;
4. a singular noun for a person alone ("the spokesperson added") -> the latest speaker of this
   article whose role words contain it (not "the ministry", "the agencies", "officials"), unless
   another source came in with the noun since ("A European official said ... said the official":
   that one, unnamed); words restricting the noun ("the spokesperson of a brigade") must agree
   with that speaker's role (:mod:`parley.extract.role_speakers`); else
   "the" and any singular noun ("the archbishop", "the photographer") -> the one person the
   article named with it before, when the nearest use of the noun before is that person's
   ("photographer Jane Roe", "Archbishop Roe", "the prosecutor, Jane Roe"; not after "a
   photographer" or "the secretary of a judge" in between) (:func:`named_with_role`);
5. a place standing for a government ("Moscow said", "Russia has indicated") -> that side's
   government, when the registry ties the place to a side.
6. a name the model did not find in the speaker words ("Roe said" with no entity there) -> the
   nearest mention of the person the article names with that last word, when all such mentions
   name one person (:func:`named_elsewhere`).
7. an organisation the words name by their head after words describing it ("Russian opposition
   outlet X") or whose analysts they are ("X analysts") -> that organisation's mention, for the
   actors step to make a body of (:func:`_body_named`); never "X officials"; 8. a work by one
   named maker ("reporting from X", "a study by Y") -> X, Y (:mod:`parley.extract.work_makers`).
Otherwise the speaker keeps only its words ("an unnamed US official").

:class:`SpeakerContext` (kept in :mod:`parley.extract.speaker_reading` with what both rule
modules read) holds what resolution reads for one article and the speakers found so far (in text
order); :func:`speaker_mention` resolves one attribution's source. The statement builder
(:mod:`parley.extract.statements`) calls them in text order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from parley.extract.attribution import find_quotes, relative_antecedent
from parley.extract.first_person import FIRST_PERSON, first_person_speaker, intro_subject, transcript_labels
from parley.extract.group_pronouns import it_antecedent, they_antecedent
from parley.extract.pronouns import _he_or_she
from parley.extract.registry import ActorRegistry, fold
from parley.extract.role_speakers import role_noun_speaker
from parley.extract.speaker_reading import (
    _BODY_LABELS,
    ANALYST_NOUNS,
    PERSON_NOUNS,
    PRONOUN_REACH,
    SpeakerContext,
    _is_person,
    _person_key,
    _possessive,
    _sent_end,
    _subjects,
    named_elsewhere,
)
from parley.extract.work_makers import maker_of
from parley.models import Attribution, Mention, Span
from parley.nlp import text_of

PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"they", "we"}
THING_PRONOUNS = {"it"}
ALL_PRONOUNS = PRONOUNS | FIRST_PERSON | GROUP_PRONOUNS | THING_PRONOUNS


def speaker_context(
    doc: Doc, article_id: str, mentions: Sequence[Mention], registry: ActorRegistry
) -> SpeakerContext:
    """A fresh context for one article: sentences, paragraphs, quotes and transcript labels."""
    text = text_of(doc)
    ctx = SpeakerContext(doc, text, article_id, mentions, registry, [s.start_char for s in doc.sents])
    ctx.labels = transcript_labels(text, mentions)
    ctx.quoted = [(q.start, q.end) for q in find_quotes(text)]
    ctx.paragraphs = [0] + [m.end() for m in re.finditer(r"\n+", text)]
    return ctx


def speaker_mention(ctx: SpeakerContext, att: Attribution) -> Mention | None:
    """The mention ``att``'s source words stand for (rules 1-7 of the module docstring), or None;
    remembered in ``ctx.sources`` for the role nouns that follow (:mod:`.role_speakers`)."""
    assert att.source is not None
    source = relative_antecedent(ctx.doc, att.source) or att.source  # "X, who said": X
    found = _speaker_of(ctx, att, source)
    ctx.sources.append((source, found))
    return found


def _speaker_of(ctx: SpeakerContext, att: Attribution | None, source: Span) -> Mention | None:
    doc, text, article_id, registry = ctx.doc, ctx.text, ctx.article_id, ctx.registry
    words = source.of(text).strip().lower()
    if words in ALL_PRONOUNS:
        return _antecedent(ctx, words, source, att)
    inside = [m for m in ctx.mentions if source.start <= m.span.start and m.span.end <= source.end]
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    root = span.root if span is not None else None
    if not inside:  # the NER tagged nothing here: the words may still name a known actor
        side = registry.place_side(words.removeprefix("the "))
        if side:  # "Kyiv insists": a place standing for its government
            return Mention(article_id, source, source.of(text), "GPE", registry.government(side).id)
        actor_id = registry.match_name(source.of(text))
        if actor_id and not _modified(root, source):  # not "a source close to X"
            return Mention(article_id, source, source.of(text), "PERSON", actor_id)
    if root is not None and _coordinated(root, source):
        return None  # "X, Y and Z said", "London and Washington believed": no one actor
    if root is not None:
        for m in inside:
            if m.span.start <= root.idx < m.span.end and not _possessive(text, m):
                speaker = _as_speaker(m, registry)
                if speaker is not None:
                    return _role_in_period(ctx, speaker, source)
    # a person named in the words, not as a modifier of another head ("a source close to X",
    # "people like X", "the elites, not only X" are not X)
    people = [
        m for m in inside if m.label == "PERSON" and not _possessive(text, m) and _names_head(doc, root, m)
    ]
    if people:
        return people[0]
    if span is not None:  # "the spokesperson", "the archbishop": the person named so before
        named = role_noun_speaker(ctx, span, source, bool(inside))
        if named is not None:
            return named
    roles = [
        m for m in inside if m.label == "ROLE" and not _possessive(text, m) and _names_head(doc, root, m)
    ]
    if roles:
        return _role_in_period(ctx, roles[0], source)
    actor_id = registry.match_name(source.of(text))  # a registered name the NER mislabelled
    if actor_id and not _modified(root, source):  # not "a source close to X"
        return Mention(article_id, source, source.of(text), "PERSON", actor_id)
    body = _body_named(doc, root, source, inside, text) or maker_of(root, inside, text, registry)
    if body is not None:
        return body  # "Russian opposition outlet Meduza", "ISW analysts": the organisation
    if root is not None and not any(m.span.start <= root.idx < m.span.end for m in inside):
        return named_elsewhere(ctx, root, source)  # "Roe said", the model having missed "Roe" here
    return None


# What may follow an organisation's name at the end of the speaker words: its abbreviation in
# brackets, a description after a comma; before them, where it is ("X in Ukraine"). Any other
# word may be the rest of a name the model cut short ("The US Institute" + "for the Study of War").
_AFTER_NAME = re.compile(
    r"^(?:\s+in\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?(?:\s*\([^()]*\))?\s*(?:,.*)?$", re.DOTALL
)


def _body_named(
    doc: Doc, root: Token | None, source: Span, inside: Sequence[Mention], text: str
) -> Mention | None:
    """An organisation the speaker words name by their head ("Russian opposition outlet Meduza",
    the name in apposition to a noun for no person) or whose analysts they are ("ISW analysts"),
    when words before or after it keep the actors step from reading the words as its name
    alone; the actors step then decides whether it is a body that speaks. Never a name hanging
    from the head by a preposition ("an official at X") or a possessor ("X's spokesperson")."""
    if root is None:
        return None
    words = source.of(text)
    lead = source.start + len(words) - len(re.sub(r"^[Tt]he\s+", "", words))
    for m in inside:
        if m.label != "ORG" or _possessive(text, m):
            continue
        span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if span is None:
            continue
        t = span.root
        holds = m.span.start <= root.idx < m.span.end
        apposed = t.dep_ == "appos" and t.head.i == root.i and root.lemma_.lower() not in PERSON_NOUNS
        staff = t.dep_ == "compound" and t.head.i == root.i and root.lemma_.lower() in ANALYST_NOUNS
        whole = _AFTER_NAME.match(text[m.span.end : source.end]) is not None
        if not (((holds or apposed) and whole) or staff):
            continue
        alone = m.span.start in (source.start, lead) and whole
        return None if alone and not m.actor_id else m
    return None


# Dependencies by which a name hangs from another head without naming it: "a source close to
# X", "people like X", "the elites and X", "officials who met X".
_MODIFIER_DEPS = frozenset({"prep", "pobj", "amod", "acl", "relcl", "conj", "advcl", "cc", "agent", "dobj"})


def _coordinated(root: Token, source: Span) -> bool:
    """Whether the speaker words coordinate several nominals at their head ("X, Y and Z",
    "London and Washington", "X and not only Y") or in a name's apposition to it ("the two
    leaders, X and Y")."""
    if root.pos_ not in ("PROPN", "NOUN", "PRON"):
        return False
    heads = [root, *(c for c in root.children if c.dep_ == "appos" and c.pos_ == "PROPN")]
    if any(
        c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN") and source.start <= c.idx < source.end
        for h in heads
        for c in h.children
    ):
        return True
    # "X and Russian officials" parsed with X a modifier of "officials" and "Russian" its conjunct:
    # a name coordinated with words outside it (not "Bosnia and Herzegovina", one name)
    names = (c for c in root.children if c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN")
    return any(
        k.dep_ == "conj" and k.ent_iob_ != "I" and source.start <= k.idx < source.end
        for c in names
        for k in c.children
    )


def _modified(root: Token | None, source: Span) -> bool:
    """Whether the head of the speaker words is a common noun with a modifier after it ("a
    source close to X", "people like X"): a name in those words is not the speaker's."""
    return (
        root is not None
        and root.pos_ == "NOUN"
        and any(
            c.dep_ in _MODIFIER_DEPS and c.i > root.i and source.start <= c.idx < source.end
            for c in root.children
        )
    )


def _names_head(doc: Doc, root: Token | None, m: Mention) -> bool:
    """Whether mention ``m`` names the head of the speaker words: it holds the head, or hangs
    from it by apposition or compound; through a preposition or clause only when the head is a
    name (a misparse) or a noun for a person and the name is an apposition ("an analyst from
    the group, X"); never through a coordination ("the elites, and not only X"), nor from a
    noun that is no person ("a source close to X", "people like X")."""
    if root is None:
        return True
    span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    if span is None:
        return True
    t = span.root
    path: list[str] = []
    for _ in range(8):
        if t.i == root.i or m.span.start <= root.idx < m.span.end:
            break
        if t.head.i == t.i:
            return False
        path.append(t.dep_)
        t = t.head
    else:
        return False
    if "conj" in path:
        return False
    if not set(path) & _MODIFIER_DEPS:
        return True
    if root.pos_ == "PROPN":
        return True
    return root.pos_ == "NOUN" and root.lemma_.lower() in PERSON_NOUNS and "appos" in path


def _role_in_period(ctx: SpeakerContext, m: Mention, source: Span) -> Mention:
    """A role phrase the registry ties to today's holder ("the US president"), when its sentence
    or the one before names another person and not that holder: the person named, when just one
    fits the role (no other side on record, and the role's word among their roles where they
    have any: "In calls between A and B, the US president said ..." is A when B is of another
    side), the words alone when several fit, the holder when none does."""
    if m.label != "ROLE" or not m.actor_id:
        return m
    holder = ctx.registry.actor(m.actor_id)
    if holder is None or holder.kind != "person":
        return m
    named = {fold(w) for name in (holder.name, *holder.aliases) for w in name.split()}
    if named & set(fold(m.text).split()):
        return m  # a role with the holder's name ("Kremlin aide X"): no title alone
    sentence = ctx.sentence(source.start)
    lo = ctx.sent_starts[max(sentence - 1, 0)]
    hi = _sent_end(ctx, sentence)
    people = [x for x in ctx.mentions if lo <= x.span.start < hi and _is_person(ctx, x) and x.span != m.span]
    named_here = [
        x
        for x in people
        if source.start <= x.span.start < source.end and x.label == "PERSON" and not _possessive(ctx.text, x)
    ]
    if named_here:
        return named_here[0]  # "The US president, X, said": the person named there
    near = [x for x in people if x.label == "PERSON"]
    if not near or any(x.actor_id == holder.id for x in people):
        return m
    head = m.text.lower().split()[-1] if m.text.split() else ""
    fits = []
    for x in near:
        actor = ctx.registry.actor(x.actor_id) if x.actor_id else None
        if actor is not None and (
            (actor.side and holder.side and actor.side != holder.side)
            or (actor.roles and not any(head in r.lower().split() for r in actor.roles))
        ):
            continue
        if x.actor_id is None and x.text.split()[-1:] == holder.name.split()[-1:]:
            continue
        fits.append(x)
    keys = {_person_key(ctx, x) for x in fits}
    if len(keys) == 1:
        return fits[-1]
    return m if not keys else Mention(m.article_id, m.span, m.text, m.label, None)


def _as_speaker(m: Mention, registry: ActorRegistry) -> Mention | None:
    """A mention as a speaker: a place the registry ties to a side is its government (whatever
    the NER label); other places and organisations only when they stand for an actor."""
    if m.label in ("PERSON", "ROLE") or m.actor_id:
        return m
    side = registry.place_side(m.text.removeprefix("the "))
    if side:
        return Mention(m.article_id, m.span, m.text, m.label, registry.government(side).id)
    return None


def _antecedent(
    ctx: SpeakerContext, pronoun: str, source: Span, att: Attribution | None = None
) -> Mention | None:
    """The mention a pronoun speaker stands for (rule 3 of the module docstring), or None."""
    if pronoun in FIRST_PERSON:
        found = first_person_speaker(ctx, source) or (
            _body_in_sentence(ctx, source) if pronoun == "we" else None
        )
        subject = intro_subject(ctx, source) if found is None else None
        if subject is not None:  # "X wrote:" closing the paragraph before
            found = _speaker_of(ctx, att, subject)
            found = found if found is not None and (pronoun == "we" or _is_person(ctx, found)) else None
        if found is not None or pronoun == "i":
            return found
    sentence = ctx.sentence(source.start)
    last = ctx.history[-1] if ctx.history and sentence - ctx.history[-1][0] <= PRONOUN_REACH else None
    if pronoun in PRONOUNS:
        return _he_or_she(ctx, pronoun, source, att.parts if att is not None else ())
    if pronoun in THING_PRONOUNS and _empty_it(ctx.doc, source):
        return None
    content = att.parts if att is not None else ()
    thing = it_antecedent(ctx, source, content) if pronoun in THING_PRONOUNS else None
    if isinstance(thing, Mention):  # "Moscow had hoped ... . Later, it conceded": Moscow
        return _as_speaker(thing, ctx.registry) or thing
    if thing is False:
        return None
    if pronoun == "they" and (group := they_antecedent(ctx, source, content)) is not None:
        return group  # "Officials were shocked, as they believed": the officials
    if last is not None and last[1].label in _BODY_LABELS:
        return last[1]
    if pronoun in THING_PRONOUNS:
        return _body_subject_before(ctx, source, sentence)
    return None


def _body_in_sentence(ctx: SpeakerContext, source: Span) -> Mention | None:
    """An organisation or place named earlier in the sentence ("At the institute, we ...")."""
    start = ctx.sent_starts[ctx.sentence(source.start)]
    for m in reversed(ctx.mentions):
        if start <= m.span.start and m.span.end <= source.start and m.label in _BODY_LABELS:
            return _as_speaker(m, ctx.registry) or m
    return None


def _body_subject_before(ctx: SpeakerContext, source: Span, sentence: int) -> Mention | None:
    """The subject of the nearest clause before ``source`` (other "it"s skipped), when it is an
    organisation or a place, within its paragraph and ``PRONOUN_REACH`` sentences."""
    floor = max(ctx.sent_starts[max(sentence - PRONOUN_REACH, 0)], ctx.paragraph_start(source.start))
    for t in reversed(_subjects(ctx, floor, source.start)):
        if t.lower_ == "it":
            continue
        for m in ctx.mentions:
            if m.span.start <= t.idx < m.span.end and m.label in _BODY_LABELS:
                return None if _possessive(ctx.text, m) else _as_speaker(m, ctx.registry) or m
        return None
    return None


def _empty_it(doc: Doc, source: Span) -> bool:
    """The "it" of "it is reported that", "it is wrong to ...", "it seems that": no one."""
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    t: Token = span[0]
    if t.dep_ in ("expl", "nsubjpass"):
        return True
    head = t.head
    return head.lemma_ in ("be", "seem", "appear") and any(
        c.dep_ in ("acomp", "attr", "ccomp", "xcomp") for c in head.children
    )
