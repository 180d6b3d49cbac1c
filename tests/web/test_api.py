"""The HTTP API of a real ``parley serve`` over the analysed sample corpus, read with httpx."""

from __future__ import annotations

import json

import httpx
import pytest

from parley import records
from parley.present.export import record_fields
from tests.conftest import run_cli
from tests.web.conftest import Server


@pytest.fixture(scope="module")
def api(server: Server):
    with httpx.Client(base_url=server.url(), timeout=60) as client:
        yield client


def cli_json(db, *args: str):
    return json.loads(run_cli(*args, "--json", db=db).stdout)


def walk(api: httpx.Client, path: str, **params) -> list[dict]:
    """Every item of a list, page after page, following the cursors."""
    items, cursor = [], None
    while True:
        page = api.get(path, params={**params, **({"cursor": cursor} if cursor else {})})
        assert page.status_code == 200, page.text
        body = page.json()
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items


def test_every_registered_record_type_has_its_endpoints(api):
    listed = {t["type"]: t for t in api.get("/api/records").json()}
    assert set(listed) == set(record_fields())  # the article and every registered type
    paths = api.get("/openapi.json").json()["paths"]
    for rt in records.all_types():
        assert f"/api/records/{rt.name}" in paths, rt.name
        assert listed[rt.name]["fields"] == rt.export_fields()
        if "id" in rt.fields:
            assert f"/api/records/{rt.name}/{{record_id}}" in paths
        assert api.get(f"/api/records/{rt.name}", params={"limit": 1}).status_code == 200


def test_records_are_the_export_records_and_pages_cover_them_once(api, sample_db):
    exported = [
        json.loads(line)
        for line in run_cli("export", "--type", "statement", db=sample_db).stdout.splitlines()
    ]
    served = walk(api, "/api/records/statement", limit=37)
    assert served == exported  # the same JSON, in the store's order, none twice, none missed
    articles = walk(api, "/api/records/article", limit=5)
    assert [a["id"] for a in articles] == [a["id"] for a in cli_json(sample_db, "articles")]
    assert all("text" not in a for a in articles)
    whole = api.get(f"/api/records/article/{articles[0]['id'][:8]}").json()
    assert whole["text"] and whole["id"] == articles[0]["id"] and whole["sightings"]


def test_statement_filters_are_the_cli_filters(api, sample_db):
    for params, args in [
        ({"speaker": "zelenskyy"}, ["--speaker", "zelenskyy"]),
        ({"speaker": "peskov", "kind": "direct"}, ["--speaker", "peskov", "--kind", "direct"]),
        ({"since": "2025-12-01", "until": "2025-12-05"}, ["--since", "2025-12-01", "--until", "2025-12-05"]),
        ({"contains": "ceasefire"}, ["--contains", "ceasefire"]),
        ({"speaker_text": "spokes"}, ["--speaker-text", "spokes"]),
    ]:
        served = [s["id"] for s in walk(api, "/api/records/statement", **params)]
        assert served == [s["id"] for s in cli_json(sample_db, "quotes", *args)], params
        assert served, params


def test_event_filters_are_the_cli_filters(api, sample_db):
    served = walk(api, "/api/records/event", type="meeting", actor="witkoff")
    assert [e["id"] for e in served] == [
        e["id"] for e in cli_json(sample_db, "timeline", "--type", "meeting", "--actor", "witkoff")
    ]
    assert served
    bad = api.get("/api/records/event", params={"type": "picnic"})
    assert bad.status_code == 400 and "meeting" in bad.json()["detail"]


def test_one_record_by_id_or_prefix_and_the_errors(api):
    statement = api.get("/api/records/statement", params={"limit": 1}).json()["items"][0]
    assert api.get(f"/api/records/statement/{statement['id'][:8]}").json() == statement
    actor = api.get("/api/records/actor/volodymyr").json()
    assert actor["name"] == "Volodymyr Zelensky" and actor["type"] == "actor"
    missing = api.get("/api/records/event/ffffffffffff")
    assert missing.status_code == 404 and missing.json()["error"] == "NotFound"
    ambiguous = api.get("/api/records/statement/a")  # 201 statements: many ids start with "a"
    assert ambiguous.status_code == 400 and len(ambiguous.json()["candidates"]) > 1
    unknown_speaker = api.get("/api/records/statement", params={"speaker": "nobody-at-all"})
    assert unknown_speaker.status_code == 404


def test_a_cursor_is_opaque_and_tied_to_its_filters(api):
    first = api.get("/api/records/statement", params={"limit": 3, "speaker": "putin"}).json()
    assert first["next_cursor"]
    again = api.get(
        "/api/records/statement", params={"limit": 3, "speaker": "putin", "cursor": first["next_cursor"]}
    )
    assert again.status_code == 200 and again.json()["items"][0] != first["items"][0]
    other = api.get(
        "/api/records/statement", params={"limit": 3, "speaker": "peskov", "cursor": first["next_cursor"]}
    )
    assert other.status_code == 400
    assert api.get("/api/records/statement", params={"cursor": "not-a-cursor"}).status_code == 400
    assert api.get("/api/records/statement", params={"limit": 501}).status_code == 422


