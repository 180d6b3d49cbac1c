"""The write actions: off without an operator's token, refused without it or with another one,
and doing what the CLI does with it (ingest a URL or an upload, merge, split, analyse)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import FIXTURES, Route
from tests.web.conftest import TOKEN, Server

# Every write endpoint, with a request that would be valid: (path, keyword arguments to httpx).
WRITES: dict[str, dict] = {
    "/api/ingest": {"json": {"urls": ["http://127.0.0.1:9/nothing-listens-here"]}},
    "/api/ingest/upload": {"files": {"files": ("note.txt", b"A title\n\nSome words.\n", "text/plain")}},
    "/api/actors/merge": {"json": {"source": "dmitry-peskov", "target": "vladimir-putin"}},
    "/api/actors/split": {"json": {"actor": "dmitry-peskov", "name": "Peskov"}},
    "/api/analyse": {"json": {"force": False}},
}


@pytest.fixture(scope="module")
def writable(sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    copy = tmp_path_factory.mktemp("writable") / "parley.db"
    copy.write_bytes(sample_db.read_bytes())
    running = Server(copy, token=TOKEN)
    yield running
    running.stop()


def post(
    server: Server, path: str, token: str | None = None, scheme: str = "Bearer", **kwargs
) -> httpx.Response:
    headers = {"Authorization": f"{scheme} {token}"} if token is not None else {}
    return httpx.post(server.url(path), headers=headers, timeout=300, **kwargs)


def test_the_table_lists_every_write_endpoint(writable: Server):
    spec = httpx.get(writable.url("/openapi.json")).json()
    posts = {path for path, methods in spec["paths"].items() if set(methods) - {"get"}}
    assert posts == set(WRITES)


def test_without_a_configured_token_every_write_action_is_off(hostile_server: Server):
    for path, kwargs in WRITES.items():
        for token in (None, TOKEN, "anything"):
            answer = post(hostile_server, path, token, **kwargs)
            assert answer.status_code == 403, (path, token, answer.text)
            assert "off" in answer.json()["detail"]


def test_every_write_action_needs_the_token(writable: Server):
    for path, kwargs in WRITES.items():
        missing = post(writable, path, None, **kwargs)
        assert missing.status_code == 401, (path, missing.text)
        assert missing.headers["www-authenticate"] == "Bearer"
        assert post(writable, path, "Basic", scheme="Basic", **kwargs).status_code == 401, path
        for wrong in ("wrong", TOKEN[:-1], TOKEN + "x", TOKEN.upper()):
            answer = post(writable, path, wrong, **kwargs)
            assert answer.status_code == 403, (path, wrong, answer.text)
            assert answer.json()["detail"] == "wrong token"


def test_ingest_a_url_with_the_token(writable: Server, local_server):
    local_server.routes["/story.html"] = Route((FIXTURES / "good" / "page.html").read_bytes())
    first = post(writable, "/api/ingest", TOKEN, json={"urls": [local_server.url("/story.html")]})
    assert first.status_code == 200, first.text
    assert len(first.json()["new"]) == 1 and first.json()["failed"] == []
    again = post(writable, "/api/ingest", TOKEN, json={"urls": [local_server.url("/story.html")]}).json()
    assert again["new"] == [] and again["duplicate"] == first.json()["new"]
    article = httpx.get(writable.url(f"/api/records/article/{first.json()['new'][0]}")).json()
    assert "Marelia" in article["text"] or article["title"]
    local = post(writable, "/api/ingest", TOKEN, json={"urls": ["/etc/passwd", "file:///etc/passwd"]})
    assert local.status_code == 400  # the server never reads its own files for a client


def test_upload_merge_split_and_analyse_with_the_token(writable: Server):
    text = (FIXTURES / "good" / "article.txt").read_bytes()
    uploaded = post(
        writable, "/api/ingest/upload", TOKEN, files={"files": ("../../evil name.txt", text, "text/plain")}
    )
    assert uploaded.status_code == 200, uploaded.text
    assert len(uploaded.json()["new"]) == 1
    analysed = post(writable, "/api/analyse", TOKEN, json={})
    assert analysed.status_code == 200, analysed.text
    assert 1 <= analysed.json()["analysed"] <= 2  # only new articles (this one, maybe the URL's) are parsed
    statements = httpx.get(
        writable.url("/api/records/statement"), params={"article": uploaded.json()["new"][0]}
    )
    assert statements.json()["items"], "the uploaded article's statements are served"

    merged = post(
        writable, "/api/actors/merge", TOKEN, json={"source": "dmitry-peskov", "target": "vladimir-putin"}
    )
    assert merged.status_code == 200, merged.text
    assert "dmitry-peskov" not in {a["id"] for a in merged.json()}
    assert httpx.get(writable.url("/api/records/actor/dmitry-peskov")).status_code == 404
    split = post(
        writable, "/api/actors/split", TOKEN, json={"actor": "vladimir-putin", "name": "Nobody Here"}
    )
    assert split.status_code == 400 and "has no name" in split.json()["detail"]
