"""Reliability signals per article: reasons to read an article closely, each with the words it
was read from and why it is shown. None of them says the article is wrong.

- ``weekday``: a weekday next to a date it does not fall on ("Friday, 4 December 2025"), or
  "today (Thursday)" in an article published on another weekday;
- ``role``: an actor called "former" something that other articles, or the dossier, give
  without "former" (:mod:`parley.reconcile.roles`);
- ``date-conflict``: the article's metadata, address, text and dateline give different dates
  (``Article.date_conflicts``), unless only the metadata disagrees with a date the article itself
  gives (a crawl date or a stale page tag says nothing of the article);
- ``machine-rewrite``: lines a rewriting tool or an aggregator leaves ("Source Article",
  "Generated on:"), in the text or among the clutter removed at ingest; a heading editors write
  too ("Key Takeaways") only beside another;
- ``unattributed``: a hedged claim ("reportedly") that names no source at all; not a hedge with
  a footnote mark after it, in the text or taken out at ingest (:mod:`.footnoted_hedges`), a legal
  "allegedly" near an arrest or charge, the writer's own doubt (", supposedly for ..."), a hedge
  in what a report the sentence begins with says ("The rumour hinted that ..."), nor what a video
  or photo "purportedly shows" (:func:`excused_hedge`);
- ``misspelt-name``: a surname written a letter or two unlike the actor's ("Rhoe" for Roe),
  beyond transliteration ("Zelenskyy" for Zelensky is none), and not a part of the name ("Jon
  Paul" for Jon Paul Roe), a suffix ("III") or a particle (``names.yaml``'s ``particles`` and
  ``name_particles``);
- ``lone-claim``: a value (a quantity, an event's date, place or duration) that no other article
  gives while at least ``LONE_AGAINST`` independent others give another.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import replace
from functools import cache

from rapidfuzz.distance import OSA

from parley.clean.pubdate import dissenting_sources
from parley.extract.registry import GENERATIONAL, ROMAN_NUMERALS, name_list
from parley.models import Actor, Article, Mention, Span
from parley.reconcile.claim_words import load_words
from parley.reconcile.claims import Corpus
from parley.reconcile.contested_records import Claim, Contested, Signal
from parley.reconcile.footnoted_hedges import AFTER_CHARS, footnoted
from parley.reconcile.roles import role_clashes

LONE_AGAINST = 2
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = r"(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATED_WEEKDAY = re.compile(
    _WEEKDAY + r",?\s+(?:the\s+)?(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"|"
    + _MONTH.replace("mon>", "mon2>") + r"\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)(?:,?\s+(?P<y>\d{4}))?"
)  # fmt: skip
TODAY = re.compile(r"\btoday\s*\(\s*" + _WEEKDAY + r"\s*\)", re.IGNORECASE)


def find_signals(
    corpus: Corpus,
    claims: list[Claim],
    contested: list[Contested],
    registry_roles: dict[str, tuple[str, ...]],
    registry_names: dict[str, tuple[str, ...]],
    markers: tuple[str, ...],
    headings: tuple[str, ...] = (),
) -> list[Signal]:
    found: list[Signal] = []
    spelt: list[Signal] = []
    named_in: dict[str, set[str]] = {}  # actor id -> the articles that name it
    for article_id, article in corpus.articles.items():
        found += weekday_signals(article_id, article.text, article.published)
        if article.date_conflicts and not _software_dissents(article):
            told = "; ".join(f"{source}: {value}" for source, value in article.date_conflicts)
            found.append(Signal(article_id, "date-conflict", None, told, _date_why(article)))
        found += rewrite_signals(article_id, article.text, article.removed, markers, headings)
        mentions = corpus.mentions.get(article_id, [])
        for m in mentions:
            if m.actor_id:
                named_in.setdefault(m.actor_id, set()).add(article_id)
        spelt += name_signals(article_id, mentions, corpus.actors, registry_names)
    counted: dict[tuple[str, str], bool] = {}  # (actor, written) -> written more often than the name
    found += [s for s in spelt if not _more_often_written(corpus, s, named_in, registry_names, counted)]
    for clash in role_clashes(corpus, registry_roles):
        name = corpus.actors[clash.actor_id].name if clash.actor_id in corpus.actors else clash.actor_id
        others = len({m.article_id for m in clash.current})
        why = f"calls {name} 'former {clash.role}'; {others} other article(s) give the role without 'former'"
        if clash.registered:
            why += f", and the dossier lists {', '.join(clash.registered)}"
        warned: set[str] = set()  # one signal an article: "former President" twice is one warning
        for m in clash.former:
            if m.article_id not in warned:
                warned.add(m.article_id)
                found.append(Signal(m.article_id, "role", m.span, m.role or "", why))
    found += unattributed_signals(claims, corpus)
    found += lone_signals(contested)
    unique = {(s.article_id, s.kind, s.span.start if s.span else -1): s for s in found}
    return sorted(unique.values(), key=lambda s: (s.article_id, s.span.start if s.span else -1, s.kind))


_DATES = "the article's metadata, address, text and dateline give different dates"


def _software_dissents(article: Article) -> bool:
    """Only the metadata (the crawler's or the page software's date) disagrees with a date the
    article itself gives (its address, a date line, its dateline): no sign of the article's."""
    if article.published is None or article.published_from == "metadata":
        return False
    return set(dissenting_sources(article.date_conflicts, article.published)) == {"metadata"}


