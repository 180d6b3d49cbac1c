"""The built-in pipeline components, registered the same way a plugin registers its own.

Each produces a named product: ``mention``, ``time_expression``, ``statement`` and
``event_mention`` are record types (:mod:`parley.record_types`) and are stored; ``attribution``
is handed to later components only.
"""

from __future__ import annotations

from dataclasses import replace

from parley import settings
from parley.extract.attribution import extract_attributions
from parley.extract.events import find_events
from parley.extract.mentions import find_mentions
from parley.extract.statements import build_statements
from parley.pipeline import Analysis, Context, Step, component


# 11: titles only in the negotiation's period, things and companies no persons (TempEval-3 stream);
# 8: a title the name starts with joins the role ("Major" + "Archbishop"); a plural is no role;
# 7: a transcript's speaker lines are no headings; 6: titles alone, places by their nouns, bodies
# the text names or a publication noun introduces;
# 5: a side from the role itself, not its topic or place; 4: titles from names.yaml, bodies by
# their nouns, names by apposition; 3: one mention per name
# 12: "LP" and dotted "L.L.C." close a company's name (company lists of names.yaml); 14: a nationality
# word describing the noun after a name is no part of it, "X Y Group Inc." makes "X Y" a company;
# 15: a firm's, a caucus's or a publication's closing word ("X Networks", "X Show")
@component("mentions", requires=("doc",), produces=("mention",), version="15")
def mentions(ctx: Context) -> Step:
    def step(a: Analysis) -> dict:
        return {"mention": find_mentions(a.parsed, a.article.id, ctx.registry.on(a.article.published))}

    return step


# 19: "according to X, a Y, Z is": Z the subject; "'...' - according to X" X's; an answer not the
# asker's; a colon cue a verb of saying; "assess"; "as X noted, ..."; a participle cue's opening phrase;
# 18: a content runs to the end of a bracket it opened, keeps "and/but that" clauses and a
# conjoined predicate hung on the cue, leaves out a trailing "though such claims ..." aside;
# 17: a view needs someone who can hold it ("the data shows" is no one's), a refusal to comment is
# no statement, a cue under "if"/"unless" or an unrealised "wanted to tell" is not said;
# 16: a story's "would go on to say" is said; 15: a transcript needs someone speaking twice;
# 14: a direct quote's source from the model where it holds the rule's or the rule has none;
# 13: a transcript's labelled answers, no heading's words; 12: a report's section label is no
# speaker; 11: a day is no "called on"; 10: no supposed cue; 26: a text wants nothing ("the
# statements aim to"), a noun of saying with its owner ("X's claim that", "X expressed concern that");
# 27: "X have, according to Y, given Z" in two parts; "According to" after a full stop opens a
# sentence; a verb the parser cut from its subject continues the content before it; 28: a received
# thing speaks, not its receiver; "by saying" the noun phrase before its verb; a bare pronoun object
# is no content; a gerund is no inverted "said X"; "asked not to specify their country"; 29: a noun
# of saying not voiced when hypothetical, unsaid, "no claim", a day's ("Monday's statement");
# 30: the later nouns of a list called for that the parser hung on the verb; 31: content bounds (a
# second "and that", a clause hung on the cue, ", including"); 32: "according to" with its whole
# source in an aside, a channel word cuts a source only where someone spoke, a full clause before
# "according to" ends the content; 33: a dash credits only a quote opening its paragraph, lists of
# the subject's verbs and what a colon announces stay in the content; 34: a view voiced with its
# topic ("expressed uncertainty about whether"), words told from a record ("a record in which X
# said"), a speaker's own questions marked as such, "ask questions" with none given is no statement;
# 35: "According to X, Y said ..." is X relaying Y's words (report), the model's "X asked Y if" a question;
# 36: a quoted phrase the writer's clause goes on after is no speech, quotes run on across a short
# sentence about the speaker and from a paragraph left open, nested and mistyped marks; 37: no relay
# when X's content goes on with a claim of its own, nor for an outlet's "reports" or figures; 38: a
# quoted clause stays direct before an adverbial, no run-on past a reply to whom the cue was said; 39:
# a condition or topic after a quoted clause is said, a quoted noun with its clause is no speech; 40:
# not "over"/"once"/"until"; a person told whatever NER tags a surname; gender in an apposition; 41:
# the pronoun resolver's gender words and names.yaml's body nouns for the run-on checks; 48: a
# speaker's apposition without the verb's time or channel after it; 49: a fronted gerund clause,
# a place after an apposition, a channel as the subject, the writer's own piece, a "that" clause
# hung on the addressee, "explain"/"echo" need a speaker, a surname misread as an interjection;
# 50: "According to X, NAME, ..." keeps NAME in X, "According to X, citing Y, ..." leaves Y out;
# 51: "X said A, in an interview with Y": the channel phrase the parser hung on A is the cue's;
# 52: not when A's verb says something itself; "also citing Y" stays out of the source;
# 53: "reported that A (B) are ...": a "that" parsed as a preposition no longer cuts A off
@component("attributions", requires=("doc",), produces=("attribution",), version="53")
def attributions(ctx: Context) -> Step:
    def step(a: Analysis) -> dict:
        return {"attribution": extract_attributions(a.parsed)}

    return step


