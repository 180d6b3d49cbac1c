"""A photo caption that ends with its outlet's credit, "(X News photo/Name, Agency)", is no part of
the story: its "volunteers arrive at a church" read as a visit. Sentences written for these tests."""

from __future__ import annotations

from parley.clean.boilerplate import is_boilerplate


def test_a_caption_ending_with_an_outlets_photo_credit_goes():
    caption = (
        "Families queue beside a lorry of food parcels as volunteers arrive at a school in the "
        "Northern region on March 3, 2026, to hand out blankets, stoves and bottled water before the "
        "cold week ahead. The war's fourth winter began in November, and the region has had no gas "
        "since the first week of October. (Harbour Weekly photo/Jane Roe, Reuters)"
    )
    assert len(caption) > 320  # longer than any other notice the cleaner drops
    assert is_boilerplate(caption)
    assert is_boilerplate("A convoy waits at the border crossing. (Staff photos / John Doe)")


def test_a_sentence_about_photos_and_a_slash_stays():
    """Guard: brackets that are no credit, and a slash that is no photo's."""
    assert not is_boilerplate("The ministry released photo and video evidence (see the annex) on Friday.")
    assert not is_boilerplate("Talks on the grain/fertiliser deal resumed (the third round) on Monday.")
