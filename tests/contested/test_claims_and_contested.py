"""Claims and what is contested in the test articles: a denial linked to the claim it denies,
a disputed attribution, unverified reports, values and roles given differently."""

from __future__ import annotations

import json

from click.testing import CliRunner

from parley.present.contested import contested, contested_lines


def _contested(store, kind):
    return [c for c in store.records("contested") if c.kind == kind]


def test_the_unnamed_officials_claim_is_listed_with_both_denials(store, by_outlet_title):
    claims = [c for c in store.records("claim") if c.kind == "unnamed-source" and "rustem-umerov" in c.about]
    assert len(claims) == 1
    claim = claims[0]
    assert claim.claimant == "An unnamed US official" and claim.claimant_kind == "unnamed"
    assert claim.independent == 1 and claim.sources[0].article_id == by_outlet_title["Leaked"]
    (denial,) = [c for c in _contested(store, "denial") if c.sides[0].claim_id == claim.id]
    denying = denial.sides[1:]
    assert {s.value for s in denying} == {"denies"}
    assert {s.article_id for s in denying} == {by_outlet_title["Umerov"]}
    assert any("did not endorse" in s.text for s in denying)
    assert any("I did not agree" in s.text for s in denying)


def test_a_quote_whose_attribution_is_disputed(store, by_outlet_title):
    (item,) = _contested(store, "attribution")
    assert item.sides[0].actor_id == "emmanuel-macron"
    assert "in those terms" in item.sides[1].text
    assert item.sides[1].article_id == by_outlet_title["Transcript"]


def test_an_unverified_transcript_is_linked_to_the_report_it_doubts(store):
    linked = [c for c in _contested(store, "unverified") if len(c.sides) == 2]
    assert any(
        "betray" in c.sides[0].text and "not verified the transcript" in c.sides[1].text for c in linked
    )


def test_the_army_cap_given_two_ways_is_a_contested_quantity(store, by_outlet_title):
    (army,) = [c for c in _contested(store, "quantity") if c.subject == "army size"]
    assert {s.value: s.article_id for s in army.sides} == {
        "600,000": by_outlet_title["Leaked"],
        "800,000": by_outlet_title["Moscow"],
    }


def test_a_sitting_president_called_former_is_a_contested_role(store, by_outlet_title):
    (role,) = _contested(store, "role")
    assert role.subject == "Donald Trump: role"
    assert [s.value for s in role.sides] == ["former President", "President"]
    assert role.sides[0].article_id == by_outlet_title["Transcript"]


def test_every_side_carries_its_evidence(store):
    for c in store.records("contested"):
        article = store.article(c.article_id)
        for side in c.sides:
            text = store.article(side.article_id).text
            assert side.span.end <= len(text) and side.sources and side.independent >= 1
        assert article is not None and c.explanation


def test_the_brief_section_and_the_command_list_the_same_items(store):
    lines = contested_lines(store, width=100)
    assert lines[0].startswith("What is contested (")
    assert any("denies: Rustem Umerov" in line for line in lines)
    runner = CliRunner()
    result = runner.invoke(contested, ["--db", str(store.path), "--kind", "denial"])
    assert result.exit_code == 0, result.output
    assert "denial:" in result.output and "contested item" in result.output
    as_json = runner.invoke(contested, ["--db", str(store.path), "--json", "--kind", "role"])
    (item,) = json.loads(as_json.output)
    assert item["type"] == "contested" and item["kind"] == "role"


def test_a_side_nobody_is_named_for_reads_unnamed_not_unknown(store):
    from dataclasses import replace

    from parley.present.contested import item_lines

    (role,) = _contested(store, "role")
    # the writer's own words in an article with no outlet: no one is named for them
    side = replace(role.sides[0], who=None, outlet=None)
    flat = " ".join(" ".join(item_lines(replace(role, sides=(side, *role.sides[1:])), width=100)).split())
    assert "former President: unnamed (" in flat and ": unknown (" not in flat
