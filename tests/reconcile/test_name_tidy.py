"""Person and body names read alike wherever they are read: a surname is the last word before a
generational suffix ("Jr.", "III"); one list of Roman numerals, each reader with its own range; one
function for a name's initials, a word written with dots giving all its letters ("U.S."); a
company's short legal form, with or without dots, left out of them and closing a company's name;
the bodies heard so far found by their abbreviations without reading each of them. Names, bodies
and the registry here are made up."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.vocab import Vocab

from parley.extract.mentions import find_mentions
from parley.extract.name_kinds import without_glued_words
from parley.extract.registry import ActorRegistry, surname_of, words_without_suffix
from parley.models import Actor, Mention, Span
from parley.nlp import SpacyParser
from parley.reconcile.actors import initials
from parley.reconcile.bodies import Bodies
from parley.reconcile.body_initials import name_initials
from parley.reconcile.family_names import not_this_person, registered_bearer
from parley.reconcile.given_names import given_after_title

REGISTRY = """\
sides:
  - id: north
    name: Northland
    adjectives: [Northern]
    places: [Northland, Harbourton]
actors:
  - id: dorian-vale-jr
    name: Dorian Vale Jr.
    kind: person
    side: north
  - id: ada-fenwick
    name: Ada Fenwick
    kind: person
    side: north
  - id: harbourton-port-authority
    name: Harbourton Port Authority
    kind: organisation
    side: north
