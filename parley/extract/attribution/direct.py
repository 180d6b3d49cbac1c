"""Direct quotes: which quotes are speeches, and the cue verb each one has.

A quote is *standalone* when it starts a paragraph or follows ``: , . — (``; a quote inside a
sentence (``called it "a disaster"``, ``said the plan was "dead"``) is left to the reported
pass (:mod:`.reported`), which then keeps the quote whole inside its content, unless it
follows a verb of saying at once (``a man yelled "Stay there!"``, ``said "we won" today``) and
is no phrase of a clause going on after it (``reported "2,500 incidents" in the city``:
:func:`.quoted_phrases.phrase_in_clause`). For a standalone quote the cue is found, in this
order (:func:`direct_pass`), unless the quote opens with a transcript's speaker label
(``"HOST: …``, :func:`.labels.transcript_label`):

* a dependency link: a reporting verb outside the quote that governs the quote's root
  (``"...," Peskov said``, ``Peskov said: "..."``), or that hangs from a word inside it
  (``"...," he told reporters, "..."``); not when that verb is itself inside another verb's
  reported clause, nor inside a claim someone denies, relays or asks about (``dismissed
  claims that X had said "…"``: :func:`.embedding.in_claim`);
* ``according to X`` right after the closing quote, ending the sentence (``"…" – according to
  the briefing.``: :func:`.according_forms.according_after_quote`);
* a colon before the quote (:func:`.labels.colon_intro`);
* the nearest reporting verb in the same sentence (or in a sentence the parser split off
  right after the quote: a short ``X said.``, or one whose words before the verb are all its
  subject, ``"…!" the mayor's niece, a state delegate, shouted``: :mod:`.after_quote`) that
  does not introduce a clause of its own, nor a relative clause on a noun (``"…," a
  statement with which X agreed``: X does not say it); a nickname in quote marks inside a
  name (``Jane "JJ" Doe``) does not stand between;
* a short sentence right before the quote whose main verb is a verb of saying without a
  clause of its own (``X agreed. "…"``, ``X said in a statement. "…"``);
* any finite verb of a short clause right after a sentence-initial quote that ends with ``,``
  ``?`` or ``!`` (``"…," an angry X retaliated``), the punctuation marking the clause as the
  attribution (not copulas, passives or relative clauses: titles);
* a credit line after a quote that ends its paragraph, or a dash and a name after it on its
  own line (:func:`.labels.dash_line`);
* a cue negated or in a condition (``did not say "…"``, ``If X says "…"``, ``Had X said "…"``:
  :func:`.not_words.not_said`) gives the quote to no one, as in the reported pass;
* otherwise the quote is *bare*: it may continue the attribution before it
  (:mod:`.continuation`); not a phrase on a line of its own that opens in lower case (a pull
  quote lifted from a sentence, ``"to improve their position"``): no one's words; nor a title,
  nor a quote the writer's clause goes on after in lower case, unless it holds a sentence of
  its own (``"I would not call it reform. It is a tax" for the rich``).
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.extract import cues as C

from .according_forms import according_after_quote
from .after_quote import subject_fills_gap
from .document import DocIndex, Found
from .embedding import in_claim
from .labels import colon_intro, dash_line, lifted_phrase, opens_paragraph, transcript_label
from .not_words import not_said
from .quoted_phrases import holds_sentence, looks_like_title, nickname, phrase_in_clause
from .quotes import QUOTE_CHARS
from .speakers import attribution_for_cue
from .verbs import VERB_POS, is_cue_verb, is_verb, relative_on_noun

# Characters after which a quote starts a speech of its own ("standalone").
_STANDALONE_BEFORE = frozenset(":,.;?!—–-([…")


def direct_pass(ix: DocIndex) -> tuple[list[Found], list[int]]:
    """Quotes with a cue of their own, and the standalone quotes left without one."""
    found: list[Found] = []
    bare: list[int] = []
    doc = ix.doc
    for qi, q in enumerate(ix.quotes):
        a, b = ix.qtok[qi]
        if b <= a:
            continue
        words = sum(ix.tokens.alpha[a:b])
        if words == 0:
            continue
        content = (q.start, q.end)
        standalone = is_standalone(ix, qi)
        if not standalone and phrase_in_clause(ix, qi):
            continue  # 'reported "2,500 incidents" in the city': a phrase of the clause
        res: Found | None = transcript_label(ix, qi) if standalone else None
        v = link_cue(ix, qi) if res is None else None
        if res is not None:
            pass  # '"HOST: …': the label inside the quote names its speaker
        elif v is not None:
            covers = covers_clause(ix, qi, v)
            told = standalone or covers or right_after(ix, qi, v)
            # "ends with footage of X saying, "…"" with the quote hung from "ends": the gerund's
            host = None if covers else _gerund_host(ix, qi, v)
            if not (told or host is not None) or inside_report(ix, v):
                continue  # a phrase quoted inside a reported clause: the reported pass
            if in_claim(ix, v):
                continue  # quoted inside a denied, reported or asked claim: the reported pass
            if not_said(ix, v):
                continue  # 'did not say "we will leave"', 'If X says "…"': no one's words
            if host is not None:
                ix.used_cues.add(host.i)  # the verb the parser hung the quote on is no cue of its own
            res = attribution_for_cue(ix, v, content, "direct")
        elif not standalone:
            # "a man yelled "Stay there!"": the quote right after a verb of saying
            v = doc[a - 1] if a > 0 else None
            if v is None or ix.in_quote(v.i) or not is_cue_verb(v) or inside_report(ix, v) or in_claim(ix, v):
                continue
            if not_said(ix, v):
                continue
            res = attribution_for_cue(ix, v, content, "direct")
        else:
            res = according_after_quote(ix, qi) or colon_intro(ix, qi)
            if res is None:
                v = proximity_cue(ix, qi)
                if v is not None and not_said(ix, v):
                    continue
                if v is not None:
                    res = attribution_for_cue(ix, v, content, "direct")
            if res is None:
                v = intro_sentence(ix, qi)
                if v is not None and not_said(ix, v):
                    continue
                if v is not None:
                    res = attribution_for_cue(ix, v, content, "direct")
                    if res.source is None:
                        res = None
            if res is None:
                v = verb_after_comma(ix, qi)
                if v is not None:
                    res = attribution_for_cue(ix, v, content, "direct")
                    if res.source is None:
                        res = None
        if res is None and standalone:
            res = dash_line(ix, qi)
        if res is None:
            nxt = ix.text[q.end : q.end + 2].strip()[:1]
            pull = opens_paragraph(ix, qi) and lifted_phrase(ix, qi)  # a phrase lifted, on its own line
            if (
                words >= 3
                and not looks_like_title(ix, a, b)
                and (not nxt.islower() or holds_sentence(ix, qi))
                and not pull
            ):
                bare.append(qi)
            continue
        if res.cue_i >= 0:
            ix.used_cues.add(res.cue_i)
        ix.direct_quotes.add(qi)
        found.append(res)
    return found, bare


def is_standalone(ix: DocIndex, qi: int) -> bool:
    """The quote is a speech of its own, not a phrase quoted inside a sentence."""
    q = ix.quotes[qi]
    ch, crossed = ix.prev_nonspace(q.start)
    if crossed or ch == "" or ch in _STANDALONE_BEFORE:
        return True
    return ch in QUOTE_CHARS and ix.qid[ix.tok_at(q.start - 1)] >= 0


def link_cue(ix: DocIndex, qi: int) -> Token | None:
    """A reporting verb outside the quote, tied to it by a dependency arc."""
    a, b = ix.qtok[qi]
    doc = ix.doc
    pid, qid = ix.pid, ix.qid
    tt = ix.tokens
    punct, space, head = tt.punct, tt.space, tt.head
    best = None
    for i in range(a, b):
        if punct[i] or space[i]:
            continue
        h = head[i]
        if a <= h < b or h == i or qid[h] >= 0 or pid[h] != pid[i]:
            continue
        if (best is None or abs(h - i) < abs(best.i - i)) and is_cue_verb(doc[h]):
            best = doc[h]
    if best is not None:
        return _participle_before(ix, qi, best) or best
    # the cue hangs from a word inside the quote: "…," he told reporters, "…"
    p = pid[a]
    for i in list(range(b, min(ix.n, b + 12))) + list(range(a - 1, max(0, a - 12) - 1, -1)):
        if ix.in_quote(i) or pid[i] != p:
            break
        t = doc[i]
        if is_cue_verb(t) and a <= t.head.i < b:
            return t
    return None


def _participle_before(ix: DocIndex, qi: int, v: Token) -> Token | None:
    """The last gerund of saying under ``v`` between it and the quote, with no content of its
    own, which the quote belongs to though the parser hung it on ``v`` ("The ad ends with
    footage of X saying, "…"": saying, not ends)."""
    a, _ = ix.qtok[qi]
    for c in reversed(ix.doc[v.i + 1 : a]):
        if c.tag_ == "VBG" and is_cue_verb(c) and not ix.in_quote(c.i) and v in c.ancestors:
            if not any(g.dep_ in ("ccomp", "dobj", "xcomp", "parataxis") for g in c.children):
                return c
    return None


def _gerund_host(ix: DocIndex, qi: int, v: Token) -> Token | None:
    """The verb the parser hung the quote on when :func:`_participle_before` gave gerund ``v``
    in its place, unless that verb has a clause of its own outside the quote."""
    for w in v.ancestors:
        if is_verb(w):
            found = _participle_before(ix, qi, w)
            if any(c.dep_ in ("ccomp", "parataxis") and not ix.in_quote(c.i) for c in w.children):
                return None
            return w if found is not None and found.i == v.i else None
    return None


def right_after(ix: DocIndex, qi: int, v: Token) -> bool:
    """The quote follows its cue at once (``declared "What a night!"``, ``told
    reporters "..."``), so it is the speech itix."""
    a, _ = ix.qtok[qi]
    j = a - 1
    doc = ix.doc
    while j >= 0 and doc[j].is_punct and not ix.in_quote(j):
        j -= 1
    if j < 0:
        return False
    t = doc[j]
    return t.i == v.i or (t.head.i == v.i and t.dep_ in ("dobj", "dative", "npadvmod") and t.i > v.i)


def inside_report(ix: DocIndex, v: Token) -> bool:
    """``v`` sits in the clause reported by another cue verb ("X said he rarely asks
    them, "…""): the quote belongs to X's reported statement."""
    cur = v
    p = ix.pid[v.i]
    for _ in range(4):
        h = cur.head
        if h.i == cur.i or ix.pid[h.i] != p or ix.in_quote(h.i):
            return False
        if cur.dep_ == "ccomp" and is_cue_verb(h):
            return True
        if cur.dep_ not in ("conj", "xcomp", "advcl", "ccomp"):
            return False
        cur = h
    return False


def covers_clause(ix: DocIndex, qi: int, v: Token) -> bool:
    """The quote is the whole clause that ``v`` governs (``said "We are ready."``)."""
    a, b = ix.qtok[qi]
    for c in v.children:
        if c.dep_ in ("ccomp", "parataxis", "xcomp", "dobj") and a <= c.i < b:
            for t in c.subtree:
                if not (a <= t.i < b) and not (t.is_punct or t.is_space):
                    return False
            return True
    return False


def proximity_cue(ix: DocIndex, qi: int) -> Token | None:
    """The nearest reporting verb around the quote that has no clause of its own."""
    a, b = ix.qtok[qi]
    n = ix.n
    doc = ix.doc
    lo = ix.sbounds[ix.sid[a]][0]
    hi = ix.sbounds[ix.sid[b - 1]][1]
    if hi <= b + 1 and hi < n:
        hi = ix.sbounds[ix.sid[hi]][1]  # "…” Weaver said." split off by the parser
    lo = max(lo, a - 25)
    hi = min(hi, b + 25)
    best = None
    best_d = 1e9
    for i in range(lo, hi):
        if a <= i < b or ix.in_quote(i):
            continue
        t = doc[i]
        if not is_cue_verb(t) and not (b <= i <= b + 3 and _mistagged_cue(t)):
            continue
        if relative_on_noun(t):
            continue  # "…," a statement with which X agreed: X takes a view of it, not its words
        pi = ix.pid[i]
        if any(
            c.dep_ in ("ccomp", "xcomp") and not ix.in_quote(c.i) and ix.pid[c.i] == pi for c in t.children
        ):
            continue  # a verb with a clause of its own
        lo_i, hi_i = (i, a) if i < a else (b, i)
        blocked = False
        for j in range(lo_i, hi_i):
            other = ix.qid[j] >= 0 and ix.qid[j] != qi and not nickname(ix, ix.qid[j])
            if other or (doc[j].is_space and "\n" in doc[j].text):
                blocked = True
                break
        if blocked:
            continue
        if i >= b and ix.sid[i] != ix.sid[b - 1]:
            # "…” \n Weaver said.": only a short attribution sentence of its own
            addressee = t.lemma_.lower() in C.ADDRESSEE_VERBS
            if (i - b > 6 and not subject_fills_gap(ix, b, t)) or any(
                c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and not addressee) for c in t.children
            ):
                continue
        d = (a - i) * 1.5 if i < a else (i - b)
        if d < best_d:
            best, best_d = t, d
    return best


