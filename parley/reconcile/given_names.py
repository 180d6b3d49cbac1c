"""Names that are given names, not surnames: which person they may stand for.

- A monarch's or a prince's title ("King", "Queen", "Crown Prince", "Emir", "Sheikh", "Sultan",
  "Shah", "Pope" ...) stands before a given name ("King Jon of Xland"), never a surname: such a
  name is not linked by surname to anyone the corpus names in full with that word last, nor to a
  registered person with it as surname (:func:`royal_given_name`). In an article that names
  someone so, the same word alone ("Jon said") may be either person, and stays unresolved
  (:class:`RoyalNames`).
- The leading words of a full name ("Jon Paul" of "Jon Paul Roe") are that person's given names,
  not a person of their own: a name made of them is the one longer name its article gives that
  starts with them, else, when its article gives none, the one the corpus gives, named so in an
  article near in time and tied to them by the text: an article that writes both ("Jon Paul Roe
  ... Jon Paul said"), the surname written in its own article, or a name cut off before the
  surname ("Jon van" of "Jon van Roe"); "Jon Paul" alone may be another's whole name (a pope's)
  (:func:`leading_names`, :func:`writes_word`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

from parley.extract.registry import HONORIFICS, ROMAN_NUMERALS, ActorRegistry, fold, strip_honorifics
from parley.models import Article, Mention
from parley.reconcile.name_times import Days

# titles of monarchs, princes and rulers: the name after them is a given (or regnal) name
ROYAL_TITLES = frozenset(
    "king queen prince princess crown emir amir sheikh sheik sultan sultana shah pope emperor empress"
    " tsar czar tsarina czarina kaiser infanta infante maharaja maharajah rajah archduke archduchess".split()
)
_REGNAL = frozenset(ROMAN_NUMERALS)  # a monarch's numeral after the name, one to sixteen


def given_after_title(words: list[str]) -> str | None:
    """The folded given name a name's words are after a royal title ("King Jon", "Pope Jon
    XII"), or None."""
    titles = []
    while words and (fold(words[0]).rstrip(".") in HONORIFICS or fold(words[0]) in ROYAL_TITLES):
        titles.append(fold(words[0]).rstrip("."))
        words = words[1:]
    if len(words) == 2 and fold(words[1]) in _REGNAL:
        words = words[:1]
    if len(words) != 1 or not any(t in ROYAL_TITLES for t in titles):
        return None
    return fold(words[0])


def royal_given_name(m: Mention) -> str | None:
    """The folded given name a person's mention is when a royal title stands before it, in its
    words ("King Jon") or read as its role ("Jon" with the role "King"); else None."""
    words = (m.text or "").split()
    found = given_after_title(words)
    if found is None and len(words) == 1 and m.role:
        role = fold(m.role).split()
        found = fold(words[0]) if role and role[-1] in ROYAL_TITLES else None
    return found


class RoyalNames:
    """The given names each article writes after a royal title, read one mention at a time
    (:meth:`see`); the mentions of one word that may be the person so named (:meth:`others`,
    :meth:`refused`)."""

    def __init__(self, registry: ActorRegistry) -> None:
        self.registry = registry
        self.given: dict[str, set[str]] = defaultdict(set)  # article -> given names after a title
        self.titled: list[Mention] = []  # the mentions so named, no actor given
        self.taken: set[tuple[str, int, int]] = set()  # of those, the ones the extractor gave one
        self.single: list[tuple[tuple[str, int, int], str, str]] = []  # registered names alone

    def see(self, m: Mention) -> bool:
        """Whether the mention is a given name after a royal title that is no registered person's
        name as the dossier spells it (:func:`kept_registered`); remembered."""
        name = royal_given_name(m) if m.label == "PERSON" else None
        if name is not None:
            self.given[m.article_id].add(name)
            if kept_registered(m, self.registry):
                return False
            if m.actor_id is not None:
                self.taken.add((m.article_id, m.span.start, m.span.end))
            self.titled.append(replace(m, actor_id=None))
            return True
        if m.label == "PERSON" and m.actor_id is not None and len((m.text or "").split()) == 1:
            self.single.append(((m.article_id, m.span.start, m.span.end), m.article_id, fold(m.text)))
        return False

    def others(self, people: list[Mention]) -> list[Mention]:
        """The people but the mentions of one word that are a given name their article also
        writes after a royal title ("Jon" where the article names "King Jon")."""
        return [m for m in people if fold(strip_honorifics(m.text)) not in self.given.get(m.article_id, ())]

    def refused(self) -> set[tuple[str, int, int]]:
        """The mentions the extractor gave a registered person that a royal title makes a given
        name: those after the title, and the same word alone in the article."""
        alone = {where for where, article, name in self.single if name in self.given.get(article, ())}
        return alone | self.taken


def kept_registered(m: Mention, registry: ActorRegistry) -> bool:
    """Whether a mention after a royal title is the registered person the extractor gave it:
    only when the dossier spells that person so, title and all."""
    actor = registry.actor(m.actor_id) if m.actor_id else None
    return actor is not None and fold(m.text) in {fold(n) for n in (actor.name, *actor.aliases)}


