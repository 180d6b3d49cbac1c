"""Whether a cue is only supposed, not words said (for :mod:`.reported`): ``Should Russia
conclude that ...``, ``could conclude``, ``will likely require Putin to worry that ...``, ``is
likely to argue``, ``will announce on Friday that ...`` (not yet said); but a story's ``would
later say``, ``would go on to say``, ``would often say``, ``would only say that ...`` and a
speaker's own ``I would say`` are words said."""

from __future__ import annotations

from spacy.tokens import Token

from parley.extract import cues as C

from .quotes import QUOTE_CHARS
from .verbs import is_verb


def hypothetical(v: Token) -> bool:
    """Whether the cue ``v`` is only supposed: it has a modal (``could conclude``, ``Should X
    conclude``, ``will argue``, ``will announce on Friday that ...``: not yet said), or so has the
    verb it is the infinitive or bare conjunct of (``will likely require Putin to worry``, ``could
    conclude and argue``, ``could go on to argue``; not ``have prompted them to conclude``, ``could
    not imagine ..., so assumed``), or it is the infinitive of "likely" (``is likely to say``).
    Words said: a story's "would" of what came next or what was done again and again (``would
    later say``, ``would go on to say``, ``would then claim``, ``would often say``) or of what
    little was said (``would only say that ...``), unless an "if" makes it a supposition; a
    speaker's own hedge (``I would say``, ``we would argue``, ``I would like to announce``, ``I
    should say``, ``I can tell you``); and a name the parser took for a modal (``Will wrote``)."""
    chain = [v]
    h = v.head
    if h.i != v.i and (v.dep_ == "xcomp" or (v.dep_ == "conj" and v.tag_ == "VB") or _went_on(v)):
        chain.append(h)
    modals = [
        c
        for t in chain
        for c in t.children
        if c.dep_ == "aux" and c.lemma_.lower() in C.MODAL_WORDS and t.tag_ not in _FINITE  # not "Will wrote"
    ]
    if modals:
        if all(m.lower_ in _NARRATIVE_MODALS for m in modals) and not _supposed(chain):
            if _went_on(v) or any(
                c.dep_ == "advmod" and c.lower_ in _NARRATIVE for t in chain for c in t.children
            ):
                return False
            if _only_said(v):
                return False
        own = any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for t in chain for c in t.children)
        hedges = _NARRATIVE_MODALS | (_OWN_MODALS if v.lemma_.lower() in _PERFORMATIVE else frozenset())
        return not (own and all(m.lower_ in hedges for m in modals))
    return v.dep_ == "xcomp" and v.head.lower_ in ("likely", "unlikely")


def unsaid(v: Token) -> bool:
    """Whether cue ``v`` says nothing though it has no modal: it is in a clause of condition
    (``only if his team recognizes that ...``, ``unless you want to ...``, ``If X helped to reassure
    Y that ...``), an infinitive of wishing (``wanted to run, to tell them that ...``, ``plans to
    announce that ...``), a thought caused (``leading people to believe ...``), or a refusal to
    speak (``declined to comment``, ``refused to confirm that ...``: both verbs), or an impulse
    felt (``part of him wanted to run, shouting that ...``: :func:`_impulse`), an act named by a
    gerund that is a clause's subject (:func:`_gerund_subject`), or the writer's aside ``It is
    worth noting that ...``, or an imperative (:func:`_imperative`); or a condition put first
    (``Had the envoy said "yes", ...``: :func:`_inverted_condition`)."""
    if _gerund_subject(v) or _imperative(v) or (v.tag_ == "VBG" and v.head.lower_ == "worth"):
        return True
    if in_condition(v):
        return True
    lemma = v.lemma_.lower()
    t = v
    for k in range(3):
        h = t.head
        if h.i == t.i or t.dep_ not in ("xcomp", "advcl", "conj") or t.tag_ not in ("VB", "VBG")[: k + 1]:
            break  # up from an infinitive, then through a participle ("wanted to run, shouting, to tell")
        if h.lemma_.lower() in C.UNREALISED_VERBS and lemma not in C.UNREALISED_VERBS and t.dep_ != "conj":
            return True
        t = h
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if (
        lemma in C.COGNITION_VERBS
        and subj is not None
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
    ):
        # "leading people to believe ...", parsed with "people" the infinitive's subject
        if any(w.tag_ == "VBG" and w.lemma_.lower() in C.CAUSATIVE_VERBS for w in subj.subtree):
            return True
    h = v.head
    if v.dep_ in ("xcomp", "ccomp") and h.i != v.i:
        if lemma in C.COGNITION_VERBS and h.lemma_.lower() in C.CAUSATIVE_VERBS:
            return True
        if h.lemma_.lower() in C.REFUSAL_VERBS and lemma in C.NO_COMMENT_VERBS:
            return True
    if held_back(v) or _impulse(v):
        return True
    return lemma in C.REFUSAL_VERBS and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in _WORDS for c in v.children
    )


