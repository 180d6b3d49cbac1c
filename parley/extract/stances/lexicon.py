"""The English words positions are read from: stance verbs by class, modals, negation, condition
markers, and the nouns that make a clause someone else's claim. Language, not names: what a
negotiation calls its issues and documents lives in its dossier. The words that place a stance in
time and state a change are in ``parley/data/stance_periods.yaml`` (:data:`PERIOD`)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import yaml

# stance predicate lemma -> position it expresses (before negation)
STANCE_VERBS: dict[str, str] = {
    **dict.fromkeys(
        ("demand", "insist", "require", "want", "urge", "press", "need", "hinge", "depend", "condition"),
        "demands",
    ),
    **dict.fromkeys(
        ("propose", "offer", "envisage", "envision", "float", "table", "recommend", "foresee"),
        "proposes",
    ),
    **dict.fromkeys(
        ("support", "back", "endorse", "welcome", "favour", "favor", "embrace", "praise"), "supports"
    ),
    **dict.fromkeys(
        ("accept", "agree", "approve", "consent", "concede", "sign", "reach", "confirm"), "accepts"
    ),
    **dict.fromkeys(("oppose", "object", "resist", "criticise", "criticize", "disagree"), "opposes"),
    **dict.fromkeys(("reject", "dismiss", "refuse", "veto", "spurn", "rebuff", "repudiate"), "rejects"),
    **dict.fromkeys(("deny", "refute", "contest", "debunk"), "denies"),
    **dict.fromkeys(
        ("consider", "discuss", "study", "evaluate", "examine", "weigh", "explore", "review"),
        "open_to_discuss",
    ),
}
# stance verbs that say less than their class: "would require", "wants", "depends on"
WEAK_VERBS = {"require", "want", "need", "hinge", "depend", "condition", "reach", "confirm"}
# stance verbs that take a position only on their direct object, and only when it is an agreement:
# "reached a deal", "confirmed a consensus on X", not "reached the front line", "confirmed the talks";
# negated, they take none: "have not reached a deal", "could not confirm the truce" refuse nothing
OBJECT_ONLY = {"reach", "confirm"}
AGREEMENT_NOUNS = set(
    "deal agreement accord settlement compromise consensus understanding truce ceasefire armistice "
    "arrangement framework pact treaty solution resolution".split()
)
# auxiliaries that make an obligation a forecast: "X may need to begin a call-up"
FORECAST_AUX = {"may", "might", "could"}
# verbs of working towards something, with a to-infinitive: "would work to extend the pause",
# "seeks to protect": for what the infinitive says
INTENTION_VERBS = {"work", "seek", "strive", "aim", "endeavour", "endeavor"}
# verbs of keeping something from happening: under a verb of wanting or working towards ("seeks to
# prevent further expansion", "wants to block any change") the wish is against what they govern
PREVENTING_VERBS = {
    "prevent",
    "stop",
    "block",
    "bar",
    "halt",
    "thwart",
    "forestall",
    "preclude",
    "obstruct",
    "curb",
    "hinder",
}
# phrasal forms: (lemma, particle or preposition) -> position
PHRASAL: dict[tuple[str, str], str] = {
    ("call", "for"): "demands",
    ("ask", "for"): "demands",
    ("rule", "out"): "rejects",
    ("turn", "down"): "rejects",
    ("put", "forward"): "proposes",
    ("push", "for"): "demands",
    ("hold", "out"): "demands",
}
# nouns of a demand in a speaker's words, with "for": "stressed the need for" (not the stance nouns
# of stance_periods.yaml, "dropped its demand for", which a change is read from)
DEMAND_NOUNS = {"need"}
# adjectives: "ready to", "open to", "opposed to", "unacceptable"
STANCE_ADJECTIVES: dict[str, str] = {
    "ready": "accepts",
    "prepared": "accepts",
    "willing": "accepts",
    "open": "open_to_discuss",
    "opposed": "opposes",
    "unacceptable": "rejects",
    "acceptable": "accepts",
    "against": "opposes",
}
# set phrases of negotiation: what a speaker says of the issues in the same clause
PHRASES: dict[str, str] = {
    "off the table": "rejects",
    "off limits": "rejects",
    "not up for negotiation": "rejects",
    "non-negotiable": "rejects",
    "red line": "rejects",
    "on the table": "open_to_discuss",
}
# "ready to discuss" is openness, "ready to withdraw" acceptance
DISCUSSION_VERBS = {"discuss", "talk", "negotiate", "consider", "meet", "convene", "examine", "study", "look"}
# a negated stance: "did not accept" -> rejects; None: no position can be read
NEGATED: dict[str, str | None] = {
    "accepts": "rejects",
    "supports": "opposes",
    "open_to_discuss": "rejects",
    "demands": None,
    "proposes": None,
    "rejects": None,
    "opposes": None,
    "denies": None,
}
# stance verbs whose negation says more than "no position": "do not want" is opposition, where
# "did not demand" says nothing
NEGATED_VERBS: dict[str, str] = {"want": "opposes"}
REFUSALS = {"rejects", "opposes", "denies"}
# what a refusal refuses: "will never cede", "cannot give up", "won't withdraw"
CONCESSION_VERBS = set(
    "give cede hand surrender withdraw recognise recognize abandon renounce accept allow "
    "tolerate trade leave sacrifice drop lift remove cut".split()
)
# what a side commits to give: "we will lift the tariffs" is an acceptance when the speaker says it
# of their own side (the counterpart of a refusal: "will not lift")
COMMITMENT_VERBS = set(
    "lift remove cut suspend pause halve lower reduce ease withdraw cede surrender recognise recognize "
    "abandon renounce drop defer".split()
)
# a conditional acceptance: the words opening the condition
CONDITION_MARKERS = (
    "only if",
    "only with",
    "if",
    "provided that",
    "provided",
    "on condition that",
    "on the condition that",
    "as long as",
    "in exchange for",
    "in return for",
    "so long as",
    "unless",
)
# markers that open a condition which may be a threat as well as a demand ("we will respond if
# they go ahead"): not read as a demand where no stance word says which
BARE_CONDITIONS = {"if"}
# heads under which a clause is someone's claim, a question or a report, not the subject's voice
CLAIM_NOUNS = set(
    "assertion claim report rumour rumor allegation suggestion speculation story accusation "
    "question inquiry query".split()
)
QUESTION_MARKS = {"whether"}
OBJECT_QUESTION_MARKS = {"if"}  # a question only opening an object clause: "need to know if X will ..."
# the nouns that stand for a holder's side or team: "Moscow's position", "Zelensky's office"
HOLDER_NOUNS = set(
    "position stance demand view government side team delegation negotiator official leadership "
    "administration office leader diplomat minister ally spokesperson spokesman spokeswoman ministry "
    "regulator readout".split()
)
# the holder nouns that are people: one of them stands for a body only when the words say which
# ("a ministry official"); a spokesperson speaks for the body last named ("the spokesperson said")
PERSON_NOUNS = set(
    "official negotiator diplomat minister leader ally spokesperson spokesman spokeswoman regulator".split()
)
SPOKESPERSON_NOUNS = {"spokesperson", "spokesman", "spokeswoman"}
# verbs by which a document says something: "the plan calls for", "the draft caps"
DOCUMENT_VERBS = set(
    "call urge include envisage envision provide cap require offer grant emphasize emphasise "
    "propose foresee keep say rule ask contain give leave set limit demand stipulate allow let "
    "oblige commit lift restore reduce cut extend suspend pause remove become recognize "
    "recognise pave delay start establish create deploy mean see".split()
)
# "in the plan", "under the draft": the sentence states the document's provisions
DOCUMENT_PREPOSITIONS = {"in", "under"}
# verbs that report what someone said: a modal under one is that someone's demand ("Putin
# reiterated that troops must withdraw"); a modal under no such verb is the writer's view
SPEECH_VERBS = set(
    "say reiterate insist tell state argue stress warn add repeat declare write announce note "
    "claim maintain emphasise emphasize urge demand ask suggest propose told".split()
)
# auxiliaries of what a side will do: the sentences after one set in a document ("Under the deal,
# ...") that say what each side will do are its provisions too
FUTURE_AUX = {"will", "would", "shall"}
# auxiliaries of what might or would happen: in the writer's voice, no one's position
HYPOTHETICAL_AUX = {"would", "could", "might", "may"}
# prepositions of a fronted adjunct ("With no route to victory, ...", "After talks on X, ..."):
# an issue's words inside one are not what the verb after it takes a position on
FRONTED_ADJUNCTS = {"with", "without", "despite", "after", "before", "amid", "since", "following", "during"}


@dataclass(frozen=True)
class PeriodWords:
    """The words of ``parley/data/stance_periods.yaml`` (its comments say what each list is for)."""

    earlier_adverbs: frozenset[str]
    earlier_phrases: dict[str, frozenset[str]]
    habit_verbs: frozenset[str]
    earlier_modifiers: frozenset[str]
    stance_nouns: dict[str, str]  # noun (lemma, or "modifier lemma") -> the position it names
    giving_up: frozenset[str]
    giving_up_phrasal: frozenset[tuple[str, str]]
    softening: frozenset[str]
    after: dict[str, str]
    policy_nouns: frozenset[str]
    no_longer: tuple[tuple[str, str], ...]
    now_adverbs: frozenset[str]
    now_positions: frozenset[str]
    contention: tuple[str, ...]
    earlier_by_days: int
    qualified_nouns: frozenset[str]
    admission_verbs: frozenset[str]
    earlier_only: dict[str, str]  # verb lemma -> position, read only with an earlier marker
    adjunct_prepositions: frozenset[str] = frozenset()
    time_prepositions: frozenset[str] = frozenset()
    conditioning_verbs: frozenset[str] = frozenset()
    force_nouns: frozenset[str] = frozenset()
    occasion_prepositions: frozenset[str] = frozenset()
    occasion_modifiers: frozenset[str] = frozenset()
    choice_prepositions: frozenset[str] = frozenset()
    leaving_words: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    event_nouns: frozenset[str] = frozenset()
    target_prepositions: frozenset[str] = frozenset()
    indifference_words: frozenset[str] = frozenset()
    hostility_words: frozenset[str] = frozenset()
    sending_words: frozenset[str] = frozenset()
    role_nouns: frozenset[str] = frozenset()


def load_period_words(path: str | None = None) -> PeriodWords:
    source = resources.files("parley.data") / "stance_periods.yaml" if path is None else path
    with open(str(source), encoding="utf-8") as f:
        data = yaml.safe_load(f)
    words = lambda key: frozenset(str(w).lower() for w in data.get(key) or ())  # noqa: E731
    return PeriodWords(
        earlier_adverbs=words("earlier_adverbs"),
        earlier_phrases={k: frozenset(str(w).lower() for w in v) for k, v in data["earlier_phrases"].items()},
        habit_verbs=words("habit_verbs"),
        earlier_modifiers=frozenset(squeeze(w) for w in data["earlier_modifiers"]),
        stance_nouns={str(n).lower(): p for p, nouns in data["stance_nouns"].items() for n in nouns},
        giving_up=frozenset(data["giving_up"]["verbs"]),
        giving_up_phrasal=frozenset((a, b) for a, b in data["giving_up"]["phrasal"]),
        softening=words("softening"),
        after=dict(data["after"]),
        policy_nouns=words("policy_nouns"),
        no_longer=tuple((a, b) for a, b in data["no_longer"]),
        now_adverbs=words("now_adverbs"),
        now_positions=words("now_positions"),
        contention=tuple(str(w).lower() for w in data["contention"]),
        earlier_by_days=int(data["earlier_by_days"]),
        qualified_nouns=words("qualified_nouns"),
        admission_verbs=words("admission_verbs"),
        earlier_only=dict(data["earlier_only"]),
        adjunct_prepositions=words("adjunct_prepositions"),
        time_prepositions=words("time_prepositions"),
        conditioning_verbs=words("conditioning_verbs"),
        force_nouns=words("force_nouns"),
        occasion_prepositions=words("occasion_prepositions"),
        occasion_modifiers=words("occasion_modifiers"),
        choice_prepositions=words("choice_prepositions"),
        leaving_words=words("leaving_words"),
        place_nouns=words("place_nouns"),
        event_nouns=words("event_nouns"),
        target_prepositions=words("target_prepositions"),
        indifference_words=words("indifference_words"),
        hostility_words=words("hostility_words"),
        sending_words=words("sending_words"),
        role_nouns=words("role_nouns"),
    )


def squeeze(words: str) -> str:
    """ "long-held", "long held", "longheld": one key."""
    return "".join(c for c in words.lower() if c.isalnum())


PERIOD = load_period_words()
