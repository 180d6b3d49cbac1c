"""What a denial of "such allegations" denies: the sentence right before it, when that sentence
makes them ("Y has accused X of Z. X has denied such allegations").

A denial no claim of the corpus answers, whose object is only a noun pointing back ("such
allegations", "that notion", "the report"), is shown with the sentence right before it as the
claim, when that sentence makes a claim of the noun's kind: an accusation for "allegations",
"accusations", "charges"; a report for "report"; a claim for "claim", "notion", "assertion",
"suggestion", "idea" ("X claimed ...", "Y complained that ..."). Its claimant is who that
sentence says makes it, else no one (shown as unknown), never the outlet. A sentence before
that denies or calls something false, or is of another kind ("a senior official told CNN the
weapons were disabled" before "denied the allegations"), leaves the denial as it was.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from parley.reconcile.claim_words import Words, clean
from parley.reconcile.claims import Corpus
from parley.reconcile.contested_claimants import claimant
from parley.reconcile.contested_records import Contested
from parley.reconcile.contested_sides import explain, record, text_side

_POINTER = re.compile(
    r"^denied: (?:such|these|those|that|this|the)\s+(?:(?:same|latest|recent|new)\s+)?(?P<noun>[a-z]+)$", re.I
)
# the noun pointing back, and the words of the sentence before that make a claim of its kind
_KINDS = (
    (
        re.compile(r"^(?:allegations?|accusations?|charges?)$"),
        re.compile(r"\b(?:accus|alleg)\w*|\bcharged\s+(?:that|with)\b", re.I),
    ),
    (re.compile(r"^reports?$"), re.compile(r"\breport(?:ed|s|ing)?\b", re.I)),
    (
        re.compile(r"^(?:claims?|notion|assertions?|suggestions?|idea)$"),
        re.compile(
            r"\b(?:claim(?:ed|s|ing)|assert(?:ed|s|ing)|alleg(?:ed|es|ing)|insist(?:ed|s|ing)|"
            r"(?:complain|suggest|argu)\w*\s+that)\b",
            re.I,
        ),
    ),
)


def pointed_back(
    corpus: Corpus, words: Words, found: list[Contested], side_names: Mapping[str, str] | None = None
) -> list[Contested]:
    """The items ``found``, each lone denial of a noun pointing back given the claim the
    sentence before it makes (see the module docstring)."""
    return [_with_claim(corpus, words, c, side_names) for c in found]


def _with_claim(
    corpus: Corpus, words: Words, c: Contested, side_names: Mapping[str, str] | None
) -> Contested:
    m = _POINTER.match(c.subject)
    if c.kind != "denial" or m is None or len(c.sides) != 1:
        return c
    kind = next((said for noun, said in _KINDS if noun.match(m.group("noun").casefold())), None)
    denial = c.sides[0]
    sentences = corpus.sentences(denial.article_id)
    at = next((i for i, s in enumerate(sentences) if s.span.start <= denial.span.start < s.span.end), None)
    if kind is None or not at:
        return c
    before = sentences[at - 1]
    if not kind.search(before.text) or words.has("denial_verbs", before.text):
        return c
    if words.has("false_words", before.text) or before.text.rstrip().endswith("?"):
        return c
    article = corpus.articles.get(denial.article_id)
    if article is None:
        return c
    maker = claimant(words, article.text, before.span, side_names)
    claimed = replace(text_side(corpus, denial.article_id, before.span, "claims"), who=maker.who)
    return record("denial", clean(before.text)[:160], [claimed, denial], explain("denial", 1))
