"""Statements: attributions tied to a speaker mention, with the date they were said.

A statement quoted in pieces (``"We will not," he said, "give up land."``) comes from one
attribution with several content parts; its ``span`` is the first part, ``more_spans`` the
others, and its ``text`` joins them with " … ".

The speaker is the mention the attribution's source words stand for, resolved in text order by
:mod:`parley.extract.speakers` (names, appositions, relative pronouns, pronouns by their
person, role words, places standing for governments); otherwise the speaker keeps only its
words ("an unnamed US official"), except an "I" or "we" nothing ties to anyone: no speaker.

An embedded statement (``embedded_in``: its content is part of a claim another statement's
speaker denies, relays or is asked about, "Peskov refuted assertions that Putin has dismissed
the plan") takes the speaker and the date said of that outer statement (``outer_id``), and is
never a speaker's antecedent.

A reported content whose subject is a relative pronoun or left out ("the dam, which Nordstad
insists should be run jointly") keeps the noun phrase it is about (``about``,
:mod:`parley.extract.relative_contents`), and its text opens with it in square brackets.

The date said: from the cue's sentence and paragraph (:mod:`parley.extract.said_on`); one the
article would date takes the day of the same speaker's last telling when the text gives it
(:mod:`parley.extract.said_on_carry`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from parley.extract import cues as C
from parley.extract.attribution import relative_antecedent
from parley.extract.described_speakers import DESCRIBED
from parley.extract.first_person import first_person_alone
from parley.extract.registry import ActorRegistry
from parley.extract.relative_contents import relative_subject
from parley.extract.said_on import said_on as dated
from parley.extract.said_on_carry import Carry
from parley.extract.same_statement import quote_inside, same_words
from parley.extract.speakers import speaker_context, speaker_mention
from parley.models import Article, Attribution, Mention, Span, Statement, TimeExpression
from parley.nlp import text_of

PART_JOINER = " … "


def statement_id(article_id: str, span: Span) -> str:
    return hashlib.sha1(f"{article_id}:{span.start}:{span.end}".encode()).hexdigest()[:16]


def build_statements(
    article: Article,
    doc: Doc,
    attributions: Sequence[Attribution],
    mentions: Sequence[Mention],
    times: Sequence[TimeExpression],
    registry: ActorRegistry,
    extractor: str,
) -> list[Statement]:
    text = text_of(doc)
    ctx = speaker_context(doc, article.id, mentions, registry)
    statements: list[tuple[Attribution, Statement]] = []
    by_content: dict[Span, Statement] = {}  # the statement of each attribution's content
    contents = [p for a in attributions for p in a.parts]  # no one's words date the telling
    carry = Carry(doc, times, contents)
    for raw in sorted(attributions, key=lambda a: a.content.start):
        att = _tidy(raw, article, mentions)
        speaker_span = att.source
        if speaker_span is not None:
            speaker_span = relative_antecedent(doc, speaker_span) or speaker_span
        speaker_words = speaker_span.of(text) if speaker_span else None
        embedded = att.embedded_in is not None
        # an embedded statement takes its outer one's speaker; a question asked by its own
        # speaker ("X asked whether ...": embedded, no outer) is the asker's, resolved as any
        ref = speaker_mention(ctx, att) if att.source and (not embedded or att.outer is None) else None
        if ref is not None and ref.label == DESCRIBED:  # "He" after "the secretary of a judge"
            speaker_span, speaker_words = ref.span, ref.text
        if ref is None and first_person_alone(speaker_words):
            speaker_span, speaker_words = None, None  # an "I" nothing ties to anyone: no speaker
        anchor = att.cue or att.source or att.content
        if ref is not None:
            ctx.history.append((ctx.sentence(anchor.start), ref, anchor.start))
            if att.kind == "direct":
                ctx.quotes.append((att.parts, ref))
        said_on, said_from = dated(article, att, times, doc, anchor, contents)
        about = relative_subject(doc, att)
        if not embedded or att.outer is None:  # a speaker's own question is dated as their words
            speaker = [w for w in (speaker_span, ref.span if ref else None) if w is not None]
            actor = ref.actor_id if ref else None
            said_on, said_from = carry.dated(anchor, att.content, (said_on, said_from), speaker, actor)
        statement = Statement(
            id=statement_id(article.id, att.content),
            article_id=article.id,
            speaker=speaker_words,
            speaker_actor_id=ref.actor_id if ref else None,
            cue=att.cue.of(text) if att.cue else None,
            text=(f"[{about.of(text)}] " if about else "") + PART_JOINER.join(p.of(text) for p in att.parts),
            kind=att.kind,
            span=att.content,
            speaker_span=speaker_span,
            cue_span=att.cue,
            channel=att.channel,
            said_on=said_on,
            said_on_from=said_from,
            speaker_ref=ref.span if ref and ref.label != DESCRIBED else None,
            extractor=extractor,
            more_spans=att.more_content,
            embedded_in=att.embedded_in,
            ascribed=_ascribed(doc, att),
            about=about,
        )
        statements.append((raw, statement))
        by_content.setdefault(raw.content, statement)
    raws = {a.content: a for a in attributions}
    return _once([_embed(raw, s, raws, by_content) if s.embedded_in else s for raw, s in statements])


def _ascribed(doc: Doc, att: Attribution) -> bool:
    """Whether the attribution's cue is a verb of thinking, wishing or taking a stand
    (:data:`parley.extract.cues.ASCRIBED_VERBS`) over reported content: a quote is words said
    whatever its cue."""
    if att.kind == "direct" or att.cue is None:
        return False
    cue = doc.char_span(att.cue.start, att.cue.end, alignment_mode="expand")
    words = list(cue or ())
    verbs = [t for t in words if t.pos_ == "VERB"] or [t for t in words if t.pos_ == "AUX"]
    return bool(verbs) and verbs[0].lemma_.lower() in C.ASCRIBED_VERBS


def _once(statements: list[Statement]) -> list[Statement]:
    """Each statement once. One content given two cues (one id, which the store would keep
    once) keeps the one :func:`_ranked` puts first. A paragraph the page repeats (a summary's
    bullets, a takeaway or a pull quote told again) gives the same words by the same speaker
    twice (:func:`same_words`): the first whose speaker is resolved is kept, else the first with
    speaker words, else the first with a cue ("I thought 'it is over'" with no one for "I": the
    thought, not the bare quote), else the first; a
    quote inside the same speaker's longer statement goes (:func:`quote_inside`); a statement
    nested in a dropped one is moved to the kept."""
    by_id: dict[str, Statement] = {}
    for s in statements:  # two cues for one content (one id): the verb's, the later one
        other = by_id.get(s.id)
        if other is None or _ranked(s) >= _ranked(other):
            by_id[s.id] = s
    statements = [s for s in statements if by_id[s.id] is s]
    kept: dict[str, str] = {}  # statement id -> the id of the one kept for it
    for same in same_words(statements):
        keep = next((s for s in same if s.speaker_actor_id), None)
        keep = keep or next((s for s in same if s.speaker), None) or next((s for s in same if s.cue), same[0])
        kept.update((s.id, keep.id) for s in same)
    for s in statements:
        if kept.get(s.id, s.id) == s.id:
            inside = quote_inside(s, statements)
            if inside is not None:
                kept[s.id] = kept.get(inside.id, inside.id)
    return [
        replace(s, outer_id=kept.get(s.outer_id, s.outer_id)) if s.outer_id else s
        for s in statements
        if kept.get(s.id, s.id) == s.id
    ]


def _ranked(s: Statement) -> tuple[bool, int]:
    """Which of two attributions of one content to keep: "according to" inside a statement
    mostly sources one detail of it, so a verb of saying first; then the cue nearer the end
    ("X informed him, he said, that ...": the parenthetical is the speaker's)."""
    cue = " ".join((s.cue or "").lower().split())
    return (cue != "according to", s.cue_span.start if s.cue_span else -1)


def _embed(
    raw: Attribution, s: Statement, raws: dict[Span, Attribution], by_content: dict[Span, Statement]
) -> Statement:
    """An embedded statement with the speaker and date of its outermost statement; its
    ``outer_id`` is the statement it is embedded in."""
    outer = by_content.get(raw.outer) if raw.outer else None
    top = raws.get(raw.outer) if raw.outer else None
    seen: set[Span] = set()
    while top is not None and top.outer is not None and top.content not in seen:
        seen.add(top.content)
        top = raws.get(top.outer)
    first = by_content.get(top.content) if top is not None else None
    if outer is None:
        return s
    if first is None or first.embedded_in:  # the chain ends in no speaker's statement
        return replace(s, outer_id=outer.id)
    return replace(
        s,
        outer_id=outer.id,
        speaker_actor_id=first.speaker_actor_id,
        speaker_span=first.speaker_span,
        speaker=first.speaker,
        speaker_ref=first.speaker_ref,
        said_on=first.said_on,
        said_on_from=first.said_on_from,
    )


# "Tass reported Peskov as saying": the outlet reports, the person named after the cue speaks.
_AS_SAYING = re.compile(r"^\s+as\s+(saying|stating|telling|adding|writing)\b")


def _tidy(att: Attribution, article: Article, mentions: Sequence[Mention]) -> Attribution:
    """Spans never start on the dateline nor cross a paragraph break; "X reported Y as saying"."""
    text = article.text
    content = _clip(att.content, article, keep="start")
    more = tuple(p for p in (_clip(part, article, keep="start") for part in att.more_content) if p)
    source = _clip(att.source, article, keep="end") if att.source else None
    if att.cue is not None:
        cue_end = att.cue.end
        for m in mentions:
            if (
                m.label == "PERSON"
                and 0 < m.span.start - cue_end <= 2
                and _AS_SAYING.match(text[m.span.end :])
            ):
                source = m.span
                break
    return replace(att, content=content or att.content, source=source, more_content=more)


def _clip(span: Span, article: Article, keep: str) -> Span | None:
    start, end = span.start, span.end
    line = article.dateline
    if line is not None and start < line.span.end <= end:
        start = line.span.end
    text = article.text
    inner = text[start:end]
    if "\n" in inner.strip():
        if keep == "end":
            start = start + inner.rstrip().rfind("\n") + 1
        else:
            end = start + inner.lstrip().find("\n") + (len(inner) - len(inner.lstrip()))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if start < end else None