def test_each_brief_section_is_the_cli_brief(api, sample_db):
    whole = cli_json(sample_db, "brief")
    assert api.get("/api/brief").json() == whole
    coverage = api.get("/api/brief/coverage").json()
    assert {k: coverage[k] for k in ("articles", "outlets", "days", "by_outlet_day")} == {
        k: whole[k] for k in ("articles", "outlets", "days", "by_outlet_day")
    }
    assert api.get("/api/brief/speakers").json() == whole["speakers"]
    assert api.get("/api/brief/events").json() == whole["events"]
    assert api.get("/api/brief/counts").json() == whole["counts"]
    assert api.get("/api/brief/positions").json() == whole["positions"]
    assert api.get("/api/brief/warnings").json() == whole["warnings"]
    ingest = api.get("/api/brief/ingest").json()
    assert ingest == {"last_run": whole["last_run"], "failures": whole["failures"]}


def test_openapi_and_its_page_are_served_from_here(api):
    spec = api.get("/openapi.json").json()
    assert spec["info"]["title"] == "Parley" and "/api/brief/speakers" in spec["paths"]
    page = api.get("/docs")
    assert page.status_code == 200 and "/docs/assets/swagger-ui-bundle.js" in page.text
    assert "<script>" not in page.text.replace("<script src=", "")  # no inline script
    assert "//" not in page.text.replace("http://www.w3.org", "")  # nothing from another origin
    assert api.get("/docs/assets/swagger-ui-bundle.js").status_code == 200


def test_every_response_carries_the_security_headers(api):
    for path in ("/", "/api/health", "/static/style.css", "/docs", "/api/records/event/nothing-here"):
        headers = api.get(path).headers
        csp = headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp.split("style-src")[0]  # never for scripts
        assert headers["x-content-type-options"] == "nosniff"
        assert "server" not in headers


def test_what_changed_since_a_day_is_the_cli_brief_and_counts_by_publication_day(api, sample_db):
    whole = cli_json(sample_db, "brief", "--since", "2025-12-15")
    changes = api.get("/api/brief/changes", params={"since": "2025-12-15"}).json()
    assert (
        changes == whole["changes"] == api.get("/api/brief", params={"since": "2025-12-15"}).json()["changes"]
    )
    assert changes["since"] == "2025-12-15" and not changes["default"]
    assert api.get("/api/brief/changes", params={"since": "2025-12-15T09:30"}).json() == changes  # a day
    published = cli_json(sample_db, "articles", "--since", "2025-12-15")
    assert changes["articles"] == len(published) == sum(changes["outlets"].values()) > 0
    events = walk(api, "/api/records/event")
    first = {
        e["id"]: min((s["published"] for s in e["sources"] if s["published"]), default=e["date"])
        for e in events
    }
    assert changes["events_total"] == sum(1 for d in first.values() if d and d >= "2025-12-15") > 0
    assert all(first[e["id"]] >= "2025-12-15" for e in changes["events"])
    default = api.get("/api/brief/changes").json()
    newest = max(d for d in api.get("/api/brief/coverage").json()["days"] if d != "unknown")
    assert default["default"] and default["newest"] == newest and default["since"] < newest
    assert api.get("/api/brief/changes", params={"since": "next week"}).status_code == 400


def test_events_say_how_many_of_their_sources_are_independent(api):
    independence = {i["subject_id"]: i for i in walk(api, "/api/records/independence")}
    events = walk(api, "/api/records/event")
    assert independence and all(e["independent"] == independence[e["id"]]["independent"] for e in events)
    copied = [e for e in events if e["independent"] < len({s["article_id"] for s in e["sources"]})]
    assert copied  # the sample corpus has rewrites: some events have fewer independent sources
    one = api.get(f"/api/records/event/{copied[0]['id'][:8]}").json()
    assert one["independent"] == copied[0]["independent"]
    brief_events = api.get("/api/brief/events").json()
    assert all(ev["independent"] == independence[ev["id"]]["independent"] for ev in brief_events)


def test_the_overview_and_timeline_pages_show_what_changed_and_independent_sources(api):
    page = api.get("/", params={"since": "2025-12-15"})
    assert page.status_code == 200
    html = " ".join(page.text.split())
    changes = api.get("/api/brief/changes", params={"since": "2025-12-15"}).json()
    assert "What changed since 2025-12-15" in html and 'name="since" value="2025-12-15"' in html
    assert f"{changes['articles']} articles published" in html
    for ev in changes["events"]:
        assert f"#ev-{ev['id']}" in html
    assert api.get("/", params={"since": "someday"}).status_code == 400
    warnings = api.get("/api/brief/warnings").json()
    assert warnings, "the sample corpus has articles with warning signs"
    for w in warnings:  # each flagged article links to its page, where its signals are marked
        assert f'href="/articles/{w["article_id"]}"' in html and w["kinds"][0] in html
    timeline = " ".join(api.get("/timeline").text.split())
    independence = {i["subject_id"]: i for i in walk(api, "/api/records/independence")}
    some = next(i for i in independence.values() if i["independent"] < i["sources"])
    assert (
        f"{some['sources']} sources, {some['independent']} independent · {some['subject_id'][:8]}" in timeline
    )
