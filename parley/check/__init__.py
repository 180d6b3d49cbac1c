"""Stance checking: how each source stands toward a claim (``parley check "CLAIM"``).

Each article gets one of ``agree``, ``disagree``, ``discuss`` or ``unrelated``, a confidence,
and the sentence spans (into ``Article.text``) the verdict rests on::

    from parley.check import check_claim
    for s in check_claim("Russia rejected the peace plan", articles):
        print(s.article_id, s.stance, round(s.confidence, 2), [sp.of(text) for sp in s.evidence])

The model (``parley/data/check/model.json``) is plain JSON: an idf table, cue-word lists, a
learned vocabulary and two gradient-boosted forests, read by :mod:`parley.check.trees`. It was
trained on the FNC-1 train split by :mod:`parley.check.train`, which rebuilds it in one command;
:mod:`parley.bench.fnc1` scores it on the FNC-1 competition test set.

After the forests, one rule: an ``agree`` whose most relevant sentences deny the claim ("X denied
reports that ...", "... did not reject ...") becomes ``disagree`` (:mod:`parley.check.denial`,
word lists in ``parley/data/check/denial.json``); the benchmark scores this same output.

Modules: ``text`` (sentences, tokens, cue words), ``features`` (pair features), ``encoder``
(the sentence encoder), ``trees`` (forests as JSON), ``denial`` (the denial reading), ``model``
(loading, deciding, evidence), ``train`` (the training command).
"""

from parley.check.model import STANCES, SourceStance, StanceModel, check_claim, load_model

__all__ = ["STANCES", "SourceStance", "StanceModel", "check_claim", "load_model"]
