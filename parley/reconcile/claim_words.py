"""The words claims, denials and signals are read by (``parley/data/contested.yaml``), and the
small text tools the readers share: sentences with spans, phrase matching, verb families,
negation and the actors a span of text names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from parley.errors import ConfigError
from parley.extract.fingerprint import sentences
from parley.models import Mention, Span

NEGATION = re.compile(r"(n't|n’t)\b|\b(not|never|no|nothing|neither|nor)\b", re.IGNORECASE)
PAST = re.compile(r"\b(had|has|have|was|were|did)\b|\b\w{3,}ed\b", re.IGNORECASE)
FIRST_PERSON = re.compile(r"\b(I|we|my|our|me|us)\b")
THIRD_PERSON = re.compile(r"\b(he|she|his|her|him)\b", re.IGNORECASE)

FAMILY_CACHE = 50_000  # texts whose verb family (and content words) is remembered

LISTS = (
    "unnamed_speakers",
    "unnamed_markers",
    "hedges",
    "leak_words",
    "document_words",
    "denial_verbs",
    "claim_nouns",
    "claim_verbs",
    "negated_evidence",
    "judgement_hedges",
    "source_links",
    "false_words",
    "attribution_disputed",
    "unverified",
    "rating_verbs",
    "verdict_grades",
    "conditionals",
    "machine_rewrite_markers",
    "heading_rewrite_markers",
)


def phrase_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """One pattern matching any of the words or phrases whole, case folded (compiled once per
    list of words)."""
    return _phrase_pattern(tuple(sorted(set(words), key=lambda w: (-len(w), w))))


@cache
def _phrase_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    parts = []
    for w in words:
        body = r"\s+".join(r"(?:\S+\s+){0,3}?" if p == "*" else re.escape(p) for p in w.split())
        body = body.replace(r"?\s+", "?")
        head = r"(?<![\w-])" if w[:1].isalnum() else ""
        tail = r"(?![\w-])" if w[-1:].isalnum() else ""
        parts.append(f"{head}{body}{tail}")
    return re.compile("|".join(parts) or r"(?!x)x", re.IGNORECASE)


@dataclass(frozen=True)
class Words:
    lists: dict[str, tuple[str, ...]]
    families: dict[str, tuple[str, ...]]
    quantities: dict[str, dict[str, Any]]
    _patterns: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False)
    # verb families by text: the readers ask of the same sentence for every claim it may deny
    _families: dict[str, str | None] = field(default_factory=dict, compare=False)
    # content words by text: a claim's text is compared with many others' (claims.same_claim)
    _content: dict[str, frozenset[str]] = field(default_factory=dict, compare=False)

    def pattern(self, name: str) -> re.Pattern[str]:
        if name not in self._patterns:
            words = self.families[name[7:]] if name.startswith("family:") else self.lists[name]
            self._patterns[name] = phrase_pattern(words)
        return self._patterns[name]

    def has(self, name: str, text: str) -> bool:
        return bool(self.pattern(name).search(text))

    def family(self, text: str) -> str | None:
        """The verb family the text speaks of ("did not endorse" -> "agree"): the first found,
        a verb of saying only when there is no other ("incorrect to say the plan was rejected")."""
        if text in self._families:
            return self._families[text]
        found = [(m.start(), f) for f in self.families if (m := self.pattern(f"family:{f}").search(text))]
        other = [x for x in found if x[1] != "say"]
        if len(self._families) >= FAMILY_CACHE:
            self._families.clear()
        family = self._families[text] = min(other or found)[1] if found else None
        return family


@cache
def load_words(path: str | None = None) -> Words:
    source = Path(path) if path else resources.files("parley.data") / "contested.yaml"
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
        lists = {name: tuple(str(w) for w in data.get(name) or ()) for name in LISTS}
        families = {str(k): tuple(str(w) for w in v) for k, v in (data.get("families") or {}).items()}
        quantities = {str(k): dict(v) for k, v in (data.get("quantities") or {}).items()}
        return Words(lists, families, quantities)
    except (OSError, yaml.YAMLError, AttributeError, TypeError, ValueError) as exc:
        raise ConfigError(f"invalid word lists {source}: {exc}") from exc


@dataclass(frozen=True)
class Sentence:
    span: Span
    text: str


def sentence_spans(text: str) -> list[Sentence]:
    """The article's sentences with their spans (the same splitter copy detection uses)."""
    return [Sentence(s.span, s.text) for s in sentences(text)]


def sentence_at(found: Sequence[Sentence], span: Span) -> Sentence | None:
    """The sentence holding the start of a span."""
    return next((s for s in found if s.span.start <= span.start < s.span.end), None)


def named_in(mentions: Sequence[Mention], span: Span) -> tuple[str, ...]:
    """Actor ids of the mentions inside a span, in text order, each once."""
    inside = [m for m in mentions if span.start <= m.span.start and m.span.end <= span.end]
    return tuple(dict.fromkeys(m.actor_id for m in inside if m.actor_id))


def clean(text: str) -> str:
    return " ".join(text.split())


def unnamed(words: Words, speaker: str | None, actor_id: str | None = None) -> bool:
    """ "An unnamed US official", "two people briefed on the talks": no one is named."""
    if not speaker or actor_id:
        return False
    if words.has("unnamed_markers", speaker):
        return True
    return words.has("unnamed_speakers", speaker) and not FULL_NAME.search(speaker)


FULL_NAME = re.compile(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+")


# words too common to say what a claim is about
COMMON = frozenset(
    "that this these those with from have has had been were was will would could should about after "
    "before their there they them which while what when where into over under than then also only such "
    "more most some other another said says told based during being made make very just still even "
    # the words for who a claim is about, which its actors already say
    "president minister leader leaders spokesman spokeswoman spokesperson official officials government "
    "envoy envoys chancellor prime premier".split()
)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
DOCUMENT = "<document>"


def content_words(text: str, words: Words | None = None) -> frozenset[str]:
    """The words that say what a claim is about: lower-case words (not names) of four letters or
    more, not common ones nor the verbs of a family ("agreed"); the words for a document ("plan",
    "proposal") are one word."""
    words = words or load_words()
    if text in words._content:
        return words._content[text]
    family = words.family(text)
    verbs = words.pattern("family:" + family) if family else None
    found = set()
    for m in _WORD.finditer(text):
        w = re.sub(r"['’]s$", "", m.group())
        if len(w) < 4 or not w.islower() or w in COMMON or (verbs is not None and verbs.fullmatch(w)):
            continue
        found.add(DOCUMENT if words.pattern("document_words").fullmatch(w) else w)
    if len(words._content) >= FAMILY_CACHE:
        words._content.clear()
    content = words._content[text] = frozenset(found)
    return content