"""


@pytest.fixture(scope="module")
def registry(tmp_path_factory):
    path = tmp_path_factory.mktemp("registry") / "actors.yaml"
    path.write_text(REGISTRY, encoding="utf-8")
    return ActorRegistry.load(path)


def _one_word(text: str) -> Mention:
    return Mention("a1", Span(0, len(text)), text, "PERSON")


# -- a surname before a generational suffix ---------------------------------------------------------


def test_a_surname_alone_is_the_registered_person_named_with_a_suffix_after_it(registry):
    # "Vale said" where the dossier lists "Dorian Vale Jr.": the surname is "Vale", not "Jr."
    assert registered_bearer(_one_word("Vale"), registry) == "dorian-vale-jr"


def test_a_surname_in_the_plural_is_the_family_of_a_person_named_with_a_suffix(registry):
    # "the Vales" are his family, not the man himself
    assert not_this_person(_one_word("Vales"), "dorian-vale-jr", registry)
    assert not not_this_person(_one_word("Vale"), "dorian-vale-jr", registry)


def test_a_suffix_alone_and_a_plain_surname_read_as_before(registry):
    assert registered_bearer(_one_word("Jr."), registry) is None
    assert registered_bearer(_one_word("Fenwick"), registry) == "ada-fenwick"
    assert not_this_person(_one_word("Fenwicks"), "ada-fenwick", registry)


def test_the_words_of_a_name_without_its_generational_suffix():
    assert words_without_suffix("dorian vale iii") == ["dorian", "vale"]
    assert surname_of("dorian vale jr") == "vale"
    assert words_without_suffix("dorian jr") == ["dorian", "jr"]  # no surname to tell then
    assert words_without_suffix("dorian vale v") == ["dorian", "vale", "v"]  # "V" is no generation


# -- Roman numerals: one list, each reader's range ---------------------------------------------------


def test_a_monarchs_numeral_after_a_given_name_up_to_sixteen():
    assert given_after_title(["King", "Osric", "XII"]) == "osric"
    assert given_after_title(["Pope", "Anselm", "IV"]) == "anselm"
    assert given_after_title(["King", "Osric", "XVII"]) is None


def _span(*words: str) -> SpacySpan:
    doc = Doc(Vocab(), words=list(words))
    return SpacySpan(doc, 0, len(doc), label="PERSON")


def test_a_numeral_after_a_name_stays_and_a_word_in_capitals_goes():
    assert without_glued_words(_span("Edwin", "Harrow", "IX")).text == "Edwin Harrow IX"
    assert without_glued_words(_span("Edwin", "Harrow", "III")).text == "Edwin Harrow III"
    assert without_glued_words(_span("Edwin", "Harrow", "TWA")).text == "Edwin Harrow"
    assert without_glued_words(_span("---", "Edwin", "Harrow")).text == "Edwin Harrow"


# -- initials: one function ---------------------------------------------------------------------------


def test_a_word_written_with_dots_gives_all_its_letters_to_the_initials():
    # "the U.S. Agency for Trade Development (USATD)": the abbreviation spells the name out
    assert initials("U.S. Agency for Trade Development") == "USATD"
    assert initials("Institute for the Study of War") == "ISW"
    assert initials("Bureau of Coastal Surveys") == "BCS"


def test_a_short_legal_form_with_dots_or_in_the_plural_is_no_part_of_the_initials(registry):
    assert name_initials("Roe Kessler L.L.C.", registry) == frozenset({"RK"})
    assert name_initials("Tamsin Roe Cos.", registry) == frozenset({"TR"})
    assert name_initials("Kovac Rand & Company", registry) == frozenset({"KR"})


def test_a_closing_word_written_out_stays_in_the_initials(registry):
    # "Company" and "Corporation" written out are initialled ("the National Broadcasting Company")
    assert name_initials("Coastal Broadcasting Company", registry) == frozenset({"CBC"})
    assert name_initials("Westmarch Shipping Corporation", registry) == frozenset({"WSC"})
    assert "INS" in name_initials("U.S. Immigration and Naturalization Service", registry)


# -- the bodies heard so far, by their abbreviations ---------------------------------------------------


def test_a_body_put_among_the_known_after_the_index_is_built_is_found_by_its_initials(registry):
    # the actors step adds a side's government that speaks to the known actors directly
    known: dict[str, Actor] = {}
    bodies = Bodies(known, registry)
    known["coastal-survey"] = Actor("coastal-survey", "Bureau of Coastal Surveys", "organisation")
    assert bodies.actor("BCS", None, "a1@0").id == "coastal-survey"


def test_a_body_shown_in_full_is_found_by_its_name_and_its_abbreviation(registry):
    bodies = Bodies({}, registry)
    short = bodies.actor("WTC", None, "a1@0")
    full = bodies.actor("Westmarch Trade Council", None, "a2@0")
    assert full.id == short.id and full.name == "Westmarch Trade Council"
    assert bodies.actor("WTC", None, "a3@0").id == short.id
    assert bodies.actor("Westmarch Trade Council", None, "a4@0").id == short.id
    # the abbreviation is taken: another name with the same initials is another body
    assert bodies.actor("Western Tanker Company", None, "a5@0").id != short.id


def test_a_registered_body_is_found_by_a_near_spelling(registry):
    bodies = Bodies({}, registry)
    assert bodies.actor("Harbourton Port Authorty", None, "a1@0").id == "harbourton-port-authority"
    assert bodies.actor("Harbourton Ferry Office", None, "a2@0").id != "harbourton-port-authority"


# -- a company's closing word --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def mentions(registry):
    parser = SpacyParser()

    def run(text: str) -> dict[str, str]:
        (doc,) = parser.parse([text])
        return {m.text: m.label for m in find_mentions(doc, "a1", registry)}

    return run


def test_a_name_written_with_lp_after_it_elsewhere_is_the_company(mentions):
    found = mentions(
        "Halvard Brenne LP said its fund lost 4% in the quarter. "
        "Halvard Brenne blamed the drop on bond prices."
    )
    assert found.get("Halvard Brenne") == "ORG", found


def test_a_name_with_a_courtesy_title_before_it_stays_a_person(mentions):
    found = mentions(
        "Corvin Ashby LP was named after its founder. Corvin Ashby retired in 2019, and Mr. Ashby "
        "said he would not return."
    )
    assert found.get("Corvin Ashby") == "PERSON", found