# verbs of words said or of calling something a name: held back, they are not said
_WORDS = C.SPEECH_VERBS | C.DESCRIBE_VERBS | C.NO_COMMENT_VERBS
# verbs whose infinitive is words not said: refused, avoided, or pressed on someone
_HOLDERS = C.REFUSAL_VERBS | C.PROMPTING_VERBS | {"avoid"}


def _gerund_subject(v: Token) -> bool:
    """A gerund that is the subject of a clause (``Saying that the talks had failed would have
    been a defeat``; ``For the minister, saying "no" was not an option``, which the parser reads
    as a sentence whose root is the gerund and whose clause, with no subject of its own, is its
    content): the act is named, no one says the words. Not with an owner (``His saying that ...
    angered them``: his words), nor a subject without a clause of its own (``he said, adding
    "A" are with his family``, the parser taking "adding" for the subject of the quoted clause)."""
    if v.tag_ != "VBG" or any(c.dep_ in ("nsubj", "poss", "aux", "auxpass") for c in v.children):
        return False
    if fronted_gerund(v.head) is v:
        return True
    if v.dep_ in ("csubj", "csubjpass"):
        return any(c.dep_ == "ccomp" for c in v.children)
    if v.dep_ != "ROOT":
        return False
    subjects = ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass")
    clauses = [c for c in v.children if c.dep_ == "ccomp" and c.i > v.i]
    return any(not any(g.dep_ in subjects for g in c.children) for c in clauses)


def fronted_gerund(v: Token) -> Token | None:
    """The gerund clause that opens the sentence and is what verb of saying ``v`` says, which
    the parser hung on ``v`` as an adverbial (``Saying no was never an option, she told the
    BBC``): a gerund with a clause under it and no subject, owner or auxiliary of its own, then a
    comma and ``v``'s subject, ``v`` with no clause of its own. (``Saying the talks had failed,
    she walked out`` is a saying: its head is no verb of saying; nor is it where ``v`` has its
    own clause, ``..., she told the BBC she would resign``.)"""
    if v.lemma_.lower() not in C.SPEECH_VERBS or any(c.dep_ in ("ccomp", "xcomp") for c in v.children):
        return None
    subject = next((c for c in v.children if c.dep_ == "nsubj" and c.i < v.i), None)
    for g in v.children:
        if g.i > v.i or g.dep_ != "advcl" or g.tag_ != "VBG" or g.left_edge.i != v.sent.start:
            continue
        if any(c.dep_ in ("nsubj", "poss", "aux", "auxpass", "mark") for c in g.children):
            return None
        edge = g.right_edge.i
        doc = v.doc
        if (
            subject is not None
            and edge + 1 < subject.left_edge.i
            and doc[edge + 1].text == ","
            and any(c.dep_ == "ccomp" for c in g.children)
        ):
            return g
    return None


