"""Claims worth checking, merged across the articles that make them.

A claim is read from a statement or, with no statement around it, from a sentence:

- a statement of an unnamed speaker ("an unnamed US official", "two people briefed"): ``unnamed-source``;
- a statement in a sentence about a leak or a document ("a confidential transcript", "a copy of
  the document"): ``leak``;
- a statement of an outlet ("Der Spiegel reported"): ``report``;
- a statement giving a quantity the word lists know (an army of 800,000, 20 points, 90 %): ``number``;
- a statement saying, in the past, what an actor other than its speaker did: ``action``;
- the claim inside a denial ("rejected claims by an American official that he had approved
  most of the plan"): ``denied``, its claimant the one the denial names, if any;
- a sentence that hedges ("reportedly", "according to", "citing") with no statement: ``report``,
  its claimant who it is "according to", else the article itself (``claimant_kind`` "article").

Positions, questions, what a denial says and what a view is voiced about are not claims. Two
claims are one when they name the same actor with a verb of the same family and the same
polarity, in words that overlap, or when their words are nearly the same (a copy). Each claim
counts its sources and how many are independent (:mod:`parley.reconcile.independence`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from parley.models import Actor, Article, Mention, Span, Statement
from parley.reconcile.claim_groups import group_claims
from parley.reconcile.claim_senses import INVOLVEMENT, calls_false, false_predicate
from parley.reconcile.claim_words import (
    FIRST_PERSON,
    NEGATION,
    PAST,
    Sentence,
    Words,
    clean,
    content_words,
    named_in,
    sentence_at,
    sentence_spans,
    unnamed,
)
from parley.reconcile.contested_records import Claim, ClaimSource, Said
from parley.reconcile.quantities import quantities_in

SAME_CLAIM_WORDS = 50  # rapidfuzz token-set ratio: one actor, one verb family, overlapping words
COPIED_CLAIM_WORDS = 85  # nearly the same words: a copy of the claim
MAX_CLAIM_CHARS = 400
KEPT_SENTENCES = 512  # articles whose sentences are kept once split
_OPINION = re.compile(r"\b(must|should|need|needs|want|wants|hope|hopes|ready to|willing to)\b", re.I)


@dataclass
class Corpus:
    """What the readers of claims, contests and signals need of the store, read once."""

    articles: Mapping[str, Article]  # a StoredArticles when read from a store
    statements: Iterable[Statement]  # walked again by each reader (StoredRecords streams them)
    mentions: Mapping[str, list[Mention]]  # by article (RecordsByArticle reads them on demand)
    actors: dict[str, Actor]
    independent: Callable[[Iterable[str]], int] = lambda ids: len(set(ids))
    # each article's statements (RecordsByArticle reads them on demand); None: from ``statements``
    statements_by_article: Mapping[str, list[Statement]] | None = None
    _sentences: OrderedDict[str, list[Sentence]] = field(default_factory=OrderedDict)

    def sentences(self, article_id: str) -> list[Sentence]:
        """The article's sentences; those of the last ``KEPT_SENTENCES`` articles asked for are
        kept (readers go article by article; keeping every article's would grow with the corpus)."""
        found = self._sentences.get(article_id)
        if found is None:
            article = self.articles.get(article_id)
            found = self._sentences[article_id] = sentence_spans(article.text) if article else []
            if len(self._sentences) > KEPT_SENTENCES:
                self._sentences.popitem(last=False)
        else:
            self._sentences.move_to_end(article_id)
        return found

    def statements_of(self) -> Mapping[str, list[Statement]]:
        """Each article's statements, in the stored order."""
        if self.statements_by_article is not None:
            return self.statements_by_article
        by_article: dict[str, list[Statement]] = {}
        for s in self.statements:
            by_article.setdefault(s.article_id, []).append(s)
        return by_article

    def text(self, article_id: str, span: Span) -> str:
        article = self.articles.get(article_id)
        return clean(article.text[span.start : span.end]) if article else ""


DENIED = re.compile(
    r"^(?:the\s+|media\s+|these\s+|those\s+)*(?P<noun>\w+)(?:\s+(?:by|from|in)\s+(?P<by>[^,]+?))?"
    r"(?:,\s*(?:citing|quoting)\s+[^,]+,)?\s+(?:that|claiming\s+that|suggesting\s+that|saying\s+that|"
    r"claiming|suggesting|saying)\s+(?P<prop>.+)$",
    re.IGNORECASE | re.DOTALL,
)


def is_denial(words: Words, s: Statement) -> bool:
    """A statement denying something in so many words: a denial verb, "rejected/dismissed
    claims that ...", or words calling something false or misquoted."""
    cue = s.cue or ""
    if s.embedded_in == "denial":
        return True
    if words.has("denial_verbs", cue):  # "denied that ...", "denied such allegations", not
        return _denies_words(words, s.text)  # "denied Russian forces the ability to advance"
    if words.has("claim_verbs", cue) and denied_claim(words, s.text) is not None:
        return True
    short = len(s.text.split()) <= MAX_DENIAL_WORDS  # a denial says little: "it is incorrect"
    return short and (calls_false(words, s.text) or words.has("attribution_disputed", s.text))


MAX_DENIAL_WORDS = 30
VERB_NEGATED = re.compile(
    r"\b(?:did|do|does|have|has|had|was|were|is|are|will|would|could)\s*(?:not|n't|n’t)\b|\bnever\b", re.I
)


def _denies_words(words: Words, text: str) -> bool:
    """A denial verb's object: a that-clause, a claim, a quote, a negation, one's part in a thing."""
    return bool(
        re.match(r"^\s*(?:that|[\"“«])", text)
        or INVOLVEMENT.match(text)
        or words.has("claim_nouns", " ".join(text.split()[:6]))
        or NEGATION.search(text)
        or words.has("false_words", text)
    )


def says_not(words: Words, s: Statement) -> bool:
    """A statement saying its own speaker did not do something ("I did not agree to any plan",
    "he did not endorse the plan"): a denial when a claim says the speaker did."""
    family = words.family(s.text)
    if s.speaker_actor_id is None or not VERB_NEGATED.search(s.text) or family in (None, "say"):
        return False
    if not (FIRST_PERSON.search(s.text) or re.match(r"^(?:that\s+)?(?:he|she)\b", s.text, re.I)):
        return False
    # the negation and the speaker's own "I", "we", "he" on the verb of the family, in one clause:
    # "I did not agree to", "he never endorsed"; not "I think ... They cannot accept that failure"
    for m in words.pattern(f"family:{family}").finditer(s.text):
        if OWN_NEGATION.search(s.text[max(0, m.start() - 60) : m.start()]):
            return True
    return False


OWN_NEGATION = re.compile(
    r"\b(?:I|we|he|she)\b[^.,;:!?]*?(?:n't|n’t|\bnot\b|\bnever\b|\bcannot\b)[^.,;:!?]*$", re.IGNORECASE
)


def denied_claim(words: Words, text: str) -> tuple[int, int, str | None] | None:
    """Where in a denial's words the denied claim is ("claims by an American official that he
    had approved ...": the clause after "that"), and who made it, if named."""
    m = DENIED.match(text)
    if m is None or not words.has("claim_nouns", m.group("noun")):
        return None
    by = m.group("by")
    end = m.end("prop")
    tail = _TAIL.search(text, m.start("prop"))  # ", labeling them as incorrect": the denier's words
    end = tail.start() if tail else end
    # "rumors that they had used rubber bullets were 'totally untrue'": the claim is the clause
    false = false_predicate(words, text[m.start("prop") : end])
    return m.start("prop"), m.start("prop") + false if false else end, clean(by) if by else None


_TAIL = re.compile(r",\s+(?:\w+ing|as|which|and\s+(?:called|said|described))\b[^,]*$")


def find_said(corpus: Corpus, words: Words) -> list[Said]:
    """Every article's claims (see the module docstring), in article and text order."""
    by_article = corpus.statements_of()
    found = [x for a in corpus.articles for x in said_in(corpus, words, a, by_article.get(a, []))]
    return sorted(found, key=lambda x: (x.article_id, x.span.start))


def said_in(corpus: Corpus, words: Words, article_id: str, statements: list[Statement]) -> list[Said]:
    """One article's claims, from its ``statements`` and from its sentences outside them."""
    found: list[Said] = []
    covered: list[Span] = []
    for s in statements:
        covered.extend(s.parts)
        if s.embedded_in == "question":
            continue
        found.extend(_from_statement(corpus, words, s))
    if article_id in corpus.articles:
        for sent in corpus.sentences(article_id):
            if any(sp.overlaps(sent.span) for sp in covered):
                continue
            said = _from_sentence(corpus, words, article_id, sent)
            if said is not None:
                found.append(said)
    return sorted(found, key=lambda x: x.span.start)


def _from_statement(corpus: Corpus, words: Words, s: Statement) -> list[Said]:
    article = corpus.articles.get(s.article_id)
    if article is None:
        return []
    mentions = corpus.mentions.get(s.article_id, [])
    date = s.said_on or article.published
    if _not_a_claim(s.text, s.cue) or _no_evidence(corpus, words, s):
        return []
    if is_denial(words, s):
        inner = denied_claim(words, s.text)
        if inner is None:
            return []
        start, end, by = inner
        span = Span(s.span.start + start, min(s.span.start + end, s.span.end))
        text = clean(s.text[start:end])
        kind = "unnamed" if unnamed(words, by) else ("named" if by else "unknown")
        said = _said(s.article_id, span, text, "denied", by, None, kind, date, mentions, words, s.id)
        if s.speaker_actor_id and re.match(r"^(?:he|she|they)\b", text, re.IGNORECASE):
            # "claims ... that he had approved most of the plan": the denier is who it is about
            said = replace(said, about=tuple(dict.fromkeys((*said.about, s.speaker_actor_id))))
        return [said]
    sentence = sentence_at(corpus.sentences(s.article_id), s.span)
    context = sentence.text if sentence else s.text
    about = tuple(a for a in named_in(mentions, s.span) if a != s.speaker_actor_id)
    if unnamed(words, s.speaker, s.speaker_actor_id):
        kind, claimant_kind = "unnamed-source", "unnamed"
    elif _OPINION.search(s.text):
        return []
    elif words.has("leak_words", context):
        kind, claimant_kind = "leak", "named" if s.speaker_actor_id else "unknown"
    elif s.speaker_actor_id is None and s.speaker and s.speaker[:1].isupper() and s.cue in _REPORTING:
        kind, claimant_kind = "report", "outlet"
    elif quantities_in(words, s.text):
        kind, claimant_kind = "number", "named" if s.speaker_actor_id else "unknown"
    elif about and PAST.search(s.text) and not FIRST_PERSON.search(s.text):
        kind, claimant_kind = "action", "named" if s.speaker_actor_id else "unknown"
    else:
        return []
    return [
        _said(
            s.article_id, s.span, clean(s.text), kind, s.speaker, s.speaker_actor_id,
            claimant_kind, date, mentions, words, s.id, exclude=s.speaker_actor_id,
        )
    ]  # fmt: skip


def _no_evidence(corpus: Corpus, words: Words, s: Statement) -> bool:
    """ "There is little to no evidence to suggest that X ...": the clause under a negated
    evidential is no one's claim."""
    sentence = sentence_at(corpus.sentences(s.article_id), s.span)
    if sentence is None:
        return False
    before = sentence.text[: max(0, s.span.start - sentence.span.start)]
    return words.has("negated_evidence", before)


def _reporting_hedge(words: Words, text: str) -> bool:
    """A hedge of something reported ("reportedly", "according to"), not only of the writer's
    own judgement ("apparently") nor a description of a source ("reportedly affiliated with")."""
    judgement, links = words.pattern("judgement_hedges"), words.pattern("source_links")
    return any(
        not judgement.fullmatch(m.group()) and not links.match(text, m.end() + 1)
        for m in words.pattern("hedges").finditer(text)
    )


def _not_a_claim(text: str, cue: str | None) -> bool:
    """ "to comment on whether", "whether the plan": a refusal, a question; "concern about": a topic."""
    return bool(re.match(r"\s*(?:to\s|whether\b|if\b)", text, re.I) or _TOPIC_CUE.match(cue or ""))


_TOPIC_CUE = re.compile(
    r"(?:express|voic|shar|repeat|reiterat|restat|renew|ma[dk]e|issu)\w*\b.* (?:about|over|regarding|on)$"
)
_NOT_CLAIMS = ("unverified", "false_words", "denial_verbs", "negated_evidence")
_REPORTING = {"reported", "reports", "According to", "according to", "citing", "wrote", "said"}
_ACCORDING = re.compile(r"\b(?:according to|citing)\s+(?P<who>[^,.;]+)", re.IGNORECASE)
_OUTLET_SAID = re.compile(
    r"(?P<who>\b[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)(?:\s+(?:news\s+)?(?:website|magazine|newspaper|"
    r"agency|outlet|channel|daily|weekly|broadcaster))?\s+(?:reported|reports|wrote|quoted)\b"
)


def _from_sentence(corpus: Corpus, words: Words, article_id: str, sent: Sentence) -> Said | None:
    text = sent.text
    hedged, leak = _reporting_hedge(words, text), words.has("leak_words", text)
    if not hedged and not (leak and _OUTLET_SAID.search(text)):
        return None  # "since the plan leaked last month" is no claim; "X reported obtaining a copy" is
    if any(words.has(name, text) for name in _NOT_CLAIMS):
        return None  # what disputes a claim is read by the contest readers; "no evidence that ..."
    article = corpus.articles[article_id]
    who = _ACCORDING.search(text) or _OUTLET_SAID.search(text)
    claimant = clean(who.group("who")) if who else None
    if claimant and unnamed(words, claimant):
        kind, claimant_kind = "unnamed-source", "unnamed"
    elif claimant:
        kind, claimant_kind = "report", "outlet"
    else:
        kind, claimant_kind = ("leak" if words.has("leak_words", text) else "report"), "article"
    mentions = corpus.mentions.get(article_id, [])
    return _said(
        article_id, sent.span, clean(text), kind, claimant, None, claimant_kind, article.published,
        mentions, words, None,
    )  # fmt: skip


def _said(
    article_id: str,
    span: Span,
    text: str,
    kind: str,
    claimant: str | None,
    claimant_actor_id: str | None,
    claimant_kind: str,
    date: dt.date | None,
    mentions: list[Mention],
    words: Words,
    statement_id: str | None,
    exclude: str | None = None,
) -> Said:
    about = tuple(a for a in named_in(mentions, span) if a != exclude)
    return Said(
        article_id,
        span,
        text[:MAX_CLAIM_CHARS],
        kind,
        claimant,
        claimant_actor_id,
        claimant_kind,
        date,
        about,
        words.family(text),
        bool(NEGATION.search(text)),
        statement_id,
    )


def same_claim(a: Said, b: Said, ratio: float | None = None) -> bool:
    ratio = fuzz.token_set_ratio(a.text, b.text) if ratio is None else ratio
    if set(a.about) & set(b.about) and a.family and a.family == b.family and a.negated == b.negated:
        # one actor and one verb family are not one claim: the words of what is said must meet too
        return ratio >= SAME_CLAIM_WORDS and bool(content_words(a.text) & content_words(b.text))
    return ratio >= COPIED_CLAIM_WORDS and a.negated == b.negated


def claim_keys(x: Said) -> set[tuple[str, str | None, bool, str]]:
    """What :func:`same_claim` needs two claims to share below ``COPIED_CLAIM_WORDS``."""
    words = content_words(x.text) if x.family else ()
    return {(a, x.family, x.negated, w) for a in x.about for w in words}


def merge_claims(corpus: Corpus, said: list[Said], exhaustive: bool = False) -> list[Claim]:
    """Claims merged from scratch, earliest first (the step continues instead: ``claim_updates``)."""
    groups = group_claims(in_order(said), same_claim, THRESHOLDS, exhaustive, claim_keys)
    return [claim_of(corpus, g) for g in groups]


THRESHOLDS = (SAME_CLAIM_WORDS, COPIED_CLAIM_WORDS)


def in_order(said: Iterable[Said]) -> list[Said]:
    """Claims in the order they are merged in: earliest first, undated last."""
    return sorted(said, key=lambda x: (x.date or dt.date.max, x.article_id, x.span.start))


def claim_of(corpus: Corpus, group: list[Said]) -> Claim:
    """The claim a group of articles' claims makes, its first the group's first."""
    first = group[0]
    named = next((x for x in group if x.claimant_kind != "article"), first)
    sources = []
    for x in group:
        article = corpus.articles.get(x.article_id)
        sources.append(
            ClaimSource(
                x.article_id,
                x.span,
                x.text,
                x.claimant,
                article.published if article else None,
                article.outlet if article else None,
            )
        )
    about = tuple(dict.fromkeys(a for x in group for a in x.about))
    return Claim(
        id=hashlib.sha1(f"claim:{first.article_id}:{first.span.start}".encode()).hexdigest()[:16],
        text=first.text,
        kind=first.kind,
        claimant=named.claimant,
        claimant_actor_id=named.claimant_actor_id,
        claimant_kind=named.claimant_kind,
        date=min((x.date for x in group if x.date), default=None),
        about=about,
        article_id=first.article_id,
        span=first.span,
        sources=tuple(sources),
        independent=corpus.independent(x.article_id for x in group),
        statement_id=first.statement_id,
    )
