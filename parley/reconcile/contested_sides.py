"""The sides of a contested item and the record they make (shared by the contest readers)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from parley.models import Span, Statement
from parley.reconcile.claim_senses import false_predicate
from parley.reconcile.claim_words import Words, clean, sentence_at
from parley.reconcile.claims import Corpus
from parley.reconcile.contested_records import Claim, Contested, ContestedSide
from parley.wording import clip_words


def claim_side(c: Claim) -> ContestedSide:
    first = c.sources[0]
    return ContestedSide(
        text=first.text,
        value="claims",
        who=c.claimant,
        actor_id=c.claimant_actor_id,
        article_id=first.article_id,
        span=first.span,
        date=c.date,
        outlet=first.outlet,
        sources=tuple(dict.fromkeys(s.article_id for s in c.sources)),
        independent=c.independent,
        claim_id=c.id,
    )


def statement_side(corpus: Corpus, s: Statement, value: str) -> ContestedSide:
    article = corpus.articles.get(s.article_id)
    sentence = sentence_at(corpus.sentences(s.article_id), s.span)
    span = sentence.span if sentence else s.span
    return ContestedSide(
        text=clean(sentence.text if sentence else s.text),
        value=value,
        who=who_of(corpus, s),
        actor_id=s.speaker_actor_id,
        article_id=s.article_id,
        span=span,
        date=s.said_on or (article.published if article else None),
        outlet=article.outlet if article else None,
        sources=(s.article_id,),
        independent=1,
    )


def who_of(corpus: Corpus, s: Statement) -> str | None:
    """The speaker as the article names them; the resolved actor's name when the article says
    only "I" or "he" (a transcript's speaker, a pronoun resolved from the sentence before)."""
    actor = corpus.actors.get(s.speaker_actor_id) if s.speaker_actor_id else None
    if actor is not None and (s.speaker is None or PRONOUN.match(s.speaker.strip())):
        return actor.name
    return s.speaker


SUBJECT_CHARS = 160  # an item's subject: a headline, its sides hold the whole text
PRONOUN = re.compile(r"^(?:I|we|he|she|they|it|you)$", re.IGNORECASE)


def teller(corpus: Corpus, article_id: str, span: Span) -> tuple[str | None, str | None]:
    """Who gives the words at ``span`` (a figure): the speaker (as :func:`who_of` names them) and
    actor of a statement in its speaker's own words whose content holds them ("X told the agency
    that forces had retaken 300 square kilometres"); (None, None) for the writer's own words."""
    for s in corpus.statements_of().get(article_id, []):
        if (
            s.embedded_in is None
            and s.speaker
            and any(p.start <= span.start and span.end <= p.end for p in s.parts)
        ):
            return who_of(corpus, s), s.speaker_actor_id
    return None, None


def text_side(corpus: Corpus, article_id: str, span: Span, value: str) -> ContestedSide:
    return side(corpus, article_id, span, corpus.text(article_id, span), value, None, None, [article_id])


def side(
    corpus: Corpus,
    article_id: str,
    span: Span,
    text: str,
    value: str | None,
    who: str | None,
    actor_id: str | None,
    ids: list[str],
) -> ContestedSide:
    article = corpus.articles.get(article_id)
    unique = tuple(dict.fromkeys(ids))
    return ContestedSide(
        text=text,
        value=value,
        who=who or (article.outlet if article else None),
        actor_id=actor_id,
        article_id=article_id,
        span=span,
        date=article.published if article else None,
        outlet=article.outlet if article else None,
        sources=unique,
        independent=corpus.independent(unique),
    )


def record(kind: str, subject: str, sides: list[ContestedSide], explanation: str) -> Contested:
    """An item; its subject is cut at a word's end to :data:`SUBJECT_CHARS`."""
    subject, first = clip_words(subject, SUBJECT_CHARS), sides[0]
    dates = [s.date for s in sides if s.date]
    key = f"{kind}:{subject}:{first.article_id}:{first.span.start}"
    return Contested(
        id=hashlib.sha1(key.encode()).hexdigest()[:16],
        kind=kind,
        subject=subject,
        date=min(dates) if dates else None,
        sides=tuple(sides),
        article_id=first.article_id,
        span=first.span,
        explanation=explanation,
    )


def one_per_copy(corpus: Corpus, found: list[Contested]) -> list[Contested]:
    """Items of one side with the same subject from copies of one article (no source independent
    of the others) are one item, whose side names every copy as a source."""
    kept: list[Contested] = []
    at: dict[tuple[str, str], list[int]] = {}  # by kind and subject, the items of one side kept
    for c in found:
        same = at.setdefault((c.kind, c.subject), [])
        copy = next((i for i in same if _copies(corpus, kept[i].sides[0].sources, c)), None)
        if copy is None:
            if len(c.sides) == 1:
                same.append(len(kept))
            kept.append(c)
        else:
            first = kept[copy].sides[0]
            kept[copy] = replace(kept[copy], sides=(replace(first, sources=(*first.sources, c.article_id)),))
    return kept


def _copies(corpus: Corpus, ids: tuple[str, ...], c: Contested) -> bool:
    """Whether the item of one side ``c`` comes from a copy of the articles ``ids``."""
    return len(c.sides) == 1 and corpus.independent((*ids, c.article_id)) == 1


def explain_wordings(kind: str, claims: int, n: int) -> str:
    """:func:`explain` for one claim made in ``claims`` wordings, all answered by the same ``n``."""
    what = "denying" if kind == "denial" else "disputing"
    return f"one claim in {claims} wordings, and {n} statement{'s' * (n != 1)} {what} each of them"


_NO_SOURCE = "a denial of a claim no source in the corpus makes"
_THAT = re.compile(r"^that\s+", re.IGNORECASE)


def denied_object(words: Words, text: str) -> str:
    """What a denial of a claim no source makes denies, in plain words: the text without the
    words calling it false ("that speculation that X was untrue": "speculation that X")."""
    shown = clean(text)
    cut = false_predicate(words, shown)
    return _THAT.sub("", shown[:cut].rstrip(" ,;:")) if cut is not None else shown


def denied_subject(words: Words, text: str, attribution: bool = False) -> str:
    """How a denial of a claim no source makes is headed: "denied: " and what is denied
    (:func:`denied_object`); a dispute of words put in the speaker's mouth says so ("says
    misquoted: his quote was ...")."""
    if attribution:
        return f"says misquoted: {_THAT.sub('', clean(text))}"[:170]
    return f"denied: {denied_object(words, text)}"[:170]


def explain(kind: str, n: int) -> str:
    """Why an item of ``kind`` is listed; ``n``: how many statements answer the claim, or how
    many values the sources give. A ``lone-denial`` denies a claim no source makes, a
    ``lone-attribution`` disputes words no source reports (``n``: how many statements do)."""
    return {
        "denial": f"a claim and {n} statement{'s' * (n != 1)} denying it",
        "lone-denial": _NO_SOURCE
        if n <= 1
        else f"{n} statements denying a claim no source in the corpus makes",
        "attribution": f"words attributed to someone, and {n} statement{'s' * (n != 1)} disputing them",
        "lone-attribution": "a dispute of words attributed to someone that no source in the corpus reports"
        if n <= 1
        else f"{n} statements disputing words attributed to someone that no source in the corpus reports",
        "unverified": "a report that a source says is not verified or confirmed",
        "quantity": f"the sources give {n} different values",
        "event-detail": f"the sources of one event give {n} different values",
    }[kind]
