"""Every bad input gets a clear per-input failure while the rest of the batch is stored.

Real files (tests/fixtures/bad), a real SQLite file, and the local HTTP server for URLs; the only
other address used is a closed port on 127.0.0.1.
"""

from __future__ import annotations

import re
import shutil
import time

import pytest

from parley.ingest.fetch import Fetcher
from tests.conftest import FIXTURES, GOOD_ARTICLES
from tests.ingest.conftest import run

pytestmark = pytest.mark.usefixtures("loopback_only")  # no address but 127.0.0.1

BAD = FIXTURES / "bad"
GOOD = FIXTURES / "good"

# file -> words the failure reason must contain
BAD_FILES = {
    "empty.txt": "empty file",
    "whitespace.txt": "only whitespace",
    "binary.txt": "binary",
    "no_article.html": "no article text",
    "malformed.rss.xml": "malformed feed",
    "not_a_feed.xml": "not an RSS or Atom feed",
}


@pytest.fixture
def fetcher():
    fetcher = Fetcher(timeout=0.5)
    yield fetcher
    fetcher.close()


def reasons(report) -> dict[str, str]:
    return {f.origin: f.reason for f in report.failures}


def snapshot(store) -> dict[str, tuple]:
    return {
        a.id: (a.sha256, a.title, a.text, a.origin, a.outlet, a.published, a.cites, a.author)
        for a in store.articles()
    }


# -- files -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "words"), sorted(BAD_FILES.items()))
def test_bad_file_fails_with_a_reason_and_the_good_file_is_stored(store, name, words):
    bad = BAD / name
    report = run([bad, GOOD / "article.txt"], store)
    assert reasons(report) == {str(bad): reasons(report)[str(bad)]}
    assert words in reasons(report)[str(bad)]
    assert [a.origin for a in report.new] == [str(GOOD / "article.txt")]
    assert store.count_articles() == 1
    stored = store.failures(report.run_id)
    assert [(f.origin, words in f.reason) for f in stored] == [(str(bad), True)]
    assert store.runs()[-1].failed == 1 and store.runs()[-1].new == 1


def test_cp1251_file_is_read_correctly(store):
    report = run([BAD / "cp1251.txt"], store)
    assert report.ok and len(report.new) == 1
    article = store.article(report.new[0].id)
    assert article.title == 'Kremlin says peace proposal still "under study"'
    for words in (
        "«Мы изучаем документ и не будем обсуждать его через прессу»",
        "Дмитрий Песков",
        "Юрий Ушаков",
        "Officials in Киев said",
    ):
        assert words in article.text
    assert "\ufffd" not in article.text and "Ð" not in article.text and "Ã" not in article.text


def test_utf16_file_is_read_correctly(store):
    report = run([BAD / "utf16.txt"], store)
    assert report.ok and len(report.new) == 1
    article = store.article(report.new[0].id)
    assert article.title == "Negotiators agree to meet again next week"
    assert article.text.startswith("Delegations from both sides ended two days of talks on Thursday")
    assert '"We are closer than we were, but closer is not the same as close," she said.' in article.text
    assert "\x00" not in article.text and "\ufeff" not in article.text and "\ufffd" not in article.text
    assert article.language == "en"


def test_utf16_without_bom_and_cp1251_cyrillic_text_are_read(store, tmp_path):
    russian = (
        "Переговоры в Женеве\n\nДелегации двух стран завершили второй день переговоров в Женеве. "
        "Представитель Кремля сказал журналистам, что работа над документом продолжается.\n"
    )
    cp1251 = tmp_path / "russian_cp1251.txt"
    cp1251.write_bytes(russian.encode("cp1251"))
    english = GOOD.joinpath("article.txt").read_text(encoding="utf-8")
    utf16 = tmp_path / "no_bom_utf16.txt"
    utf16.write_bytes(english.encode("utf-16-le"))
    report = run([cp1251, utf16], store)
    assert report.ok and len(report.new) == 2
    by_origin = {a.origin: a for a in report.new}
    assert by_origin[str(cp1251)].title == "Переговоры в Женеве"
    assert "Представитель Кремля сказал журналистам" in by_origin[str(cp1251)].text
    assert by_origin[str(utf16)].title.startswith("Marelia and Talvaria agree to cut steel tariffs")


