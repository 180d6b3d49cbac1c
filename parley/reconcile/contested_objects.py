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
  a headline's shorthand), and is listed once for its sentence and speaker;
- one that denies only a noun pointing back ("denied such allegations") is shown with the claim
  the sentence before it makes (:mod:`parley.reconcile.denied_antecedents`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from parley.models import Span, Statement
from parley.reconcile.claim_senses import calls_false
from parley.reconcile.claim_words import Words, clean, sentence_at
from parley.reconcile.claims import Corpus, denied_claim
from parley.reconcile.contested_records import Claim, Contested, ContestedSide
from parley.reconcile.contested_sides import PRONOUN, denied_object, denied_subject, explain, record
from parley.reconcile.denied_antecedents import pointed_back

_QUOTE_OPENING = re.compile(r"^\s*[\"“«‘']")


def own_object(claim: Claim, denials: Mapping[str, Sequence[Span]]) -> bool:
    """Whether the claim is only ever what a denial denies: it names no claimant and every
    source of it lies inside a denial (by article, the spans of the denials' words). A denial
    naming who made the claim ("rejected claims by an official that ...") reports a claim."""
    return claim.claimant is None and all(
        any(d.start <= src.span.start and src.span.end <= d.end for d in denials.get(src.article_id, ()))
        for src in claim.sources
    )


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


def alone_denials(
    corpus: Corpus, words: Words, lone: list[Alone], side_names: Mapping[str, str] | None = None
) -> list[Contested]:
    """Denials of claims no source in the corpus makes, one item for what is denied, each
    denying statement listed once (two statements of one sentence by one speaker are one). One
    denial of a noun pointing back ("denied such allegations") is shown with the claim the
    sentence before it makes, when it makes one (:mod:`parley.reconcile.denied_antecedents`)."""
    found, seen = [], set()
    for text, disputed, said in lone:
        sides = []
        for s, side in said:
            key = (side.article_id, side.span.start, side.who)
            if key in seen or not listed_alone(s) or weak_alone(corpus, words, s):
                continue
            seen.add(key)
            sides.append(side)
        if not sides:
            continue
        paired = None
        if len(sides) == 1 and not disputed:
            paired = pointed_back(corpus, words, denied_object(words, text), sides[0], side_names)
        why = explain("lone-attribution" if disputed else "lone-denial", len(sides))
        found.append(paired or record("denial", denied_subject(words, text, disputed), sides, why))
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