def _date_why(article: Article) -> str:
    if article.published is None:
        return f"{_DATES}; no date is used"
    used = f"{article.published.isoformat()} ({article.published_from})"
    return f"{_DATES}; the date used, {used}, may be wrong"


_UNATTRIBUTED = "a hedged claim ('reportedly', 'according to') that names no source"


def unattributed_signals(claims: list[Claim], corpus: Corpus | None = None) -> list[Signal]:
    """A hedged claim that names no source; where one article hedges ``REPEATED_HEDGE`` or more
    sentences with the same word and no source (a daily report's "Elements of X are reportedly
    operating ..." lines), one signal for all of them, the first, saying how many. A sentence
    whose every hedge is excused (:func:`excused_hedge`) is none."""
    by_hedge: dict[tuple[str, str], list[Signal]] = {}
    hedges = load_words().pattern("hedges")
    for c in claims:
        if c.claimant_kind != "article":
            continue
        for src in c.sources:
            article = corpus.articles.get(src.article_id) if corpus else None
            before = article.text[max(0, src.span.start - LEGAL_BEFORE) : src.span.start] if article else ""
            after = article.text[src.span.end : src.span.end + AFTER_CHARS] if article else ""
            said = list(hedges.finditer(src.text))
            open_ = [w for w in said if not excused_hedge(src.text, w, before, after, article)]
            if said and not open_:
                continue  # every hedge of the sentence has its source or is no claim
            word = open_[0] if open_ else None
            key = (src.article_id, word.group().casefold() if word else src.text)
            by_hedge.setdefault(key, []).append(
                Signal(src.article_id, "unattributed", src.span, src.text, _UNATTRIBUTED)
            )
    found = []
    for (_, hedged), same in by_hedge.items():
        if len(same) < REPEATED_HEDGE:
            found += same
            continue
        first = min(same, key=lambda s: s.span.start if s.span else -1)
        why = f"{_UNATTRIBUTED}; {len(same)} sentences of the article are hedged so ('{hedged}')"
        found.append(replace(first, explanation=why))
    return found


_LEGAL = re.compile(
    r"\b(?:arrest|arrested|arrests|indicted|indictment|accused|suspects?|suspected|defendants?|"
    r"prosecutors?|prosecuting|prosecution|charged\s+with|charges|trial|custody|convicted|"
    r"pleaded|extradited|lawsuit|sued|jury)\b",
    re.IGNORECASE,
)
LEGAL_BEFORE = 400  # characters before a sentence read for an arrest or a charge
# The writer's doubt about a description or purpose: ", supposedly for ...", "the supposedly
# secret talks".
_OWN_DOUBT = re.compile(r"(?:,\s*|\b(?:a|an|the)\s+)$", re.IGNORECASE)
_MEDIA = re.compile(
    r"\b(?:footage|videos?|images?|photos?|photographs?|pictures?|clips?|recordings?)\b", re.IGNORECASE
)
_SHOWING = re.compile(r"\s+(?:shows?|showing|showed|depicts?|depicting|of)\b", re.IGNORECASE)
_OF_WHAT = re.compile(r"\bof\s+what\s+$", re.IGNORECASE)
MEDIA_BEFORE = 60  # characters before a hedge read for the video or photo it describes
# A sentence whose subject is a report that says what follows: "The rumour, which began on a
# blog, hinted that ...", "The story went on to detail how ..." (the report is the source); the
# word before "that" a verb ("hinted", "to detail"), not "from that summit".
REPORT_NOUNS = ("story", "stories", "article", "articles")  # besides the claim nouns of the word list


