"""A "he"/"she" speaker in an adverbial clause, through the real pipeline on short articles
written for these tests: the subject of the main clause named after a clause put before it
("Though she ..., Olsen ..."), or the object of the verb the clause hangs from ("X described
Olsen as ... after she said ..."), when the text shows that person of the pronoun's gender;
never a person of unknown gender before them. And a quote after a gerund of saying that the
parser hung on the verb before it ("The ad ends with footage of X saying, "…"") is the
gerund's speaker's, not the ad's; a cue the parser left without a subject, the noun before it
joined to the object of the clause before ("X said A and the southern members accused B"), is
that noun's; a place a participle before a subjectless cue hangs on ("X, kneeling on the floor
of a church, said") is no speaker, nor are the words between a quote and its cue when they open
a clause ("-- and, when asked, asserting")."""

from __future__ import annotations

import pytest

from parley.extract.attribution import DocIndex
from parley.extract.attribution.unparsed_subjects import preceding_np
from parley.nlp import SpacyParser
from tests.extract.statement_runs import SIDES, load_registry, one, statements_of

REGISTRY = (
    SIDES
    + """\
actors:
  - id: piet-arends
    name: Piet Arends
    kind: person
    side: north
  - id: maria-olsen
    name: Maria Olsen
    kind: person
    side: south
"""
)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    return statements_of(load_registry(tmp_path_factory, REGISTRY), "Talks resume")


def test_she_in_a_clause_before_the_main_subject_is_that_subject(run):
    found = run(
        'Senator Piet Arends said the bank had failed its customers. "That is no answer," Arends said.\n\n'
        "In a statement on Tuesday, the candidate Maria Olsen was more careful than her party colleagues. "
        'Though she called the bank\'s conduct "shameful" and called for bonuses to be returned, '
        "Olsen kept her comments about breaking up the banks vague.\n"
    )
    assert one(found, "shameful").speaker_actor_id == "maria-olsen"
    assert one(found, "bonuses to be returned").speaker_actor_id == "maria-olsen"


def test_she_after_a_verb_with_a_woman_as_object_is_that_woman(run):
    found = run(
        "Maria Olsen said she would visit the port city next week. "
        'Governor Piet Arends described Olsen as a "disgrace" after she said that the police '
        "were biased.\n"
    )
    assert one(found, "the police were biased").speaker_actor_id == "maria-olsen"


def test_he_after_a_verb_with_a_woman_as_object_stays_with_the_subject(run):
    """Guard: the pronoun of the subject's gender still takes the subject."""
    found = run(
        "Maria Olsen said she would visit the port city next week. Governor Piet Arends said he "
        'was angry. Arends described Olsen as a "disgrace" after he said that the police were '
        "biased.\n"
    )
    assert one(found, "the police were biased").speaker_actor_id == "piet-arends"


def test_he_after_a_man_named_before_stays_with_him(run):
    """Guard: "When he ..., Olsen said ..." does not give the "he" to Olsen."""
    found = run(
        "Piet Arends said on Monday that the vote was lost. Maria Olsen said she was sorry. "
        "When he promised to stay in the capital, Olsen said the vote would be repeated.\n"
    )
    assert one(found, "to stay in the capital").speaker_actor_id == "piet-arends"


def test_quote_after_footage_of_someone_saying_is_theirs(run):
    found = run(
        "The spot concludes with footage of Piet Arends saying during the debate last week, "
        '"That makes me clever," when Maria Olsen attacked him for not paying tax.\n'
    )
    s = one(found, "That makes me clever")
    assert s.speaker_actor_id == "piet-arends" and s.cue == "saying"


def test_gerund_with_a_quote_of_its_own_keeps_the_clause_before(run):
    """Guard: a gerund the quote hangs from takes it, and the verb of saying it hangs from
    keeps its own reported clause."""
    found = run(
        "Piet Arends grew angry when asked about a builder who said he was cheated after he built "
        'a hall at one of the hotels, saying, "Maybe he did not do a good job."\n'
    )
    assert one(found, "he was cheated").cue == "said"
    assert one(found, "did not do a good job").cue == "saying"


def test_cue_after_a_noun_joined_to_an_object_is_that_nouns(run):
    found = run(
        "The hearing ended in a row on Friday: the northern members said they were convinced the "
        "ministry had mishandled the inquiry and the southern members accused the northern bloc of "
        "stoking the issue for political gain.\n"
    )
    assert one(found, "mishandled the inquiry").speaker == "the northern members"
    assert one(found, "stoking the issue").speaker == "the southern members"


def test_cue_joined_to_a_verb_keeps_the_subject(run):
    """Guard: "X blamed A and B and said ...": X said it."""
    found = run("Piet Arends blamed the ministry and the army and said that the talks had failed.\n")
    assert one(found, "the talks had failed").speaker_actor_id == "piet-arends"


def _noun_before_said(sentence: str) -> str | None:
    (doc,) = SpacyParser().parse([sentence])
    said = next(t for t in doc if t.lemma_ == "say")
    found = preceding_np(DocIndex(doc), said)
    return found.text if found is not None else None


def test_place_of_a_participle_before_the_cue_is_no_speaker():
    sentence = (
        "They remembered the old man who, kneeling on the floor of a church in Nordstad, said that "
        "peace would come."
    )
    assert _noun_before_said(sentence) is None


def test_person_with_a_place_in_commas_before_the_cue_still_speaks():
    """Guard: "X, in Nordstad, said": X, the noun the phrase hangs from."""
    assert _noun_before_said("Piet Arends, in Nordstad, said the talks would resume on Monday.") == "Arends"


def test_words_opening_a_clause_between_quote_and_cue_are_no_speaker(run):
    found = run(
        "Piet Arends hardly explained the matter, treating the remark first as a compliment -- "
        "''That makes me clever'' -- and, when asked after the debate, asserting, ''Of course I "
        "pay my taxes.''\n"
    )
    assert not any("debate" in (s.speaker or "") for s in found)  # neither the debate nor the clause


def test_name_between_quote_and_cue_still_speaks(run):
    """Guard: '"…," Piet Arends and Maria Olsen told the agency': the two of them."""
    found = run('"We will not give up the port," Piet Arends and Maria Olsen told the agency on Monday.\n')
    assert one(found, "give up the port").speaker == "Piet Arends and Maria Olsen"
