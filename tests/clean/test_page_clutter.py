"""Page clutter a crawler leaves around a story: lists of other stories' headlines, captions,
credits, copyright notices, glued tag lines and dashed section headings. Each text here is made
up; what matters is its shape. The story's own paragraphs must all stay."""

from __future__ import annotations

from parley.clean.boilerplate import is_boilerplate
from parley.clean.lines import clean_lines

STORY = [
    "The two delegations met for six hours in the lakeside hotel on Tuesday, officials said.",
    "“We are closer than we were a month ago,” the chief negotiator told reporters afterwards.",
    "A second round is planned for next week, according to a statement from the foreign ministry.",
]


def _kept(lines: list[str]) -> list[str]:
    return clean_lines("\n\n".join(lines), "Talks resume by the lake").paragraphs


def test_a_list_of_other_stories_headlines_goes_and_the_story_stays():
    related = [
        "Harbour strike enters its third week as unions reject the offer",
        "Farmers block the northern motorway over fuel prices, police say",
        "Central bank holds rates steady, governor says",
        "Storm cuts power to thousands on the coast, utility says",
        "Court postpones ruling on the election dispute until spring",
    ]
    kept = _kept(STORY + related)
    assert kept == STORY


def test_headlines_with_their_authors_between_them_go_however_long_the_headline():
    related = [
        "Young chess champion says she trains her memory every morning to stay ahead—and her coach "
        "says the method really does work for everyone",
        "Nora Vale",
        "Shipping giant says freight rates will fall again before the summer season starts in earnest",
        "Tom Okafor",
        "Why the price of coffee keeps climbing even as the harvest improves, economists say",
        "Lena Brandt",
        "Retailers brace for a quiet spring as shoppers cut back on clothes",
        "Piet Sorensen",
    ]
    assert _kept(STORY + related) == STORY


def test_headlines_glued_to_their_section_names_go():
    related = [
        "EuropecategoryRail workers walk out over pensions, union says",
        "AsiacategoryNine hurt in factory fire in the south, state television says",
        "AmericascategoryGovernor signs budget after long standoff",
        "BusinesscategoryChipmaker cuts forecast as demand slows, filing says",
    ]
    assert _kept(STORY + related) == STORY


def test_a_teaser_between_two_headline_lists_goes_with_them():
    first = [
        "Harbour strike enters its third week as unions reject the offer",
        "Farmers block the northern motorway over fuel prices, police say",
        "Central bank holds rates steady, governor says",
        "Storm cuts power to thousands on the coast, utility says",
    ]
    teaser = "A mining company paid a consultant for years after the deal collapsed, records show."
    second = [
        "Rail workers walk out over pensions, union says",
        "Nine hurt in factory fire in the south, state television says",
        "Governor signs budget after long standoff",
        "Chipmaker cuts forecast as demand slows, filing says",
    ]
    assert _kept(STORY + first + [teaser] + second) == STORY


def test_a_story_list_of_short_lines_without_full_stops_is_not_a_headline_list():
    # a real list a crawler took the bullets off, introduced by a colon: three items stay
    lines = [
        *STORY,
        "The draft lists three conditions:",
        "A ceasefire along the present line",
        "An exchange of all prisoners of war",
        "Monitors from neutral countries on both sides",
        "Neither side has accepted the draft yet, the mediator said on Wednesday evening.",
    ]
    assert _kept(lines) == lines


def test_an_interview_answer_between_speaker_labels_stays():
    lines = [
        *STORY,
        "[Ana Ruiz:](https://example.test/ana)",
        "[Ben Ode:](https://example.test/ben)",
        "But the good news is that the river has thawed, so the ferries are running again.",
        "[Ana Ruiz:](https://example.test/ana)",
        "[Cai Lun:](https://example.test/cai)",
        "What strikes me is how calm the markets have stayed through all of this winter.",
    ]
    kept = _kept(lines)
    assert "But the good news is that the river has thawed, so the ferries are running again." in kept


def test_a_long_image_caption_goes():
    caption = (
        "Image: A volunteer hands out blankets next to a field kitchen run by veterans of a mountain "
        "brigade during a power cut in the capital, after strikes on the grid left whole districts in "
        "the dark for days. Residents queued for hours in the snow to charge their phones and warm up "
        "by the stoves, and many said they had not slept at home for a week."
    )
    assert len(caption) > 320
    assert is_boilerplate(caption)
    assert _kept(STORY + [caption]) == STORY


def test_a_caption_ending_in_a_capitalised_credit_goes():
    caption = "Fishing boats wait in the harbour at dawn in March 2021. Photograph: Jo Smith/Agence Nord"
    assert is_boilerplate(caption)
    assert not is_boilerplate("He showed a photograph: it was the harbour at dawn, he said.")


def test_credit_lines_go():
    for line in (
        "Additional reporting: Ana Ruiz and Ben Ode",
        "Design and development: Cai Lun, Dee Marr",
        "Ticker animation: Adapted from Eli Fox",
    ):
        assert is_boilerplate(line), line


def test_a_tag_line_with_glued_words_goes():
    tags = "AnniversaryBishop Marek Olszakfaith and hopeWar in the northNorthern churches"
    assert is_boilerplate(tags)
    assert _kept(STORY + [tags, "FacebookTwitterEmail"]) == STORY
    assert not is_boilerplate("The app, called WhatsApp, was blocked in the region on Monday.")


def test_a_copyright_notice_at_the_end_of_a_paragraph_goes_and_the_paragraph_stays():
    line = "Parliament called for more help for refugees in the EU. Source : © Some Assembly, 2026 - SA"
    kept = _kept(STORY + [line])
    assert kept[-1] == "Parliament called for more help for refugees in the EU."


def test_a_dashed_section_heading_loses_its_dashes_and_quote_marks():
    kept = _kept(STORY[:2] + ["- 'Snow and silence' -", "- Borders -", STORY[2]])
    assert kept == [*STORY[:2], "Snow and silence", "Borders", STORY[2]]


def test_title_case_headlines_with_commas_and_links_between_them_go():
    related = [
        "'Rain, Wind And Ice': Northern Towns Brace For The Worst Storm In Years",
        "[Harbour Strike Ends After Unions Win Pay Rise, Talks Set For Spring](https://example.test/a)",
        "'Never Again, Never Here': Crowds Mark The Anniversary Of The Flood In Silence",
        "[Coastal Railway Reopens After Repairs, Trains Run Late Into The Night](https://example.test/b)",
    ]
    assert _kept(STORY + related) == STORY


def test_headlines_each_followed_by_an_empty_link_go():
    related = []
    for n, headline in enumerate(
        [
            "Harbour strike enters its third week as unions reject the offer",
            "Farmers block the northern motorway over fuel prices, police say",
            "Central bank holds rates steady, governor says",
            "Storm cuts power to thousands on the coast, utility says",
        ]
    ):
        related += [headline, f"[](https://example.test/{n})"]
    assert _kept(STORY + related) == STORY


def test_site_notices_on_terms_and_corrections_go_and_talks_about_terms_stay():
    for line in (
        "By continuing you acknowledge our Terms of Service and Privacy policy.",
        "The Ledger checks every report it publishes. If you believe you have found an inaccuracy, "
        "let us know.",
    ):
        assert is_boilerplate(line), line
    for line in (
        "The two sides agree to the terms of the ceasefire, the envoy said on Monday.",
        "Officials said they had found an error in the draft map and would correct it.",
    ):
        assert not is_boilerplate(line), line
