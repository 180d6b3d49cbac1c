"""Event reports in one parsed article: typed by the taxonomy in ``parley/data/events.yaml``.

For each sentence, the first trigger word of each type makes one :class:`EventMention` with:
participants (the actor mentions in the sentence: people, registered roles and institutions,
and places standing for a government when they are the subject), place (a place entity after
"in"/"at"), date (the sentence's day-, week- or month-precise time expression nearest the
trigger), duration ("five-hour", "nearly six hours"), casualty figures, and status ("planned"
for "will meet", "could be scheduled", "is expected to"). Negated triggers ("did not meet")
and triggers inside direct quotes are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import yaml
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from parley.errors import ConfigError
from parley.extract.layout import Headings
from parley.extract.registry import ActorRegistry
from parley.models import Attribution, EventMention, Mention, Span, TimeExpression

PLANNED_AUX = {"will", "would", "could", "may", "might", "shall", "should"}
PLANNED_HEADS = {"expect", "plan", "schedule", "due", "set", "hope", "want", "intend", "propose"}
PARTICIPANT_LABELS = {"PERSON", "ROLE", "ORG", "FAC"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
_NUMBER_WORDS = {
    w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())
}
_CASUALTIES = re.compile(
    r"\b(?P<n>\d[\d,]*|" + "|".join(_NUMBER_WORDS) + r")\s+(?:(?:people|civilians|soldiers|persons|"
    r"children)\s+)?(?:(?:were|have been|had been)\s+)?(?P<what>killed|dead|deaths|fatalities|died|"
    r"wounded|injured)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class EventType:
    id: str
    description: str
    verbs: frozenset[str]
    nouns: frozenset[str]
    objects: frozenset[str]
    requires_any: frozenset[str]
    verb_deps: frozenset[str]


@cache
def load_taxonomy(path: str | None = None) -> tuple[EventType, ...]:
    source = Path(path) if path else resources.files("parley.data") / "events.yaml"
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        return tuple(
            EventType(
                t["id"],
                t.get("description", ""),
                frozenset(t.get("verbs") or ()),
                frozenset(t.get("nouns") or ()),
                frozenset(t.get("objects") or ()),
                frozenset(t.get("requires_any") or ()),
                frozenset(t.get("verb_deps") or ()),
            )
            for t in data["types"]
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise ConfigError(f"invalid event taxonomy {source}: {exc}") from exc


def find_events(
    doc: Doc,
    article_id: str,
    mentions: Sequence[Mention],
    times: Sequence[TimeExpression],
    attributions: Sequence[Attribution],
    registry: ActorRegistry,
    taxonomy: Sequence[EventType] | None = None,
) -> list[EventMention]:
    taxonomy = taxonomy or load_taxonomy()
    quotes = [part for a in attributions if a.kind == "direct" for part in a.parts]
    text = doc.text
    headings = Headings(text)
    found: list[EventMention] = []
    for sent in doc.sents:
        words = {t.lemma_.lower() for t in sent}
        fired: set[str] = set()
        for token in sent:
            if any(q.start <= token.idx < q.end for q in quotes) or token.idx in headings:
                continue
            event_type = _fires(token, taxonomy, words)
            if event_type is None or event_type.id in fired or _negated(token):
                continue
            event = _mention(text, sent, token, event_type, article_id, mentions, times, registry)
            if _concrete(event, token):
                fired.add(event_type.id)
                found.append(event)
    return found


def _concrete(event: EventMention, trigger: Token) -> bool:
    """A report worth a place on the timeline: it says when, where, how long or how many, or
    (a verb in the past) who did it. "The talks" alone, or "meetings will continue", are not."""
    if event.date or event.place or event.duration or event.figures:
        return True
    return (
        trigger.pos_ == "VERB"
        and event.status == "reported"
        and bool(event.participants or event.participant_refs)
    )


def _fires(token: Token, taxonomy: Sequence[EventType], words: set[str]) -> EventType | None:
    lemma = token.lemma_.lower()
    for t in taxonomy:
        if t.requires_any and not (t.requires_any & words):
            continue
        if token.pos_ == "VERB" and lemma in t.verbs:
            if t.verb_deps and not any(c.dep_ in t.verb_deps for c in token.children):
                continue
            if not t.objects or _has_object(token, t.objects):
                return t
        elif token.pos_ in ("NOUN", "PROPN") and lemma in t.nouns:
            return t
    return None


def _has_object(verb: Token, objects: frozenset[str]) -> bool:
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and (
            child.lemma_.lower() in objects or any(t.lemma_.lower() in objects for t in child.subtree)
        ):
            return True
    return False


def _negated(token: Token) -> bool:
    head = token if token.pos_ == "VERB" else token.head
    return any(c.dep_ == "neg" for c in head.children) or any(
        c.dep_ == "det" and c.lower_ == "no" for c in token.children
    )


def _planned(token: Token) -> bool:
    """A future, possible or intended event: "will meet", "talks are scheduled", "told him to meet"."""
    verb = token if token.pos_ == "VERB" else token.head
    for t in (verb, verb.head):
        if any(c.dep_ == "aux" and (c.lower_ in PLANNED_AUX or c.tag_ == "TO") for c in t.children):
            return True
        if t.lemma_.lower() in PLANNED_HEADS and t.i != token.i:  # spaCy tokens: compare by index
            return True
    return False


def _mention(
    text: str,
    sent: SpacySpan,
    trigger: Token,
    event_type: EventType,
    article_id: str,
    mentions: Sequence[Mention],
    times: Sequence[TimeExpression],
    registry: ActorRegistry,
) -> EventMention:
    start, end = sent.start_char, sent.end_char
    inside = [m for m in mentions if start <= m.span.start and m.span.end <= end]
    linked = _linked_chars(trigger)
    refs, known = [], []
    for m in inside:
        if not any(m.span.start <= c < m.span.end for c in linked):
            continue  # named in the sentence but not a party to this event (e.g. who reports it)
        if text[m.span.end : m.span.end + 2] in ("'s", "’s"):
            continue  # "Trump's son-in-law": the possessor is not the participant
        if m.label in PARTICIPANT_LABELS and (m.actor_id or m.label == "PERSON"):
            refs.append(m.span)
            if m.actor_id:
                known.append(m.actor_id)
        elif m.label == "GPE" and (side := registry.place_side(m.text)) and _is_subject(sent, m):
            known.append(registry.government(side).id)
    place = next(
        (
            m.text
            for m in inside
            if m.label in PLACE_LABELS and m.span.start in linked and _after_in_or_at(text, m)
        ),
        None,
    )
    sentence_times = [t for t in times if start <= t.span.start and t.span.end <= end]
    dates = [
        t
        for t in sentence_times
        if t.type in ("DATE", "TIME") and t.start is not None and t.precision in ("day", "week", "month")
    ]
    date = min(dates, key=lambda t: abs(t.span.start - trigger.idx)) if dates else None
    duration = next((t for t in sentence_times if t.type == "DURATION"), None)
    return EventMention(
        article_id=article_id,
        type=event_type.id,
        span=Span(start, end),
        trigger=Span(trigger.idx, trigger.idx + len(trigger.text)),
        participant_refs=tuple(refs),
        participants=tuple(dict.fromkeys(known)),
        place=place,
        date=date.start if date else None,
        date_end=date.end if date else None,
        precision=date.precision if date else None,
        date_text=date.text if date else None,
        duration=duration.value if duration else None,
        duration_text=duration.text if duration else None,
        figures=_figures(sent.text),
        status="planned" if _planned(trigger) else "reported",
    )


def _linked_chars(trigger: Token) -> set[int]:
    """Start offsets of the tokens syntactically tied to the trigger: its own subtree (objects,
    "between A and B", "with A"), and for a noun ("held talks") the subject of its verb."""
    tokens = set(trigger.subtree)
    verb = trigger if trigger.pos_ == "VERB" else trigger.head
    if verb.pos_ in ("VERB", "AUX"):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass", "agent", "dobj", "prep"):
                tokens |= set(child.subtree)
        if verb.dep_ == "relcl":  # "the visit of X, who met Y": X is the relative's subject
            tokens |= {t for t in verb.head.subtree if t.i < verb.i}
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in trigger.children):
        # "X said ... before his talks with Y": "his" is most likely the sentence's subject
        root = trigger.sent.root
        for child in root.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                tokens |= set(child.subtree)
    # keep out reported-speech clauses hanging from the trigger's verb
    return {t.idx for t in tokens if t.dep_ not in ("ccomp",)}


def _is_subject(sent: SpacySpan, m: Mention) -> bool:
    span = sent.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")


def _after_in_or_at(text: str, m: Mention) -> bool:
    before = text[max(0, m.span.start - 8) : m.span.start].lower()
    return bool(re.search(r"\b(in|at)\s+(the\s+)?$", before))


def _figures(sentence: str) -> dict[str, int]:
    figures: dict[str, int] = {}
    for match in _CASUALTIES.finditer(sentence):
        raw = match.group("n").lower().replace(",", "")
        n = _NUMBER_WORDS.get(raw, int(raw) if raw.isdigit() else None)
        if n is None:
            continue
        what = match.group("what").lower()
        key = "killed" if what in ("killed", "dead", "deaths", "fatalities", "died") else "wounded"
        figures[key] = figures.get(key, 0) + n
    return figures
