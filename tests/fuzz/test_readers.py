"""Every reader fed generated and mutated inputs (broken HTML, feeds, JSON Lines, odd encodings,
huge lines, random bytes) the way ``parley ingest`` reads a file: articles or clear per-file
failures come out, never an exception. A modest number of examples here, derandomised so CI is
repeatable; ``python -m parley.bench.fuzz --examples 100000`` runs the long version."""

from __future__ import annotations

import pytest

pytest.importorskip("hypothesis")

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from parley.bench import fuzz  # noqa: E402
from parley.errors import BinaryInput, EmptyInput, MalformedInput  # noqa: E402
from parley.ingest.decode import decode_text  # noqa: E402
from parley.ingest.feed import feed_outlet, html_to_text  # noqa: E402
from parley.ingest.jsonl import parse_record  # noqa: E402
from parley.ingest.sources import sniff_format  # noqa: E402
from parley.models import RawArticle  # noqa: E402

EXAMPLES = {"text": 40, "html": 25, "feed": 40, "jsonl": 40, "sniffed": 25}
SEEDS = fuzz.seed_files()
QUICK = fuzz.fuzz_settings(300, slow=5.0, derandomize=True)


@pytest.mark.parametrize("fmt", fuzz.FORMATS)
def test_a_file_becomes_articles_or_per_file_failures(fmt, tmp_path):
    settings = fuzz.fuzz_settings(EXAMPLES[fmt], slow=30.0, derandomize=True)  # the first loads models
    settings(fuzz.property_for(fmt, str(tmp_path), SEEDS))()


@QUICK
@given(st.binary(max_size=2048))
def test_decoding_any_bytes_gives_text_or_says_why_not(data):
    try:
        text = decode_text(data, "in.txt")
    except (EmptyInput, BinaryInput) as exc:
        assert exc.origin == "in.txt" and exc.reason
    else:
        assert text.strip() and "\x00" not in text[:8192]


@QUICK
@given(fuzz.JSON_VALUES.map(lambda v: __import__("json").dumps(v)) | st.text(max_size=200))
def test_a_json_line_is_an_article_or_malformed(line):
    try:
        raw = parse_record(line, "in.jsonl#L1")
    except MalformedInput as exc:
        assert exc.origin == "in.jsonl#L1" and exc.reason
    else:
        assert isinstance(raw, RawArticle) and raw.text.strip()


@QUICK
@given(st.text(max_size=500) | fuzz.html_pages().map(lambda b: b.decode("utf-8", "replace")))
def test_html_fragments_of_feed_entries_never_raise(fragment):
    assert isinstance(html_to_text(fragment), str)


@QUICK
@given(st.text(max_size=200), st.none() | st.text(max_size=100))
def test_a_feed_title_gives_an_outlet_or_none(title, link):
    outlet = feed_outlet(title, link)
    assert outlet is None or (outlet.strip() and "\n" not in outlet)


@QUICK
@given(
    st.binary(max_size=2048), st.sampled_from(["", "text/html", "application/rss+xml", "application/json"])
)
def test_sniffing_always_names_a_format(data, content_type):
    assert sniff_format(data, content_type) in {"text", "html", "feed", "jsonl"}
