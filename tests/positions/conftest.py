from __future__ import annotations

import pytest

from parley.bench.stances import ANNOTATIONS, build_store, load_annotation
from tests.conftest import SEEDS


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory):
    """The five seed articles, with their annotated dates, analysed with the shipped dossier."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    store = build_store(
        load_annotation(ANNOTATIONS / "seeds.yaml"), tmp_path_factory.mktemp("seeds"), dated=True
    )
    yield store
    store.close()


@pytest.fixture(scope="session")
def trade_store(tmp_path_factory):
    """The trade-talks sample, analysed with its own dossier: no code of the other negotiation."""
    store = build_store(load_annotation(ANNOTATIONS / "trade.yaml"), tmp_path_factory.mktemp("trade"))
    yield store
    store.close()
