"""The learned attribution model: two CRF taggers trained on PolNeAR, shipped in the package.

:func:`learned_attributions` tags a parsed document with the model in
``parley/data/attribution/`` (built by :mod:`.train`; nothing is downloaded): the cue tagger
finds the words that introduce an attribution, then the role tagger marks each cue's source
and content (:mod:`.features`). The model reads the rules' records as features (it is stacked
on them). Only paragraphs holding a word the training data often used as a cue, or a rule's
cue, are tagged, which keeps the model's cost small next to the parse.

Each proposal is an ordinary :class:`parley.models.Attribution` (kind ``direct`` when its
content opens with a quote mark, else ``reported``), with a confidence: the cue tagger's
marginal probability of the cue's first word times the role tagger's lowest marginal over
the source's words. When the role tagger's best labelling gives a cue no source, the likeliest
source by its marginals is taken all the same if its first word is likely enough
(``MIN_SOURCE_MARGINAL``; a participle's subject is often left unlabelled: ``X spoke, warning
that ...``), with that lower confidence. A proposal that asks (``X asked Y whether ...``) is marked
``question`` as the rules' are (no claim of X's). Which proposals join the rules' records is
:mod:`.combined`'s decision, not the model's.
"""

from __future__ import annotations

import json
import lzma
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.tokens import Span as SpacySpan

from parley.extract import cues as C
from parley.models import Attribution, Span

from .document import DocIndex
from .embedding import asks_question
from .features import RuleMarks, base_features, cue_head_index, paragraphs, role_features, spans_of
from .not_words import not_said
from .quotes import QUOTE_CHARS

MODEL_DIR = Path(str(resources.files("parley.data"))) / "attribution"
CUE_FILE = "cue.crfsuite.xz"  # xz-compressed: the role tagger is 3.8 MB raw, 1.2 MB packed
ROLE_FILE = "roles.crfsuite.xz"
META_FILE = "meta.json"
# How likely (the role tagger's marginal) the first word of a source must be for a cue whose
# best labelling has none to get that source all the same (see _likely_source).
MIN_SOURCE_MARGINAL = 0.1
_PASSIVE = frozenset({"auxpass", "nsubjpass"})
_SPEAKER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_SPEAKER_PRONOUNS = frozenset({"i", "we", "he", "she", "they", "who"})
_SEPARATORS = frozenset({",", ";", ":"})
_NOBODY = frozenset({"neither", "nor", "no", "none", "nobody", "never"})
# Verbs of saying that far more often mean something else when they have no quote ("talks
# concluded", "forces maintain positions", "continue to rely on", "talked about guarantees",
# "the teams agree a framework")
_QUOTE_ONLY = frozenset(
    "continue maintain conclude cite relay project summarize summarise talk speak agree".split()
)
# Verbs that only describe a noun ("an updated framework") or stand for a preposition
# ("including") make no clause.
_NOT_CLAUSE_DEPS = frozenset({"amod", "compound", "prep"})


@dataclass(frozen=True)
class Proposal:
    attribution: Attribution
    confidence: float
    negated: bool = False  # negated or a condition ("did not say", "If X says"): no statement
    speech: bool = True  # the cue is a verb of saying (or "according to"), not of thinking or doing
    passive: bool = False  # the cue verb is passive ("was praised by X")
    words: int = 0  # words in the content
    clause: bool = False  # the content holds a verb (a clause, not a bare noun phrase)
    speaker: bool = False  # the source names someone (LearnedModel.speaker_like)
    in_sentence: bool = True  # a reported content lies in the cue's sentence
    cue_words: int = 1  # words in the cue
    whole: bool = True  # the content does not stop right before a word ("that Finland “wiped”" out ...)


