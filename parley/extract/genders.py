"""Words that show a person's gender: a courtesy title before the name, a noun for a man or a
woman, a personal pronoun. Read by the pronoun resolver (:mod:`parley.extract.pronouns`: a title
before a name, a noun in apposition, "his wife, X", the pronoun after a name in its own clause)
and by the attribution pass that carries a quote on across a sentence about its speaker
(:mod:`parley.extract.attribution.continuation`: "a woman whose husband is missing" is a woman).
"""

from __future__ import annotations

MALE_TITLES = frozenset("mr mister sir lord king prince".split())
FEMALE_TITLES = frozenset("mrs ms miss madam madame dame lady queen princess".split())
MALE_NOUNS = frozenset(
    "man boy husband father son brother uncle nephew grandfather widower king prince "
    "spokesman chairman businessman congressman statesman".split()
)
FEMALE_NOUNS = frozenset(
    "woman girl wife mother daughter sister aunt niece grandmother widow queen princess "
    "spokeswoman chairwoman businesswoman congresswoman stateswoman".split()
)
MALE_PRONOUNS = frozenset("he him his himself".split())
FEMALE_PRONOUNS = frozenset("she her hers herself".split())
