"""A denial of someone's words ("had not spoken in those terms") answers the quotes its own
article has just reported, not everything the person is quoted saying anywhere in the corpus.
Two articles written for this test: a retrospective that quotes the same president years
earlier, and a report of a leaked transcript with the palace's denial."""

from __future__ import annotations

import json

from parley.analyse import analyse
from parley.ingest.job import ingest
from parley.store import open_store

ARTICLES = [
    {
        "url": "https://lakesidecourier.example/2025/12/06/four-years-on",
        "outlet": "Lakeside Courier",
        "published": "2025-12-06",
        "title": "Four years on: the diplomacy before the invasion",
        "text": (
            "In the weeks before the invasion, European leaders still hoped to talk Moscow round.\n\n"
            "French President Emmanuel Macron said that a war could still be avoided through talks with "
            "the Kremlin, after a long meeting in Moscow.\n\n"
            "The talks failed, and the invasion began two weeks later."
        ),
    },
    {
        "url": "https://harbourgazette.example/2025/12/04/transcript",
        "outlet": "Harbour Gazette",
        "published": "2025-12-04",
        "title": "Leaked call transcript shows European doubts about the US plan",
        "text": (
            "A German magazine said it had seen the transcript of a video call between European leaders.\n\n"
            'According to the transcript, Emmanuel Macron said: "There is a chance that the US will betray '
            'Ukraine on territory."\n\n'
            'The Élysée Palace denied that Macron had spoken "in those terms".'
        ),
    },
]


def test_a_denial_of_words_answers_the_quote_its_article_reports(tmp_path):
    feed = tmp_path / "articles.jsonl"
    feed.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    store = open_store(str(tmp_path / "parley.db"))
    ingest([str(feed)], store)
    analyse(store)
    by_title = {a.title.split()[0]: a.id for a in store.articles()}
    disputed = [c for c in store.records("contested") if c.kind == "attribution"]
    assert len(disputed) == 1, [c.subject for c in disputed]
    claims = [s for s in disputed[0].sides if s.value == "claims"]
    assert claims and {s.article_id for s in claims} == {by_title["Leaked"]}
    assert any("betray" in s.text for s in claims)
    # the retrospective's words are still a statement of his, just not the ones denied
    assert any(
        "could still be avoided" in s.text for s in store.statements() if s.article_id == by_title["Four"]
    )
    store.close()