class LearnedModel:
    """The two taggers and the cue lemmas that open a paragraph to them."""

    def __init__(self, folder: Path = MODEL_DIR) -> None:
        import pycrfsuite

        self.folder = folder
        meta: dict[str, Any] = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
        self.meta = meta
        self.cue_lemmas = frozenset(meta["cue_lemmas"])
        self.speaker_nouns = frozenset(meta.get("speaker_nouns", ()))
        # the taggers read the model where it lies in memory: the bytes must outlive them
        self._models = [lzma.decompress((folder / name).read_bytes()) for name in (CUE_FILE, ROLE_FILE)]
        self.cue_tagger = pycrfsuite.Tagger()
        self.cue_tagger.open_inmemory(self._models[0])
        self.role_tagger = pycrfsuite.Tagger()
        self.role_tagger.open_inmemory(self._models[1])

    def speaker_like(self, span: SpacySpan) -> bool:
        """Words that can name someone who speaks: headed by a name, a named body, a personal
        pronoun or a noun the training data's sources are headed by (``officials``), and not
        denied (``neither ... nor``, ``no one``)."""
        root = span.root
        if any(t.lower_ in _NOBODY for t in span):
            return False
        return (
            root.pos_ == "PROPN"
            or root.ent_type_ in _SPEAKER_ENTS
            or root.lower_ in _SPEAKER_PRONOUNS
            or (root.pos_ == "NOUN" and root.lemma_.lower() in self.speaker_nouns)
        )

    def gated(self, ix: DocIndex, para: list[int]) -> bool:
        lemma = ix.tokens.lemma
        cue_lemmas = self.cue_lemmas
        return any(lemma[i] in cue_lemmas for i in para)

    def propose(self, ix: DocIndex, rules: Sequence[Attribution]) -> list[Proposal]:
        """Proposals for one indexed document, given the rules' records for it."""
        out: list[Proposal] = []
        doc = ix.doc
        tt = ix.tokens
        marks = RuleMarks(ix, rules)
        for para in paragraphs(ix):
            if not self.gated(ix, para) and not any(i in marks.cue_of for i in para):
                continue
            base = base_features(ix, para, marks)
            labels = self.cue_tagger.tag(base)
            for ca, cb in spans_of(labels, "CUE"):
                cue_p = self.cue_tagger.marginal("B-CUE", ca)
                a, b = para[ca], para[cb - 1] + 1
                roles = self.role_tagger.tag(role_features(ix, para, base, a, b, marks))
                contents = spans_of(roles, "CON")
                if not contents:
                    continue
                sources = spans_of(roles, "SRC")
                src = min(sources, key=lambda s: min(abs(s[0] - ca), abs(s[1] - cb))) if sources else None
                src_p = 1.0
                if src is not None:
                    src_p = min(self.role_tagger.marginal(roles[k], k) for k in range(*src))
                else:
                    src, src_p = _likely_source(self.role_tagger, roles)
                src = _without_separators(ix, para, src)
                parts = [_char_span(ix, para[s], para[e - 1] + 1) for s, e in contents]
                first = ix.text[parts[0].start : parts[0].start + 1]  # doc.text joins every token anew
                head = cue_head_index(ix, a, b)
                asked = first not in QUOTE_CHARS and asks_question(
                    ix, doc[head], (parts[0].start, parts[0].end)
                )
                att = Attribution(
                    content=parts[0],
                    kind="direct" if first in QUOTE_CHARS else "reported",
                    source=_char_span(ix, para[src[0]], para[src[1] - 1] + 1) if src else None,
                    cue=_char_span(ix, a, b),
                    more_content=tuple(parts[1:]),
                    embedded_in="question" if asked else None,
                )
                head_children = tt.children(head)
                deps = {tt.dep[c] for c in head_children}
                lemma = tt.lemma[head]
                speech = (tt.verb[head] and lemma in C.SPEECH_VERBS) or tt.lower[a] == "according"
                if (lemma in _QUOTE_ONLY or lemma in C.DESCRIBE_VERBS) and att.kind != "direct":
                    speech = False
                if any(tt.dep[c] == "aux" and tt.lemma[c] in C.MODAL_WORDS for c in head_children):
                    speech = False  # "the report will suggest ...": not said yet
                content_toks = [para[k] for s, e in contents for k in range(s, e)]
                first_word = content_toks[0]
                # "clarified what he meant", "argued whether ...": the matter, not the words
                asks = (
                    first_word > head
                    and tt.lower[first_word] in C.QUESTION_WORDS_NOT_SAID
                    and lemma not in C.ASK_VERBS
                )
                out.append(
                    Proposal(
                        att,
                        cue_p * src_p,
                        # "did not say", "without saying", "If X says": as for the rules
                        negated="neg" in deps or not_said(ix, doc[head]),
                        speech=speech,
                        passive=bool(deps & _PASSIVE),
                        words=sum(1 for i in content_toks if tt.alpha[i]),
                        # "insists on ...", "asked for ...": a topic, not a clause
                        clause=not asks
                        and tt.pos[first_word] != "ADP"
                        and (tt.pos[b - 1] != "ADP" or tt.lower[a] == "according")
                        and any(tt.verb[i] and tt.dep[i] not in _NOT_CLAUSE_DEPS for i in content_toks),
                        speaker=src is not None
                        and self.speaker_like(doc[para[src[0]] : para[src[1] - 1] + 1]),
                        in_sentence=att.kind == "direct" or _in_sentence(ix, para, contents, a),
                        cue_words=sum(1 for i in range(a, b) if tt.alpha[i]),
                        whole=_ends_whole(ix, para, contents[-1][1]),
                    )
                )
        return out


