"""The stance model: a JSON file read by plain code, and what ``check`` returns.

The model file (``parley/data/check/model.json``, rebuilt by :mod:`parley.check.train`) holds::

    format        "parley-stance/1"
    name, version what :attr:`SourceStance.model` reports, for provenance
    encoder       the sentence-encoder package the embedding features were trained with
    idf           term -> inverse document frequency (terms as :func:`parley.check.text.terms`)
    default_idf   idf of a term the training data never showed twice
    cues          cue-word lists counted as features (see :data:`parley.check.text.CUES`)
    evidence_words the learned 0/1 vocabulary of relevant-sentence tokens
    features      names of the feature vector's entries (checked against the code on load)
    related       {"threshold": t, "forest": trees}: P(related) over the first len(RELATED_NAMES)
    stance        {"labels": [agree, disagree, discuss], "forest": trees}
    training      how it was trained, and its held-out and test figures

Forests are in the form :mod:`parley.check.trees` evaluates.

Decision: a pair is ``unrelated`` when P(related) < ``threshold``; otherwise it gets the most
probable of agree / disagree / discuss. Then one reading overrules the forest: an ``agree`` whose
body has, among its :data:`DENIAL_TOP` sentences most relevant to the claim, one that denies the
claim (:mod:`parley.check.denial`: "X denied that ...", "reports that ... are false", "did not
...") becomes ``disagree``, with that sentence as its first evidence, and the probabilities of
agree and disagree are swapped. ``confidence`` is the probability of the stance given:
``1 - P(related)`` for unrelated, ``P(related) * P(stance | related)`` otherwise. The benchmark
(:meth:`StanceModel.predict_pairs`) and ``check`` decide the same way.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import numpy as np

from parley.check import trees
from parley.check.denial import DenialReader
from parley.check.features import RELATED_NAMES, Body, Encoder, Featurizer
from parley.check.text import compile_cues, count
from parley.errors import ConfigError
from parley.models import Article, Span

FORMAT = "parley-stance/1"
DEFAULT_MODEL = Path(__file__).resolve().parents[1] / "data" / "check" / "model.json"
StanceLabel = Literal["agree", "disagree", "discuss", "unrelated"]
STANCES: tuple[StanceLabel, ...] = ("agree", "disagree", "discuss", "unrelated")
MIN_EVIDENCE_TOKENS = 5
DENIAL_TOP = 5  # most relevant sentences searched for a denial of the claim
AGREE, DISAGREE = 0, 1


@dataclass(frozen=True)
class SourceStance:
    """One article's stance toward a claim, with the sentences it rests on.

    ``evidence`` are sentence spans into ``Article.text``, most relevant first (empty for an
    unrelated article). ``probabilities`` gives every stance's probability (they sum to 1).
    """

    article_id: str
    stance: StanceLabel
    confidence: float
    evidence: tuple[Span, ...]
    probabilities: dict[str, float]
    outlet: str | None = None
    model: str = ""


class StanceModel:
    """A loaded stance model. Build it with :func:`load_model`."""

    def __init__(self, data: dict[str, Any], encoder: Encoder | None) -> None:
        if data.get("format") != FORMAT:
            raise ConfigError(f"not a stance model (format {data.get('format')!r}, expected {FORMAT!r})")
        self.data = data
        self.name = f"{data['name']}-{data['version']}"
        self.featurizer = Featurizer(
            idf=data["idf"],
            default_idf=float(data["default_idf"]),
            evidence_words=tuple(data["evidence_words"]),
            cues={k: tuple(v) for k, v in data["cues"].items()},
            encoder=encoder,
        )
        if self.featurizer.names() != data["features"]:
            raise ConfigError("stance model features do not match this version of parley.check: retrain it")
        self.threshold = float(data["related"]["threshold"])
        self.labels: tuple[str, ...] = tuple(data["stance"]["labels"])
        self._refute = compile_cues(data["cues"].get("refute", ()))
        idf, default_idf = self.featurizer.idf, self.featurizer.default_idf
        self.denial = DenialReader(lambda term: idf.get(term, default_idf))

    # -- probabilities -----------------------------------------------------------------------
    def probabilities(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """P(related) ``(n,)`` and P(agree, disagree, discuss | related) ``(n, 3)``."""
        x = np.atleast_2d(x)
        related = trees.predict_proba(self.data["related"]["forest"], x[:, : len(RELATED_NAMES)])
        stance = trees.predict_proba(self.data["stance"]["forest"], x)
        return related, stance

    def decide(self, related: np.ndarray, stance: np.ndarray) -> list[int]:
        """Index into :data:`STANCES` for each row."""
        best = stance.argmax(axis=1)
        return [3 if r < self.threshold else int(b) for r, b in zip(related, best, strict=True)]

    # -- pairs (the benchmark) ---------------------------------------------------------------
    def predict_pairs(self, pairs: Sequence[tuple[str, int]], bodies: dict[int, str]) -> list[int]:
        """Stance index for each (claim, body id) pair; bodies are read once each."""
        read = {k: self.featurizer.read_body(bodies[k]) for k in sorted({b for _, b in pairs})}
        claims = {c: self.featurizer.embed_claim(c) for c in sorted({c for c, _ in pairs})}
        x = np.array([self.featurizer.features(c, read[b], claims[c]) for c, b in pairs])
        labels = self.decide(*self.probabilities(x))
        views = {c: self.denial.claim(c) for c in claims}
        for i, (c, b) in enumerate(pairs):
            if labels[i] == AGREE and self.denied(views[c], c, read[b], claims[c]) is not None:
                labels[i] = DISAGREE
        return labels

    def denied(self, view: Any, claim: str, body: Body, claim_emb: np.ndarray | None) -> int | None:
        """The first of the body's :data:`DENIAL_TOP` sentences most relevant to the claim that
        denies it (an index into ``body.spans``), or None; ``view`` is the claim as
        :meth:`DenialReader.claim` reads it, once for every body."""
        if view is None:
            return None
        order = self.featurizer.ranking(*self.featurizer.relevance(claim, body, claim_emb))
        for i in order[:DENIAL_TOP]:
            start, end = body.spans[int(i)]
            if self.denial.denies(view, body.text[start:end]):
                return int(i)
        return None

    # -- articles (the library call) ---------------------------------------------------------
    def check(self, claim: str, articles: Iterable[Article], evidence: int = 2) -> list[SourceStance]:
        claim_emb = self.featurizer.embed_claim(claim)
        view = self.denial.claim(claim)
        out = []
        for article in articles:
            body = self.featurizer.read_body(article.text)
            x = self.featurizer.features(claim, body, claim_emb)
            related, stance = self.probabilities(x)
            label = self.decide(related, stance)[0]
            probs = [float(related[0] * p) for p in stance[0]] + [float(1.0 - related[0])]
            denial = self.denied(view, claim, body, claim_emb) if label == AGREE else None
            if denial is not None:
                label = DISAGREE
                probs[AGREE], probs[DISAGREE] = probs[DISAGREE], probs[AGREE]
            spans = (
                () if label == 3 else self._evidence(claim, body, claim_emb, STANCES[label], evidence, denial)
            )
            out.append(
                SourceStance(
                    article_id=article.id,
                    stance=STANCES[label],
                    confidence=probs[label],
                    evidence=spans,
                    probabilities=dict(zip(STANCES, probs, strict=True)),
                    outlet=article.outlet,
                    model=self.name,
                )
            )
        return out

    def _evidence(
        self,
        claim: str,
        body: Body,
        claim_emb: np.ndarray | None,
        stance: str,
        k: int,
        denial: int | None = None,
    ) -> tuple[Span, ...]:
        """The ``k`` sentences most relevant to the claim; for ``disagree``, the sentence that
        denies the claim (``denial``) or else a refuting sentence among the five most relevant
        comes first. Lines under :data:`MIN_EVIDENCE_TOKENS` words (headings, tags, menu items)
        are passed over while longer sentences are left."""
        lex, sem = self.featurizer.relevance(claim, body, claim_emb)
        order = [int(i) for i in self.featurizer.ranking(lex, sem) if lex[int(i)] > 0 or sem[int(i)] > 0.3]
        order = [i for i in order if len(body.sent_tokens[i]) >= MIN_EVIDENCE_TOKENS] or order
        if denial is not None:
            order = [denial] + [i for i in order if i != denial]
        elif stance == "disagree":
            refuting = [i for i in order[:5] if count(body.sent_tokens[i], self._refute)]
            order = refuting[:1] + [i for i in order if i not in refuting[:1]]
        return tuple(Span(*body.spans[i]) for i in order[:k])


@lru_cache(maxsize=4)
def _load(path: Path) -> StanceModel:
    from parley.check.encoder import default_encoder

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read stance model {path}: {exc}") from exc
    return StanceModel(data, default_encoder())


def load_model(path: Path | str | None = None) -> StanceModel:
    """The stance model at ``path`` (default: the shipped one), loaded once per process."""
    return _load(Path(path).resolve() if path else DEFAULT_MODEL)


def check_claim(
    claim: str, articles: Iterable[Article], model: StanceModel | None = None
) -> list[SourceStance]:
    """Each article's stance toward ``claim`` (agree, disagree, discuss, unrelated), in input order."""
    if not claim.strip():
        raise ValueError("empty claim")
    return (model or load_model()).check(claim, articles)
