"""Time expressions in news text, found and normalised against the publication date.

>>> import datetime as dt
>>> [(t.text, t.value) for t in find_time_expressions("He met them on Tuesday.", dt.date(2025, 12, 3))]
[('Tuesday', '2025-12-02')]

The tagger is rule-based (regular expressions over calendar vocabulary, no model) and
language-specific to English. Modules, by the job they do:

* :mod:`.tagger`: runs the rules, picks the spans, resolves in text order (the entry point);
* :mod:`.absolute`: calendar dates written out ("December 3, 2025", "Q3", "the 1990s");
* :mod:`.relative`: dates against the anchor or an earlier date ("last week", "the next day");
* :mod:`.amounts`: durations, sets, times of day ("five hours", "daily", "3 p.m.");
* :mod:`.calendar`: periods, their TIMEX3 values and days, and date arithmetic;
* :mod:`.tense`: the past/future guess that places a bare weekday or month;
* :mod:`.lexicon`, :mod:`.grammar`: the words and regex fragments the rules are built from.
"""

from .tagger import find_time_expressions

__all__ = ["find_time_expressions"]
