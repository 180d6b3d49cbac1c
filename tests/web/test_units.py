"""The pieces of the dashboard and the API that need no server: highlights, cursors, charts."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi import HTTPException

from parley.present.api.records import decode_cursor, encode_cursor, fingerprint
from parley.present.web import safe_url, span_href
from parley.present.web.charts import Mark, bar_chart, day_chart, time_axis
from parley.present.web.highlight import Highlight, segments

TEXT = "Peskov said on Tuesday that Moscow had received nothing."


def test_segments_cover_the_text_and_carry_every_overlapping_mark():
    marks = [
        Highlight(0, 6, "statement-speaker_span", "speaker"),
        Highlight(28, 56, "statement", "what was said"),
        Highlight(15, 22, "time_expression", "date"),
        Highlight(35, 56, "stance", "stance"),
        Highlight(50, 999, "mention", "outside the text: dropped"),
    ]
    found = segments(TEXT, marks, target=(28, 56))
    assert "".join(s.text for s in found) == TEXT
    said = [s for s in found if "statement" in s.kinds]
    assert "".join(s.text for s in said) == TEXT[28:56]
    assert all(s.target for s in said) and not any(s.target for s in found if s.start < 28)
    overlap = next(s for s in found if s.start == 35)
    assert set(overlap.kinds) == {"statement", "stance"}
    assert next(s for s in found if s.start == 28).anchors == ("s28-56",)
    assert not any("mention" in s.kinds for s in found)


def test_a_target_outside_the_text_is_ignored():
    assert not any(s.target for s in segments(TEXT, [], target=(50, 500)))


def test_cursors_round_trip_and_refuse_tampering():
    print_ = fingerprint("statement", {"speaker": "peskov", "kind": None})
    assert print_ == fingerprint("statement", {"speaker": "peskov"})  # unset filters do not count
    cursor = encode_cursor(150, print_)
    assert decode_cursor(cursor, print_) == 150 and decode_cursor(None, print_) == 0
    for bad, other in (
        (cursor, fingerprint("statement", {"speaker": "putin"})),
        ("%%%", print_),
        ("e30", print_),
    ):
        with pytest.raises(HTTPException) as refused:
            decode_cursor(bad, other)
        assert refused.value.status_code == 400


def test_links_to_sentences_and_safe_urls():
    assert span_href("abc", (3, 9)) == "/articles/abc?hl=3-9#s3-9"
    assert span_href("a/b", None) == "/articles/a%2Fb"
    assert safe_url("https://example.test/x") == "https://example.test/x"
    for hostile in (
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,<script>",
        "vbscript:x",
        None,
    ):
        assert safe_url(hostile) is None


def test_charts_escape_their_labels():
    svg = bar_chart([("<script>alert(1)</script>", 3), ("Plain", 1)])
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert day_chart([("2025-01-01", 2), ("2025-01-03", 1), ("unknown", 4)]).count("<rect") == 2
    axis, earlier = time_axis(
        [Mark(dt.date(2025, 1, d), "meeting", f"<b>{d}</b>", f"#ev-{d}") for d in range(1, 30)]
        + [Mark(dt.date(2022, 3, 1), "capture", "long ago", "#ev-old")]
    )
    assert earlier == 1 and "<b>" not in axis and 'href="#ev-1"' in axis