def _likely_source(tagger: Any, roles: list[str]) -> tuple[tuple[int, int] | None, float]:
    """When the best labelling has no source, the likeliest one all the same: the word most
    likely to open a source (by the role tagger's marginals) and the words after it likelier
    inside it than not, when that word's marginal is at least ``MIN_SOURCE_MARGINAL``; with
    the lowest marginal over its words (None, 1.0 when there is none)."""
    best, start = 0.0, -1
    for k, lab in enumerate(roles):
        if lab == "O":
            p = tagger.marginal("B-SRC", k)
            if p > best:
                best, start = p, k
    if start < 0 or best < MIN_SOURCE_MARGINAL:
        return None, 1.0
    end, low = start + 1, best
    while end < len(roles) and roles[end] == "O":
        p = tagger.marginal("I-SRC", end)
        if p < 0.5:
            break
        low = min(low, p)
        end += 1
    return (start, end), low


def _without_separators(ix: DocIndex, para: list[int], src: tuple[int, int] | None) -> tuple[int, int] | None:
    """The source without the commas (or ``;``, ``:``) the tagger often takes at its ends
    ("Jane Roe, 58, told ...": "Jane Roe, 58", not "Jane Roe, 58,")."""
    if src is None:
        return None
    s, e = src
    lower = ix.tokens.lower
    while e - s > 1 and lower[para[e - 1]] in _SEPARATORS:
        e -= 1
    while e - s > 1 and lower[para[s]] in _SEPARATORS:
        s += 1
    return s, e


def _ends_whole(ix: DocIndex, para: list[int], end: int) -> bool:
    """The content ending before position ``end`` of ``para`` stops at a punctuation mark or
    the paragraph's end, not in the middle of a phrase."""
    return end >= len(para) or ix.tokens.punct[para[end]]


def _in_sentence(ix: DocIndex, para: list[int], contents: list[tuple[int, int]], cue: int) -> bool:
    """Every content word lies in the cue's sentence."""
    sid = ix.sid[cue]
    return all(ix.sid[para[k]] == sid for s, e in contents for k in range(s, e))


def _char_span(ix: DocIndex, a: int, b: int) -> Span:
    return Span(ix.starts[a], ix.tokens.end(b - 1))


@cache
def default_model() -> LearnedModel | None:
    """The model shipped in the package, loaded once (None when it has not been built)."""
    if not (MODEL_DIR / META_FILE).is_file():
        return None
    return LearnedModel(MODEL_DIR)


def learned_attributions(
    ix: DocIndex, rules: Sequence[Attribution], model: LearnedModel | None = None
) -> list[Proposal]:
    """The model's proposals for one indexed document, with their confidence, given the
    rules' records for it (the model reads them as features)."""
    model = model or default_model()
    if model is None:
        return []
    return model.propose(ix, rules)
