"""Copies on real crawled news (``../shared/datasets/news2026``, read at run time).

What a reading of the 43 articles shows: no article is a copy of another once the crawl's page
furniture is cleaned away (raw, the four pages of one site share over half their five-word
shingles, all of it menus and footers); one site's two front-line updates of consecutive days
repeat each other in part; and one site retells a news agency's paywalled report, of which the
crawl kept only two sentences, too few to call a copy (at least 3 aligned sentences are needed),
and whose "according to" the crawl broke over three lines, so the cleaner found no citation.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from parley.extract.fingerprint import minhash
from parley.ingest.job import ingest
from parley.reconcile.copies import Doc, Reader, compare
from parley.reconcile.independence import independence
from parley.store import open_store
from tests.conftest import SHARED
from tests.sources.conftest import run_steps

NEWS = SHARED / "datasets" / "news2026" / "articles.jsonl"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def news(tmp_path_factory):
    if not NEWS.is_file():
        pytest.skip("../shared/datasets/news2026 is not present")
    store = open_store(str(tmp_path_factory.mktemp("news") / "parley.db"))
    ingest([str(NEWS)], store, today=dt.date(2026, 3, 1))
    run_steps(store, changed=store.unanalysed(""))
    yield store
    store.close()


def _by_title(store, start: str) -> str:
    return next(a.id for a in store.articles() if a.title.startswith(start))


def test_cleaned_articles_are_not_near_duplicates_though_their_pages_were(news):
    articles = list(news.articles())
    hashes = {a.id: minhash(a.text) for a in articles}
    near = [(a, b) for a, b in itertools.combinations(hashes, 2) if hashes[a].jaccard(hashes[b]) >= 0.5]
    assert near == []


def test_no_article_is_taken_for_a_copy_of_another(news):
    assert [(c.article_id, c.of_id, c.status) for c in news.records("copy")] == []


def test_one_sites_consecutive_updates_count_once(news):
    first = _by_title(news, "Ukraine frontline update February 26 2026")
    second = _by_title(news, "ukraine frontline update february 27 2026")
    assert independence(news, [first, second]).independent == 1


def test_a_retold_agency_report_is_aligned_but_too_short_to_call(news):
    """The retelling's first two sentences are the crawled original's two, reworded, in order;
    two sentences are below the three a copy needs, so it is not called a copy."""
    agency = news.article(next(a.id for a in news.articles() if "War Economy Puts Industrial" in a.title))
    retold = news.article(_by_title(news, "Russia’s Industrial Core Under Strain"))
    verdict = compare(
        Doc(agency.id, agency.text, agency.published, agency.outlet),
        Doc(retold.id, retold.text, retold.published, retold.outlet),
        Reader(),
    )
    assert verdict.status is None
    assert verdict.coverage >= 0.5  # half of the agency crawl's "sentences" (two are menu lines)
    assert retold.cites == ()  # the crawl split "according to" and the agency's name over lines
