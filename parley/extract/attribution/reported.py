"""Reported statements: a verb of saying or believing and the clause it governs.

Every reporting or belief verb outside a quote that governs a clause (``X said (that) ...``,
``X told India Today ...``, ``X wrote on Telegram that ...``, ``..., X said``, ``The plan, X
said, is dead``; ``A had told him, X said, that ...``, ``That is why, X argued, ...``: the whole
sentence, in two parts around the cue, :mod:`.parenthetical`), an infinitive for
verbs of promising, refusing or wanting (``X vowed to ...``, ``X urged Y to ...``, ``X called
on Y to ...``), an object for verbs of denial, confirmation and support (``X denied the
report``; not ``denied them supplies``), a characterisation holding a quote of its own or
``as``/``of``/``for`` after what it describes (``X called the plan "a disaster"``, ``X accused
Y of ...``; not ``what it described as ...``, nor ``referring to Y, where he noted "..."``: the
quote is his noting; :mod:`.describing`), and ``according to X`` (at the end of a sentence, the
sentence before it: :mod:`.according_to`), ``As X noted, CLAUSE`` (:mod:`.as_said`), a cue
misread as a participle (:mod:`.participle_cue`) and an inverted aside (``The plan, said X, a Y, is dead``:
:mod:`.inverted_aside`). A ``that`` clause the parser hung from a verb of saying as an adverbial
(``X responded on X that the leader was showing ...``, ``said on Tuesday, after meeting Y, that
...``) is that verb's content, its own verb no cue; so is one hung on a bare
time adjunct (``said before leaving that ...``). Of two clauses the parser hung on a cue, the one after it
is its content (``He knows that A, so he thinks that B``: two attributions); one before it
across a colon is not. Not content: a question-word clause (``knew what was coming``,
``clarified what he meant``, ``has shown us what people can do``; but ``told how ...``,
``explained why ...``), anything under a negated cue (``did not say``, ``without saying``), and
the object of an infinitive of purpose or of a noun (``using bases to support drone
operations``, ``the right to defend itself``). Content is the clause (with ``that``, from it
when an adjunct interrupts, without final punctuation), stretched to take whole any quote it
starts or ends inside. A reported statement whose cue lies inside another attribution's content
is dropped (``X said that Y believes ...`` is one attribution, X's), unless that attribution
only relays it (``according to reports, Y said ...``: Y's too; :mod:`.embedding`).
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.extract import cues as C

from .according_to import according
from .agentive import expletive_it, needs_agent, stand_object_ok
from .as_said import as_said
from .channels import channel_tail
from .clause_ends import past_word_end
from .describing import describe_span, with_its_preposition
from .document import (
    NOMINAL_POS,
    DocIndex,
    Found,
    addressee_clause,
    adjunct_clause,
    clause_span,
    complement,
    extend_to_quotes,
    is_verb,
)
from .hypothetical import fronted_gerund, hypothetical, not_done, unsaid
from .inverted_aside import inverted_aside
from .loose_clauses import subject_cut_loose
from .not_words import bare_pronoun, seen_doing
from .parenthetical import fronted_subject
from .participle_cue import participle_cue
from .quoted_phrases import quoted_subject_clause
from .speakers import attribution_for_cue
from .verbs import SAYING_OR_THINKING, is_cue_verb


def reported_pass(ix: DocIndex) -> list[Found]:
    found: list[Found] = []
    shown: list[tuple[int, int]] = []  # the content of cues without anyone to hold it
    doc = ix.doc
    n = ix.n
    lower, lemmas, verb = ix.tokens.lower, ix.tokens.lemma, ix.tokens.verb  # no Token per word
    for i in range(n):
        if i in ix.used_cues or ix.qid[i] >= 0:
            continue
        if lower[i] == "according" and i + 1 < n and lower[i + 1] == "to":
            f = according(ix, doc[i])
            if f is not None:
                found.append(f)
            continue
        if not verb[i]:
            continue
        v = doc[i]
        outer = _outer_cue(ix, v)
        if outer is not None:
            # "X responded on X that the leader was showing ...", "said on Tuesday, after meeting Y,
            # that talks would resume": a "that" clause hung as an adverbial is X's, its verb no cue
            content = clause_span(ix, v, outer)
            if content is not None and not ix.overlaps_direct(content):
                f = attribution_for_cue(ix, outer, content, "reported")
                if f.source is not None:
                    found.append(f)
                    ix.used_cues.update((i, outer.i))
            continue
        said_as = as_said(ix, v) or participle_cue(ix, v) or inverted_aside(ix, v)
        if said_as is not None:
            # "As X noted, CLAUSE", "as X pointed out"; "A pilot of a crew operating in the
            # north reported that ..." (the cue parsed as a participle): X's
            found.append(said_as)
            ix.used_cues.add(i)
            continue
        lemma = lemmas[i]
        speech = lemma in C.SPEECH_VERBS
        cognition = lemma in C.COGNITION_VERBS
        commissive = lemma in C.COMMISSIVE_VERBS
        if not (
            speech or cognition or commissive or lemma in C.DESCRIBE_VERBS or lemma in C.OBJECT_CONTENT_VERBS
        ):
            continue
        if hypothetical(v) or unsaid(v) or expletive_it(v) or subject_cut_loose(v):
            # "Should Russia conclude that ...", "Ukraine could conclude that ...", "will likely
            # require Putin to worry that ...": what someone might think or say, not a statement;
            # "believe A shows B": "shows" the verb of A, the believer's content
            continue
        if (speech or cognition) and _negated_host(v):
            # "has not collected any evidence to assess that ...", "found no evidence to
            # suggest that ...": a judgement not made
            continue
        if any(c.dep_ == "neg" for c in v.children) or not_done(v):
            # "X has not opposed the plan", "X did not say whether ...", "left without saying why":
            # the record has no polarity, and a negated cue is not a statement of that content
            continue
        comp = None
        if speech or cognition:
            comp = complement(ix, v)
            if comp is None and speech:
                comp = (
                    adjunct_clause(ix, v)
                    or quoted_subject_clause(ix, v)
                    or fronted_gerund(v)
                    or addressee_clause(ix, v)
                )
        if comp is not None and cognition and seen_doing(v, comp):
            continue  # "found the patient hitting a nurse": something seen, not a finding stated
        lead = _object_subject(v, comp) if comp is not None else None
        if comp is not None and lemma not in C.ASK_VERBS and _asks(comp, v, cognition, lead):
            # "shows us how we can value ...", "knows what they want", "clarified what he
            # meant": a matter named, not a belief held or words said ("asked whether ..." is a
            # question put, :mod:`.embedding`)
            continue
        obj = None
        plain = False
        if comp is None and commissive:
            for c in v.children:
                if c.dep_ == "xcomp" and is_verb(c):
                    comp = c
                elif c.dep_ == "dobj" and c.i > v.i:
                    obj = c  # "urged Kyiv to ...": Kyiv belongs to the content
                elif (
                    c.dep_ == "prep"
                    and c.lower_ == "on"
                    and c.i > v.i
                    and obj is None
                    and lemma in C.CALL_ON_VERBS
                ):
                    obj = _urged(c)  # "called on them to ..."
            if comp is None or (obj is not None and obj.i > comp.i):
                obj = None
        if (
            comp is None
            and lemma in C.OBJECT_CONTENT_VERBS
            and v.dep_ != "amod"  # "opposing diplomats": a word describing a noun
            and not _purpose(v, lemma)
            and not _deprive(v)
        ):
            for c in v.children:
                if (
                    c.dep_ == "dobj"
                    and c.pos_ in NOMINAL_POS
                    and c.i > v.i
                    and c.lower_ not in C.RELATIVE_PRONOUNS
                    and not (c.lower_.endswith(("self", "selves")) and c.n_rights == 0)  # "defend itself"
                ):
                    comp = c
                    plain = True
                    break
            if comp is not None and not stand_object_ok(lemma, comp):
                continue  # "supported flooding response": an action, not a stand
        if plain and comp is not None and bare_pronoun(comp):
            continue  # "dismissed them", "rejected it": no words a reader can take
        if comp is None and lemma in C.DESCRIBE_VERBS:
            # "called the plan "a disaster"": only with a quote in the complement (or
            # the preposition of DESCRIBE_PREPS)
            content = describe_span(ix, v, lemma)
            if content is not None and not ix.overlaps_direct(content):
                f = with_its_preposition(ix, v, attribution_for_cue(ix, v, content, "reported"))
                if f.source is not None:
                    found.append(f)
                    ix.used_cues.add(i)
            continue
        content = None
        heard_on = None  # a channel phrase the parser hung on the content's verb
        if comp is not None:
            content = clause_span(ix, comp, v)
            tail = channel_tail(ix, comp, content) if content is not None else None
            if tail is not None:
                content, heard_on = tail
            if content is not None and lead is not None:
                content = extend_to_quotes(ix, (min(content[0], lead.left_edge.idx), content[1]), v)
            front = fronted_subject(v, comp) if content is not None else None
            if content is not None and front is not None:
                # "The deal, the minister said in talks, is dead", the parser giving "the deal" to
                # "said": the clause's subject before the cue, the cue a parenthetical
                content = (front.left_edge.idx, content[1])
            if content is not None and obj is not None:
                oa = ix.trim(obj.left_edge.i, obj.right_edge.i + 1)
                if oa is not None and oa[0] < content[0]:
                    content = (oa[0], content[1])
        elif speech and v.dep_ == "parataxis" and is_verb(v.head):
            # "The plan, he said, is dead."
            h = v.head
            if h.dep_ == "ccomp" and h.head.i < v.i and is_verb(h.head) and ix.sid[h.head.i] == ix.sid[v.i]:
                if any(c.dep_ == "mark" and c.i > v.i for c in h.children) or _main_clause(h.head, v):
                    # "X had informed him, he said, that ...": the parenthetical sits between
                    # the verb and its clause, and says the whole sentence; so it does inside
                    # the clause of a main verb that is no cue ("That is why, he argued, ...")
                    h = h.head
            a, b = ix.para_clip(h.left_edge.i, h.right_edge.i + 1, h.i)
            b = past_word_end(doc, a, b)
            content = ix.trim(a, b)
        if content is None or ix.overlaps_direct(content):
            continue
        inside = content[0] <= v.idx < content[1]
        agentive, strict = needs_agent(lemma, plain)
        agent = ("parsed" if strict else "view") if agentive else ""
        f = attribution_for_cue(ix, v, content, "reported", inside=inside, agent=agent)
        f.channel = f.channel or heard_on
        if f.source is None and agentive:  # (every cue but a verb of saying needs one)
            if not plain:
                shown.append(content)  # "a map suggests that X aims to ...": not X's either
            continue  # "the data shows that ...", "efforts that seek to ...": no one's view
        found.append(f)
        ix.used_cues.add(i)
    return [f for f in found if f.cue is None or not any(a <= f.cue[0] < b for a, b in shown)]


def _outer_cue(ix: DocIndex, v: Token) -> Token | None:
    """The verb of saying a "that" clause headed by ``v`` belongs to when the parser hung the
    clause from it as an adverbial (``responded on X that ...``) rather than as its complement."""
    if v.dep_ not in ("advcl", "dep", "conj"):
        return None
    that = next((c for c in v.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    if that is None or (that.i > 0 and v.doc[that.i - 1].lower_ in _PURPOSE_BEFORE_THAT):
        return None  # "spoke slowly so that everyone understood"
    h = v.head
    if h.i == v.i or h.i > v.i or h.i in ix.used_cues or ix.qid[h.i] >= 0 or ix.pid[h.i] != ix.pid[v.i]:
        return None
    if not is_verb(h) or h.lemma_.lower() not in C.SPEECH_VERBS:
        return None
    if any(c.dep_ in ("ccomp", "neg") for c in h.children):
        return None
    return h


# Words that make a "that" after them a conjunction of purpose or result, not of speech.
_PURPOSE_BEFORE_THAT = frozenset("so such order now given except provided".split())


def _main_clause(top: Token, v: Token) -> bool:
    """Whether ``top`` is the main verb of its sentence, no verb of saying or thinking, and the
    clause it governs begins before the parenthetical cue ``v`` (``That is why, he argued, the
    party should wait``: the whole sentence is what he argued)."""
    return (
        top.dep_ == "ROOT" and not is_cue_verb(top, SAYING_OR_THINKING) and v.head.left_edge.i < v.left_edge.i
    )


def _object_subject(v: Token, clause: Token) -> Token | None:
    """The object the parser gave cue ``v`` that is the subject of the clause after it, which it
    left without one (``has shown us what humans can achieve``: "what humans")."""
    if clause.i < v.i or v.lemma_.lower() in C.ADDRESSEE_VERBS:
        return None  # "told reporters ...": the one spoken to
    kids = list(clause.children)
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in kids):
        return None
    if clause.tag_ == "VB" and not any(c.dep_ == "aux" for c in kids):
        return None  # an imperative ("suggested a way: draw on ...")
    obj = next((c for c in v.children if c.dep_ == "dobj" and v.i < c.i < clause.i), None)
    if obj is None or not all(t.is_punct for t in v.doc[obj.right_edge.i + 1 : clause.left_edge.i]):
        return None  # right before the clause
    if not all(t.head.i == v.i and t.dep_ in _BEFORE_OBJECT for t in v.doc[v.i + 1 : obj.left_edge.i]):
        return None  # and right after the cue ("shown us what ...")
    return obj


_BEFORE_OBJECT = frozenset({"dative", "advmod", "prt", "punct"})


def _asks(clause: Token, v: Token, cognition: bool, lead: Token | None = None) -> bool:
    """Whether a clause after its cue ``v`` opens with a question word ("how we can ...",
    "what exactly he meant"): under a verb of knowing or showing (``cognition``), it names a
    matter, not a belief someone holds; under a verb of saying, the matter spoken of, not what
    was said, unless it opens with "how" or "why" (:data:`~parley.extract.cues.
    QUESTION_WORDS_NOT_SAID`). A question word before the cue belongs to the sentence around it
    ("what he says is ...", "which he said were ..."); ``lead``: the clause's subject, which the
    parser made the cue's object (:func:`_object_subject`)."""
    first = (lead or clause).left_edge
    words = C.QUESTION_WORDS if cognition else C.QUESTION_WORDS_NOT_SAID
    return first.i > v.i and first.lower_ in words


