"""Reading a position from the dependency parse: the stance word governing an issue's words,
negation and modality on it, the condition attached to it, and whether the clause is someone
else's claim. Polarity comes from here, never from the sentence vectors."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from parley.extract.stances import lexicon as lx
from parley.nlp import text_of

SKIP_DEPS = {"amod", "compound", "nmod", "npadvmod"}  # "the agreed lines": not a stance
CLAUSE_EDGES = {"advcl", "relcl", "acl", "parataxis"}  # a stance word is not looked for beyond these
NO_COMMENT = {"comment", "discuss", "say", "confirm", "disclose", "elaborate", "speculate", "specify"}
DECLINING = {"refuse", "decline"}  # "declined to comment": of the words above, no position
_CONDITION = re.compile(
    r"\b(" + "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in lx.CONDITION_MARKERS) + r")\b", re.I
)


@dataclass(frozen=True)
class Signal:
    """The word a position is read from, and the position."""

    token: Token
    position: str
    cue: str
    strength: float  # 1.0 a stance verb; 0.8 a modal or refusal; 0.6 taken from the speech verb
    modal: bool = False  # "must", "has to": the subject is who must act, not who demands
    commitment: bool = False  # "will lift": a speaker's own side's, else no one's (:func:`_modal_signal`)
    period: str = "current"  # "earlier": placed before the time of writing (:mod:`.period`)
    period_cue: str | None = None  # the words that place it or state the change
    replaces: str | None = None  # the position the sentence says this one replaces
    earlier: str | None = None  # an earlier stance the sentence states, recorded beside this one
    condition: str | None = None  # the condition it is read with ("X would require Y": Y)


def ancestors(token: Token, stop: Token | None = None, clause: bool = False) -> Iterator[Token]:
    """The token, then its heads up to the sentence root (or ``stop``), in order; with
    ``clause=True``, not beyond the first adverbial or relative clause it sits in."""
    seen = 0
    while seen < 40:
        yield token
        if token == stop or token.head == token or (clause and token.dep_ in CLAUSE_EDGES):
            return
        token = token.head
        seen += 1


def climb(token: Token) -> Iterator[Token]:
    """``ancestors(token, clause=True)``, but on through a relative clause that only describes
    the object it hangs on ("abandoned the changes that would have barred joining the alliance": its
    subject is "that", its noun an object) and an adverbial clause the parser hung on a noun (a
    list of gerunds: "ceding land, reducing its army, and committing to ...")."""
    for _ in range(40):
        yield token
        if token.head == token:
            return
        if token.dep_ in CLAUSE_EDGES and not _describes(token):
            return
        token = token.head


def _describes(clause: Token) -> bool:
    if clause.dep_ == "relcl":
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subject is not None and subject.tag_ == "WDT" and clause.head.dep_ in ("dobj", "pobj")
    return clause.dep_ == "advcl" and clause.head.pos_ in ("NOUN", "PROPN")


def negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never",) for c in token.children)


def hypothetical(token: Token) -> bool:
    """ "for Russia to agree to a ceasefire", "Russia would accept", "if Kyiv accepted": what
    might be, not what anyone holds (read only outside statements: a speaker's "we would accept"
    is a position)."""
    children = list(token.children)
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in lx.HYPOTHETICAL_AUX for c in children):
        return True
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in children):
        return True
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
    return to and any(c.dep_ in ("mark", "prep") and c.lower_ == "for" for c in (*children, *token.lefts))


def children_of(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def clause_words(token: Token) -> list[Token]:
    """The stance word, and the verb it is the predicate of ("was once ready to": "was")."""
    words = [token]
    if token.dep_ in ("acomp", "attr") and token.head != token:
        words.append(token.head)
    return words


def earlier_cue(token: Token) -> str | None:
    """The words on a stance word that place it before the time of writing, if any."""
    for t in clause_words(token):
        for c in children_of(t, "advmod", "npadvmod"):
            if c.lower_ in lx.PERIOD.earlier_adverbs and not list(c.children):
                return c.text  # bare: not "as long as", not "earlier today"
        for c in children_of(t, "prep"):
            objects = {o.lower_ for o in c.children if o.dep_ in ("pobj", "pcomp")}
            if objects & lx.PERIOD.earlier_phrases.get(c.lower_, frozenset()):
                return f"{c.text} {' '.join(sorted(objects))}"
        aux = children_of(t, "aux")
        subject = next(iter(children_of(t, "nsubj")), None)
        if t.tag_ == "VBN" and any(a.lower_ == "had" and (subject is None or subject.i < a.i) for a in aux):
            return "had"  # the past before the past; "had the capital accepted" is a hypothesis, not this
    head = token.head
    if (
        token.dep_ == "xcomp"
        and head.lemma_.lower() in lx.PERIOD.habit_verbs
        and head.tag_ == "VBD"
        and not children_of(head, "dobj")  # "used an interview to reject": a means, not a habit
        and any(a.lower_ == "to" for a in children_of(token, "aux"))
    ):
        return f"{head.text} to"  # "used to demand"
    return None


def _modal_lemmas(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}


def signal_at(token: Token) -> Signal | None:
    """The position this token expresses by itself, if it is a stance word."""
    if token.dep_ in SKIP_DEPS:
        return None
    lemma = token.lemma_.lower()
    if lemma in NO_COMMENT and token.dep_ == "xcomp" and token.head.lemma_.lower() in DECLINING:
        return None  # "declined to discuss the documents": no position, whoever's words it is in
    children = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep")}
    found: tuple[str, str, float] | None = None
    for (verb, particle), position in lx.PHRASAL.items():
        if lemma == verb and particle in children:
            found = (position, f"{token.text} {particle}", 1.0)
    verbal = token.pos_ in ("VERB", "AUX") or (token.dep_ == "ROOT" and token.tag_ in ("NNS", "VBZ"))
    if found is None and verbal and lemma in lx.PERIOD.earlier_only and (words := earlier_cue(token)):
        position = lx.PERIOD.earlier_only[lemma]
        return Signal(token, position, token.text, 1.0, period="earlier", period_cue=words)
    if (
        found is None
        and verbal
        and lemma in lx.INTENTION_VERBS
        and (aim := _to_infinitive(token)) is not None
    ):
        found = ("supports", f"{token.text} to", 0.7)  # "would work to extend the pause": for it
        if aim.lemma_.lower() in lx.PREVENTING_VERBS:  # "seeks to prevent further expansion"
            found = ("opposes", f"{token.text} to {aim.text}", 0.7)
    if found is None and verbal and lemma in lx.STANCE_VERBS:
        if any(c.dep_ == "auxpass" for c in token.children):
            return None  # "while they are reviewed": the subject is not the holder
        complement = next((c for c in token.children if c.dep_ == "xcomp"), None)
        if complement is not None and complement.lemma_.lower() in NO_COMMENT:
            return None  # "refused to comment", "declined to discuss": no position
        if lemma in lx.PERIOD.admission_verbs and any(c.dep_ == "ccomp" for c in token.children):
            return None  # "conceded that it has not achieved ...": an admission, not a concession
        found = (lx.STANCE_VERBS[lemma], token.text, 0.7 if lemma in lx.WEAK_VERBS else 1.0)
        if found[0] in ("demands", "supports") and _prevents(complement):  # "wants to block any change"
            found = ("opposes", f"{token.text} to {complement.text}", found[2])  # type: ignore[union-attr]
    predicative = token.dep_ in ("acomp", "ROOT", "xcomp", "ccomp", "conj") or (
        token.pos_ == "ADP" and token.head.lemma_ == "be"
    )
    if found is None and token.pos_ in ("ADJ", "ADP") and predicative and lemma in lx.STANCE_ADJECTIVES:
        position = lx.STANCE_ADJECTIVES[lemma]
        complement = next((c for c in token.children if c.dep_ == "xcomp"), None)
        if (
            position == "accepts"
            and complement is not None
            and complement.lemma_.lower() in lx.DISCUSSION_VERBS
        ):
            position = "open_to_discuss"
        if position == "accepts" and complement is None:
            position = ""  # "ready" alone says nothing
        if position:
            found = (position, token.text, 1.0)
    if found is not None:
        position, cue, strength = found
        if negated(token) or "never" in _modal_lemmas(token):
            if lemma in lx.NEGATED_VERBS:  # "we do not want a tariff war": opposed to it
                return Signal(token, lx.NEGATED_VERBS[lemma], f"not {cue}", strength)
            flipped = None if lemma in lx.OBJECT_ONLY else lx.NEGATED.get(position)  # "not reached": none
            if flipped is None:
                return None
            return Signal(token, _negated_past(token, flipped), f"not {cue}", strength)
        return Signal(token, position, cue, strength)
    return _modal_signal(token)


def _prevents(complement: Token | None) -> bool:
    return (
        complement is not None
        and complement.lemma_.lower() in lx.PREVENTING_VERBS
        and any(a.lower_ == "to" for a in children_of(complement, "aux"))
    )


def _to_infinitive(token: Token) -> Token | None:
    return next(
        (
            c
            for c in token.children
            if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in children_of(c, "aux"))
        ),
        None,
    )


def _negated_past(token: Token, flipped: str) -> str:
    """ "did not endorse", "has not agreed": a denial of having accepted, not a refusal."""
    aux = {c.lower_ for c in token.children if c.dep_ == "aux"}
    if flipped in ("rejects", "opposes") and aux & {"did", "has", "have", "had"}:
        return "denies"
    return flipped


def _modal_signal(token: Token) -> Signal | None:
    if token.pos_ not in ("VERB", "AUX"):
        return None
    modals = _modal_lemmas(token)
    lemma = token.lemma_.lower()
    refusing = negated(token) or "never" in {c.lower_ for c in token.children}
    if refusing and lemma in lx.CONCESSION_VERBS and (modals or token.tag_ in ("VB", "VBP", "VBZ")):
        return Signal(token, "rejects", f"{' '.join(sorted(modals))} not {token.text}".strip(), 0.8)
    if not refusing and lemma in lx.COMMITMENT_VERBS and modals & lx.FUTURE_AUX:
        # "we will suspend the fees": what a speaker says their own side will give is accepted
        modal = next(m for m in sorted(modals) if m in lx.FUTURE_AUX)
        return Signal(token, "accepts", f"{modal} {token.text}", 0.7, commitment=True)
    if not refusing and modals & {"must", "should", "ought"}:
        return Signal(
            token, "demands", next(m for m in modals if m in ("must", "should", "ought")), 0.8, True
        )
    if not refusing and token.dep_ == "xcomp" and token.head.lemma_.lower() in ("have", "need"):
        if any(c.lower_ == "yet" for c in token.head.children):
            return None  # "have yet to agree": not an obligation
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            return Signal(token, "demands", f"{token.head.text} to", 0.8, True)
    return None


TEXT_KEY = "parley.stances.text"  # the article text, kept on the parse (Doc.text is rebuilt per call)
_QUESTION = re.compile(r"\b(?:whether|if)\b|\?", re.I)
_PHRASE = re.compile(r"\b(" + "|".join(re.escape(k) for k in lx.PHRASES) + r")\b", re.I)


def phrase_signal(token: Token, text: str, start: int, end: int) -> Signal | None:
    """ "... would stay off the table", "... not up for negotiation": a set phrase in the clause."""
    clause = next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), token)
    for t in (clause, *clause.ancestors):
        if t.dep_ in ("ccomp", "ROOT", "conj") or t.head is t:
            clause = t
            break
    tokens = list(clause.subtree)
    lo, hi = max(start, tokens[0].idx), min(end, tokens[-1].idx + len(tokens[-1].text))
    m = _PHRASE.search(text, lo, hi) if lo < hi else None
    if m is None:
        return None
    return Signal(clause, lx.PHRASES[m.group(1).lower()], m.group(1), 0.8)


def embedded_claim(token: Token) -> bool:
    """Is this clause a claim, question or report about someone ("assertions that Putin has
    dismissed the plan", "whether claims that ... could be deemed correct")?"""
    marked = _marked(token.doc)
    for t in ancestors(token):
        if t.i in marked:
            return True
        if t is not token and t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in lx.CLAIM_NOUNS:
            return True
        if t.pos_ in ("VERB", "AUX") and _that_after_claim(t):
            return True
    return False


_NOUN_PHRASE_DEPS = frozenset({"pobj", "prep", "compound", "amod", "det", "poss", "nmod", "nummod"})


def _that_after_claim(verb: Token) -> bool:
    """A "that" clause right after a claim noun that the parser hung elsewhere, mostly when an
    aside stands between them ("reports in the press, citing an official, that X had accepted")."""
    if verb.dep_ in ("ccomp", "acl", "relcl"):
        return False  # hung where it belongs: the walk up finds its noun or verb
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    if mark is None or mark.i == 0:
        return False
    doc, at = verb.doc, mark.i - 1
    if doc[at].text == ",":  # an aside between the noun and its clause: go to where it opens
        at -= 1
        while at >= 0 and doc[at].text != "," and doc[at].sent == mark.sent:
            at -= 1
        at -= 1
    if at < 0 or doc[at].sent != mark.sent:
        return False
    t = doc[at]
    while t.dep_ in _NOUN_PHRASE_DEPS and t.head is not t:
        t = t.head
    return t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in lx.CLAIM_NOUNS


def reported_clause(token: Token) -> bool:
    """Is this word in a clause someone is said to have said, with a subject of its own ("Peskov
    told reporters ... that Putin had turned the plan down")? Outside any statement the attribution
    found, such a clause is the teller's report, never a stance of its own subject."""
    for t in ancestors(token):
        if t.dep_ == "ccomp" and t.head is not t and t.head.lemma_.lower() in lx.SPEECH_VERBS:
            return any(c.dep_ in ("nsubj", "nsubjpass") for c in t.head.children)
    return False


def _marked(doc) -> frozenset[int]:
    """Heads of a "whether" clause, of an object clause opened by "if" ("know if ...") and of a
    question, found once per parse."""
    cached = doc.user_data.get("parley.stances.marked")
    if cached is None:
        text = doc.user_data.get(TEXT_KEY) or text_of(doc)
        heads = set()
        for m in _QUESTION.finditer(text):
            piece = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if piece is not None and len(piece):
                t = piece[0]
                if (t.dep_ == "mark" and t.lower_ in lx.QUESTION_MARKS) or (
                    t.text == "?" and t.dep_ == "punct"
                ):
                    heads.add(t.head.i)
                elif t.dep_ == "mark" and t.lower_ in lx.OBJECT_QUESTION_MARKS and t.head.dep_ == "ccomp":
                    heads.add(t.head.i)
        cached = frozenset(heads)
        doc.user_data["parley.stances.marked"] = cached
    return cached


def subject_of(token: Token) -> Token | None:
    """The subject a stance word's holder is read from (following conjuncts, xcomp, acomp)."""
    for _ in range(6):
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "expl")), None)
        if subject is not None:
            return subject if subject.dep_ == "nsubj" else None
        if any(c.dep_ == "nsubjpass" for c in token.children):
            return None
        if token.dep_ == "conj" and _to_verb(token) and not _to_verb(token.head):
            # "to reaffirm that the demands remain and to reject X": it pairs with "to reaffirm"
            token = next((a for a in token.head.ancestors if _to_verb(a)), token.head)
            continue
        if token.dep_ in ("conj", "xcomp", "acomp", "advcl") and token.head is not token:
            token = token.head
            continue
        if token.dep_ == "relcl":
            return token.head
        return None
    return None


