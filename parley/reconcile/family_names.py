"""People of one family share a surname: which of them a name stands for.

Journalists name the best-known bearer of a surname by the surname alone and the others of the
family by their first names or a title ("Jane Roe ... her father, Roe, said"). When the actors
step clusters the people the registry does not list (:mod:`parley.reconcile.actors`):

- two different given names are not two spellings of one (:func:`given_names_agree`):
  "Jana" and "Janka", or "Ivan" and "Ivana", are two people, while "Andrii" and "Andriy",
  "Dmitry" and "Dmitri" or "Johann" and "Johan" are one name spelt two ways;
- a surname in the plural ("the Roes") names a family, not a person (:func:`plural_of`);
- a courtesy title says whether the person is a man or a woman ("Mrs. Roe"): a registered
  person the dossier gives other pronouns is not that person (:func:`other_gender`);
- a surname alone is the registered person with it (:func:`registered_bearer`), and one
  written right after a first name the model missed is that full name (:func:`named_in_full`);
- a surname alone that the article uses before it names a less-known bearer in full ("Roe said
  ... his wife, Jane Roe, ...") is the bearer the corpus names in full in the most articles,
  when that one is named so in at least ``PROMINENT_TIMES`` as many as any other
  (:func:`prominent_bearer`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import TypeVar

from parley.extract.registry import ActorRegistry, fold, names_agree, strip_honorifics, surname_of
from parley.models import Article, Mention

T = TypeVar("T")
PROMINENT_TIMES = 3  # how many times as many articles the best-known bearer is named in, at least
MIN_PROMINENT_ARTICLES = 3
# courtesy titles that say whether the person is a man or a woman
TITLE_GENDER = {"mr": "m", "mister": "m", "sir": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f"}
TITLE_GENDER |= {"madame": "f", "dame": "f"}
_VOWELS = re.compile(r"[aeiou]")


def _skeleton(name: str) -> str:
    """A given name folded so that its transliterations and spellings agree: accents away, "y"
    read as "i", "w" as "v", "ks" as "x", "h" and doubled letters dropped, then the vowels after
    the first letter dropped ("Andriy" and "Andrii" -> "andr"; "Ivana" -> "ivn", "Ivanka" ->
    "ivnk")."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in text if c.isalpha() and not unicodedata.combining(c))
    text = text.replace("y", "i").replace("w", "v").replace("ks", "x").replace("h", "")
    text = re.sub(r"(.)\1+", r"\1", text)
    return text[:1] + _VOWELS.sub("", text[1:])


def given_names_agree(a: str, b: str) -> bool:
    """Whether the first names of two folded full names may be one given name: the same, an
    initial, or spelt alike once transliteration is folded away (:func:`_skeleton`); a name
    with an "a" added to its end is another given name ("Ivan", "Ivana")."""
    wa, wb = a.split(), b.split()
    if len(wa) < 2 or len(wb) < 2:
        return True
    fa, fb = wa[0].rstrip("."), wb[0].rstrip(".")
    if fa == fb or len(fa) == 1 or len(fb) == 1:
        return True
    if fa + "a" == fb or fb + "a" == fa:
        return False
    return _skeleton(fa) == _skeleton(fb)


def surname_is(name: str, names: Iterable[str]) -> bool:
    """Whether a folded surname is the very surname of one of the full names (a "Jr." no surname)."""
    return any(surname_of(fold(n)) == name for n in names if len(n.split()) >= 2)


def surname_fits(name: str, names: Iterable[str]) -> bool:
    """Whether a folded surname is the surname of one of the full names, or a near spelling of it."""
    return any(names_agree(name, surname_of(fold(n))) for n in names if len(n.split()) >= 2)


def plural_of(name: str, surnames: set[str]) -> bool:
    """Whether a folded one-word name is a surname of ``surnames`` in the plural ("roes",
    "joneses") and no surname itself: a family."""
    if name in surnames:
        return False
    return (name.endswith("s") and name[:-1] in surnames) or (name.endswith("es") and name[:-2] in surnames)