def intro_sentence(ix: DocIndex, qi: int) -> Token | None:
    """A short sentence right before the quote, in its paragraph, whose main verb is a
    verb of saying without content of its own: ``X said in a statement. "…"``, ``X
    agreed. "…"``."""
    a, _ = ix.qtok[qi]
    doc = ix.doc
    j = a - 1
    while j >= 0 and (doc[j].is_punct or doc[j].is_space) and not ix.in_quote(j):
        if doc[j].is_space and "\n" in doc[j].text:
            return None
        j -= 1
    if j < 0 or ix.in_quote(j) or ix.pid[j] != ix.pid[a]:
        return None
    lo, hi = ix.sbounds[ix.sid[j]]
    lo = max(lo, j - 30)
    v = doc[j]
    for _ in range(8):
        if v.head.i == v.i or not (lo <= v.head.i <= j):
            break
        v = v.head
    if not (lo <= v.i <= j) or ix.in_quote(v.i) or not is_cue_verb(v):
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > v.i for c in v.children):
        return None  # "X said that …. "…"": a reported clause comes first
    if any(ix.in_quote(i) for i in range(max(lo, v.i - 30), j + 1)):
        return None
    return v


def verb_after_comma(ix: DocIndex, qi: int) -> Token | None:
    """The verb of a short clause right after a quote that ends with a comma (or ``?``
    / ``!``): ``"…," an angry Hollande retaliated``, ``"…," remembered X``. The
    punctuation marks the clause as the quote's attribution, whatever the verb."""
    q = ix.quotes[qi]
    inner = ix.text[q.start : q.end].rstrip("\"“”«»„‘’'` ")[-1:]
    if inner not in (",", "?", "!"):
        return None
    ch, crossed = ix.prev_nonspace(q.start)
    if not (crossed or ch in ("", ".", "?", "!") or ch in QUOTE_CHARS):
        return None  # not at the start of a sentence: a title in apposition
    _, b = ix.qtok[qi]
    doc = ix.doc
    p = ix.pid[b - 1]
    for i in range(b, min(ix.n, b + 10)):
        t = doc[i]
        if ix.pid[i] != p or ix.in_quote(i) or t.text in (".", ";", ":", "(", "—", "–"):
            return None
        if t.tag_ in ("VBD", "VBZ", "VBP") and t.pos_ in VERB_POS:
            if t.dep_ == "relcl":
                return None  # "''X,'' the show that Y revived, ...": a title
            if t.pos_ == "AUX" and t.head.i != t.i and t.head.i > t.i:
                continue  # "has" of "has said": the main verb follows
            if t.lemma_.lower() == "be" or any(
                c.dep_ in ("ccomp", "xcomp", "dobj", "attr", "acomp", "auxpass") and not ix.in_quote(c.i)
                for c in t.children
            ):
                return None  # a clause with content of its own, or a title: "''X,'' is ..."
            return t
    return None


