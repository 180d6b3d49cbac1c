"""The actor registry: the sides and actors of one negotiation, read from its dossier.

The dossier (:mod:`parley.dossier`) is the one YAML file per negotiation; this module reads its
``sides`` and ``actors`` and keeps the other sections (issues, documents ...) for the dossier to
read. A file with only ``sides`` and ``actors`` is a dossier without issues. The bundled default is
``parley/data/dossiers/russia-ukraine-2025.yaml``.

Matching a name to a registered actor, in order: exact name or alias (case, accents and a
leading "the"/possessive folded) -> surname of a registered person -> fuzzy match guarded by
first names (a misspelt or transliterated surname, "Sybhia" for "Sybiha", matches only when the
first names, where both are given, agree). Titles ("the Kremlin spokesperson") are matched in
the text by :meth:`ActorRegistry.find_titles`, for an article published within the dossier's
period only (:meth:`ActorRegistry.on`): the ``negotiation``'s optional ``from`` and ``until``
dates, else a year either side of its dated documents.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz.distance import OSA

from parley.errors import ConfigError
from parley.models import Actor

# Similarity (OSA, normalised, 0..1) from which two spellings of a name are the same name.
SURNAME_SIMILARITY = 0.8
FIRST_NAME_SIMILARITY = 0.6
MIN_FUZZY_CHARS = 5

DEFAULT_DOSSIER = "russia-ukraine-2025.yaml"  # in parley/data/dossiers/


@cache
def _names_yaml() -> dict[str, Any]:
    data = yaml.safe_load((resources.files("parley.data") / "names.yaml").read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


@cache
def name_list(key: str) -> frozenset[str]:
    """A word list of parley/data/names.yaml, folded."""
    return frozenset(fold(str(w)) for w in _names_yaml().get(key) or ())


def _title_list(key: str) -> frozenset[str]:
    return frozenset(str(w).casefold() for w in _names_yaml().get(key) or ())


# Titles, ranks and offices that start a person's name without being part of it ("President
# Putin", "Archbishop Roe", "Gen. Roe"), and the courtesy titles among them that are no role on
# their own ("Mr."): the one list, ``titles`` and ``courtesy_titles`` in parley/data/names.yaml.
HONORIFICS: frozenset[str] = _title_list("titles")
COURTESY_TITLES: frozenset[str] = _title_list("courtesy_titles") & HONORIFICS


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case, accents, apostrophes, a leading "the" and a trailing possessive folded away
    (remembered: actor clustering folds the same names millions of times)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'").casefold()
    text = re.sub(r"'s$|'$", "", text.strip())
    text = re.sub(r"^the\s+", "", text)
    return " ".join(re.sub(r"[^\w\s'-]", " ", text).split())


def strip_honorifics(name: str) -> str:
    words = name.split()
    while len(words) > 1 and fold(words[0]).rstrip(".") in HONORIFICS:
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True)
class Side:
    id: str
    name: str
    adjectives: tuple[str, ...]
    places: tuple[str, ...]


@dataclass(frozen=True)
class ActorSpec:
    actor: Actor
    titles: tuple[str, ...]
    gender: str | None = None  # "m", "f" or "x" ("they") from the dossier's ``pronouns``; None: unknown


# what a dossier may give as a person's ``pronouns`` -> the gender pronoun resolution reads
PRONOUNS = {"he": "m", "he/him": "m", "she": "f", "she/her": "f", "they": "x", "they/them": "x"}


def _gender(entry: dict[str, Any], source: object) -> str | None:
    """The gender an actor entry's ``pronouns`` give (None when left out, null or "unknown")."""
    value = entry.get("pronouns")
    key = value.strip().casefold().replace(" ", "") if isinstance(value, str) else value
    if key in (None, "", "unknown"):
        return None
    if key not in PRONOUNS:
        raise ConfigError(
            f"{source}: actor {entry['id']}: pronouns {value!r} is not one of he, she, they "
            "(leave the field out when they are not known)"
        )
    if entry.get("kind", "person") != "person":
        kind = entry.get("kind")
        raise ConfigError(f"{source}: actor {entry['id']}: pronouns are for people, not a {kind}")
    return PRONOUNS[key]


# the Roman numerals from one to sixteen, in order and folded: a monarch's ("King Jon XII"), a
# generation's ("Jon Roe III"); each reader takes the range it needs
ROMAN_NUMERALS = tuple("i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi".split())
# generational suffixes written after a surname ("Jon Roe Jr.", "Jon Roe III"): no surname
GENERATIONAL = frozenset({"jr", "sr", *ROMAN_NUMERALS[1:4]})