def _urged(on: Token) -> Token | None:
    """Who ``called on X to ...`` urges: the object of "on", not a date (``called on Friday
    to ...``)."""
    g = next((g for g in on.children if g.dep_ == "pobj"), None)
    if g is None or g.ent_type_ in ("DATE", "TIME") or g.lemma_.lower() in C.TIME_NOUNS:
        return None
    return g


def _deprive(v: Token) -> bool:
    """Whether ``v`` takes a person and a thing (``deny Russia the ability``, ``they are denied
    supplies``): a thing withheld, not a claim denied."""
    return any(c.dep_ in ("dative", "nsubjpass", "auxpass") for c in v.children)


def _negated_host(v: Token) -> bool:
    """Whether infinitive ``v`` hangs, directly or through a noun, on a negated verb or on a noun
    with "no" (``has not observed evidence to assess that ...``, ``found no evidence to
    suggest ...``)."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children) or v.dep_ not in ("acl", "advcl"):
        return False
    h = v.head
    if h.pos_ in NOMINAL_POS:
        if any(c.dep_ == "det" and c.lower_ == "no" for c in h.children):
            return True
        h = h.head
    return is_verb(h) and any(c.dep_ == "neg" for c in h.children)


def _purpose(v: Token, lemma: str) -> bool:
    """Whether ``v`` is an infinitive that says what something is for, not what anyone said:
    one that modifies a noun (``the right to defend itself``, ``a plan to back ...``) and, for
    a verb of taking a stand, one of purpose or result (``using bases to support drone
    operations``, ``troops deployed to back the offensive``, ``could continue to favor ...``)."""
    if v.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        return False
    if v.dep_ in ("acl", "relcl"):
        return True
    return lemma in C.STANCE_OBJECT_VERBS and v.dep_ in ("advcl", "xcomp")
