"""Which of several people who share a surname a surname alone stands for.

The actors step (:mod:`parley.reconcile.actors`) joins a surname alone to the one full name in
its article with that surname, or to the only one in the corpus. When there are several, it
chooses here, and leaves the surname unresolved unless exactly one bearer fits:

- several bearers named in full in the article ("Jon Roe ... Roe said ... his wife, Jane Roe"):
  the surname alone is the bearer the article names in full first, when the article first uses the
  surname alone after naming that bearer and before naming any other (:func:`first_named`); after
  another is named, only when the corpus names the first in full in more articles than each other
  and the article never calls it by its given name alone ("Nico ... his father, Jon Roe ... Roe");
  a full name ending in another's ("Miss Universe Jane Roe", "Jane Roe") is that one. Only mentions
  with no role join, or with a title that bearer carries: an office its full name is given, a
  courtesy title ("Mr.") of the gender its own mentions show (a "Mrs. Roe" may be the wife);
- no bearer named in full in the article, several in the corpus: the article gives the surname one
  office ("President Roe") and courtesy titles of at most one gender ("Mr. Roe"), exactly one
  bearer's full name carries that office and none of its mentions has a courtesy title of the other
  gender, and it is named in full within a year of the article (:func:`office_bearer`). The
  surname's mentions in the article with no role, that office or a courtesy title of that gender
  are that bearer; one with other words for a role ("the younger Roe") is not.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from parley.extract.registry import COURTESY_TITLES, fold
from parley.models import Mention
from parley.reconcile.family_names import TITLE_GENDER, title_gender
from parley.reconcile.given_names import Cluster
from parley.reconcile.titled_surnames import mention_title


class SurnameTitles:
    """The titles each article gives each surname alone, and what each full-name cluster's own
    mentions show: the offices their roles end in (given) and the genders their courtesy titles
    say. Built from the surnames alone and the clusters of full names before any surname joins them."""

    def __init__(
        self, alone: Iterable[tuple[Mention, str]], clusters: Sequence[Cluster], offices: dict[int, set[str]]
    ) -> None:
        self.given: dict[tuple[str, str], set[str]] = defaultdict(set)  # (article, surname) -> titles
        self.words: dict[str, set[str]] = defaultdict(set)  # article -> the one-word names it uses
        for m, surname in alone:
            self.words[m.article_id].add(surname)
            if t := mention_title(m):
                self.given[(m.article_id, surname)].add(t)
        self.offices = offices  # id of a cluster -> its offices (:attr:`.name_times.NameTimes.titles`)
        self.genders = {id(c): {g for m in c.mentions if (g := title_gender(m))} for c in clusters}

    def gender(self, cluster: Cluster) -> str | None:
        """ "m" or "f" when the cluster's own mentions show one gender, else None."""
        genders = self.genders.get(id(cluster), set())
        return next(iter(genders)) if len(genders) == 1 else None

    def fits(
        self, m: Mention, cluster: Cluster, office: str | None = None, gender: str | None = None
    ) -> bool:
        """Whether the mention may stand for the cluster by its role: none, an office the cluster
        carries (or ``office``), or a courtesy title of the gender the cluster shows (or ``gender``)."""
        if m.role is None:
            return True
        t = mention_title(m)
        if t is None:
            return False  # other words for a role ("the younger Roe"): maybe another of the family
        if t in COURTESY_TITLES:
            said = TITLE_GENDER.get(t)
            return said is not None and said == (gender or self.gender(cluster))
        return t == office or t in self.offices.get(id(cluster), set())


def first_places(
    clusters: Iterable[Cluster], alone: Iterable[tuple[Mention, str]]
) -> tuple[dict[tuple[str, int], int], dict[tuple[str, str], int]]:
    """Where each article first names each cluster in full ((article, id of the cluster) -> the
    offset), and where it first uses each surname alone ((article, folded surname) -> the offset)."""
    introduced: dict[tuple[str, int], int] = {}
    for c in clusters:
        for x in c.mentions:
            where = (x.article_id, id(c))
            introduced[where] = min(introduced.get(where, x.span.start), x.span.start)
    first_alone: dict[tuple[str, str], int] = {}
    for m, surname in alone:
        where2 = (m.article_id, surname)
        first_alone[where2] = min(first_alone.get(where2, m.span.start), m.span.start)
    return introduced, first_alone


