"""The dashboard in a real browser (Debian's chromium through Playwright) against a real
``parley serve``: every page, the click paths from a position or an actor to the sentence, the
filters, and an article full of script that must stay inert. Screenshots go to a temporary folder
(docs/screenshots/ with PARLEY_UPDATE_SCREENSHOTS=1)."""

from __future__ import annotations

import re

import httpx
from playwright.sync_api import expect

from tests.web.conftest import Server, Watched

PAGES = {
    "/": "Parley brief",
    "/positions": "Positions",
    "/plans": "Plan versions",
    "/timeline": "Timeline",
    "/quotes": "Who said what",
    "/contested": "Contested",
    "/stories": "Stories and copies",
    "/articles": "Articles",
    "/actors": "Actors",
}


def api(server: Server, path: str, **params):
    return httpx.get(server.url(path), params=params, timeout=60).json()


def clean(page: Watched) -> None:
    assert page.errors == [], page.errors
    assert page.dialogs == [], page.dialogs


def test_every_page_loads_and_the_menu_reaches_it(page: Watched, server: Server):
    for path, heading in PAGES.items():
        response = page.page.goto(server.url(path))
        assert response is not None and response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert page.page.locator("h1").first.inner_text().startswith(heading), path
    page.page.goto(server.url("/"))
    for path in PAGES:
        page.page.locator(f"header nav a[href='{path}']").click()
        page.page.wait_for_load_state()
        assert page.page.url == server.url(path), (path, page.page.url)
        assert page.page.locator("nav a[aria-current=page]").get_attribute("href") == path
    docs = page.page.goto(server.url("/docs"))
    assert docs is not None and docs.status == 200
    page.page.locator(".opblock-summary-path", has_text="/api/brief/speakers").first.wait_for()
    clean(page)


def test_overview_draws_its_charts_and_links_every_item(page: Watched, server: Server, screenshots):
    page.page.goto(server.url("/"))
    assert page.page.locator("svg.chart rect").count() > 10  # articles per day and per outlet
    assert page.page.locator("svg.chart title", has_text="Continental Wire").count() == 1
    sentences = page.page.locator("a.src")
    assert sentences.count() > 10
    for href in sentences.evaluate_all("links => links.map(a => a.getAttribute('href'))"):
        assert re.fullmatch(r"/articles/[0-9a-f]+\?hl=\d+-\d+#s\d+-\d+", href), href
    page.page.screenshot(path=str(screenshots / "overview.png"))
    clean(page)


def test_matrix_cell_to_evidence_to_the_sentence_in_its_article(page: Watched, server: Server, screenshots):
    positions = api(server, "/api/records/position", limit=500)["items"]
    page.page.goto(server.url("/positions"))
    if not positions:  # no positions step installed or nothing found: the page says so
        assert page.page.locator(".empty").count() == 1
        return
    assert page.page.locator("td.cell a").count() == len(
        [p for p in positions if p["holder_kind"] != "document"]
    ) + len([p for p in positions if p["holder_kind"] == "document"])
    page.page.screenshot(path=str(screenshots / "positions.png"))
    cell = page.page.locator("td.cell a").first
    cell.click()
    page.page.wait_for_url(re.compile(r"/positions/"))
    position_id = page.page.url.rsplit("/", 1)[1].replace("%3A", ":")
    shown = api(server, f"/api/records/position/{position_id}")
    assert page.page.locator("blockquote.evidence").inner_text() == f"“{shown['evidence']['text']}”"
    assert page.page.locator("ol.history li").count() == len(shown["history"])
    page.page.get_by_text("read it in its article").click()
    page.page.wait_for_url(re.compile(r"/articles/[0-9a-f]+\?hl="))
    start, end = shown["evidence"]["span"]
    article = api(server, f"/api/records/article/{shown['evidence']['article_id']}")
    target = page.page.locator("#text .target")
    assert "".join(target.all_inner_texts()) == article["text"][start:end]
    assert page.page.url.endswith(f"#s{start}-{end}")
    assert target.first.is_visible()  # scrolled to
    clean(page)


