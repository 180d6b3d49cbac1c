"""Golden files: what the extractors find in the seed articles and in the bundled sample corpus,
one compact JSON file per article under ``tests/golden/<corpus>/``, so that any change of output
shows as a diff a reviewer can read.

Both corpora are ingested and analysed once per module, with the default pipeline and registry,
and every article-scope record is read as its component produced it (``extracted=True``: before
corpus steps resolve anything). Records are written by spans, labels and ids, never by the
words of the seeds (third-party text that must not be copied into the repository); the sample
corpus is ours, so its files also carry the words of each span, for the reader.

Regenerate after an intended change, then read the diff before committing::

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/golden
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from parley.analyse import analyse
from parley.ingest.job import ingest
from parley.models import Article, EventMention, Mention, Span, Statement, TimeExpression
from parley.records import all_types
from parley.store import RecordQuery, open_store
from tests.conftest import SAMPLE, SEEDS

GOLDEN = Path(__file__).parent
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
TODAY = dt.date(2026, 11, 22)  # the ingest day: fixed, so dates are checked the same way each run
CORPORA = {"seeds": SEEDS, "sample": SAMPLE}
WORDS = {"seeds": False, "sample": True}  # may the golden files quote the corpus?
# The stances component is still being written (its output changes from one edit to the next):
# its records are left out until it settles; set True to write and compare them too.
INCLUDE_STANCES = False
SHOW_LINES = 40  # lines of diff shown per article
SHOW_ARTICLES = 5  # articles whose diff is shown


def span(s: Span | None) -> list[int] | None:
    return s.as_list() if s is not None else None


class Dumper:
    """Compact records of one article: spans, labels, ids (and the words, when allowed)."""

    def __init__(self, article: Article, words: bool) -> None:
        self.text = article.text
        self.words = words

    def said(self, s: Span | None) -> str | None:
        return s.of(self.text) if s is not None else None

    def with_words(self, record: dict[str, Any], **spans: Span | None) -> dict[str, Any]:
        if self.words:
            for name, s in spans.items():
                if s is not None:
                    record[f"{name}_words"] = self.said(s)
        return record

    def statements(self, found: list[Statement]) -> list[dict[str, Any]]:
        by_id = {s.id: s for s in found}
        out = []
        for s in found:
            outer = by_id.get(s.outer_id) if s.outer_id else None
            record = {
                "span": span(s.span),
                "more_spans": [span(p) for p in s.more_spans],
                "kind": s.kind,
                "cue": span(s.cue_span),
                "speaker": span(s.speaker_span),
                "speaker_actor_id": s.speaker_actor_id,
                "said_on": s.said_on.isoformat() if s.said_on else None,
                "embedded_in": s.embedded_in,
                "outer": span(outer.span) if outer else (s.outer_id and "missing"),
            }
            out.append(self.with_words(record, span=s.span, cue=s.cue_span, speaker=s.speaker_span))
        return out

    def mentions(self, found: list[Mention]) -> list[dict[str, Any]]:
        return [
            self.with_words({"span": span(m.span), "label": m.label, "actor_id": m.actor_id}, span=m.span)
            for m in found
        ]

    def time_expressions(self, found: list[TimeExpression]) -> list[dict[str, Any]]:
        return [
            self.with_words({"span": span(t.span), "type": t.type, "value": t.value}, span=t.span)
            for t in found
        ]

    def event_mentions(self, found: list[EventMention]) -> list[dict[str, Any]]:
        return [
            self.with_words(
                {
                    "type": e.type,
                    "span": span(e.span),
                    "trigger": span(e.trigger),
                    "date": e.date.isoformat() if e.date else None,
                    "participants": list(e.participants),
                    "participant_refs": [span(r) for r in e.participant_refs],
                },
                trigger=e.trigger,
            )
            for e in found
        ]

    def stances(self, found: list[Any]) -> list[dict[str, Any]]:
        return [
            {"span": span(s.span), "issue": s.issue, "position": s.position, "holder": s.holder}
            for s in found
        ]


# record type -> (key in the file, dumper method)
SECTIONS: dict[str, tuple[str, Callable[[Dumper, list], list[dict[str, Any]]]]] = {
    "statement": ("statements", Dumper.statements),
    "mention": ("mentions", Dumper.mentions),
    "time_expression": ("time_expressions", Dumper.time_expressions),
    "event_mention": ("event_mentions", Dumper.event_mentions),
    "stance": ("stances", Dumper.stances),
}


def dump(store, article: Article, words: bool) -> str:
    """The golden text of one article: one record a line, each section sorted."""
    registered = {rt.name for rt in all_types()}
    dumper = Dumper(article, words)
    lines = ["{", f'  "article": {json.dumps(article.id)},', f'  "chars": {len(article.text)},']
    sections = [t for t in SECTIONS if t in registered and (t != "stance" or INCLUDE_STANCES)]
    for n, type_name in enumerate(sections):
        key, method = SECTIONS[type_name]
        found = list(store.records(type_name, RecordQuery(article_ids=(article.id,)), extracted=True))
        records = sorted(
            (json.dumps(r, sort_keys=True, ensure_ascii=False) for r in method(dumper, found)),
            key=_order,
        )
        comma = "," if n < len(sections) - 1 else ""
        if not records:
            lines.append(f'  "{key}": []{comma}')
            continue
        lines.append(f'  "{key}": [')
        lines += [f"    {r}," for r in records[:-1]] + [f"    {records[-1]}"]
        lines.append(f"  ]{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _order(line: str) -> tuple:
    """Records in text order (by span), then by the rest of the line."""
    record = json.loads(line)
    return (record.get("span") or [-1, -1], line)


def golden_name(article: Article) -> str:
    """The file an article's records go to: its file's stem, and the entry of a feed or a JSONL
    line (``20_newsharbor_export-L1``)."""
    base = article.origin.rsplit("/", 1)[-1]
    name, _, entry = base.partition("#")
    stem = re.sub(r"(\.[A-Za-z]+)+$", "", name)
    return f"{stem}-{entry}" if entry else stem


@pytest.fixture(scope="module")
def analysed(tmp_path_factory):
    """Both corpora ingested into one store and analysed once."""
    corpora = {name: path for name, path in CORPORA.items() if path.is_dir()}
    store = open_store(str(tmp_path_factory.mktemp("golden") / "parley.db"))
    articles: dict[str, list[Article]] = {}
    for name, path in corpora.items():
        before = {a.id for a in store.articles()}
        ingest([str(path)], store, today=TODAY)
        articles[name] = [a for a in store.articles() if a.id not in before]
    analyse(store)
    yield store, articles
    store.close()


@pytest.mark.parametrize("corpus", list(CORPORA))
def test_extractor_output_matches_the_golden_files(analysed, corpus):
    if not CORPORA[corpus].is_dir():
        pytest.skip(f"{CORPORA[corpus]} is not present")
    store, articles = analysed
    assert articles[corpus], f"nothing ingested from {CORPORA[corpus]}"
    folder = GOLDEN / corpus
    actual = {golden_name(a): dump(store, a, WORDS[corpus]) for a in articles[corpus]}
    assert len(actual) == len(articles[corpus]), "two articles would share a golden file"
    if UPDATE:
        folder.mkdir(exist_ok=True)
        for stale in set(p.stem for p in folder.glob("*.json")) - set(actual):
            (folder / f"{stale}.json").unlink()
        for name, text in actual.items():
            (folder / f"{name}.json").write_text(text, encoding="utf-8")
        return
    expected = {p.stem: p.read_text(encoding="utf-8") for p in folder.glob("*.json")}
    problems = [f"no golden file for {name}" for name in sorted(set(actual) - set(expected))]
    problems += [f"golden file without an article: {name}" for name in sorted(set(expected) - set(actual))]
    differing = [name for name in sorted(set(actual) & set(expected)) if actual[name] != expected[name]]
    for name in differing[:SHOW_ARTICLES]:
        diff = difflib.unified_diff(
            expected[name].splitlines(),
            actual[name].splitlines(),
            f"tests/golden/{corpus}/{name}.json (expected)",
            f"{name} (now)",
            n=1,
            lineterm="",
        )
        lines = list(diff)
        more = f"\n  … {len(lines) - SHOW_LINES} more lines" if len(lines) > SHOW_LINES else ""
        problems.append("\n".join(lines[:SHOW_LINES]) + more)
    if len(differing) > SHOW_ARTICLES:
        rest = differing[SHOW_ARTICLES:]
        problems.append(f"… and {len(rest)} more articles differ: {', '.join(rest)}")
    if problems:
        pytest.fail(
            f"{len(differing)} of {len(actual)} {corpus} articles differ from their golden files "
            "(if the change is intended: UPDATE_GOLDEN=1 .venv/bin/pytest tests/golden, then read "
            "the diff)\n\n" + "\n\n".join(problems),
            pytrace=False,
        )


def test_golden_files_never_quote_the_seeds():
    """The seeds' files hold spans, labels and ids only: no string longer than an id."""
    folder = GOLDEN / "seeds"
    files = sorted(folder.glob("*.json"))
    if not files:
        pytest.skip("no seed golden files yet")
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        strings = list(_strings(data))
        assert strings, path
        for value in strings:
            assert re.fullmatch(r"[A-Za-z0-9_:.\-]{1,60}", value), (path.name, value)


def _strings(value: Any):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