def title_gender(m: Mention) -> str | None:
    """ "m" or "f" when a courtesy title stands before the name ("Mr. Roe", "Mrs. Roe"): in the
    mention's words or read as its role; else None."""
    words = [w for w in (m.text or "").split()[:-1]]
    if m.role:
        words.append(m.role)
    for w in words:
        gender = TITLE_GENDER.get(fold(w).rstrip("."))
        if gender:
            return gender
    return None


def other_gender(m: Mention, actor_id: str, registry: ActorRegistry) -> bool:
    """Whether the mention's courtesy title says another gender than the pronouns the dossier
    gives the registered person (a woman's title before the surname of a man it lists)."""
    spec = registry.specs.get(actor_id)
    if spec is None or spec.gender not in ("m", "f"):
        return False
    said = title_gender(m)
    return said is not None and said != spec.gender


def not_this_person(m: Mention, actor_id: str, registry: ActorRegistry) -> bool:
    """Whether a registered person's mention is someone else of the family: a courtesy title of
    the other gender, or the surname in the plural ("the Roes")."""
    spec = registry.specs.get(actor_id)
    if spec is None or spec.actor.kind != "person":
        return False
    surname = surname_of(fold(spec.actor.name))
    name = fold(m.text).split()
    return other_gender(m, actor_id, registry) or (
        len(name) == 1 and bool(surname) and plural_of(name[0], {surname})
    )


def prominent_bearer(local: T, bearers: Sequence[T], articles: dict[int, int]) -> T | None:
    """The bearer of a surname the corpus names in full in the most articles, when that is not
    ``local`` and it is named so in at least ``PROMINENT_TIMES`` as many articles as any other
    (``articles``: id of a bearer -> the articles naming it in full), and in at least
    ``MIN_PROMINENT_ARTICLES``."""
    ranked = sorted(bearers, key=lambda b: -articles[id(b)])
    if not ranked or ranked[0] is local or articles[id(ranked[0])] < MIN_PROMINENT_ARTICLES:
        return None
    top = articles[id(ranked[0])]
    if any(top < PROMINENT_TIMES * articles[id(b)] for b in ranked[1:]):
        return None
    return ranked[0]


def registered_bearer(m: Mention, registry: ActorRegistry) -> str | None:
    """The registered person a name of one word the extractor left unresolved is: their very
    surname (the last word but a generational suffix: "Roe" of "Jon Roe Jr.") or name (not a
    near spelling: "Roeva" may be Roe's wife), unless it is another of the family
    (:func:`not_this_person`)."""
    name = fold(strip_honorifics(m.text))
    found = registry.match_name(name)
    actor = registry.actor(found) if found else None
    if actor is None or actor.kind != "person" or not_this_person(m, actor.id, registry):
        return None
    spelled = {fold(n) for n in (actor.name, *actor.aliases)}
    return actor.id if name in spelled or name in {surname_of(n) for n in spelled if n} else None


_WORD_BEFORE = re.compile(r"(?<![\w'’-])([^\W\d_][\w'’-]*) $")


def named_in_full(
    people: list[Mention],
    alone: list[int],
    full_names: dict[str, set[str]],
    articles: Callable[[str], Article | None] | None,
) -> list[Mention]:
    """The people, each surname the model found alone (``alone``: where they are in ``people``)
    read as the full name when the word before it in the text makes a full name its article
    gives someone (``full_names``, folded): "Jane" + "Roe" where the article names Jane Roe. The
    model missed the first name, not the person. Each article is read once, for those alone."""
    if articles is None:
        return people
    by_article: dict[str, list[int]] = defaultdict(list)
    for n in alone:
        if full_names.get(people[n].article_id):
            by_article[people[n].article_id].append(n)
    people = list(people)
    for article_id, at in by_article.items():
        text = getattr(articles(article_id), "text", "") or ""
        for n in at:
            m = people[n]
            before = _WORD_BEFORE.search(text[max(0, m.span.start - 40) : m.span.start])
            name = f"{before.group(1)} {strip_honorifics(m.text)}" if before else ""
            if before and fold(name) in full_names[article_id]:
                people[n] = replace(m, text=name)
    return people