def words_without_suffix(folded: str) -> list[str]:
    """A folded name's words without a generational suffix after the surname ("jon roe iii");
    one after a single name ("jon jr") is kept: there is no surname to tell then."""
    words = folded.split()
    while len(words) > 2 and words[-1].rstrip(".") in GENERATIONAL:
        words = words[:-1]
    return words


def surname_of(folded: str) -> str:
    """A folded person's name's surname: its last word but a generational suffix."""
    words = words_without_suffix(folded)
    return words[-1] if words else ""


def names_agree(a: str, b: str) -> bool:
    """Do two person names (already folded) plausibly name the same person? A generational suffix
    ("Jr.", "III") is no surname: two names that share only that are two people."""
    wa, wb = words_without_suffix(a), words_without_suffix(b)
    if not wa or not wb:
        return False
    sa, sb = wa[-1], wb[-1]
    if sa != sb:
        if min(len(sa), len(sb)) < MIN_FUZZY_CHARS or sa[0] != sb[0]:
            return False
        if OSA.normalized_similarity(sa, sb) < SURNAME_SIMILARITY:
            return False
    if len(wa) > 1 and len(wb) > 1:
        fa, fb = wa[0], wb[0]
        if fa != fb and not (len(fa) == 1 or len(fb) == 1) and fa[0] != fb[0]:
            return False
        if (
            fa != fb
            and len(fa) > 1
            and len(fb) > 1
            and OSA.normalized_similarity(fa, fb) < FIRST_NAME_SIMILARITY
        ):
            return False
    return True