def _extends(lead: list[str], name: list[str]) -> bool:
    """Whether a name's words (as written) are the folded leading words ``lead`` and more words
    of a name, each starting with a capital ("Jon Paul" + "Roe"; not "Jon Roe" + "rescue")."""
    rest = name[len(lead) :]
    return bool(rest) and [fold(w) for w in name[: len(lead)]] == lead and all(w[:1].isupper() for w in rest)


def leads_another(name: str, names: Iterable[str]) -> bool:
    """Whether a name is the leading words of another of ``names`` ("Jon Paul" of "Jon Paul Roe"):
    not the one to call the person by."""
    return any(_extends(fold(name).split(), other.split()) for other in names)


def leading_names(
    names: Iterable[tuple[str, str]],
    published: Callable[[str], dt.date | None],
    alone: AbstractSet[tuple[str, str]] = frozenset(),
    writes: Callable[[str, str], bool] | None = None,
) -> dict[tuple[str, str], str]:
    """(article, folded full name) -> the one longer folded full name whose leading words it
    is: the one its article gives, else (when the article gives none) the one the corpus gives,
    named so in an article near in time, when an article gives both names, the name's article
    writes the longer one's surname (``writes``: article, folded word; "Jon Paul 'Ace' Roe") or
    the name is cut off before the surname (its last word in small letters). ``names``: (article, full name as
    written) of each mention. A name whose last word its article also writes alone (``alone``:
    article, folded name) ends in a surname, and one named in more articles than the longer name
    is a name of its own ("Jon Roe" beside a headline's "Jon Roe Rescue"): neither is the longer
    one's."""
    by_article: dict[str, set[str]] = defaultdict(set)
    named_in: dict[str, set[str]] = defaultdict(set)
    by_lead: dict[str, set[str]] = defaultdict(set)  # leading words -> the longer names
    seen = list(names)
    for article_id, name in seen:
        key = fold(name)
        by_article[article_id].add(key)
        named_in[key].add(article_id)
        words = name.split()
        for n in range(2, len(words)):
            if _extends(key.split()[:n], words):
                by_lead[" ".join(key.split()[:n])].add(key)
    # (leading words, longer name) an article gives both of, and names cut off before a surname
    # ("Jon van"): only those link across articles
    tied = {(k, n) for keys in by_article.values() for k in keys for n in by_lead.get(k, set()) & keys}
    cut = {fold(name) for _, name in seen if not name.split()[-1][:1].isupper()}
    found: dict[tuple[str, str], str] = {}
    days: dict[str, Days] = {}  # a longer name -> the days of the articles naming it (when asked)
    for article_id, keys in by_article.items():
        for key in keys:
            if (article_id, key.split()[-1]) in alone:
                continue
            longer = {n for n in by_lead.get(key, set()) if len(named_in[n]) >= len(named_in[key])}
            here = longer & keys
            if len(here) == 1:
                found[(article_id, key)] = next(iter(here))
            elif not here and len(longer) == 1:
                (lead,) = longer
                if not (
                    key in cut or (key, lead) in tied or (writes and writes(article_id, lead.split()[-1]))
                ):
                    continue
                if lead not in days:
                    days[lead] = Days(published)
                    for named in named_in[lead]:
                        days[lead].add(named)
                if days[lead].near(article_id):
                    found[(article_id, key)] = lead
    return found


def writes_word(articles: Callable[[str], Article | None] | None) -> Callable[[str, str], bool]:
    """(article id, folded word) -> whether the article's text has that word, any case; each
    article asked about read once."""
    texts: dict[str, str | None] = {}

    def writes(article_id: str, word: str) -> bool:
        if article_id not in texts:
            article = articles(article_id) if articles is not None else None
            texts[article_id] = article.text if article is not None else None
        text = texts[article_id]
        pattern = rf"(?<![\w'’-]){re.escape(word)}(?![\w-])"
        return text is not None and re.search(pattern, text, re.IGNORECASE) is not None

    return writes


@dataclass
class Cluster:
    """The mentions of one person, and how often each spelling of the name is written."""

    names: Counter
    mentions: list[Mention]


def royal_people(mentions: Iterable[Mention], published: Callable[[str], dt.date | None]) -> list[Cluster]:
    """The people named by a royal title and a given name ("King Jon", or "Jon" read with the
    role "King"): one per title and given name, its mentions in articles near in time to each
    other (two kings of one name a generation apart are two people). Each person's article
    days are kept sorted (:class:`Days`) as the mentions are read in date order."""
    groups: dict[str, list[tuple[Cluster, Days]]] = defaultdict(list)
    for m in sorted(mentions, key=lambda m: (published(m.article_id) or dt.date.min, m.article_id)):
        given = royal_given_name(m)
        words = (m.text or "").split()
        if given is None:
            continue
        shown = m.text if len(words) > 1 else f"{(m.role or '').split()[-1].capitalize()} {m.text}"
        titles = [fold(w) for w in shown.split()[:-1] if fold(w) in ROYAL_TITLES]
        key = f"{titles[-1] if titles else ''} {given}"
        home = next((g for g in groups[key] if g[1].near(m.article_id)), None)
        if home is None:
            home = (Cluster(Counter(), []), Days(published))
            groups[key].append(home)
        home[0].names[shown] += 1
        home[0].mentions.append(m)
        home[1].add(m.article_id)
    return [g for found in groups.values() for g, _ in found]
