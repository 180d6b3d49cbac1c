"""What a denial denies when no source in the corpus makes the claim, and which denials are
listed on their own (shared by :mod:`parley.reconcile.contested`).

- a claim read only from inside denials, its maker unnamed ("The ministry denied claims that it
  had ...": the clause after "that") is the denial's own object, not a claim the corpus makes:
  the denial is shown as a denial of a claim no source makes, not as a claim and a statement
  denying it ("rejected claims by an official that ..." still reports the official's claim);
- what is denied is shown without the words that call it false: "speculation that the army might
  intervene was untrue" denies the speculation, "the report is 'not true'" the report;
- a quote given to a denial verb of another sentence ("X disputes the report. 'She is my
  daughter ...'") is no denial unless its own words call something false;
- a denial listed alone needs a speaker, something denied beyond one bare word ("denies claim",
  a headline's shorthand), and is listed once for its sentence and speaker.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from parley.models import Span, Statement
from parley.reconcile.claim_senses import calls_false, false_predicate
from parley.reconcile.claim_words import Words, clean, sentence_at
from parley.reconcile.claims import Corpus, denied_claim
from parley.reconcile.contested_records import Claim, Contested, ContestedSide
from parley.reconcile.contested_sides import PRONOUN, explain, record

_QUOTE_OPENING = re.compile(r"^\s*[\"“«‘']")
_THAT = re.compile(r"^that\s+", re.IGNORECASE)


def own_object(claim: Claim, denials: Mapping[str, Sequence[Span]]) -> bool:
    """Whether the claim is only ever what a denial denies: it names no claimant and every
    source of it lies inside a denial (by article, the spans of the denials' words). A denial
    naming who made the claim ("rejected claims by an official that ...") reports a claim."""
    return claim.claimant is None and all(
        any(d.start <= src.span.start and src.span.end <= d.end for d in denials.get(src.article_id, ()))
        for src in claim.sources
    )


def denied_subject(words: Words, text: str, attribution: bool = False) -> str:
    """How a denial of a claim no source makes is headed: what is denied, without the words
    calling it false ("that speculation that X was untrue": "denied: speculation that X"); a
    dispute of words put in the speaker's mouth says so ("says misquoted: his quote was ...")."""
    shown = clean(text)
    if attribution:
        return f"says misquoted: {_THAT.sub('', shown)}"[:170]
    cut = false_predicate(words, shown)
    if cut is not None:
        shown = _THAT.sub("", shown[:cut].rstrip(" ,;:"))
    return f"denied: {shown}"[:170]


def borrowed_cue(corpus: Corpus, words: Words, s: Statement) -> bool:
    """A quote whose denial verb stands in another sentence ("Her mother disputes the report.
    'She is my daughter no matter what.'"): the quote is given to the speaker, not the denial;
    it denies only when its own words call something false."""
    if s.cue_span is None or not _QUOTE_OPENING.match(s.text) or not words.has("denial_verbs", s.cue or ""):
        return False
    sentence = sentence_at(corpus.sentences(s.article_id), s.span)
    if sentence is None or sentence.span.start <= s.cue_span.start < sentence.span.end:
        return False
    return not calls_false(words, s.text) and not words.has("attribution_disputed", s.text)


def listed_alone(s: Statement) -> bool:
    """Whether a denial no claim answers can be listed: it has a speaker, and denies more than
    one bare word ("Fighter denies claim": a headline's shorthand says nothing of what)."""
    if s.speaker is None and s.speaker_actor_id is None:
        return False
    return len(clean(s.text).split()) > 1


# what is denied, whether it is words put in the speaker's mouth, and the statements denying it
Alone = tuple[str, bool, list[tuple[Statement, ContestedSide]]]


def alone_denials(corpus: Corpus, words: Words, lone: list[Alone]) -> list[Contested]:
    """Denials of claims no source in the corpus makes, one item for what is denied, each
    denying statement listed once (two statements of one sentence by one speaker are one)."""
    found, seen = [], set()
    for text, disputed, said in lone:
        sides = []
        for s, side in said:
            key = (side.article_id, side.span.start, side.who)
            if key in seen or not listed_alone(s) or weak_alone(corpus, words, s):
                continue
            seen.add(key)
            sides.append(side)
        if sides:
            why = explain("lone-denial", len(sides))
            found.append(record("denial", denied_subject(words, text, disputed), sides, why))
    return found


# a quote inside the quote (single marks: the outer ones are double); a closing single mark
# followed by a letter is an apostrophe
NESTED_QUOTE = re.compile(r"‘.*?’(?!\w)|(?<!\w)'.*?'(?!\w)")
HEDGED = re.compile(r"\b(?:would|might|may|could)\s+(?:\w+\s+)?$", re.IGNORECASE)


def weak_alone(corpus: Corpus, words: Words, s: Statement) -> bool:
    """A denial no claim in the corpus answers is listed only when a reader can use it: its
    speaker is known ("I" left unresolved is not), the denial is not hedged ("I would dispute",
    "would reject reports that"),
    and the words calling something false are the speaker's own, not a quote inside the quote
    ("they told him: 'it's all nonsense'"; reported words quote the speaker: "police said the
    rumours were 'totally untrue'")."""
    if s.speaker_actor_id is None and PRONOUN.match((s.speaker or "").strip()):
        return True
    if s.embedded_in == "denial":
        return False
    rejects = words.has("claim_verbs", s.cue or "") and denied_claim(words, s.text) is not None
    if words.has("denial_verbs", s.cue or "") or rejects:  # "I would dispute his belief": not a denial
        sentence = sentence_at(corpus.sentences(s.article_id), s.span)
        before = sentence.text.split(s.cue or "", 1)[0] if sentence and s.cue else ""
        return bool(HEDGED.search(before))
    own = NESTED_QUOTE.sub(" ", s.text) if s.kind == "direct" else s.text  # reported: its marks quote it
    return not (words.has("false_words", own) or words.has("attribution_disputed", own))