class ActorRegistry:
    def __init__(
        self,
        sides: list[Side],
        specs: list[ActorSpec],
        *,
        source: str | None = None,
        sections: dict[str, Any] | None = None,
    ) -> None:
        self.source = source  # the file it was read from, if any
        self.sections = dict(sections or {})  # the dossier's other sections: issues, documents ...
        self._period = title_period(self.sections)
        self.sides = {s.id: s for s in sides}
        self.specs = {s.actor.id: s for s in specs}
        self._exact: dict[str, str] = {}
        self._surnames: dict[str, set[str]] = {}
        for spec in specs:
            a = spec.actor
            for name in (a.name, *a.aliases):
                self._exact.setdefault(fold(name), a.id)
                if a.kind == "person":
                    self._surnames.setdefault(surname_of(fold(name)), set()).add(a.id)
        self._side_words: dict[str, str] = {}
        for side in sides:
            for word in (side.name, *side.adjectives, *side.places):
                self._side_words.setdefault(fold(word), side.id)
        self._places = {fold(p): s.id for s in sides for p in (s.name, *s.places)}
        titles = sorted(((t, spec.actor.id) for spec in specs for t in spec.titles), key=lambda x: -len(x[0]))
        self._title_ids = {fold(t): actor_id for t, actor_id in titles}
        self._titles: re.Pattern[str] | None = None
        if titles:
            alternation = "|".join(_title_pattern(t) for t, _ in titles)
            self._titles = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)

    @classmethod
    def load(cls, path: str | Path | None = None) -> ActorRegistry:
        source = Path(path) if path else resources.files("parley.data") / "dossiers" / DEFAULT_DOSSIER
        try:
            data = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
            if not isinstance(data, dict):
                raise TypeError("the file must be a mapping with sides and actors")
            sides = [
                Side(
                    s["id"],
                    s.get("name", s["id"]),
                    tuple(s.get("adjectives") or ()),
                    tuple(s.get("places") or ()),
                )
                for s in data.get("sides") or []
            ]
            specs = []
            for entry in data.get("actors") or []:
                side = entry.get("side")
                if side is not None and side not in {s.id for s in sides}:
                    raise ConfigError(f"{source}: actor {entry['id']} has unknown side {side!r}")
                specs.append(
                    ActorSpec(
                        Actor(
                            id=entry["id"],
                            name=entry["name"],
                            kind=entry.get("kind", "person"),
                            side=side,
                            roles=tuple(entry.get("roles") or ()),
                            aliases=tuple(entry.get("aliases") or ()),
                            evidence=("registry",),
                        ),
                        tuple(entry.get("titles") or ()),
                        _gender(entry, source),
                    )
                )
            sections = {k: v for k, v in data.items() if k not in ("sides", "actors")}
            return cls(sides, specs, source=str(source), sections=sections)
        except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
            raise ConfigError(f"invalid actor registry {source}: {exc}") from exc

    # -- lookups ---------------------------------------------------------------------------
    def actor(self, actor_id: str) -> Actor | None:
        spec = self.specs.get(actor_id)
        return spec.actor if spec else None

    def match_name(self, name: str, person: bool = True) -> str | None:
        """The registered actor a name refers to, or None."""
        key = fold(strip_honorifics(name) if person else name)
        if not key:
            return None
        if key in self._exact:
            return self._exact[key]
        if not person:
            return None
        surname = surname_of(key)
        candidates = {
            actor_id
            for actor_id in self._surnames.get(surname, ())
            if any(names_agree(key, fold(n)) for n in self._person_names(actor_id))
        }
        if len(candidates) == 1:
            return candidates.pop()
        if candidates:
            return None  # two registered people share the surname: never guess
        fuzzy = {
            actor_id
            for known_surname, ids in self._surnames.items()
            if known_surname[:1] == surname[:1]
            for actor_id in ids
            if any(names_agree(key, fold(n)) for n in self._person_names(actor_id))
        }
        return fuzzy.pop() if len(fuzzy) == 1 else None

    def _person_names(self, actor_id: str) -> tuple[str, ...]:
        a = self.specs[actor_id].actor
        return (a.name, *a.aliases)

    def period(self) -> tuple[dt.date, dt.date] | None:
        """The days the dossier's titles name their holders on (:func:`title_period`)."""
        return self._period

    def on(self, day: dt.date | None) -> ActorRegistry:
        """The registry for an article published on ``day``: itself, or, when the day is outside
        the dossier's period (:meth:`period`), one whose titles name no one ("the foreign
        minister" of an article ten years older is whoever held the office then). An undated
        article keeps every title."""
        period = self.period()
        if day is None or period is None or period[0] <= day <= period[1]:
            return self
        found = copy.copy(self)
        found._titles = None
        return found

    def title_actor(self, phrase: str) -> str | None:
        return self._title_ids.get(fold(phrase))

    def find_titles(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, actor id) of every registered title phrase in the text."""
        if self._titles is None:
            return []
        found = []
        for m in self._titles.finditer(text):
            actor_id = self.title_actor(m.group(0))
            if actor_id:
                found.append((m.start(), m.end(), actor_id))
        return found

    def side_of_word(self, word: str) -> str | None:
        """The side an adjective or place belongs to ("Ukrainian" -> ukraine), or None."""
        return self._side_words.get(fold(word))

    def place_side(self, name: str) -> str | None:
        """The side whose government a place name stands for ("Moscow said"), or None."""
        return self._places.get(fold(name))

    def government(self, side_id: str) -> Actor:
        side = self.sides[side_id]
        return Actor(
            id=f"{side_id}-government",
            name=f"{side.name} (government)",
            kind="country",
            side=side_id,
            aliases=side.places,
            evidence=("registry: place named as a speaker",),
        )


def _title_pattern(title: str) -> str:
    words = ["['’]".join(re.escape(part) for part in re.split(r"['’]", w)) for w in title.split()]
    if words and words[0].lower() == "the":
        words = words[1:]
        return r"(?:the\s+)?" + r"\s+".join(words)
    return r"\s+".join(words)


TITLE_MARGIN_DAYS = 365  # how long before and after the dossier's dated documents its titles hold


def _day(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def title_period(sections: dict[str, Any]) -> tuple[dt.date, dt.date] | None:
    """The days a dossier's titles name their holders on: its ``negotiation``'s ``from`` and
    ``until`` when given (either may be left out), else from ``TITLE_MARGIN_DAYS`` before its
    earliest dated document to as long after its latest; None when it dates nothing (no bound)."""
    negotiation = sections.get("negotiation")
    negotiation = negotiation if isinstance(negotiation, dict) else {}
    dated = [
        d for doc in sections.get("documents") or () if isinstance(doc, dict) if (d := _day(doc.get("date")))
    ]
    margin = dt.timedelta(days=TITLE_MARGIN_DAYS)
    start = _day(negotiation.get("from")) or (min(dated) - margin if dated else None)
    end = _day(negotiation.get("until")) or (max(dated) + margin if dated else None)
    if start is None and end is None:
        return None
    return start or dt.date.min, end or dt.date.max


@cache
def default_registry() -> ActorRegistry:
    return ActorRegistry.load()
