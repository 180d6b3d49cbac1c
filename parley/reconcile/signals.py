"""Reliability signals per article: reasons to read an article closely, each with the words it
was read from and why it is shown. None of them says the article is wrong.

- ``weekday``: a weekday next to a date it does not fall on ("Friday, 4 December 2025"), or
  "today (Thursday)" in an article published on another weekday;
- ``role``: an actor called "former" something that other articles, or the dossier, give
  without "former" (:mod:`parley.reconcile.roles`);
- ``date-conflict``: the article's metadata, address and dateline give different dates
  (``Article.date_conflicts``);
- ``machine-rewrite``: lines a rewriting tool or an aggregator leaves ("Source Article",
  "Generated on:"), in the text or among the clutter removed at ingest;
- ``unattributed``: a hedged claim ("reportedly") that names no source at all;
- ``misspelt-name``: a name written unlike the actor's name, beyond transliteration
  ("Sybhia" for Sybiha; "Zelenskyy" for Zelensky is a transliteration, not a signal);
- ``lone-claim``: a value (a quantity, an event's date, place or duration) that no other article
  gives while at least ``LONE_AGAINST`` independent others give another.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import replace

from parley.models import Actor, Mention, Span
from parley.reconcile.claim_words import load_words
from parley.reconcile.claims import Corpus
from parley.reconcile.contested_records import Claim, Contested, Signal
from parley.reconcile.roles import role_clashes

LONE_AGAINST = 2
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = r"(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATED_WEEKDAY = re.compile(
    _WEEKDAY + r",?\s+(?:the\s+)?(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"|"
    + _MONTH.replace("mon>", "mon2>") + r"\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)(?:,?\s+(?P<y>\d{4}))?"
)  # fmt: skip
TODAY = re.compile(r"\btoday\s*\(\s*" + _WEEKDAY + r"\s*\)", re.IGNORECASE)


def find_signals(
    corpus: Corpus,
    claims: list[Claim],
    contested: list[Contested],
    registry_roles: dict[str, tuple[str, ...]],
    registry_names: dict[str, tuple[str, ...]],
    markers: tuple[str, ...],
) -> list[Signal]:
    found: list[Signal] = []
    for article_id, article in corpus.articles.items():
        found += weekday_signals(article_id, article.text, article.published)
        if article.date_conflicts:
            told = "; ".join(f"{source}: {value}" for source, value in article.date_conflicts)
            found.append(Signal(article_id, "date-conflict", None, told, _DATES))
        found += rewrite_signals(article_id, article.text, article.removed, markers)
        found += name_signals(article_id, corpus.mentions.get(article_id, []), corpus.actors, registry_names)
    for clash in role_clashes(corpus, registry_roles):
        name = corpus.actors[clash.actor_id].name if clash.actor_id in corpus.actors else clash.actor_id
        others = len({m.article_id for m in clash.current})
        why = f"calls {name} 'former {clash.role}'; {others} other article(s) give the role without 'former'"
        if clash.registered:
            why += f", and the dossier lists {', '.join(clash.registered)}"
        for m in clash.former:
            found.append(Signal(m.article_id, "role", m.span, m.role or "", why))
    found += unattributed_signals(claims)
    found += lone_signals(contested)
    unique = {(s.article_id, s.kind, s.span.start if s.span else -1): s for s in found}
    return sorted(unique.values(), key=lambda s: (s.article_id, s.span.start if s.span else -1, s.kind))


_DATES = "the article's metadata, address and dateline give different dates; its date may be wrong"
_UNATTRIBUTED = "a hedged claim ('reportedly', 'according to') that names no source"


def unattributed_signals(claims: list[Claim]) -> list[Signal]:
    """A hedged claim that names no source; where one article hedges ``REPEATED_HEDGE`` or more
    sentences with the same word and no source (a daily report's "Elements of X are reportedly
    operating ..." lines), one signal for all of them, the first, saying how many."""
    by_hedge: dict[tuple[str, str], list[Signal]] = {}
    hedges = load_words().pattern("hedges")
    for c in claims:
        if c.claimant_kind != "article":
            continue
        for src in c.sources:
            word = hedges.search(src.text)
            key = (src.article_id, word.group().casefold() if word else src.text)
            by_hedge.setdefault(key, []).append(
                Signal(src.article_id, "unattributed", src.span, src.text, _UNATTRIBUTED)
            )
    found = []
    for (_, hedged), same in by_hedge.items():
        if len(same) < REPEATED_HEDGE:
            found += same
            continue
        first = min(same, key=lambda s: s.span.start if s.span else -1)
        why = f"{_UNATTRIBUTED}; {len(same)} sentences of the article are hedged so ('{hedged}')"
        found.append(replace(first, explanation=why))
    return found


REPEATED_HEDGE = 3


def weekday_signals(article_id: str, text: str, published: dt.date | None) -> list[Signal]:
    found = []
    for m in DATED_WEEKDAY.finditer(text):
        month = MONTHS.index((m.group("mon") or m.group("mon2"))[:3].lower()) + 1
        day = int(m.group("d1") or m.group("d2"))
        year = int(m.group("y")) if m.group("y") else (published.year if published else None)
        try:
            date = dt.date(year, month, day) if year else None
        except ValueError:
            date = None
        if date and WEEKDAYS[date.weekday()] != m.group("wd").lower():
            why = f"{date.isoformat()} is a {WEEKDAYS[date.weekday()].title()}, not a {m.group('wd')}"
            found.append(Signal(article_id, "weekday", Span(m.start(), m.end()), m.group(0), why))
    for m in TODAY.finditer(text):
        if published and WEEKDAYS[published.weekday()] != m.group("wd").lower():
            why = f"the article is dated {published.isoformat()}, a {WEEKDAYS[published.weekday()].title()}"
            found.append(Signal(article_id, "weekday", Span(m.start(), m.end()), m.group(0), why))
    return found


def rewrite_signals(
    article_id: str, text: str, removed: tuple[str, ...], markers: tuple[str, ...]
) -> list[Signal]:
    found = []
    why = "a line that rewriting tools and aggregators leave behind"
    for marker in markers:
        at = text.find(marker)
        if at >= 0:
            found.append(Signal(article_id, "machine-rewrite", Span(at, at + len(marker)), marker, why))
        elif any(marker.casefold() in line.casefold() for line in removed):
            found.append(Signal(article_id, "machine-rewrite", None, marker, why + " (removed at ingest)"))
    return found[:1] if all(s.span is None for s in found) else [s for s in found if s.span][:1] or found[:1]


def translit(name: str) -> str:
    """A surname folded so that transliterations agree: accents, y/i/j, doubled letters."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in text if c.isalpha() and not unicodedata.combining(c))
    text = text.replace("y", "i").replace("j", "i")
    return re.sub(r"(.)\1+", r"\1", text)


def name_signals(
    article_id: str,
    mentions: list[Mention],
    actors: dict[str, Actor],
    registry_names: dict[str, tuple[str, ...]],
) -> list[Signal]:
    found = []
    for m in mentions:
        if m.label != "PERSON" or not m.actor_id or len(m.text.split()) < 1:
            continue
        names = registry_names.get(m.actor_id)
        actor = actors.get(m.actor_id)
        canonical = names[0] if names else (actor.name if actor and actor.kind == "person" else None)
        if not canonical:
            continue
        written = m.text.split()[-1].strip(".,'’")
        if translit(written) == translit(canonical.split()[-1]):
            continue
        listed = names is not None and any(written.casefold() == n.split()[-1].casefold() for n in names[1:])
        how = (
            "a spelling the dossier lists as a misspelling"
            if listed
            else "matched to it only by a near spelling"
        )
        why = f"written '{written}'; the actor is {canonical} ({how})"
        found.append(Signal(article_id, "misspelt-name", m.span, m.text, why))
    return found


def lone_signals(contested: list[Contested]) -> list[Signal]:
    """A value no other article gives, against at least ``LONE_AGAINST`` independent others."""
    found = []
    for c in contested:
        if c.kind not in ("quantity", "event-detail") or len(c.sides) < 2:
            continue
        for side in c.sides:
            if len(side.sources) != 1:
                continue
            others = [s for s in c.sides if s is not side]
            against = sum(s.independent for s in others)
            if against >= LONE_AGAINST and all(side.sources[0] not in s.sources for s in others):
                said = ", ".join(f"{s.value} ({s.independent})" for s in others)
                why = f"{c.subject}: gives {side.value}, which no other source gives; others say {said}"
                found.append(Signal(side.sources[0], "lone-claim", side.span, side.text, why))
    return found
