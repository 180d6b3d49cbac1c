"""An actor's role stated differently: one article calls a sitting president "former President"
while other articles (or the dossier) give the role without "former".

Read from the role words next to each mention (``Mention.role``). The finding is both a
``contested`` record (the actor's role, both sides with their articles) and a ``signal`` on
each article that says "former".
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from parley.models import Mention, Span
from parley.reconcile.claim_words import sentence_at
from parley.reconcile.claims import Corpus
from parley.reconcile.contested_records import Contested
from parley.reconcile.contested_sides import record, side

FORMER = re.compile(r"^(?:the\s+)?(?:former|ex-)\s*(?P<role>[^'’]{3,40})$", re.IGNORECASE)


@dataclass(frozen=True)
class RoleClash:
    actor_id: str
    role: str  # the role without "former": "President"
    former: tuple[Mention, ...]  # the mentions calling the actor "former"
    current: tuple[Mention, ...]  # mentions in other articles giving the role without "former"
    registered: tuple[str, ...]  # the dossier's roles of the actor that hold it


def role_clashes(corpus: Corpus, registry_roles: dict[str, tuple[str, ...]]) -> list[RoleClash]:
    formers: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    everyone = [m for ms in corpus.mentions.values() for m in ms if m.actor_id and m.role]
    for m in everyone:
        match = FORMER.match(m.role or "")
        if match and len(match.group("role").split()) <= 4:
            formers[(m.actor_id or "", match.group("role").strip())].append(m)
    found = []
    for (actor_id, role), former in formers.items():
        said = {m.article_id for m in former}
        word = role.casefold()
        current = tuple(
            m
            for m in everyone
            if m.actor_id == actor_id
            and m.article_id not in said
            and word in (m.role or "").casefold()
            and not _past(corpus, m)
        )
        registered = tuple(r for r in registry_roles.get(actor_id, ()) if word in r.casefold())
        if current or registered:
            found.append(RoleClash(actor_id, role, tuple(former), current, registered))
    return found


def role_contests(corpus: Corpus, registry_roles: dict[str, tuple[str, ...]]) -> list[Contested]:
    found = []
    for clash in role_clashes(corpus, registry_roles):
        name = corpus.actors[clash.actor_id].name if clash.actor_id in corpus.actors else clash.actor_id
        first = clash.former[0]
        former = side(
            corpus, first.article_id, first.span, _sentence(corpus, first), f"former {clash.role}",
            None, None, [m.article_id for m in clash.former],
        )  # fmt: skip
        sides = [former]
        if clash.current:
            m = clash.current[0]
            sides.append(
                side(corpus, m.article_id, m.span, _sentence(corpus, m), clash.role, None, None,
                      [x.article_id for x in clash.current])
            )  # fmt: skip
        explanation = (
            f"{len({m.article_id for m in clash.former})} article(s) call {name} 'former {clash.role}'; "
            f"{len({m.article_id for m in clash.current})} other article(s) give the role without 'former'"
            + (f"; the dossier lists {', '.join(clash.registered)}" if clash.registered else "")
        )
        found.append(record("role", f"{name}: role", sides, explanation))
    return found


# a role held then, not now: "former", "ex-", "then-" anywhere in the role's words
_PAST_ROLE = re.compile(r"\b(?:former|ex-|then\b)", re.IGNORECASE)
# words before a name that set its role in the past: "chief of staff to President X", "under X"
_PAST_BEFORE = re.compile(r"\b(?:under|to)\s+$", re.IGNORECASE)


def _past(corpus: Corpus, m: Mention) -> bool:
    """The mention may give the role as held in the past, so it is no evidence of the role now:
    "then-Secretary", "former" anywhere in the role words, any possessive after the name
    ("President X's crime bill", but also "President X's envoy") and "under" or "to" right before
    it ("chief of staff to President X", but also "spoke to President X"). Broad on purpose: it
    only takes mentions out of the "current" side; a clash still needs another plain mention in
    another article, or the dossier's role."""
    if _PAST_ROLE.search(m.role or ""):
        return True
    text = corpus.articles[m.article_id].text if m.article_id in corpus.articles else ""
    if text[m.span.end : m.span.end + 2] in ("'s", "’s"):
        return True
    before = text[max(0, m.span.start - 80) : m.span.start].rstrip()
    role = (m.role or "").strip()
    if role and before.casefold().endswith(role.casefold()):  # the span holds the name only
        before = before[: -len(role)].rstrip()
    return bool(_PAST_BEFORE.search(before[-12:] + " "))


def _sentence(corpus: Corpus, m: Mention) -> str:
    sent = sentence_at(corpus.sentences(m.article_id), m.span)
    return sent.text if sent else corpus.text(m.article_id, Span(m.span.start, m.span.end))