def _mistagged_cue(t: Token) -> bool:
    """A past-tense reporting verb the tagger took for an adjective (``Peskov informed
    journalists`` read as a noun phrase)."""
    low = t.lower_
    if t.pos_ not in ("ADJ", "NOUN", "PROPN") or _in_title(t):
        return False
    if low in C.SPEECH_VERBS:
        return True
    if low.endswith("s") and low[:-1] in C.SPEECH_VERBS:
        return True
    if not low.endswith("ed"):
        return False
    stem = low[:-2]
    cands = (stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else stem)
    return any(c in C.SPEECH_VERBS for c in cands)


def _in_title(t: Token) -> bool:
    """Whether a capitalised ``t`` is a word of a run of capitalised name or title words
    (``Secretary of State Jane Doe``) in a sentence not in title case: part of a name, not a
    misread cue."""
    if not t.text[:1].isupper() or t.is_sent_start:
        return False
    doc = t.doc
    j = t.i - 1
    while j >= 0 and doc[j].lower_ in ("of", "for", "the", "and", "&"):
        j -= 1
    before = j >= 0 and doc[j].text[:1].isupper() and doc[j].is_alpha and not doc[j].is_sent_start
    after = t.i + 1 < len(doc) and doc[t.i + 1].text[:1].isupper() and doc[t.i + 1].is_alpha
    if not (before or after):
        return False
    # a title-case headline ("Envoy Says Talks Stalled") capitalises its verb too
    return any(w.is_alpha and w.text[:1].islower() and not w.is_stop for w in t.sent)
