"""Statements: attributions tied to a speaker mention, with the date they were said.

Who is the speaker of an attribution's source words:

1. the mention holding the source's syntactic head ("Kremlin spokesperson Dmitry Peskov",
   "Yuri Ushakov, Putin's adviser" -> the person, never the possessor);
2. a person named in apposition ("the spokesperson, Dmitry Peskov");
   a relative pronoun ("Yuri Ushakov, who said ...": the extractor returns "who") stands for
   the noun the relative clause hangs from, and is resolved as that noun phrase by 1 and 2;
   the statement's speaker words and span are then that noun phrase too;
3. a pronoun ("he", "she") -> the latest speaker of this article within a few sentences, else the
   latest person mentioned before it in the same or the previous paragraph;
4. a role word alone ("the spokesperson added") -> the latest speaker of this article whose role
   words contain it;
5. a place standing for a government ("Moscow said", "Russia has indicated") -> that side's
   government, when the registry ties the place to a side.
Otherwise the speaker keeps only its words ("an unnamed US official").

The date said: a day-precise time expression in the cue's sentence outside the quoted content
("Zelensky said on Wednesday ...") -> the article's publication date -> unknown.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from parley.extract.cues import RELATIVE_PRONOUNS
from parley.extract.registry import ActorRegistry
from parley.models import Article, Attribution, Mention, Span, Statement, TimeExpression

PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"they", "we"}
# How far back (in sentences) a pronoun may reach for the latest speaker.
PRONOUN_REACH = 4
SPEAKER_LABELS = ("PERSON", "ROLE", "ORG", "GPE", "FAC", "NORP")


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
    text = doc.text
    sent_starts = [s.start_char for s in doc.sents]
    statements: list[Statement] = []
    history: list[tuple[int, Mention]] = []  # (sentence index, speaker mention) in text order
    for att in sorted(attributions, key=lambda a: a.content.start):
        att = _tidy(att, article, mentions)
        speaker_span = att.source
        if speaker_span is not None:
            speaker_span = _relative_antecedent(doc, speaker_span) or speaker_span
        speaker_words = speaker_span.of(text) if speaker_span else None
        ref = (
            _speaker_mention(doc, text, article.id, att, mentions, history, sent_starts, registry)
            if att.source
            else None
        )
        anchor = att.cue or att.source or att.content
        sentence = _sentence_index(sent_starts, anchor.start)
        if ref is not None:
            history.append((sentence, ref))
        said_on, said_from = _said_on(article, att, times, doc, anchor)
        statements.append(
            Statement(
                id=statement_id(article.id, att.content),
                article_id=article.id,
                speaker=speaker_words,
                speaker_actor_id=ref.actor_id if ref else None,
                cue=att.cue.of(text) if att.cue else None,
                text=att.content.of(text),
                kind=att.kind,
                span=att.content,
                speaker_span=speaker_span,
                cue_span=att.cue,
                channel=att.channel,
                said_on=said_on,
                said_on_from=said_from,
                speaker_ref=ref.span if ref else None,
                extractor=extractor,
            )
        )
    return statements


def _speaker_mention(
    doc: Doc,
    text: str,
    article_id: str,
    att: Attribution,
    mentions: Sequence[Mention],
    history: list[tuple[int, Mention]],
    sent_starts: list[int],
    registry: ActorRegistry,
) -> Mention | None:
    source = att.source
    assert source is not None
    source = _relative_antecedent(doc, source) or source  # "X, who said": X
    words = source.of(text).strip().lower()
    sentence = _sentence_index(sent_starts, source.start)
    if words in PRONOUNS or words in GROUP_PRONOUNS:
        return _antecedent(words, source, sentence, mentions, history, sent_starts, text)
    inside = [m for m in mentions if source.start <= m.span.start and m.span.end <= source.end]
    if not inside:  # the NER tagged nothing here: the words may still name a known actor
        side = registry.place_side(words.removeprefix("the "))
        if side:  # "Kyiv insists": a place standing for its government
            return Mention(article_id, source, source.of(text), "GPE", registry.government(side).id)
        actor_id = registry.match_name(source.of(text))
        if actor_id:
            return Mention(article_id, source, source.of(text), "PERSON", actor_id)
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    root = span.root if span is not None else None
    if root is not None:
        for m in inside:
            if m.span.start <= root.idx < m.span.end and not _possessive(text, m):
                speaker = _as_speaker(m, registry)
                if speaker is not None:
                    return speaker
    people = [m for m in inside if m.label == "PERSON" and not _possessive(text, m)]
    if people:
        return people[0]
    if root is not None and root.pos_ == "NOUN":
        role_word = root.lemma_.lower()
        for _, earlier in reversed(history):
            role = (earlier.role or earlier.text if earlier.label == "ROLE" else earlier.role) or ""
            if role_word in role.lower().split():
                return earlier
    roles = [m for m in inside if m.label == "ROLE" and not _possessive(text, m)]
    if roles:
        return roles[0]
    actor_id = registry.match_name(source.of(text))  # a registered name the NER mislabelled
    if actor_id:
        return Mention(article_id, source, source.of(text), "PERSON", actor_id)
    return None


def _relative_antecedent(doc: Doc, source: Span) -> Span | None:
    """The noun phrase a relative-pronoun source stands for: the noun the relative clause
    hangs from, with its left modifiers and appositions ("Kremlin aide Yuri Ushakov, who
    said ..." -> "Kremlin aide Yuri Ushakov"; "Yuri Ushakov, Putin's adviser, who said ..."
    -> "Yuri Ushakov, Putin's adviser"), within the paragraph. None for other sources."""
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return None
    pron = span[0]
    clause = pron.head
    if pron.lower_ not in RELATIVE_PRONOUNS or clause.dep_ != "relcl" or clause.head.i == clause.i:
        return None
    head = clause.head
    while head.dep_ == "appos" and head.head.i < head.i:
        head = head.head  # "X, the adviser, who said": X and its apposition
    if head.i >= pron.i:
        return None
    a, b = head.left_edge.i, pron.i
    for i in range(b - 1, a - 1, -1):
        if "\n" in doc[i].text:
            a = i + 1  # not across a paragraph break
            break
    while a < b and (doc[a].is_punct or doc[a].is_space):
        a += 1
    while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space):
        b -= 1
    if a >= b or not (a <= head.i < b):
        return None
    return Span(doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text))


def _as_speaker(m: Mention, registry: ActorRegistry) -> Mention | None:
    """A mention as a speaker: places and organisations only when they stand for an actor."""
    if m.label in ("PERSON", "ROLE"):
        return m
    if m.actor_id:
        return m
    if m.label == "GPE":
        side = registry.place_side(m.text)
        if side:
            return Mention(m.article_id, m.span, m.text, m.label, registry.government(side).id)
    return None


def _antecedent(
    pronoun: str,
    source: Span,
    sentence: int,
    mentions: Sequence[Mention],
    history: list[tuple[int, Mention]],
    sent_starts: list[int],
    text: str,
) -> Mention | None:
    if history and sentence - history[-1][0] <= PRONOUN_REACH:
        last = history[-1][1]
        if (pronoun in GROUP_PRONOUNS) == (last.label in ("ORG", "GPE")):
            return last
    if pronoun in GROUP_PRONOUNS:
        return None
    paragraph_floor = text.rfind("\n\n", 0, text.rfind("\n\n", 0, source.start)) + 1
    before = [
        m
        for m in mentions
        if m.label in ("PERSON", "ROLE")
        and paragraph_floor <= m.span.start < source.start
        and not _possessive(text, m)
    ]
    return before[-1] if before else None


def _possessive(text: str, m: Mention) -> bool:
    return text[m.span.end : m.span.end + 2] in ("'s", "’s") or text[m.span.end : m.span.end + 1] in (
        "'",
        "’",
    )


def _sentence_index(starts: list[int], char: int) -> int:
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= char:
            lo = mid + 1
        else:
            hi = mid
    return max(lo - 1, 0)


def _said_on(article: Article, att: Attribution, times: Sequence[TimeExpression], doc: Doc, anchor: Span):
    sent = doc.char_span(anchor.start, anchor.end, alignment_mode="expand")
    if sent is not None:
        s = sent.sent
        for t in times:
            in_sentence = s.start_char <= t.span.start and t.span.end <= s.end_char
            in_content = att.content.start <= t.span.start < att.content.end
            if in_sentence and not in_content and t.precision == "day" and t.start is not None:
                return t.start, "text"
    if article.published:
        return article.published, "article"
    return None, "unknown"


# "Tass reported Peskov as saying": the outlet reports, the person named after the cue speaks.
_AS_SAYING = re.compile(r"^\s+as\s+(saying|stating|telling|adding|writing)\b")


def _tidy(att: Attribution, article: Article, mentions: Sequence[Mention]) -> Attribution:
    """Spans never start on the dateline nor cross a paragraph break; "X reported Y as saying"."""
    text = article.text
    content = _clip(att.content, article, keep="start")
    source = _clip(att.source, article, keep="end") if att.source else None
    if att.cue is not None:
        for m in mentions:
            if (
                m.label == "PERSON"
                and 0 < m.span.start - att.cue.end <= 2
                and _AS_SAYING.match(text[m.span.end :])
            ):
                source = m.span
                break
    return replace(att, content=content or att.content, source=source)


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