def test_bad_jsonl_lines_fail_one_by_one_and_good_lines_are_stored(store):
    file = BAD / "bad_lines.jsonl"
    report = run([file], store)
    assert sorted(a.origin for a in report.new) == [f"{file}#L1", f"{file}#L4"]
    assert [a.title for a in store.articles()] == [
        "Mediators propose phased prisoner exchange",
        "Ceasefire monitors to be deployed by spring, envoy says",
    ]
    failed = reasons(report)
    assert set(failed) == {f"{file}#L2", f"{file}#L3"}
    assert failed[f"{file}#L2"].startswith("invalid JSON")
    assert "no article text" in failed[f"{file}#L3"]


def test_jsonl_line_that_is_not_an_object(store, tmp_path):
    file = tmp_path / "mixed.jsonl"
    good = GOOD.joinpath("articles.jsonl").read_text(encoding="utf-8").splitlines()[0]
    file.write_text(f'["a", "list"]\n"a string"\n{good}\n', encoding="utf-8")
    report = run([file], store)
    assert len(report.new) == 1
    assert reasons(report) == {
        f"{file}#L1": "expected a JSON object, got list",
        f"{file}#L2": "expected a JSON object, got str",
    }


def test_feed_without_entries_and_entry_without_body_or_link(store, tmp_path):
    empty = tmp_path / "empty.rss.xml"
    empty.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbor Times</title>'
        "<link>https://example.test/</link><description>d</description></channel></rss>",
        encoding="utf-8",
    )
    rss = GOOD.joinpath("feed.rss.xml").read_text(encoding="utf-8")
    no_link = tmp_path / "no_link.rss.xml"
    rss = re.sub(r"<(link|guid)>https://example.test/teaser-story</\1>", "", rss)  # a guid is a link too
    no_link.write_text(rss, encoding="utf-8")
    report = run([empty, no_link], store)
    assert reasons(report) == {
        str(empty): "the feed has no entries",
        f"{no_link}#entry2": "entry has no body and no link",
    }
    assert [a.origin for a in report.new] == [f"{no_link}#entry1"]