@cache
def _report_says(nouns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(
        r"^\W*(?:the|a|an|this|that|one|another)\s+(?:[\w-]+\s+){0,2}?"
        rf"(?:{'|'.join(map(re.escape, nouns))})\b[^;:]*?\b(?:\w+(?:ed|s|ing)|to\s+\w+)\s+(?:that|how)\s",
        re.IGNORECASE,
    )


def excused_hedge(
    text: str, hedge: re.Match[str], before: str = "", after: str = "", article: Article | None = None
) -> bool:
    """A hedge that leaves no claim without a source: a footnote mark right after it or at the end
    of its sentence, in the text or taken out by the cleaner (the footnote is the source,
    :mod:`.footnoted_hedges`); "allegedly" in or just after words of an arrest or a charge (a
    reporter's caution about charges); the writer's "supposedly" set off by a comma or inside a
    noun phrase ("moved troops, supposedly for exercises"); a hedge in what a report the sentence
    begins with says ("The rumour hinted that ... would supposedly ..."); what a video or photo
    "purportedly shows" ("footage purportedly showing ...", "images of what is said to be")."""
    word = hedge.group().casefold()
    ahead, behind = text[hedge.end() :], text[: hedge.start()]
    if footnoted(text, hedge, after, article):
        return True
    if word == "allegedly" and _LEGAL.search(f"{before} {text}"):
        return True
    if word == "supposedly" and _OWN_DOUBT.search(behind):
        return True
    if _report_says((*REPORT_NOUNS, *load_words().lists["claim_nouns"])).match(behind):
        return True
    if not _MEDIA.search(behind[-MEDIA_BEFORE:]):
        return False
    return bool(
        word in ("purportedly", "allegedly", "reportedly", "supposedly") and _SHOWING.match(ahead)
    ) or bool(word.endswith("said to") and _OF_WHAT.search(behind))


REPEATED_HEDGE = 3


def weekday_signals(article_id: str, text: str, published: dt.date | None) -> list[Signal]:
    found = []
    for m in DATED_WEEKDAY.finditer(text):
        month = MONTHS.index((m.group("mon") or m.group("mon2"))[:3].lower()) + 1
        day = int(m.group("d1") or m.group("d2"))
        year = int(m.group("y")) if m.group("y") else (published.year if published else None)
        try:
            date = dt.date(year, month, day) if year else None
        except ValueError:
            date = None
        if date and WEEKDAYS[date.weekday()] != m.group("wd").lower():
            why = f"{date.isoformat()} is a {WEEKDAYS[date.weekday()].title()}, not a {m.group('wd')}"
            found.append(Signal(article_id, "weekday", Span(m.start(), m.end()), m.group(0), why))
    for m in TODAY.finditer(text):
        if published and WEEKDAYS[published.weekday()] != m.group("wd").lower():
            why = f"the article is dated {published.isoformat()}, a {WEEKDAYS[published.weekday()].title()}"
            found.append(Signal(article_id, "weekday", Span(m.start(), m.end()), m.group(0), why))
    return found


def rewrite_signals(
    article_id: str,
    text: str,
    removed: tuple[str, ...],
    markers: tuple[str, ...],
    headings: tuple[str, ...] = (),
) -> list[Signal]:
    """At most one machine-rewrite signal: a marker in the text (else among the lines ingest
    removed). A heading such as "Key Takeaways" opens lines that editors write too: it counts only
    beside a marker or a second, different heading."""
    why = "a line that rewriting tools and aggregators leave behind"
    strong = [s for m in markers if (s := _marker_signal(article_id, text, removed, m, why, heading=False))]
    heads = [s for h in headings if (s := _marker_signal(article_id, text, removed, h, why, heading=True))]
    if not strong and len(heads) < 2:
        heads = []
    found = strong + heads
    return [s for s in found if s.span][:1] or found[:1]


def _marker_signal(
    article_id: str, text: str, removed: tuple[str, ...], marker: str, why: str, *, heading: bool
) -> Signal | None:
    """The marker in the text (a heading only where a line opens with it), else among the lines
    ingest removed."""
    at = _heading_at(text, marker) if heading else text.find(marker)
    if at >= 0:
        return Signal(article_id, "machine-rewrite", Span(at, at + len(marker)), marker, why)
    if any(
        _heading_at(line, marker) >= 0 if heading else marker.casefold() in line.casefold()
        for line in removed
    ):
        return Signal(article_id, "machine-rewrite", None, marker, why + " (removed at ingest)")
    return None


def _heading_at(text: str, heading: str) -> int:
    """Where a line of the text opens with the heading (after bullets or marks), or -1."""
    m = re.search(rf"(?mi)^[^\w\n]*({re.escape(heading)})(?!\w)", text)
    return m.start(1) if m else -1


def translit(name: str) -> str:
    """A surname folded so that transliterations agree: accents, y/i/j, doubled letters."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in text if c.isalpha() and not unicodedata.combining(c))
    text = text.replace("y", "i").replace("j", "i")
    return re.sub(r"(.)\1+", r"\1", text)


# Words of a name that are not its spelling: generational suffixes ("Jr.", "III", "VI"); a single
# letter is an initial. The particles that join a family name ("van der", "al-") are names.yaml's.
NAME_SUFFIXES = GENERATIONAL | frozenset(ROMAN_NUMERALS[:6])


@cache
def name_particles() -> frozenset[str]:
    """The particles a mention stands inside a name (``particles``) and those only a spelling
    skips (``name_particles``), from ``names.yaml``."""
    return name_list("particles") | name_list("name_particles")


def spelling_words(name: str) -> list[str]:
    """The words of a name that spell it: no suffix ("Jr.", "III"), no initial, no "'s"."""
    words = [re.sub(r"['’]s$", "", w).strip(".,'’\"“”()") for w in name.split()]
    return [w for w in words if len(w) > 1 and w.casefold() not in NAME_SUFFIXES]


def near_spelling(written: str, name: str) -> bool:
    """Two folded spellings a letter or two apart (one for a name of five letters or fewer): a
    letter added, dropped, changed or two swapped."""
    a, b = translit(written), translit(name)
    limit = 1 if min(len(a), len(b)) <= 5 else 2
    return 0 < OSA.distance(a, b, score_cutoff=limit) <= limit  # swaps of neighbours count one


def name_signals(
    article_id: str,
    mentions: list[Mention],
    actors: dict[str, Actor],
    registry_names: dict[str, tuple[str, ...]],
) -> list[Signal]:
    """A person's surname written a letter or two unlike the actor's (or as the dossier lists a
    misspelling); a part of the name, a suffix, a particle or a different word is no signal."""
    found = []
    for m in mentions:
        if m.label != "PERSON" or not m.actor_id:
            continue
        names = registry_names.get(m.actor_id)
        actor = actors.get(m.actor_id)
        canonical = names[0] if names else (actor.name if actor and actor.kind == "person" else None)
        own = spelling_words(canonical) if canonical else []
        written_words = spelling_words(m.text)
        if not own or not written_words:
            continue
        written = written_words[-1]
        if written.casefold() in name_particles() or translit(written) in {translit(w) for w in own}:
            continue  # "Jon van", "Jon Paul", "Mr. Roe": a part of the name
        listed = names is not None and any(
            translit(written) == translit(w) for n in names[1:] for w in spelling_words(n)[-1:]
        )
        if not listed and not near_spelling(written, own[-1]):
            continue  # another word ("Jon Kerr" for Jon Kerr Roe): no spelling of the surname
        how = (
            "a spelling the dossier lists as a misspelling"
            if listed
            else "matched to it only by a near spelling"
        )
        why = f"written '{written}'; the actor is {canonical} ({how})"
        found.append(Signal(article_id, "misspelt-name", m.span, m.text, why))
    return found


def _more_often_written(
    corpus: Corpus,
    signal: Signal,
    named_in: dict[str, set[str]],
    registry_names: dict[str, tuple[str, ...]],
    counted: dict[tuple[str, str], bool],
) -> bool:
    """The articles naming the actor write the signal's spelling more often than the actor's
    name: the name was taken from the odd one out ("Rhoe" once, "Roe" elsewhere). A dossier's
    name is never outvoted."""
    mention = next(
        (m for m in corpus.mentions.get(signal.article_id, []) if m.span == signal.span and m.actor_id), None
    )
    if mention is None or mention.actor_id in registry_names or mention.actor_id not in corpus.actors:
        return False
    written = spelling_words(mention.text)[-1]
    key = (mention.actor_id, written)
    if key not in counted:  # each actor's articles read once for each spelling, not once a signal
        counted[key] = _written_more(corpus, written, mention.actor_id, named_in)
    return counted[key]


def _written_more(corpus: Corpus, written: str, actor_id: str, named_in: dict[str, set[str]]) -> bool:
    own = spelling_words(corpus.actors[actor_id].name)[-1]
    written_in = own_in = 0
    for article_id in named_in.get(actor_id, ()):
        article = corpus.articles.get(article_id)
        text = article.text if article else ""
        written_in += bool(re.search(rf"(?<![\w-]){re.escape(written)}(?![\w-])", text))
        own_in += bool(re.search(rf"(?<![\w-]){re.escape(own)}(?![\w-])", text))
    return written_in > own_in


def lone_signals(contested: list[Contested]) -> list[Signal]:
    """A value no other article gives, against at least ``LONE_AGAINST`` independent others."""
    found = []
    for c in contested:
        if c.kind not in ("quantity", "event-detail") or len(c.sides) < 2:
            continue
        for side in c.sides:
            if len(side.sources) != 1:
                continue
            others = [s for s in c.sides if s is not side]
            against = sum(s.independent for s in others)
            if against >= LONE_AGAINST and all(side.sources[0] not in s.sources for s in others):
                said = ", ".join(f"{s.value} ({s.independent})" for s in others)
                why = f"{c.subject}: gives {side.value}, which no other source gives; others say {said}"
                found.append(Signal(side.sources[0], "lone-claim", side.span, side.text, why))
    return found
