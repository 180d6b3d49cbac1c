"""When a stance is held, read from the parse: before the time of writing ("had rejected", "has
previously dismissed", "long opposed", "used to demand", "until now", "its long-held ambition",
"In December 2021, ... demanded"), or now; and the changes a sentence states ("has abandoned",
"dropped its demand for", "no longer demands", "now accepts", "agrees to X, long a point of
contention"). The words are in ``parley/data/stance_periods.yaml`` (:data:`lexicon.PERIOD`).

A stance placed before the time of writing has period ``earlier``. A change gives the current
stance a ``replaces`` (the position given up) and, when the sentence states the earlier stance
itself ("dropped its demand for X": the demand), ``earlier``: that stance is recorded too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Token

from parley.extract.stances import lexicon as lx
from parley.extract.stances.parse import Signal, children_of, clause_words, earlier_cue, negated
from parley.models import TimeExpression

W = lx.PERIOD
EARLIER = "earlier"
CURRENT = "current"
# the opposite a stance of acceptance replaces when the sentence says it is new ("now accepts")
OPPOSITE = {
    "accepts": "rejects",
    "accepts_on_condition": "rejects",
    "supports": "opposes",
    "open_to_discuss": "rejects",
}
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")  # a year written out
# dependencies that keep a time expression inside the clause of the word it is attached to
PHRASAL_DEPS = {
    "prep", "pobj", "pcomp", "npadvmod", "compound", "nmod", "amod", "poss", "det", "nummod",
    "appos", "advmod", "quantmod", "case", "punct", "cc", "conj", "dobj",
}  # fmt: skip


def no_longer(token: Token) -> str | None:
    for c in (c for t in clause_words(token) for c in children_of(t, "advmod")):
        for first, second in W.no_longer:
            if c.lower_ == second and any(g.lower_ == first for g in c.children):
                return f"{first} {second}"
    return None


def stance_noun(token: Token) -> str | None:
    """The position a noun names ("demand" -> demands, "red line" -> rejects), if it names one."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = token.lemma_.lower()
    for c in children_of(token, "amod", "compound"):
        found = W.stance_nouns.get(f"{c.lemma_.lower()} {lemma}")
        if found:
            return found
    return W.stance_nouns.get(lemma)


def earlier_modifier(noun: Token) -> str | None:
    """ "its long-held ambition", "the original demands": the words that make the stance earlier."""
    for c in children_of(noun, "amod", "advmod", "compound", "nmod"):
        words = list(c.subtree)
        text = "".join(t.text for t in words)
        if lx.squeeze(text) in W.earlier_modifiers:
            return " ".join(t.text for t in words).replace(" - ", "-")
    return None


def giving_up_cue(token: Token, refused: bool = False) -> str | None:
    """ "abandoned", "dropped", "stepping back from", "gave up" — a stance given up (with
    ``refused``: one that is not, "will never give up")."""
    if token.pos_ not in ("VERB", "AUX") or negated(token) != refused:
        return None
    lemma = token.lemma_.lower()
    if lemma in W.giving_up:
        return token.text
    for c in token.children:
        if c.dep_ in ("prt", "advmod", "prep") and (lemma, c.lower_) in W.giving_up_phrasal:
            return f"{token.text} {c.text}"
    return None


def change_signal(token: Token, path: Sequence[Token]) -> Signal | None:
    """A verb that gives a stance or a policy up, with what it gives up below it on ``path``
    (the tokens from the issue's word up to it): "dropped its demand for membership" —
    earlier demands, now accepts; "abandoned the proposed changes that would bar X" — now
    rejects what it had accepted. Softening a stance ("softened its demands") gives only the
    earlier stance."""
    noun = next((t for t in reversed(path) if t.pos_ in ("NOUN", "PROPN")), None)
    if path and path[-1].dep_ == "prep" and (noun is None or stance_noun(noun) is None):
        # "reversed its opposition [to a ceasefire]", the preposition hung on the verb
        noun = next((c for c in children_of(token, "dobj") if stance_noun(c)), noun)
    if noun is None:
        return None
    softening = token.lemma_.lower() in W.softening and not negated(token)
    cue = token.text if softening else giving_up_cue(token)
    held = stance_noun(noun)
    kept = giving_up_cue(token, refused=True) if cue is None else None
    if kept is not None and held is not None:  # "will not abandon its demand for X": still demands
        return Signal(token, held, f"not {kept} {noun.text}", 0.8)
    if cue is None:
        return None
    words = _between(token, noun) or f"{cue} {noun.text}"  # "dropped its demand", "stepped back from"
    if held is not None:
        now = None if softening else W.after.get(held)
        if now is None:  # only the earlier stance can be told
            return Signal(token, held, words, 0.8, period=EARLIER, period_cue=words)
        return Signal(token, now, words, 0.8, period_cue=words, replaces=held, earlier=held)
    if not softening and noun.lemma_.lower() in W.policy_nouns:  # what was agreed to, given up
        return Signal(token, "rejects", words, 0.8, period_cue=words, replaces="accepts")
    return None