def test_oversized_file_fails_and_smaller_files_are_stored(store, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Big story\n\n" + "Negotiators talked for a long time. " * 200, encoding="utf-8")
    report = run([big, GOOD / "article.txt"], store, max_bytes=2000)
    assert reasons(report)[str(big)] == f"{big.stat().st_size} bytes is over the 2000-byte cap"
    assert len(report.new) == 1 and store.count_articles() == 1


def test_nonexistent_path(store, tmp_path):
    missing = tmp_path / "no" / "such.txt"
    report = run([missing, GOOD / "article.txt"], store)
    assert reasons(report) == {str(missing): "no such file, folder or URL"}
    assert len(report.new) == 1


def test_unreadable_file(store, tmp_path):
    import os

    if os.geteuid() == 0:
        pytest.skip("root can read any file")
    locked = tmp_path / "locked.txt"
    shutil.copy(GOOD / "article.txt", locked)
    locked.chmod(0)
    report = run([locked], store)
    assert "cannot read file" in reasons(report)[str(locked)]


def test_folder_of_bad_files_reports_each_and_keeps_the_readable_ones(store):
    report = run([BAD], store)
    failed = reasons(report)
    for name, words in BAD_FILES.items():
        assert words in failed[str(BAD / name)], name
    assert set(failed) == {str(BAD / n) for n in BAD_FILES} | {
        f"{BAD / 'bad_lines.jsonl'}#L2",
        f"{BAD / 'bad_lines.jsonl'}#L3",
    }
    # cp1251.txt, utf16.txt and the two good JSON lines are stored
    assert sorted(a.origin.rsplit("/", 1)[-1] for a in report.new) == [
        "bad_lines.jsonl#L1",
        "bad_lines.jsonl#L4",
        "cp1251.txt",
        "utf16.txt",
    ]


# -- URLs ------------------------------------------------------------------------------------------


def test_unreachable_url(store, closed_port, fetcher):
    url = f"http://127.0.0.1:{closed_port}/story"
    report = run([url, GOOD / "article.txt"], store, fetcher)
    reason = reasons(report)[url]
    assert reason.startswith("could not fetch") and "refused" in reason.lower()
    assert len(report.new) == 1


def test_timeout(store, news_server, fetcher):
    started = time.monotonic()
    report = run([news_server.url("/slow"), GOOD / "article.txt"], store, fetcher)
    assert time.monotonic() - started < 3  # the 0.5 s timeout, not the 5 s the route takes
    assert reasons(report) == {news_server.url("/slow"): "timed out (ReadTimeout)"}
    assert len(report.new) == 1


def test_http_404(store, news_server, fetcher):
    report = run([news_server.url("/missing"), GOOD / "article.txt"], store, fetcher)
    assert reasons(report) == {news_server.url("/missing"): "HTTP 404 Not Found"}
    assert len(report.new) == 1


def test_non_http_schemes_are_unsupported(store, news_server, fetcher):
    inputs = ["ftp://127.0.0.1/x", "file:///etc/hostname", news_server.url("/to-ftp")]
    report = run([*inputs, GOOD / "article.txt"], store, fetcher)
    failed = reasons(report)
    assert failed["ftp://127.0.0.1/x"] == "only http and https URLs are fetched, not ftp"
    assert failed["file:///etc/hostname"] == "only http and https URLs are fetched, not file"
    assert "not http or https" in failed[news_server.url("/to-ftp")]  # a redirect to ftp:
    assert news_server.hits == ["/to-ftp"]
    assert len(report.new) == 1


def test_oversized_response(store, news_server):
    fetcher = Fetcher(timeout=2, max_bytes=100_000)
    try:
        report = run([news_server.url("/huge"), news_server.url("/huge-stream")], store, fetcher)
    finally:
        fetcher.close()
    failed = reasons(report)
    assert failed[news_server.url("/huge")].endswith("bytes is over the 100000-byte cap")
    assert failed[news_server.url("/huge-stream")] == "more than the 100000-byte cap"
    assert store.count_articles() == 0


def test_feed_teaser_whose_page_fails_is_one_entry_failure(store, news_server, fetcher, tmp_path):
    feed = tmp_path / "feed.rss.xml"
    feed.write_bytes(
        GOOD.joinpath("feed.rss.xml")
        .read_bytes()
        .replace(b"https://example.test/teaser-story", news_server.url("/missing").encode())
    )
    report = run([feed], store, fetcher)
    assert [a.origin for a in report.new] == [f"{feed}#entry1"]
    assert reasons(report) == {f"{feed}#entry2": "entry has no body and its page failed: HTTP 404 Not Found"}


def test_url_serving_an_empty_body(store, news_server, fetcher):
    from tests.conftest import Route

    news_server.routes["/empty"] = Route(b"", content_type="text/plain")
    report = run([news_server.url("/empty")], store, fetcher)
    assert reasons(report) == {news_server.url("/empty"): "empty file"}


# -- nothing stored is lost or duplicated ----------------------------------------------------------


def test_a_mixed_batch_loses_and_duplicates_nothing(store, good_copy, news_server, fetcher, closed_port):
    first = run([good_copy], store, fetcher)
    assert first.ok and len(first.new) == GOOD_ARTICLES
    before = snapshot(store)
    assert len(before) == GOOD_ARTICLES

    bad_inputs = [
        *(BAD / name for name in BAD_FILES),
        "ftp://127.0.0.1/x",
        news_server.url("/missing"),
        news_server.url("/slow"),
        f"http://127.0.0.1:{closed_port}/gone",
        good_copy / "no-such-file.txt",
    ]
    # the same good files again (as a folder and one by name), interleaved with the bad inputs
    mixed = [bad_inputs[0], good_copy, *bad_inputs[1:5], good_copy / "page.html", *bad_inputs[5:]]
    second = run(mixed, store, fetcher)

    assert second.new == []
    assert len(second.duplicates) == GOOD_ARTICLES + 1  # page.html was named twice
    assert snapshot(store) == before  # nothing changed, nothing added, nothing lost
    assert store.count_articles() == GOOD_ARTICLES
    failed = reasons(second)
    assert set(failed) == {str(i) for i in bad_inputs}
    assert all(reason for reason in failed.values())
    # failures are kept in the store for this run, with their reasons; the first run had none
    assert {(f.origin, f.reason) for f in store.failures(second.run_id)} == set(failed.items())
    assert store.failures(first.run_id) == []
    last = store.runs()[-1]
    assert (last.new, last.duplicate, last.failed) == (0, GOOD_ARTICLES + 1, len(bad_inputs))


def test_jsonl_line_nested_too_deeply_is_a_failure_of_that_line(store, tmp_path):
    """Found by the long fuzz run: a line of 100,000 opening brackets made the JSON decoder
    raise RecursionError, which stopped the whole file."""
    file = tmp_path / "deep.jsonl"
    good = GOOD.joinpath("articles.jsonl").read_text(encoding="utf-8").splitlines()[0]
    file.write_text('{"text": ' + "[" * 100_000 + "\n" + good + "\n", encoding="utf-8")
    report = run([file], store)
    assert len(report.new) == 1
    assert reasons(report) == {f"{file}#L1": "invalid JSON: nested too deeply to read"}


def test_feed_entry_with_a_link_that_is_not_a_url_fails_alone(store, tmp_path):
    """Found by the long fuzz run: a link such as "http://[broken/..." made urlsplit raise
    ValueError ("Invalid IPv6 URL") out of the feed reader, which stopped the whole file."""
    feed = tmp_path / "links.rss.xml"
    body = "Envoys met again in the capital on {} to discuss the ceasefire plan and its monitors. " * 8
    items = "".join(
        f"<item><title>{title} - Wire</title><link>{link}</link>"
        f"<description>{body.replace('{}', day)}</description></item>"
        for title, link, day in (("Envoys meet again", "http://[broken/2026/01/05/envoys", "Monday"),
                                 ("Talks resume", "https://wire.example/2026/01/06/talks", "Tuesday"))
    )  # fmt: skip
    channel = f"<channel><title>Wire</title>{items}</channel>"
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>')
    report = run([feed], store)
    assert not reasons(report)  # both have a body: the broken link only loses what it could tell
    titles = sorted(a.title for a in report.new)
    assert [t.split(" - ")[0] for t in titles] == ["Envoys meet again", "Talks resume"]
    broken = next(a for a in report.new if a.title.startswith("Envoys"))
    assert broken.url == "http://[broken/2026/01/05/envoys" and broken.published is None


def test_feed_with_a_huge_author_is_read_in_time(store, tmp_path):
    """Found by the long fuzz run: feedparser's e-mail regex backtracked over a 300,000-character
    byline for minutes. An author's text is cut (never inside a UTF-8 character) before parsing."""
    body = "The delegations met again on Tuesday and agreed to keep talking about the monitors. " * 8
    creator = "Олег " + "a" * 300_000
    feed = tmp_path / "author.rss.xml"
    feed.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Wire</title>'
        f"<item><title>Talks go on</title><dc:creator>{creator}</dc:creator>"
        f"<description>{body}</description></item>"
        f"<item><title>Monitors named</title><dc:creator>{'é' * 400}</dc:creator>"
        f"<description>{body.replace('Tuesday', 'Wednesday')}</description></item></channel></rss>",
        encoding="utf-8",
    )
    started = time.perf_counter()
    report = run([feed], store)
    assert time.perf_counter() - started < 20
    assert not reasons(report) and len(report.new) == 2
    author = {a.title: a.author or "" for a in report.new}
    assert author["Talks go on"].startswith("Олег aaa") and len(author["Talks go on"]) < 300
    assert set(author["Monitors named"]) == {"é"} and len(author["Monitors named"]) < 400