def not_done(v: Token) -> bool:
    """Whether cue ``v`` is negated otherwise than by a "not" of its own: the gerund of
    ``without`` (``said, without clarifying what he meant``), ``instead of`` or ``rather than``
    (``Instead of saying he would resign, X blamed his staff``), or a ``Not once`` before it."""
    if v.dep_ == "pcomp" and (
        v.head.lower_ == "without"
        or any(c.dep_ == "advmod" and c.lower_ in ("instead", "rather") for c in v.head.children)
    ):
        return True
    return any(
        c.dep_ == "advmod" and c.lower_ == "once" and c.i < v.i and any(g.dep_ == "neg" for g in c.children)
        for c in v.children
    )


def in_condition(v: Token) -> bool:
    """Whether cue ``v`` is in a clause of condition: ``only if his team recognizes that ...``,
    ``If X says "…"`` however the parser hangs the clause (the "if" may be the cue's own), a
    condition put first (``Had X said "…"``, ``Should X say "…"``: :func:`_inverted_condition`);
    not an aside inside one (``If, as X has suggested, ...``: said whatever the condition)."""
    if any(c.dep_ == "mark" and c.lower_ in C.CONDITION_MARKS for c in v.children) or _inverted_condition(v):
        return True
    t = v
    for _ in range(8):
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in C.CONDITION_MARKS for c in t.children):
            return True
        if t.head.i == t.i or t.dep_ in ("ccomp", "parataxis"):
            return False  # what is said in a clause, or said besides: the condition is not the cue's
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children):
            return False  # "If, as I have suggested, ...": the aside is said whatever the condition
        t = t.head
    return False


def _imperative(v: Token) -> bool:
    """A cue in the imperative, with no subject: the writer's words to the reader (``Now tell us
    this isn't a witch hunt!``, ``go a step further, and ask would you ...``) or a header word
    (``Note: this story was updated``, ``Claim: a photograph shows ...``), no one's statement."""
    t = v
    if t.dep_ == "conj" and t.head.tag_ == "VB":
        t = t.head  # "go further, and ask"
    if v.tag_ != "VB" or t.tag_ != "VB" or t.dep_ != "ROOT":
        return False
    # an imperative opens its sentence (after "Now", "So", a comma): not '"Act now," urge
    # campaigners', the parser's VB root with its speaker after it
    if any(w.dep_ not in _BEFORE_IMPERATIVE or w.text in QUOTE_CHARS for w in t.sent if w.i < t.i):
        return False
    held = ("nsubj", "nsubjpass", "expl", "aux", "auxpass")
    return not any(c.dep_ in held for x in (t, v) for c in x.children)


def held_back(v: Token) -> bool:
    """A verb of saying its subject held back from, or was pressed to: ``declined to threaten X``,
    ``refused to call it ...``, ``stopped short of calling it ...``, ``steered clear of
    criticizing``, ``avoided naming``, ``dared him to say that ...``, ``urged her to condemn``."""
    return v.lemma_.lower() in _WORDS and _held(v)


def _held(v: Token) -> bool:
    h = v.head
    if h.i == v.i:
        return False
    if (
        v.dep_ in ("conj", "advcl")
        and v.tag_ in ("VB", "VBP")
        and h.lemma_.lower() in _HOLDERS
        and not any(c.dep_ in ("nsubj", "mark", "aux") for c in v.children)
    ):
        return True  # "declined to threaten X or even declare it", the second verb hung on "declined"
    if v.dep_ == "conj":  # "declined to threaten X or even declare it responsible"
        return is_verb(h) and _held(h)
    infinitive = v.dep_ == "xcomp" or (
        v.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
    )
    if infinitive and h.lemma_.lower() in _HOLDERS:
        return True
    if v.dep_ != "pcomp" or h.lower_ not in ("of", "from"):
        return False
    verb = h.head
    if verb.lower_ in ("short", "clear", "away") and verb.head.i != verb.i:
        verb = verb.head  # "stopped short of", "steered clear of", "shied away from"
    return verb.lemma_.lower() in C.HOLDING_BACK_VERBS


