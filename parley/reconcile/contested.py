"""What the sources do not agree on, each side with its evidence. Parley shows; it never rules.

- **denial** — a statement denying something (a denial verb, "rejected claims that ...", "it
  would be incorrect to say ...", "I did not agree to any plan") is linked to the claims it
  denies: claims naming the same actor with a verb of the same family ("accepted most of the
  proposals" / "did not endorse the plan"), and the claim the denial itself quotes when it names
  who made it ("rejected claims by an official that ..."). A denial that names no actor is linked
  to claims of the same family about the same document, made within ``DENIAL_DAYS``. A claim
  read only from inside denials, its maker unnamed, is no claim the corpus makes: the denial is
  listed alone (:mod:`parley.reconcile.contested_objects`); a lone denial of "such allegations"
  is paired with the sentence before it when that makes them (:mod:`parley.reconcile.denied_antecedents`);
- **attribution** — the quoted party disputes the words put in its mouth ("not in those terms"):
  linked to that party's quotes and to claims of what it said: those its own article reports
  when it reports any, else those said within ``DENIAL_DAYS`` of it;
- **unverified** — a report someone says is not verified or confirmed ("has not verified the
  transcript", "a claim that Moscow has not confirmed"), linked to the claims of the same
  sentence, else to the leak or report of the article its clause names; a speaker's own "could not
  confirm" is theirs (:mod:`parley.reconcile.contested_unverified`);
- **quantity** — one quantity given with different values by different articles (an army of
  600,000 or 800,000; 90 % or 95 % agreed), one side per value with every article giving it;
- **event-detail** — an event whose sources give different dates, places or durations;
- **role** — an actor called "former" something by one article while other articles, or the
  dossier, give that role without "former" (:mod:`parley.reconcile.roles`).

One claim denied by several statements is one record, the claim's side first.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace

from parley.models import Event, Span, Statement
from parley.reconcile.claim_senses import reports_unverified, unverified_clause
from parley.reconcile.claim_words import (
    FIRST_PERSON,
    NEGATION,
    Words,
    clean,
    named_in,
    phrase_pattern,
    sentence_at,
)
from parley.reconcile.claims import Corpus, denied_claim, is_denial, says_not
from parley.reconcile.contested_claimants import disputed_after, unverifier
from parley.reconcile.contested_objects import Alone, alone_denials, borrowed_cue, own_object
from parley.reconcile.contested_records import Claim, Contested, ContestedSide
from parley.reconcile.contested_sides import (
    claim_side,
    explain,
    explain_wordings,
    one_per_copy,
    record,
    side,
    statement_side,
    teller,
    text_side,
    who_of,
)
from parley.reconcile.contested_unverified import (
    before_doubt,
    confirms_nothing,
    figures_before,
    said_by,
    speaker_unverifies,
)
from parley.reconcile.quantities import quantities_in
from parley.reconcile.roles import role_contests

DENIAL_DAYS = 7
UNVERIFIED_DIGEST = 4  # an article marking this many sentences unverified is a digest


def find_contested(
    corpus: Corpus,
    words: Words,
    claims: list[Claim],
    events: list[Event],
    registry_roles: dict[str, tuple[str, ...]],
    side_names: Mapping[str, str] | None = None,
) -> list[Contested]:
    """Every contested item; ``side_names`` maps a side's name and adjectives, case folded, to
    its name ("russian" -> "Russia"): a claim "Russian claims ..." names its claimant by it."""
    found = denials(corpus, words, claims, side_names)
    found += disputed_after(corpus, words, side_names)
    found += unverified(corpus, words, claims)
    found += quantity_contests(corpus, words)
    found += event_contests(corpus, events)
    found += role_contests(corpus, registry_roles)
    return sorted(found, key=lambda c: (c.date or dt.date.max, c.kind, c.id))


def denials(
    corpus: Corpus, words: Words, claims: list[Claim], side_names: Mapping[str, str] | None = None
) -> list[Contested]:
    by_claim: dict[str, list[ContestedSide]] = defaultdict(list)
    deniers: dict[str, list[Statement]] = defaultdict(list)
    kinds: dict[str, str] = {}
    lone: list[Alone] = []  # what is denied, whether words are disputed, by whom
    inside: dict[str, list[Span]] = defaultdict(list)  # by article, the words of its denials
    claims_by_id = {c.id: c for c in claims}
    deniable = _Deniable(words, claims)
    for s in corpus.statements:
        explicit = is_denial(words, s) and not borrowed_cue(corpus, words, s)
        if s.embedded_in == "question" or not (explicit or says_not(words, s)):
            continue
        if explicit:
            inside[s.article_id].append(s.span)
        denial = _read_denial(corpus, words, s)
        disputed_words = denial.disputed_words
        side = statement_side(corpus, s, "denies" if not disputed_words else "disputes the attribution")
        matched = [c for c in deniable.candidates(denial) if _denies(words, denial, c)]
        if disputed_words:
            matched = _words_disputed(denial, matched)
        if not explicit and not matched:
            continue  # "we have received nothing official": no claim says otherwise
        for c in matched:
            if side not in by_claim[c.id]:
                by_claim[c.id].append(side)
                deniers[c.id].append(s)
            kinds[c.id] = "attribution" if disputed_words else kinds.get(c.id, "denial")
        if not matched:
            lone.append((s.text, disputed_words, [(s, side)]))
    # a claim read only from inside denials is their own object, no claim the corpus makes
    own = {cid for cid in by_claim if own_object(claims_by_id[cid], inside)}
    paired = {id(s) for cid, ss in deniers.items() if cid not in own for s in ss}
    for cid in own:
        said = [(s, x) for s, x in zip(deniers[cid], by_claim[cid], strict=True) if id(s) not in paired]
        lone.append((claims_by_id[cid].text, kinds[cid] == "attribution", said))
    found = alone_denials(corpus, words, lone, side_names)
    # claims the very same statements deny are one claim in other words (two outlets' paraphrases
    # of one report): one item with every wording, not one item per wording
    answered: dict[tuple[str, tuple], list[Claim]] = defaultdict(list)
    for claim_id, sides in by_claim.items():
        if claim_id in own:
            continue
        key = tuple(sorted((x.article_id, x.span.start, x.span.end) for x in sides))
        answered[(kinds[claim_id], key)].append(claims_by_id[claim_id])
    for (kind, _), same in answered.items():
        sides = by_claim[same[0].id]
        text = explain(kind, len(sides)) if len(same) == 1 else explain_wordings(kind, len(same), len(sides))
        found.append(record(kind, same[0].text, [*(claim_side(c) for c in same), *sides], text))
    return found


@dataclass(frozen=True)
class _Denial:
    """What a denial statement denies: the words, the actors, the verb family, when."""

    statement: Statement
    prop: str
    about: frozenset[str]
    family: str | None
    said_on: dt.date | None
    documents: tuple[str, ...]
    disputed_words: bool


def _read_denial(corpus: Corpus, words: Words, s: Statement) -> _Denial:
    inner = denied_claim(words, s.text)
    prop = s.text[inner[0] : inner[1]] if inner else s.text
    mentions = corpus.mentions.get(s.article_id, [])
    about = set(named_in(mentions, Span(s.span.start + inner[0], s.span.end) if inner else s.span))
    family = words.family(prop)
    sentence = sentence_at(corpus.sentences(s.article_id), s.span)
    if sentence and (not about or family in (None, "say")):
        # "'No, it wouldn't be accurate to say so,' ... asked whether claims that Putin rejected
        # the plan were correct": what is denied is in the rest of the sentence
        inside = Span(s.span.start - sentence.span.start, s.span.end - sentence.span.start)
        rest = sentence.text[: max(0, inside.start)] + " " + sentence.text[inside.end :]
        if not about:
            about = set(named_in(mentions, sentence.span)) - set(named_in(mentions, s.span))
            about -= {s.speaker_actor_id}
        if family in (None, "say") and words.family(rest) not in (None, "say"):
            family = words.family(rest)
    if s.speaker_actor_id and (
        FIRST_PERSON.search(prop) or re.match(r"^(?:that\s+)?(?:he|she)\b", prop, re.I)
    ):
        about.add(s.speaker_actor_id)
    article = corpus.articles.get(s.article_id)
    said_on = s.said_on or (article.published if article else None)
    documents = tuple(w.casefold() for w in words.pattern("document_words").findall(prop))
    disputed = words.has("attribution_disputed", s.text)
    return _Denial(s, prop, frozenset(about), family, said_on, documents, disputed)


class _Deniable:
    """The claims a denial may deny, found by what :func:`_denies` asks first (the claim the
    denial quotes, the verb family, a quote's speaker), in the order of the claims."""

    def __init__(self, words: Words, claims: list[Claim]) -> None:
        self.claims = claims
        self.at: dict[object, list[int]] = defaultdict(list)  # by statement and by source place
        self.by_family: dict[str | None, list[int]] = defaultdict(list)  # claims not negated
        self.quoting: list[int] = []  # with a claimant actor, or of the family "say"
        for i, c in enumerate(claims):
            if c.statement_id:
                self.at[c.statement_id].append(i)
            for src in c.sources:
                self.at[(src.article_id, src.span)].append(i)
            family = words.family(c.text)
            if not NEGATION.search(c.text):
                self.by_family[family].append(i)
            if c.claimant_actor_id or family == "say":
                self.quoting.append(i)

    def candidates(self, d: _Denial) -> list[Claim]:
        s = d.statement
        found = {*self.at.get(s.id, ()), *self.at.get((s.article_id, s.span), ())}
        if d.disputed_words:
            found.update(self.quoting)
        elif d.family is not None:
            found.update(self.by_family.get(d.family, ()))
        return [self.claims[i] for i in sorted(found)]


def _denies(words: Words, d: _Denial, c: Claim) -> bool:
    """Whether the denial ``d`` denies the claim ``c``."""
    s = d.statement
    if c.statement_id == s.id or any(
        src.article_id == s.article_id and src.span == s.span for src in c.sources
    ):
        return c.kind == "denied"  # the claim the denial itself quotes
    if d.disputed_words:  # "Macron had not expressed himself in those terms": his quotes
        return bool(d.about) and (
            c.claimant_actor_id in d.about or (words.family(c.text) == "say" and bool(d.about & set(c.about)))
        )
    if d.family is None or words.family(c.text) != d.family or NEGATION.search(c.text):
        return False
    if d.about:
        return bool(d.about & set(c.about))
    return _near(d, c) and any(w in c.text.casefold() for w in d.documents)


def _near(d: _Denial, c: Claim) -> bool:
    """Whether the claim was made within ``DENIAL_DAYS`` of the denial (or either is undated)."""
    return c.date is None or d.said_on is None or abs((c.date - d.said_on).days) <= DENIAL_DAYS


def _words_disputed(d: _Denial, matched: list[Claim]) -> list[Claim]:
    """Of the quotes a denial of someone's words could answer ("had not expressed himself in
    those terms"), the ones its own article reports when it reports any (the words it answers
    are those it has just told), else those said within ``DENIAL_DAYS`` of it: not everything
    the person is quoted saying anywhere in the corpus."""
    s = d.statement
    own = [c for c in matched if any(src.article_id == s.article_id for src in c.sources)]
    if own:
        return own
    return [c for c in matched if _near(d, c)]


def unverified(corpus: Corpus, words: Words, claims: list[Claim]) -> list[Contested]:
    found = []
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        for article_id in dict.fromkeys(src.article_id for src in c.sources):
            by_article[article_id].append(c)
    for article_id, article in corpus.articles.items():
        if not words.has("unverified", article.text):
            continue  # no sentence of it says so either
        mine = by_article.get(article_id, [])
        marked = [sent for sent in corpus.sentences(article_id) if reports_unverified(words, sent.text)]
        # a think tank's daily list of "Unconfirmed claims: a milblogger claimed ..." lines
        digest = len(marked) >= UNVERIFIED_DIGEST
        for sent in marked:
            same = [
                c
                for c in mine
                if any(src.article_id == article_id and sent.span.overlaps(src.span) for src in c.sources)
            ]
            if confirms_nothing(words, sent.text):
                continue
            speaker = speaker_unverifies(corpus, words, article_id, sent)
            if speaker is not None:  # "officials said they could not confirm": not their claim
                same = [c for c in same if not said_by(c, speaker)]
            # the leak or report the sentence names ("the transcript"), unless it reports the
            # claim itself ("Unconfirmed claims: a milblogger claimed that ...")
            if not same and speaker is None and not SAYS_ITSELF.search(sent.text):
                named = [w.casefold() for w in _nouns(unverified_clause(words, sent.text))]
                same = [
                    c
                    for c in mine
                    if c.kind in ("leak", "report", "unnamed-source")
                    and any(n in _context(corpus, article_id, c).casefold() for n in named)
                ]
            if digest and not same:
                continue  # kept only where it answers a claim the corpus tracks
            note = text_side(corpus, article_id, sent.span, "says it is not verified")
            mentions = corpus.mentions.get(article_id, [])
            by = unverifier(words, article.text, sent.span, mentions, article.outlet)
            if speaker is not None and by is not None and by.who is None:  # the speaker's own words
                by = replace(by, who=who_of(corpus, speaker), actor_id=speaker.speaker_actor_id)
            if by is not None and by.who is not None:
                value = "has not confirmed it" if "confirm" in by.phrase.casefold() else "has not verified it"
                note = replace(note, value=value, who=by.who, actor_id=by.actor_id)
            if same:
                claimed = claim_side(same[0])
                claimed = replace(claimed, text=before_doubt(words, claimed.text))
                sides, subject = [claimed, note], before_doubt(words, same[0].text)
            elif speaker is None and (figures := figures_before(corpus, words, article_id, sent)):
                sides, subject = [figures, note], figures.text  # the figures doubted, given before
            else:
                sides, subject = [note], clean(sent.text)
            found.append(record("unverified", subject, sides, explain("unverified", 1)))
    return one_per_copy(corpus, found)


SAYS_ITSELF = re.compile(
    r"\b(?:claim(?:s|ed)?|said|says|reported|stated|asserted)\b[^.;]{0,40}?\bthat\b", re.IGNORECASE
)


def _context(corpus: Corpus, article_id: str, c: Claim) -> str:
    """The sentences of the article that make the claim."""
    spans = [src.span for src in c.sources if src.article_id == article_id]
    return " ".join(s.text for s in corpus.sentences(article_id) if any(s.span.overlaps(sp) for sp in spans))


def _nouns(text: str) -> list[str]:
    """Words longer than four letters after "the"/"these"/"this": what is not verified."""
    # not "that": it is more often "claimed that Russian forces ..." than "that report"
    return re.findall(r"\b(?:the|these|this|those)\s+(?:\w+\s+)?(\w{5,})", text, re.IGNORECASE)


def quantity_contests(corpus: Corpus, words: Words) -> list[Contested]:
    told: dict[str, dict[str, list[tuple[str, Span, str]]]] = defaultdict(lambda: defaultdict(list))
    for article_id in corpus.articles:
        for sent in corpus.sentences(article_id):
            for q in quantities_in(words, sent.text):
                span = Span(sent.span.start + q.start, sent.span.start + q.end)
                told[q.subject][q.shown].append((article_id, span, clean(sent.text)))
    _bare_values(corpus, words, told)
    found = []
    for subject, values in told.items():
        articles = {a for given in values.values() for a, _, _ in given}
        if len(values) < 2 or len(articles) < 2:
            continue
        sides = []
        for value, given in sorted(values.items(), key=lambda kv: -len({a for a, _, _ in kv[1]})):
            article_id, span, text = given[0]
            who, actor_id = teller(corpus, article_id, span)  # the figure's speaker, else the outlet
            sides.append(side(corpus, article_id, span, text, value, who, actor_id, [a for a, _, _ in given]))
        found.append(record("quantity", subject, sides, explain("quantity", len(sides))))
    return found


def _bare_values(
    corpus: Corpus, words: Words, told: dict[str, dict[str, list[tuple[str, Span, str]]]]
) -> None:
    """An article giving a known value without its unit ("800,000 rather than the 600,000 in
    the American draft"), in a sentence with a word of the kind, gives that value too."""
    from parley.reconcile.facts import numbers
    from parley.reconcile.quantities import Quantity

    units = {k: phrase_pattern(v.get("words") or ()) for k, v in words.quantities.items()}
    for subject, values in told.items():
        kind = subject if subject in units else None
        if kind is None:
            continue
        known = {float(v.replace(",", "").rstrip(" %")): v for v in values}
        for article_id in corpus.articles:
            if any(a == article_id for given in values.values() for a, _, _ in given):
                continue
            for sent in corpus.sentences(article_id):
                if not units[kind].search(sent.text):
                    continue
                for value in set(numbers(sent.text)) & set(known):
                    shown = Quantity(kind, "", value, 0, 0).shown
                    values[shown].append((article_id, sent.span, clean(sent.text)))


def event_contests(corpus: Corpus, events: list[Event]) -> list[Contested]:
    found = []
    for e in events:
        for key, values in e.conflicts.items():
            sides = []
            for v in values:
                srcs = v.get("sources") or [v]
                ids = [x["article_id"] for x in srcs]
                span = Span(*v["span"])
                sides.append(
                    side(
                        corpus,
                        v["article_id"],
                        span,
                        corpus.text(v["article_id"], span),
                        str(v["value"]),
                        None,
                        None,
                        ids,
                    )
                )
            where = f" in {e.place}" if e.place else ""
            day = e.date.isoformat() if e.date else "undated"
            subject = f"{key} of the {e.type}{where} ({day}, event {e.id[:8]})"
            found.append(record("event-detail", subject, sides, explain("event-detail", len(sides))))
    return found
