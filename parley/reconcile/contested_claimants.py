"""Who makes a claim the contest readers take from the article's own sentences ("Russia claimed
the capture of X, which Ukrainian officials disputed"; "a fake about attacks on Y, which was
denied by Z").

The outlet is the claimant only when the article makes the claim in its own voice. When the
words report somebody else's claim, the claimant is who they name, in this order:

1. the subject of a verb of claiming or complaining in the clause ("Russia claimed ...", "Kremlin
   officials said ...", "fighting went on, with Russia claiming ..."), also a group of people
   named by a plural noun ("critics", "many residents", "some Northerners have complained ...");
2. the maker a claim noun names ("claims by X that", "X's allegation", "Russian claims": the
   side the adjective belongs to);
3. else no one (shown as "unknown"): a reported claim whose maker the article does not name is
   not the outlet's, nor that of whoever the paragraph around it names ("A recent example of
   this tactic is a fake about ...": the sentence names no one who made it).

A clause that calls what is denied invented or false ("a fake about attacks on Y, which was
denied by Z", "false claims that ...") is the writer's judgement, no claim: what is shown as
denied is what the fake is about ("attacks on Y"), claimed by the maker the clause names
("X's fake about ..."), else listed as a denial of a claim no source makes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from parley.extract.cues import PEOPLE_NOUNS, PERSON_PRONOUNS
from parley.models import Mention, Span
from parley.reconcile.claim_senses import calls_false, unverified_phrase
from parley.reconcile.claim_words import Words, clean
from parley.reconcile.claims import Corpus
from parley.reconcile.contested_records import Contested
from parley.reconcile.contested_sides import denied_subject, explain, record, text_side

# Nouns that only call a thing invented ("narrative" may be true; "lie" and "lies" have other
# senses: "the answer lies between")
INVENTED = ("fake", "fakes", "hoax", "hoaxes", "fabrication", "fabrications", "disinformation", "propaganda")
# Nouns for a claim besides the word list's ``claim_nouns``: what calls it invented.
MADE_UP = (*INVENTED, "lie", "lies", "narrative", "narratives")
_MADE_UP = re.compile(rf"\b(?:{'|'.join(MADE_UP)})\b", re.I)
# the verbs of claiming proper ("claimed", "alleges"), and with them those of saying or reporting
CLAIMING = r"claim(?:ed|s|ing)|assert(?:ed|s|ing)|alleg(?:ed|es|ing)|insist(?:ed|s|ing)"
# an auxiliary and an adverb before a verb of claiming or complaining ("has long claimed")
_AUX_ADV = r"(?:has\s+|have\s+|had\s+)?(?:also\s+|long\s+|repeatedly\s+|previously\s+|earlier\s+|falsely\s+)?"
_CLAIM_VERB = (
    rf"{_AUX_ADV}(?:{CLAIMING}|said|says|saying|report(?:ed|s|ing)|announc(?:ed|es|ing)|stat(?:ed|es|ing)|"
    r"accus(?:ed|es|ing))\b"
)
# a name, with "of" inside ("Ministry of Defence") and a group noun after ("Russian officials")
_WHO = (
    r"(?P<who>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*)*"
    r"(?:\s+(?:officials|forces|troops|authorities|negotiators|media|sources|bloggers|milbloggers|"
    r"diplomats|government|military|ministry))?)"
)
_OPENING = re.compile(
    r"^(?:[-–•*]\s*)?(?:(?:but|and|yet|so|however|nevertheless|still|meanwhile)\b,?\s+)?", re.I
)
# a verb of claiming, or of complaining ("have complained that ..."), that has a claimant
_CLAIMANT_VERB = rf"(?:{_CLAIM_VERB}|{_AUX_ADV}complain(?:ed|s|ing)\b)"
# where the subject of a verb of claiming stands: opening the clause, or after "with", "as", "and"
# or a comma
_SUBJECT_AT = r"(?:^|\bwith\s+|\bas\s+|\band\s+|[,;]\s+)"
_SUBJECT_CLAIMS = re.compile(rf"{_SUBJECT_AT}{_WHO}\s+{_CLAIMANT_VERB}")


def plural(noun: str) -> str:
    """The plural of a ``noun`` of the word lists ("critic": "critics", "ally": "allies")."""
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "o", "u"):
        return noun[:-1] + "ies"
    if noun.endswith("s") and not noun.endswith("ss"):
        return noun  # "headquarters"
    return noun + "es" if noun.endswith(("ss", "sh", "ch", "x")) else noun + "s"


# a group of people the text names by a plural noun: "critics", "many residents", "some Northerners"
# (a quantifier and a people's name), "Roese farmers" (a people's adjective and a group noun):
# the plurals of the word list's nouns for who can hold a view, and a few more
GROUP_NOUNS = tuple(
    sorted(
        plural(w)
        for w in (PEOPLE_NOUNS - PERSON_PRONOUNS)
        | {"local", "villager", "witness", "relative", "victim", "parent", "researcher", "sceptic"}
        | {"skeptic", "detractor"}
    )
)

_QUANTIFIER = r"(?i:some|many|several|most|other|numerous|a\s+few|a\s+number\s+of|(?:dozens|hundreds)\s+of)"
_PEOPLES = r"[A-Z][a-z]+(?:an|ese|ish|i|ch)"  # a people's adjective: "Roese", "Westish", "Eastlandi"
_GROUP = (
    rf"(?P<group>(?:{_QUANTIFIER}\s+)?(?:{_PEOPLES}\s+)?(?i:{'|'.join(GROUP_NOUNS)})"
    rf"|{_QUANTIFIER}\s+[A-Z][a-z]+s)"
)
_GROUP_CLAIMS = re.compile(rf"{_SUBJECT_AT}{_GROUP}\s+{_CLAIMANT_VERB}")
# the words opening what a claim noun says ("claims that", "a fake about")
_OF_NOUN = r"about|that|of|claiming|saying|alleging|suggesting"
_AFTER_NOUN = re.compile(rf"^\s+(?:{_OF_NOUN}|by|from)\b", re.I)
_BY = re.compile(
    r"^\s+(?:by|from)\s+(?P<who>(?:the\s+)?[A-Z][^,;.]{1,60}?)"
    rf"(?=\s+(?:{_OF_NOUN}|which|on|in)\b|[,;.]|$)"
)
_POSSESSOR = re.compile(r"(?P<who>(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)['’]s?\s+(?:[a-z-]+\s+){0,2}$")
_ADJECTIVE = re.compile(r"\b(?P<adj>[A-Z][\w.-]+)\s+(?:[a-z-]+\s+){0,2}$")
_MAX_WORDS = 8


@dataclass(frozen=True)
class Claimant:
    who: str | None  # as the article names them; None: no one named (or the outlet, see ``own``)
    own: bool  # the article makes the claim in its own voice: its outlet is the claimant


def claimant(words: Words, text: str, span: Span, side_names: Mapping[str, str] | None = None) -> Claimant:
    """Who makes the claim at ``span`` of the article ``text``."""
    clause = clean(text[span.start : span.end])
    opened = clause[_OPENING.match(clause).end() :]  # type: ignore[union-attr]
    sides = side_names or {}
    for m in _SUBJECT_CLAIMS.finditer(opened):
        last = m.group("who").split()[-1].casefold()
        if sides.get(last, last).casefold() != last:
            continue  # "Southern claims that ...": a side's adjective and a noun (rule 2)
        if len(m.group("who").split()) <= _MAX_WORDS:
            return Claimant(clean(m.group("who")), False)
    group = _GROUP_CLAIMS.search(opened)
    if group:  # "Some Northerners have complained that ...": the group is who the text names
        return Claimant(clean(group.group("group")), False)
    reported, named = _claim_noun(words, clause, sides)
    if named:
        return Claimant(named, False)
    if not reported and not words.has("hedges", clause):
        return Claimant(None, True)
    return Claimant(None, False)


def _claim_noun(words: Words, clause: str, side_names: Mapping[str, str]) -> tuple[bool, str | None]:
    """Whether the clause reports a claim by a claim noun, and the maker it names, if any."""
    nouns = words.pattern("claim_nouns")
    reported = False
    for found in [*nouns.finditer(clause), *_MADE_UP.finditer(clause)]:
        before, after = clause[: found.start()], clause[found.end() :]
        by = _BY.match(after)
        if by and len(by.group("who").split()) <= _MAX_WORDS:
            return True, clean(by.group("who"))
        possessor = _POSSESSOR.search(before)
        if possessor:
            return True, clean(possessor.group("who"))
        adjective = _ADJECTIVE.search(before)
        side = side_names.get(adjective.group("adj").casefold()) if adjective else None
        if side:
            return True, side
        reported = reported or bool(_AFTER_NOUN.match(after))
    return reported, None


DISPUTED_AFTER = re.compile(
    r"^(?P<claim>.{20,}?),\s+which\s+(?:(?P<who>(?:the\s+)?[A-Z][^,]{2,60}?)\s+(?:have\s+|has\s+|had\s+)?|"
    r"(?:was|were|has\s+been|have\s+been)\s+)"
    r"(?:denied|disputed|rejected|refuted|contested|dismissed|called\s+false)\b"
    r"(?:\s+by\s+(?P<by>[^,.;]{3,60}))?"
)


_WHICH = re.compile(r",\s+which\s")
_OFFER_OR_CLAIM = re.compile(r"\b(?:rejected|dismissed)\b", re.I)
_CLAIMED = re.compile(rf"{_CLAIM_VERB}|{_MADE_UP.pattern}", re.I)


def _claimed(words: Words, m: re.Match[str]) -> bool:
    """Whether what was "rejected" or "dismissed" is a claim, not an offer or a plan ("made an
    offer, which the board rejected"): the clause says something is claimed, or hedges it; what
    was denied, disputed or refuted is a claim by the verb."""
    if not _OFFER_OR_CLAIM.search(m.string, m.end("claim"), m.end()):
        return True
    clause = m.group("claim")
    return bool(_CLAIMED.search(clause) or words.has("claim_nouns", clause) or words.has("hedges", clause))


# "denied by US intelligence after fact-checking": the denier without the circumstances
_CIRCUMSTANCE = re.compile(r"\s+(?:after|following|during|in|on|at|when|as|last|this|earlier)\b.*$", re.I)


def _denier(words: str) -> str | None:
    return clean(_CIRCUMSTANCE.sub("", words)) or None


def disputed_after(
    corpus: Corpus, words: Words, side_names: Mapping[str, str] | None = None
) -> list[Contested]:
    """ "Russia claimed the capture of X, which Ukrainian officials disputed": the clause and
    the dispute, read from the sentence when no statement carries them. The claimant is the
    outlet only when the article makes the claim in its own voice
    (:mod:`parley.reconcile.contested_claimants`)."""
    found = []
    for article_id, article in corpus.articles.items():
        if not _WHICH.search(article.text):
            continue  # what a sentence matches, the article's text does (it is a part of it)
        for sent in corpus.sentences(article_id):
            m = DISPUTED_AFTER.match(sent.text)
            if m is None or not _claimed(words, m):
                continue
            claim_span = Span(sent.span.start, sent.span.start + m.end("claim"))
            maker = claimant(words, article.text, claim_span, side_names)
            who = _denier(m.group("who") or m.group("by") or "")
            denial = replace(text_side(corpus, article_id, sent.span, "denies"), who=who)
            judged = judged_made_up(words, m.group("claim"))
            if judged is not None:  # "a fake about X, which was denied by Y": X is what is denied
                what = Span(sent.span.start + judged[0], sent.span.start + judged[1])
                subject = clean(sent.text[judged[0] : judged[1]])
                if maker.who is None:
                    shown = denied_subject(words, subject)
                    found.append(record("denial", shown, [denial], explain("lone-denial", 1)))
                    continue
                claim_span = what
            else:
                subject = clean(m.group("claim"))
            claimed = text_side(corpus, article_id, claim_span, "claims")
            if not maker.own:
                claimed = replace(claimed, who=maker.who)
            found.append(record("denial", subject, [claimed, denial], explain("denial", 1)))
    return found


# the words calling a thing invented; "lie" only as a noun
_JUDGED = re.compile(rf"\b(?:{'|'.join(INVENTED)})\b|\ba\s+lie\b|\blies\s+(?:about|that)\b", re.I)
# what the invented thing is about: "a fake about attacks on Y", "the hoax that Y"
_JUDGED_OBJECT = re.compile(rf"\s+(?:{_OF_NOUN})\s+(?:that\s+)?", re.I)


def judged_made_up(words: Words, clause: str) -> tuple[int, int] | None:
    """Where, in a clause calling what it speaks of invented or false ("a recent example is a
    fake about attacks on Y", "false claims that X"), the thing called so is ("attacks on Y"):
    the words after the noun, else the whole clause; None when the clause calls nothing so."""
    found = _JUDGED.search(clause)
    if found is None:
        if not calls_false(words, clause):
            return None
        found = words.pattern("false_words").search(clause)
    if found is not None:
        after = _JUDGED_OBJECT.match(clause, found.end())
        if after is None and words.has("claim_nouns", clause[found.end() : found.end() + 20]):
            noun = words.pattern("claim_nouns").search(clause, found.end())
            after = _JUDGED_OBJECT.match(clause, noun.end()) if noun else None
        if after is not None and after.end() < len(clause):
            return after.end(), len(clause.rstrip())
    return 0, len(clause.rstrip())


# the name right before "has not confirmed": who says a report is not verified
_WHO_BEFORE = re.compile(
    r"(?P<who>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*)*"
    r"(?:(?:\s+[a-z-]+)?\s+(?:officials|forces|troops|authorities|negotiators|media|sources|diplomats|"
    r"government|military|ministry|command|spokesman|spokeswoman|spokesperson|office))?)"
    r"\s+(?:\w+ly\s+)?$"
)
_OWN_VOICE = frozenset({"we", "i"})
_PRONOUNS = frozenset({"he", "she", "it", "they"})
# the words that have a subject ("has not confirmed"; not "unverified", "not been verified",
# "could not be verified": a passive's subject is what is not verified)
_PASSIVE = re.compile(r"\bbe(?:en)?\b", re.I)
_FINITE = frozenset({"has", "have", "had", "could", "cannot", "did"})


def active(phrase: str) -> bool:
    """Whether a "not confirmed" phrase has a subject ("has not confirmed"), not a passive."""
    return phrase.split()[0].casefold() in _FINITE and not _PASSIVE.search(phrase)


@dataclass(frozen=True)
class Unverifier:
    who: str | None  # as the article names them; None: the outlet, in its own voice
    actor_id: str | None
    phrase: str  # the words that say it ("has not confirmed")


def unverifier(
    words: Words, text: str, span: Span, mentions: Sequence[Mention], outlet: str | None
) -> Unverifier | None:
    """Who the sentence at ``span`` says has not verified or confirmed something: the name the
    words open with ("the Kremlin has not confirmed the figures"), or the outlet when the
    article speaks for itself ("could not be verified", "we have not verified", "CNN could
    not independently verify" in CNN). None when the sentence does not say so."""
    sentence = text[span.start : span.end]
    found = unverified_phrase(words, sentence)  # not "if they did not confirm their address"
    if found is None:
        return None
    phrase = found.group(0)
    before = sentence[: found.start()]
    named = _WHO_BEFORE.search(before) if active(phrase) else None
    if named is None or named.group("who").casefold() in _OWN_VOICE | _PRONOUNS:
        return Unverifier(None, None, phrase)
    who = clean(named.group("who"))
    if outlet and _squeezed(who) in _outlet_names(outlet):
        return Unverifier(None, None, phrase)  # the outlet names itself
    start = span.start + named.start("who")
    end = span.start + named.end("who")
    actor_id = next(
        (m.actor_id for m in mentions if m.actor_id and m.span.start < end and m.span.end > start), None
    )
    return Unverifier(who, actor_id, phrase)


def _squeezed(name: str) -> str:
    """A name's letters and digits, without a leading "the" ("The Ledger", "the-ledger": "ledger")."""
    return re.sub(r"^the", "", re.sub(r"[\W_]", "", name.casefold()))


def _outlet_names(outlet: str) -> set[str]:
    """How an article may name its own outlet: "cnn.com" as "CNN", "the-ledger.example" or "The
    Ledger" as "Ledger"; a place in its name ("The Moscow Times") is not it."""
    domain = outlet.casefold().removeprefix("www.")
    return {_squeezed(outlet), _squeezed(domain.split(".")[0]), _squeezed(domain.rsplit(".", 1)[0])}