def first_named(
    m: Mention,
    local: Sequence[Cluster],
    first_alone: int,
    introduced: dict[tuple[str, int], int],
    titles: SurnameTitles,
    named_in: dict[int, int],
) -> Cluster | None:
    """The bearer of several named in full in the article that the surname alone ``m`` is: the one
    named first, when the article first uses the surname alone (at ``first_alone``) after naming it
    (``introduced``: :func:`first_places`) and before naming any other, and the mention's role fits
    it (:meth:`SurnameTitles.fits`); a mention after another bearer is named in full ("Jon Roe ...
    Roe ... his father, Ted Roe ... Roe told") only when the corpus names that one in full in more
    articles than each other bearer here and the article never calls it by its given name alone
    (:func:`_still_the_one`). A bearer whose full names all end in another's full name ("Miss
    Universe Jane Roe", "Jane Roe") is that one (:func:`_same_bearers`); of the two, the one the
    corpus names in full in more articles (``named_in``: id of a cluster -> its articles) is taken,
    else the shorter."""
    first_at: dict[int, int] = {}
    members: dict[int, list[Cluster]] = defaultdict(list)
    for c in local:
        home = _same_bearers(c, local)
        at = introduced[(m.article_id, id(c))]
        first_at[id(home)] = min(first_at.get(id(home), at), at)
        members[id(home)].append(c)
    homes = sorted((c for c in local if id(c) in first_at), key=lambda c: first_at[id(c)])
    second = first_at[id(homes[1])] if len(homes) > 1 else math.inf
    if not first_at[id(homes[0])] < first_alone < second:
        return None
    home = homes[0]
    taken = max(members[id(home)], key=lambda c: (named_in.get(id(c), 0), c is home))
    if m.span.start > second and not _still_the_one(m, taken, homes, members, named_in, titles):
        return None
    return taken if titles.fits(m, taken) else None


def _still_the_one(
    m: Mention,
    taken: Cluster,
    homes: Sequence[Cluster],
    members: dict[int, list[Cluster]],
    named_in: dict[int, int],
    titles: SurnameTitles,
) -> bool:
    """Whether a surname alone after another bearer is named in full is still the first one: the
    corpus names it in full in more articles than each other bearer, and the article never calls it
    by its given name alone ("Nico ... the boy's father, Jon Roe ... Roe said": a child called by
    the given name leaves the surname to the father)."""
    ours = named_in.get(id(taken), 0)
    if any(ours <= named_in.get(id(c), 0) for h in homes[1:] for c in members[id(h)]):
        return False
    given = {fold(n).split()[0] for n in taken.names if len(n.split()) >= 2}
    return not given & titles.words.get(m.article_id, set())


def _same_bearers(c: Cluster, local: Sequence[Cluster]) -> Cluster:
    """The other bearer ``c`` is when every full name of ``c`` ends in a full name of that one
    (words the model took in before a name: "Miss Universe Jane Roe" is Jane Roe), else ``c``."""
    full = [fold(n) for n in c.names if len(n.split()) >= 2]
    for d in local:
        names = [fold(n) for n in d.names if len(n.split()) >= 2]
        if d is not c and full and all(any(f.endswith(" " + n) for n in names) for f in full):
            return d
    return c


def office_bearer(
    m: Mention,
    surname: str,
    corpus: Sequence[Cluster],
    bearers: Sequence[Cluster],
    titles: SurnameTitles,
    near: Callable[[str, int], bool],
) -> Cluster | None:
    """The one bearer of the corpus's several that a surname alone in an article naming none in
    full is, by the office the article gives the surname (see the module's doc); ``corpus`` are the
    clusters with the surname or a near spelling, ``bearers`` those with the very surname, ``near``
    whether an article is within a year of one naming a cluster (by its id) in full."""
    given = titles.given.get((m.article_id, surname), set())
    offices = given - COURTESY_TITLES
    genders = {g for t in given if (g := TITLE_GENDER.get(t))}
    if len(offices) != 1 or len(genders) > 1:
        return None
    (office,) = offices

    def fitting(c: Cluster) -> bool:
        shown = titles.genders.get(id(c), set())
        return office in titles.offices.get(id(c), set()) and (not genders or not shown - genders)

    fit = [c for c in corpus if fitting(c)]
    if len(fit) != 1 or not any(fit[0] is b for b in bearers) or not near(m.article_id, id(fit[0])):
        return None
    return fit[0] if titles.fits(m, fit[0], office, next(iter(genders), None)) else None
