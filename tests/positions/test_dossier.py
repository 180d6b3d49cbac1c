"""The dossier: one file per negotiation, the one place for actors."""

from __future__ import annotations

import datetime as dt
from importlib import resources

import pytest

from parley.dossier import Dossier
from parley.errors import ConfigError
from parley.extract.registry import ActorRegistry, default_registry

SHIPPED = ["russia-ukraine-2025.yaml", "us-china-trade-2025.yaml"]


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_dossiers_load_with_issues_and_documents(name):
    path = resources.files("parley.data") / "dossiers" / name
    dossier = Dossier.load(str(path))
    assert len(dossier.issues) >= 8 and len(dossier.documents) >= 4
    assert dossier.plan_issue is not None
    for issue in dossier.issues:
        assert issue.description and (issue.examples or issue.about_documents)
    assert all(d.date for d in dossier.documents)


def test_the_default_registry_is_read_from_the_shipped_dossier():
    registry = default_registry()
    assert registry.source and registry.source.endswith("russia-ukraine-2025.yaml")
    assert registry.match_name("Zelenskyy") == "volodymyr-zelensky"
    assert registry.find_titles("the Kremlin spokesperson said")[0][2] == "dmitry-peskov"
    assert "issues" in registry.sections  # kept for the dossier


def test_a_registry_file_without_issues_is_a_dossier_without_issues(tmp_path):
    path = tmp_path / "talks.yaml"
    path.write_text(
        "sides:\n  - {id: north, name: North}\nactors:\n  - {id: ann-lee, name: Ann Lee, side: north}\n"
    )
    dossier = Dossier.from_registry(ActorRegistry.load(path))
    assert dossier.issues == () and dossier.documents == ()
    assert dossier.side_of("ann-lee") == "north"


def test_an_issue_reads_the_words_of_its_opposite_and_the_side_it_is_for():
    nato = next(i for i in Dossier.load().issues if i.id == "nato")
    guarantees = next(i for i in Dossier.load().issues if i.id == "security-guarantees")
    assert "membership" in nato.opposite and nato.beneficiary is None
    assert guarantees.beneficiary == "ukraine" and guarantees.opposite == ()


def test_a_plain_plan_means_the_latest_document_reported_by_that_day():
    dossier = Dossier.load()
    assert dossier.current_document(dt.date(2025, 11, 21)).id == "us-28-point-plan"
    assert dossier.current_document(dt.date(2025, 12, 24)).id == "twenty-point-framework"
    assert dossier.current_document(None) is None


@pytest.mark.parametrize(
    "extra, message",
    [
        ("issues:\n  - {id: Bad Id, name: x}\n", "lower-case"),
        ("documents:\n  - {id: p, name: p, proposed_by: [nobody]}\n", "unknown sides or actors"),
        ("documents:\n  - {id: p, name: p, follows: q}\n", "unknown document"),
        ("issues:\n  - {id: aid, name: Aid, beneficiary: south}\n", "unknown side 'south'"),
    ],
)
def test_a_broken_dossier_is_a_configuration_error(tmp_path, extra, message):
    path = tmp_path / "bad.yaml"
    path.write_text("sides:\n  - {id: north, name: North}\nactors: []\n" + extra)
    with pytest.raises(ConfigError, match=message):
        Dossier.load(str(path))
