"""Two spellings of one person's full name, as the actors step clusters names it does not know.

Machine translations and hurried copy misspell names: a letter the encoding could not hold is
dropped ("Bronisaw" for a name written with a Polish "ł"), or a hyphen is written as a space
("Kim Jong Un", "Kim Jong-un"). Two folded full names are one person's (:meth:`Spellings.agree`)
when

- they are the same once hyphens are read as spaces;
- or their surnames agree and their given names are one name (``names_agree`` and
  ``given_names_agree``: "Andrii"/"Andriy");
- or their surnames are the very same and one given name is the other with one letter dropped
  inside it (:func:`dropped_letter`: not the first letter nor either of the last two, where
  other given names differ: "Ivana"/"Ivanka", "Jan"/"Jana"), both of at least
  ``MIN_DROPPED_LETTERS`` letters, and the names are read with no different side.

Two spellings of a given name that one article both writes are two people ("Jon Roe" and "John
Roe" in one report), and so are names the text gives different sides.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from parley.extract.registry import fold, names_agree, strip_honorifics, surname_of
from parley.models import Mention
from parley.reconcile.family_names import given_names_agree
from parley.reconcile.given_names import Cluster

MIN_DROPPED_LETTERS = 5  # letters of the shorter given name, at least, for a dropped letter to be one


def spaced(folded: str) -> str:
    """A folded name with its hyphens read as spaces ("kim jong-un" -> "kim jong un")."""
    return " ".join(folded.replace("-", " ").split())


def initial(folded: str) -> str:
    """The first letter of a folded name's surname (its last word)."""
    return surname_of(folded)[:1]


def dropped_letter(a: str, b: str) -> bool:
    """Whether one folded given name is the other with one letter an encoding loses dropped inside
    it: an "l" (for "ł") or a letter folding leaves as it is, not its first letter nor one of its
    last two, and the shorter of at least ``MIN_DROPPED_LETTERS`` letters ("Martin" and "Marin",
    "Yasmin" and "Yasin" are other names)."""
    short, long = sorted((a, b), key=len)
    if len(long) != len(short) + 1 or len(short) < MIN_DROPPED_LETTERS:
        return False
    at = next((i for i, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    if short[at:] != long[at + 1 :]:
        return False
    while at > 0 and long[at - 1] == long[at]:
        at -= 1  # a doubled letter: the first of the two is the one dropped
    # a letter an encoding loses: one folded to "l" (a Polish "ł" dropped) or one left unfolded
    lost = long[at] == "l" or not long[at].isascii()
    return lost and 1 <= at <= len(long) - 3


class Spellings:
    """The articles and the sides each full name of the people to cluster is read with."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self.articles: dict[str, set[str]] = defaultdict(set)
        self.sides: dict[str, set[str]] = defaultdict(set)
        for m in mentions:
            key = fold(strip_honorifics(m.text))
            self.articles[key].add(m.article_id)
            if m.side:
                self.sides[key].add(m.side)

    def agree(self, a: str, b: str) -> bool:
        """Whether two folded full names are spellings of one person's name."""
        if spaced(a) == spaced(b):
            return True
        if not names_agree(a, b):
            return False
        ga, gb = a.split()[0].rstrip("."), b.split()[0].rstrip(".")
        if ga == gb or len(ga) == 1 or len(gb) == 1:
            return given_names_agree(a, b)
        if self.articles[a] & self.articles[b]:
            return False  # one article writes both: two people
        if given_names_agree(a, b):
            return True
        same_surname = spaced(a).split()[1:] == spaced(b).split()[1:]
        sides = self.sides[a], self.sides[b]
        return same_surname and dropped_letter(ga, gb) and not (all(sides) and not sides[0] & sides[1])

    def home(self, key: str, by_initial: dict[str, list[Cluster]]) -> Cluster | None:
        """The cluster all of whose names agree with a folded full name, among the clusters filed
        under its surname's initial or its spaced surname's."""
        for letter in dict.fromkeys((initial(key), initial(spaced(key)))):
            for c in by_initial.get(letter, ()):
                if all(self.agree(key, fold(n)) for n in c.names):
                    return c
        return None

    @staticmethod
    def file(cluster: Cluster, key: str, by_initial: dict[str, list[Cluster]]) -> None:
        """File a cluster under the initial of a name it takes, once ("kim jong-un" under "j" as
        well as "u")."""
        for letter in {initial(key), initial(spaced(key))}:
            bucket = by_initial[letter]
            if not any(c is cluster for c in bucket):
                bucket.append(cluster)
