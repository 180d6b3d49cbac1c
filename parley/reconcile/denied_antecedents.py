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

from parley.reconcile.claim_words import Words, clean, sentence_at
from parley.reconcile.claims import Corpus
from parley.reconcile.contested_claimants import CLAIMING, claimant
from parley.reconcile.contested_records import Contested, ContestedSide
from parley.reconcile.contested_sides import explain, record, text_side

_POINTER = re.compile(
    r"^(?:such|these|those|that|this|the)\s+(?:(?:same|latest|recent|new)\s+)?(?P<noun>[a-z]+)$", re.I
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
        re.compile(rf"\b(?:{CLAIMING}|(?:complain|suggest|argu)\w*\s+that)\b", re.I),
    ),
)


def pointed_back(
    corpus: Corpus,
    words: Words,
    denied: str,
    denial: ContestedSide,
    side_names: Mapping[str, str] | None = None,
) -> Contested | None:
    """The lone denial ``denial`` of ``denied`` (what it denies, in plain words), given the claim
    the sentence before it makes when ``denied`` is only a noun pointing back (see the module
    docstring); None when it is not, or the sentence before makes no claim of its kind."""
    m = _POINTER.match(denied)
    noun = m.group("noun").casefold() if m else ""
    kind = next((said for kind_noun, said in _KINDS if kind_noun.match(noun)), None)
    if kind is None:
        return None
    sentences = corpus.sentences(denial.article_id)
    here = sentence_at(sentences, denial.span)
    at = sentences.index(here) if here else 0
    if not at:
        return None
    before = sentences[at - 1]
    if not kind.search(before.text) or words.has("denial_verbs", before.text):
        return None
    if words.has("false_words", before.text) or before.text.rstrip().endswith("?"):
        return None
    article = corpus.articles.get(denial.article_id)
    if article is None:
        return None
    maker = claimant(words, article.text, before.span, side_names)
    claimed = replace(text_side(corpus, denial.article_id, before.span, "claims"), who=maker.who)
    return record("denial", clean(before.text), [claimed, denial], explain("denial", 1))
