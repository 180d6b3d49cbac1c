"""A surname the corpus never gives a first name is a person when articles give it a title.

Newswire names a well-known person by a title and the surname alone ("President Roe", "Mr. Roe
said"), never in full. The actors step leaves a surname alone that it cannot join to a full name
unresolved (a one-word "person" may be a newspaper or a company). Such a surname is one person,
an actor of its own, when:

- at least ``MIN_ARTICLES`` articles give it a title (its role's last word, or the word of the
  mention before the surname: a courtesy title or an office, "Mr.", "President"), each published within
  ``NEAR_DAYS`` of the one before it (two presidents Roe a decade apart, with no article naming
  either between, are two people; an undated article joins only when every article is undated);
- the titles agree: the courtesy titles say one gender ("Mr." and "Mrs." are two people) and the
  office titles are one office ("President" and "Senator" may be two of one family);
- the articles show it is one person: each is linked to another of them by the same office title
  ("President Roe" in both) or by another person both name (a full name's cluster or a registered
  actor); "Mr. Roe" in two articles that share nothing else may be two people, and stays unresolved;
- in each of those articles, the mentions joined are the titled ones and the ones with no role:
  a surname with other words for a role ("the younger Roe") may be another of the family.

The caller gives only the surnames no full name was linked to, in articles that name no bearer
of the surname in full.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from parley.extract.registry import COURTESY_TITLES, HONORIFICS, fold, strip_honorifics
from parley.models import Mention
from parley.reconcile.family_names import TITLE_GENDER
from parley.reconcile.given_names import Cluster
from parley.reconcile.name_times import NEAR_DAYS

MIN_ARTICLES = 2  # articles giving the surname a title, at least


def mention_title(m: Mention) -> str | None:
    """The folded title a mention of a surname is given: its role's last word or the word before
    the surname, when that is a courtesy title or an office ("mr", "president"); else None."""
    words = fold(m.role or "").split() or fold(m.text or "").split()[:-1]
    last = words[-1].rstrip(".") if words else ""
    return last if last in HONORIFICS else None


def titled_people(
    mentions: Iterable[tuple[Mention, str]],
    published: Callable[[str], dt.date | None],
    others: Callable[[str], set[object]],
) -> list[Cluster]:
    """The people named by a titled surname alone: ``mentions`` are (mention, folded surname)
    of surnames no full name took; ``others`` gives the other people an article names (any
    hashable key for each)."""
    by_surname: dict[str, dict[str, list[Mention]]] = defaultdict(lambda: defaultdict(list))
    for m, surname in mentions:
        if m.role is None or mention_title(m):
            by_surname[surname][m.article_id].append(m)
    people: list[Cluster] = []
    for articles in by_surname.values():
        titled = {a: {t for m in ms if (t := mention_title(m))} for a, ms in articles.items()}
        titled = {a: ts for a, ts in titled.items() if ts}
        near = _near_groups(sorted(titled), published)
        for group in (g for n in near for g in _linked(n, titled, others)):
            titles = set().union(*(titled[a] for a in group))
            offices = {t for t in titles if t not in COURTESY_TITLES}
            genders = {g for t in titles if (g := TITLE_GENDER.get(t))}
            if len(group) < MIN_ARTICLES or len(offices) > 1 or len(genders) > 1:
                continue
            cluster = Cluster(Counter(), [])
            for article_id in group:
                for m in articles[article_id]:
                    cluster.names[strip_honorifics(m.text)] += 1
                    cluster.mentions.append(m)
            people.append(cluster)
    return people


def _linked(
    article_ids: list[str], titled: dict[str, set[str]], others: Callable[[str], set[object]]
) -> list[list[str]]:
    """The articles in groups that show one person: two are linked when they give the surname
    the same office title or name another person in common; a group is the articles linked to
    one another, directly or through others (in the order given)."""
    parent = {a: a for a in article_ids}

    def root(a: str) -> str:
        while parent[a] != a:
            parent[a] = a = parent[parent[a]]
        return a

    by_key: dict[object, str] = {}  # an office title or another person -> the first article with it
    for a in article_ids:
        keys = [("office", t) for t in titled[a] - COURTESY_TITLES] + [("named", o) for o in others(a)]
        for key in keys:
            first = by_key.setdefault(key, a)
            parent[root(a)] = root(first)
    groups: dict[str, list[str]] = {}
    for a in article_ids:
        groups.setdefault(root(a), []).append(a)
    return list(groups.values())


def _near_groups(article_ids: list[str], published: Callable[[str], dt.date | None]) -> list[list[str]]:
    """The articles in groups, in date order: each article published within ``NEAR_DAYS`` of
    the one before it in its group (a gap of more starts another); undated articles are a group
    of their own when no article is dated, else in none."""
    dated = sorted((d, a) for a in article_ids if (d := published(a)) is not None)
    if not dated:
        return [article_ids] if article_ids else []
    groups: list[list[str]] = []
    last: dt.date | None = None
    for day, article_id in dated:
        if last is None or (day - last).days > NEAR_DAYS:
            groups.append([])
        groups[-1].append(article_id)
        last = day
    return groups