def test_actor_to_statement_to_its_article(page: Watched, server: Server, screenshots):
    statements = api(server, "/api/records/statement", speaker="zelensky", limit=500)["items"]
    page.page.goto(server.url("/actors"))
    page.page.get_by_role("link", name="Volodymyr Zelensky").click()
    page.page.wait_for_url(server.url("/actors/volodymyr-zelensky"))
    rows = page.page.locator("table.statements tbody tr")
    expect(rows).to_have_count(len(statements))  # waits: under load the rows came after the URL
    link = rows.first.locator("a.src")
    href = link.get_attribute("href")
    link.click()
    page.page.wait_for_url(re.compile(r"/articles/"))
    start, end = map(int, re.search(r"hl=(\d+)-(\d+)", href or "").groups())
    said = next(s for s in statements if s["span"] == [start, end])
    assert "".join(page.page.locator("#text .target").all_inner_texts()) == said["text"]
    assert (
        page.page.locator(".hl-statement").count() > 0
        and page.page.locator(".hl-time_expression").count() > 0
    )
    page.page.screenshot(path=str(screenshots / "article.png"))
    legend = page.page.locator("#legend input[data-kind=statement]")
    legend.uncheck()  # the script hides a kind of mark; the text stays
    assert page.page.locator("#text .hl-statement").count() == 0
    assert page.page.locator("#text .off-statement").count() > 0
    clean(page)


def test_who_said_what_searches_by_resolved_speaker_and_issue(page: Watched, server: Server):
    page.page.goto(server.url("/quotes"))
    page.page.fill("input[name=speaker]", "zelenskyy")
    page.page.get_by_role("button", name="Search").click()
    page.page.wait_for_url(re.compile(r"speaker=zelenskyy"))
    speakers = page.page.locator("table.list tbody tr td:nth-child(2)").all_inner_texts()
    assert speakers and set(speakers) == {"Volodymyr Zelensky"}
    issues = page.page.locator("select[name=issue] option").all_inner_texts()
    if "territory" in issues:
        page.page.select_option("select[name=issue]", "territory")
        page.page.get_by_role("button", name="Search").click()
        page.page.wait_for_url(re.compile(r"issue=territory"))
        assert page.page.locator("h2", has_text="Stances on territory").count() == 1
    clean(page)


def test_timeline_filters_by_type_and_actor(page: Watched, server: Server, screenshots):
    page.page.goto(server.url("/timeline"))
    page.page.screenshot(path=str(screenshots / "timeline.png"))
    page.page.select_option("select[name=type]", "meeting")
    page.page.fill("input[name=actor]", "witkoff")
    page.page.get_by_role("button", name="Show").click()
    page.page.wait_for_url(re.compile(r"type=meeting"))
    kinds = page.page.locator("li.event .head strong").all_inner_texts()
    assert kinds and set(kinds) == {"meeting"}
    expected = api(server, "/api/records/event", type="meeting", actor="witkoff", limit=500)["items"]
    assert len(kinds) == len(expected)
    page.page.locator("svg.chart a").first.click()  # a dot on the axis leads to its event
    assert re.search(r"#ev-[0-9a-f]+$", page.page.url)
    clean(page)


def test_a_hostile_article_stays_inert(page: Watched, hostile_server: Server, screenshots):
    article = api(hostile_server, "/api/records/article", limit=1)["items"][0]
    for path in (
        "/",
        "/articles",
        f"/articles/{article['id']}",
        "/quotes",
        "/actors",
        "/timeline",
        "/contested",
    ):
        response = page.page.goto(hostile_server.url(path))
        assert response is not None and response.status == 200, path
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp
        sources = page.page.eval_on_selector_all("script", "els => els.map(e => e.getAttribute('src'))")
        assert sources == ["/static/dashboard.js"], (path, sources)  # no script but ours
        assert page.page.locator("iframe, img, [onerror], [onload], [onmouseover]").count() == 0, path
        assert page.page.locator("a[href^='javascript:' i]").count() == 0, path
        assert page.page.locator("body").is_visible()  # the article's <style> hid nothing
    page.page.goto(hostile_server.url(f"/articles/{article['id']}"))
    assert "<script>alert('title')</script>" in page.page.locator("h1").inner_text()
    text = page.page.locator("#text").inner_text()
    for markup in (
        "<script>alert('quote')</script>",
        "<img src=x onerror=",
        '<a href="javascript:',
        "<iframe",
    ):
        assert markup in text, markup  # shown as the words it is
    assert "javascript:alert('url')" in page.page.locator("aside").inner_text()  # shown, not linked
    page.page.screenshot(path=str(screenshots / "hostile-article.png"))
    page.page.goto(hostile_server.url("/"))
    outlets = page.page.locator("svg.chart").last
    assert "&lt;b onmouseover" in outlets.inner_html() and outlets.locator("b").count() == 0  # escaped
    assert page.dialogs == [], page.dialogs
    assert page.errors == [], page.errors
    # the browser itself enforces the policy: a script injected inline would not run
    ran = page.page.evaluate(
        """() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1';
                   document.body.appendChild(s); return window.__ran === 1; }"""
    )
    assert ran is False
    assert any("Content Security Policy" in e for e in page.errors)