def _went_on(v: Token) -> bool:
    """Whether ``v`` is the infinitive of "go on" (``went on to say``, ``would go on to say``)."""
    h = v.head
    return (
        v.dep_ in ("xcomp", "advcl")
        and h.i < v.i
        and h.lemma_.lower() == "go"
        and any(c.dep_ == "prt" and c.lower_ == "on" for c in h.children)
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
    )


def _only_said(v: Token) -> bool:
    """Whether a verb of saying is said to have said no more (``would only say that ...``,
    ``would say only that ...``)."""
    if v.lemma_.lower() not in C.SPEECH_VERBS:
        return False
    if any(c.dep_ == "advmod" and c.lower_ == "only" and c.i < v.i for c in v.children):
        return True
    after = v.doc[v.i + 1] if v.i + 1 < len(v.doc) else None
    return (
        after is not None and after.lower_ == "only" and after.dep_ == "advmod" and after.head.head.i == v.i
    )


def _supposed(chain: list[Token]) -> bool:
    """Whether a verb of ``chain`` has a condition: ``If the talks fail, X would then argue``,
    ``Should the offensive stall, X would eventually conclude``."""
    for t in chain:
        for c in t.children:
            if c.dep_ != "advcl":
                continue
            if any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
                return True
            if (
                c.i < t.i
                and c.left_edge.lower_ in ("should", "had", "were")
                and c.left_edge.tag_ in ("MD", "VBD")
            ):
                return True
    return False


# Finite verb tags no modal governs (``Will wrote``: a name; not VBP, which the parser gives a bare
# verb after a modal too: ``why would anyone believe``).
_FINITE = frozenset({"VBD", "VBZ"})
# The modal of a story's "would" (``He would later say``) and of a speaker's hedge (``I would say``).
_NARRATIVE_MODALS = frozenset({"would", "'d", "’d"})
# Adverbs that make a "would" tell what came next or what was done again and again.
_NARRATIVE = frozenset(
    """later subsequently then eventually afterwards afterward often always sometimes frequently
    repeatedly usually routinely regularly occasionally invariably constantly""".split()
)
# Modals of a speaker's own words with a verb of saying (``I should say``, ``I can tell you``).
_OWN_MODALS = frozenset({"should", "must", "can", "may", "might"})
_PERFORMATIVE = frozenset(
    """say tell add note admit confess stress emphasise emphasize repeat reiterate acknowledge
    concede confirm insist argue""".split()
)


# the words that name an impulse inside someone: "part of him", "something in her"
_IMPULSE_HEADS = {"part": "of", "something": "in"}


def _impulse(v: Token) -> bool:
    """Whether cue ``v`` hangs (as an infinitive, a participle or a conjunct) on a wish whose
    subject is an impulse inside someone (``part of him wanted to run, shouting that ...``,
    ``something in her wanted to scream that ...``): a wish felt, nothing said."""
    t = v
    for _ in range(3):
        h = t.head
        if h.i == t.i or t.dep_ not in ("xcomp", "advcl", "conj"):
            return False
        if h.lemma_.lower() in C.UNREALISED_VERBS:
            subj = next((c for c in h.children if c.dep_ == "nsubj"), None)
            prep = _IMPULSE_HEADS.get(subj.lower_, "") if subj is not None else ""
            return any(
                c.dep_ == "prep" and c.lower_ == prep and any(g.pos_ == "PRON" for g in c.children)
                for c in (subj.children if subj is not None else ())
            )
        t = h
    return False


# Words that may stand before an imperative in its sentence ("Now tell us", "So, ask yourself").
_BEFORE_IMPERATIVE = frozenset({"advmod", "intj", "cc", "punct"})
# Auxiliaries that open a condition when put before the subject ("Had he said ...").
_INVERTED = frozenset({"had", "were", "should"})


def _inverted_condition(v: Token) -> bool:
    """``Had the envoy said "yes", …``, ``Should she say …``: the auxiliary opens the sentence
    before the subject, a condition (or a question), not words said."""
    subject = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in _INVERTED and c.i < subject.i and c.is_sent_start
        for c in v.children
    )