@component(
    "times", requires=("article",), produces=("time_expression",), version="11"
)  # 2: dates without a year in a text telling of an earlier year take that year; 3: or its season;
# 4: "this weekend" in a past clause of a weekday is the one just gone; 5: "the delayed Monday talks";
# 6: an -ed word after an article or possessive is no past tense anywhere in the window; 7: a timetable
# verb in the present before a day is future, a far future clause reaches a verbless phrase; 8-10 (a
# story's year for a day due then, captions, "the next week") reverted in 11; 9: "than expected",
# "as scheduled" are no future cue
def times(ctx: Context) -> Step:
    from parley.extract.timex import find_time_expressions

    def step(a: Analysis) -> dict:
        found = find_time_expressions(a.article.text, a.article.published)
        return {"time_expression": [replace(t, article_id=a.article.id) for t in found]}

    return step


@component(
    "statements",
    requires=("doc", "attribution", "mention", "time_expression"),
    produces=("statement",),
    # 21: "she" in a clause before the main clause or after the verb's object, of the gender shown;
    # 20: the same words twice in an article (a pull quote) once, a quote inside the same speaker's
    # longer statement once; 19: "he" after an unnamed person is that description, "it" the
    # nearest body or place before, "they" a group or named pair of its sentence or the one before;
    # 18: a day told for the speaker's earlier words carried to the next; "previously", "had said"
    # undated; a date of the cue's own clause, never after publication;
    # 17: "the prelate" is the one person named with a word of its class;
    # 16: two people in apposition ("the leaders, X and Y") are no one speaker;
    # 15: a story's date only for its own speaker, never over the sentence's own time;
    # 14: "the official" is the latest source brought in with the noun, named or not;
    # 13: said when the paragraph tells of (a day well before the article's, in the past tense);
    # 12: organisations named in the speaker words; 11: ascribed (a thought, wish or stand, not
    # words); 10: "the archbishop" is the one named so; names the model missed in the words;
    # 23: a bare "I"/"we" the article ties to no one has no speaker (first_person);
    # 24: "X and Russian officials" parsed as one noun is no single speaker; 25: "told X then" and a
    # story over paragraphs date the saying earlier (unknown or the story's date), a scene's month
    # stops a carried day; 26: a past-tense act told in an article that looks back years is dated
    # unknown, not the publication day (said_on_retold); 27: a day something is or was due on ("a
    # speech, due on 21 April") dates no saying, in its sentence or told before; 28: unless it is the
    # saying's own ("scheduled a news conference Thursday to announce ...": not said yet); 29: read on
    # the parse (the plan word the day hangs on), not on the words before it; 30: not a past act
    # ("set out his demands"), and the times of 7 again; 31: a past "planned to" is still a plan;
    # 32: a work's named maker speaks for it ("reporting from X", "a study by Y": work_makers);
    # 33: a content whose subject is a relative pronoun or left out keeps what it is about;
    # 34: not a date's, nor a place's after a verb ("withdrew from the city, which ...")
    version="34",
)
def statements(ctx: Context) -> Step:
    def step(a: Analysis) -> dict:
        found = build_statements(
            a.article,
            a.parsed,
            a["attribution"],
            a["mention"],
            a["time_expression"],
            ctx.registry,
            ctx.parser_name,
        )
        return {"statement": found}

    return step


@component(
    "events",
    requires=("doc", "mention", "time_expression", "attribution"),
    produces=("event_mention",),
    # 5: who attends from talks, outlets' names, coordinated places, "the two leaders"; 6: a report
    # takes the one date of a sentence that tells it with another, each item of a list is reported;
    # 7: "that night", "minutes later" take the day told before; a side's forces that struck something;
    # 8: a place of another noun is no event's; a date in an after/before clause bounds it; drafting is
    # no presenting; "It was November 2021." dates the report before; never after a past publication;
    # 9: trigger words in a sense that is no event of their type (a verbal attack, "seized on", "a call
    # for", "agreed to an interview", "endorsed X", agreements handed over); 10: a place naming a
    # document, a building visited, the maker "in a statement", a noun trigger's own maker, people of
    # a clause beside the trigger; 12: the taxonomy of the PARLEY_EVENTS setting, an -ed adjective before
    # a weekday is no tense; 13: a timetable verb or a far future clause makes a day ahead, a date on a
    # verb of saying dates no event answered, a reported event dated after publication is planned;
    # 14: a place verb's thing taken is no capture ("occupied the front row"), a clause with its own
    # subject joined to the trigger is another happening; 15: figures told verb first ("killing at
    # least 12") when the verb tells of the trigger, a place after a date set beside the trigger;
    # 16: not a verb of a clause with its own doers; buildings are places taken; 17: a year in the
    # trigger's own phrase dates a report ("resigned in 1993", "the 1998 bombings"), read against publication;
    # 18: an administrative area is a place ("near X, Y Oblast"), the side whose arms struck (dossier
    # ``arms``), a report takes the one day of the sentence before (event_runs), a "that" clause
    # under a verb of saying however parsed makes its date the saying's
    version="18",
    config=settings.EVENTS.file_digest,  # a taxonomy of the setting's own: analysed again when it changes
)
def events(ctx: Context) -> Step:
    def step(a: Analysis) -> dict:
        found = find_events(
            a.parsed,
            a.article.id,
            a["mention"],
            a["time_expression"],
            a["attribution"],
            ctx.registry,
            published=a.article.published,
        )
        return {"event_mention": found}

    return step


import parley.extract.stances.component  # noqa: E402, F401  (stances)