def _between(verb: Token, noun: Token, most: int = 8) -> str | None:
    """The words from the verb to the noun it gives up, when they are few."""
    start, end = min(verb.i, noun.i), max(verb.i, noun.i) + 1
    return verb.doc[start:end].text if end - start <= most else None


def contention_cue(token: Token, issue: Token) -> str | None:
    """ "agrees to a demilitarised zone, long a point of contention": the phrase beside the stance
    word or the issue's word saying that what is now accepted was long disputed."""
    for t, deps in ((token, ("npadvmod", "appos", "advmod", "advcl")), (issue, ("appos", "npadvmod"))):
        for c in children_of(t, *deps):
            words = list(c.subtree)
            text = " ".join(w.lower_ for w in words)
            if any(w in text for w in W.contention) and any(
                w.lower_ in W.earlier_adverbs and w.dep_ in ("advmod", "npadvmod") for w in words
            ):
                return " ".join(w.text for w in words)
    return None


def place(signal: Signal, path: Sequence[Token], issue: Token) -> Signal:
    """The signal with its period and the change its sentence states, from the stance word and
    the words between it and the issue's word (``path``, issue's word first)."""
    if signal.replaces or signal.period == EARLIER:
        return signal  # a change verb has placed it already
    token = signal.token
    cue = earlier_cue(token)
    if cue is not None:
        return replace(signal, period=EARLIER, period_cue=cue)
    gone = no_longer(token)
    if gone is not None:
        after = W.after.get(signal.position)
        if after is None:
            return replace(signal, period=EARLIER, period_cue=gone)
        given_up, cue = signal.position, f"{gone} {signal.cue}"
        return replace(signal, position=after, cue=cue, period_cue=gone, replaces=given_up, earlier=given_up)
    for noun in path:
        held = stance_noun(noun)
        words = earlier_modifier(noun) if held else None
        if held and words and held != signal.position:
            return replace(signal, period_cue=f"{words} {noun.text}", replaces=held, earlier=held)
    if signal.position in OPPOSITE:
        now = next((c for c in children_of(token, "advmod") if c.lower_ in W.now_adverbs), None)
        words = now.text if now is not None else contention_cue(token, issue)
        if words:
            return replace(signal, period_cue=words, replaces=OPPOSITE[signal.position])
    return signal


def earlier_time(
    tokens: Iterable[Token | None],
    times: Sequence[TimeExpression],
    published: dt.date | None,
    start: dt.date | None = None,
) -> TimeExpression | None:
    """A time expression attached to one of ``tokens`` (the stance word, the verb of saying)
    by phrases only, ending well before the article's publication: "In December 2021, the
    ministry demanded ...", "demanded in his June 2024 speech". In an undated article, one
    that writes its year out and ends before the negotiation's period begins (``start``, the
    dossier's :meth:`~parley.extract.registry.ActorRegistry.period`): "In the talks of 2022,
    X demanded ..." is not what X demands now."""
    if not times:
        return None
    if published is not None:
        limit = published - dt.timedelta(days=W.earlier_by_days)
    elif start is not None:
        limit = start
        times = [t for t in times if _YEAR.search(t.text)]
    else:
        return None
    anchors = [t for t in tokens if t is not None]
    if not anchors:
        return None
    doc = anchors[0].doc
    for time in times:
        if time.end is None or time.start is None or time.end >= limit or time.type != "DATE":
            continue
        piece = doc.char_span(time.span.start, time.span.end, alignment_mode="expand")
        if piece is None or not len(piece) or piece.sent != anchors[0].sent:
            continue
        t = piece.root
        for _ in range(12):
            if any(t.i == a.i for a in anchors):
                return time
            if t.dep_ not in PHRASAL_DEPS or t.head == t or (t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")):
                break
            t = t.head
    return None