def _to_verb(token: Token) -> bool:
    """An infinitive with "to" ("to reject")."""
    return token.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def condition_of(sentence: SpacySpan, text: str, within: tuple[int, int]) -> tuple[int, int] | None:
    """The character range of the condition attached in ``within`` ("in exchange for ...")."""
    found = condition_with_marker(sentence, text, within)
    return found[:2] if found is not None else None


def condition_with_marker(
    sentence: SpacySpan, text: str, within: tuple[int, int]
) -> tuple[int, int, str] | None:
    """:func:`condition_of`, with the marker that opens the condition ("only if", "if" ...)."""
    start, end = within
    for m in _CONDITION.finditer(text, start, end):
        first = sentence.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if first is None:
            continue
        head = first[0]
        if head.dep_ in ("mark", "advmod"):  # "if ...", "only if ...": the conditional clause
            anchor = head.head
        else:  # "in exchange for ...", "provided that ...": the phrase itself
            anchor = head
        tokens = list(anchor.subtree)
        c_start = max(m.start(), tokens[0].idx)
        c_end = min(end, tokens[-1].idx + len(tokens[-1].text))
        if c_end > c_start:
            marker = " ".join(m.group(1).lower().split())
            if (
                marker == "if"
                and head.dep_ == "mark"
                and any(c.lower_ == "only" for c in anchor.head.children)
            ):
                marker = "only if"  # "could only recover if ..."
            return c_start, c_end, marker
    return None
