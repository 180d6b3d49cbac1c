"""Lines that are page furniture, not story: each test here looks at one line of plain text.

A line is boilerplate only when the whole of it is: a short line matching one of the
``_LINE_PATTERNS`` (comment forms, share buttons, "Subscribe", "Skip to content"), a bar of
share-network names, a call to action that no story sentence makes ("Sign up here", "opens new
tab", "We use cookies"), a photo caption with its credit, a link to another story ("SEE ALSO:
<headline>"), an outlet's listing of its own event, or a tag list whose words a crawler glued
together ("AnniversaryConflictUkraine destructionChurch"). So is a news agency's credit
line in brackets ("(Writing by A; Editing by B)"), on a line of its own or at the end of a
paragraph (:data:`CREDIT_TAIL`). A sentence that merely mentions subscribing, a newsletter or a
photograph stays.
"""

from __future__ import annotations

import re

__all__ = [
    "CREDIT_TAIL",
    "MAX_BOILERPLATE_CHARS",
    "PUBLISHED_LINE",
    "RELATED_HEADER",
    "SOURCE_LINE",
    "ends_sentence",
    "ends_statement",
    "is_boilerplate",
    "is_title_case",
]

MAX_BOILERPLATE_CHARS = 120
MAX_NOTICE_CHARS = 320  # a call to action or a caption can be longer than a menu item
MAX_CAPTION_CHARS = 800  # "Image: ..." describes the picture at length
MAX_TITLE_CHARS = 200  # a longer line is never read as a headline

_LINE_PATTERNS = [
    r"leave a (comment|reply)",
    r"(post|send|submit|add) (a )?comments?",
    r"\d* ?comments?( \(\d+\))?:?",
    r"your email address will not be published\.?( required fields are marked \*)?",
    r"required fields are marked \*",
    r"(name|email|website|comment) ?\*?:?",
    r"save my name, email, and website in this browser.*",
    r"(scroll|back) to top",
    r"source article",
    r"generated on:?.{0,40}",
    r"(synopsis|key takeaways|highlights|summary|in brief|tl;dr):?",
    r"share( this| it)?( article| story| post)? ?:?",
    r"share (on|via) \w+",
    r"(facebook|twitter|x|whatsapp|telegram|linkedin|email|print|copy link)",
    r"(related|recommended)( articles| stories| news| posts| content| reading)?:?",
    r"(read|see) (more|also)( on this)?:?",
    r"(advertisement|sponsored( content)?|adchoices|paid partner content)",
    r"(sign up|subscribe)( to| for)? (our|the) (daily |weekly |free )?newsletters?.*",
    r"(©|copyright|\(c\)) ?.{0,80}",
    r"all rights reserved\.?",
    r"(click|tap) here.{0,60}",
    r"follow us on .{0,60}",
    # page controls and menus
    r"(skip|jump) (links|to (the )?(main )?(content|navigation|search|article))",
    r"(show|hide|open|close) (the )?(navigation|menu|more|less|user controls|sections?)"
    r"( menu| sections| news sections)?",
    r"(main |navigation |site )?menu|navigation|site search|search",
    r"(sign|log) (in|up|out)( today| now| here)?|register|my account|dashboard",
    r"(subscribe|donate|support us|join)( now| today| here)?",
    r"(bookmark|save|gift|close|print|listen|play|live|more|info|home|by|loading\.*)",
    r"(save|gift|print|email|share|copy) (this |the )?(article|story|link|article link)",
    r"(listen|play)( to)?( this)? (article|story|audio)",
    r"(continue|keep) reading|(show|load|view) more|see all|view all",
    r"(next|previous)( up| article| story| post)?",
    r"list of \d+ items|list \d+ of \d+.*|end of list",
    r"\d+ ?(min|mins|minutes?)( read| listen)?|\d+ ?(mins?|minutes?|hours?|hrs?|days?) ago",
    r"\d{1,2}:\d\d( ?[ap]\.?m\.?)?( [A-Z]{2,4})?",  # a time alone: a video's length, a list's stamp
    r"end of (the )?(article|story|list|page)",
    r"(reporting|writing|editing|additional reporting|compiled|edited) by .{0,110}",
    # the credits of a page: "Additional reporting: A and B", "Design and development: ..."
    r"(\w+ )?(reporting|writing|editing|research|design|development|graphics|production|animation"
    r"|illustrations?|photography|video)( and (design|development|editing|production|research))? ?: .{0,110}",
    r"\[?email protected\]?",
    # a sign-in or sign-up form's fields and hints
    r"(confirm|enter|re-?enter|repeat|create|choose) (a |your )?(new )?"
    r"(password|e-?mail( address)?|username)\.?",
    r"(this|the) (article|story|content) (is|was) (published|produced) in (association|partnership) with",
    r'"[^"]*"\s*:\s*.*|"[^"]*",|[{}\[\]],?',  # JSON from a page's scripts
]
# A news agency's credit line in brackets: "(Reporting by A in B; Editing by C)", a line of its own or
# the end of the story's last paragraph (:data:`CREDIT_TAIL`).
_CREDIT = (
    r"\((?:additional |further )?(?:reporting|writing|editing|compiled|edited|written|research)"
    r"(?: and (?:writing|editing|reporting))? by\b[^()]{0,300}\)"
)
CREDIT_TAIL = re.compile(r"\s*" + _CREDIT + r"\s*$", re.IGNORECASE)
BOILERPLATE_LINE = re.compile(r"^\s*(?:-\s+)?(?:" + "|".join(_LINE_PATTERNS) + r")\s*$", re.IGNORECASE)

# Words a bar of share buttons is made of: "Mail Facebook Twitter / X LinkedIn".
SHARE_WORDS = frozenset(
    "mail email e-mail facebook twitter x linkedin whatsapp telegram reddit print copy link copylink "
    "share sms bluesky threads mastodon pinterest flipboard gift save bookmark messenger viber "
    "instagram youtube rss tiktok article comments copied url-copy copy-link".split()
)

# Calls to action no story sentence makes, wherever they stand on a line of notice length.
CALL_TO_ACTION = re.compile(
    r"\b(?:sign up|subscribe|register) (?:here|now|today|for free)\b"
    r"|\b(?:click|tap) here\b"
    r"|\bbe the first to know\b"
    r"|\b(?:delivered|straight|directly|right) (?:to|in|into) your (?:inbox|mailbox)\b"
    r"|\bget the (?:news|latest|best)[\w ]{0,20} in your (?:inbox|mailbox)\b"
    r"|\bopens? (?:in )?(?:a )?new (?:tab|window)\b"
    r"|\byour browser does not support\b"
    r"|\bwe use cookies\b|\bcookie (?:policy|settings|preferences|consent)\b|\baccept (?:all )?cookies\b"
    r"|\bget (?:instant|breaking) (?:news )?(?:alerts|news|updates)\b"
    r"|\bad ?blocker\b"
    r"|\blisten to this article\b"
    r"|\bpurchase licensing rights\b"
    r"|\b(?:share|save|print|email) this (?:article|story|page)\b"
    r"|\b(?:sell or share|sale or sharing of) (?:my |your )?personal information\b"
    r"|\byou (?:acknowledge|agree to|accept) our terms\b"
    r"|\bif you (?:believe you )?(?:have )?(?:found|spotted|noticed) an? (?:error|inaccuracy|mistake|typo)\b",
    re.IGNORECASE,
)
# Calls to action that a sentence could contain: only on a short line that does not read as one.
SHORT_CALL_TO_ACTION = re.compile(
    r"\bsign up (?:for|to) (?:our|the|a)\b.{0,60}\b(?:newsletters?|briefings?|alerts|digest|emails?)\b"
    r"|\bsubscribe to (?:our|the)\b.{0,60}\b(?:newsletters?|channel|podcast|briefings?|feed)\b"
    r"|\b(?:download|get) (?:our|the) (?:free )?app\b"
    r"|\bfollow (?:us|[A-Z][\w.]*(?: [A-Z][\w.]*){0,2}) on (?:google news|twitter|facebook|telegram|x|"
    r"instagram|whatsapp|linkedin|youtube)\b",
    re.IGNORECASE,
)
# Appeals for money or sign-ups, taken only from lines that quote nobody ("Your support helps us,"
# a minister may tell allies).
APPEAL = re.compile(
    r"\byour support (?:helps|keeps|allows|enables|makes|means)\b|\b(?:readers|supporters|people) like you\b"
    r"|\bsupport (?:our|independent) (?:journalism|reporting|newsroom|work)\b|\b(?:make a|one-off) donation\b"
    r"|\b(?:won[’']t|cannot|can[’']t) survive without (?:you|your support)\b|\bsubscribe below\b"
    r"|\bbe the first to (?:read|know|hear)\b|\b(?:we|i) will send you\b|\bprotected by recaptcha\b",
    re.IGNORECASE,
)
# An outlet's advert for its own event: the whole paragraph, however long its blurb.
# So is a listing of one: "Online Event Fri, January 30, 2026 • 9:00 am ET <its title>".
EVENT_ADVERT = re.compile(
    r"^join us (?:at|for) (?:the|our)\b.{0,80}\b(?:summit|conference|festival|webinar|forum)\b"
    r"|^(?:online|public|virtual|in-person|hybrid|upcoming|private) event:?\s+"
    r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d",
    re.IGNORECASE,
)
MAX_ADVERT_CHARS = 1000
_QUOTE_MARKS = re.compile(r"[\"“”«»„]")
# Two words glued where a page's list lost its separators: "conflictRussia", "UkraineUkraine".
GLUED_WORDS = re.compile(r"[a-z]{3}[A-Z][a-z]")
MIN_GLUED_LIST = 2  # glued pairs on a line that does not end like a sentence: a tag list or a menu
# Page text glued to the word before it by a lost line break: "professionalsLearn more about".
GLUED_CALL_TO_ACTION = re.compile(r"(?:^|(?<=[a-z]))(?:Learn more|Sign up|Subscribe|Read more|Get instant)\b")

# Agencies whose names end a photo credit ("Name/Reuters", "AFP via Getty Images").
_CREDIT_NAMES = r"(?:Reuters|REUTERS|AFP|AP|EPA|Getty|Anadolu|Al Jazeera|Shutterstock|NurPhoto|Sputnik|Pool)"
CAPTION_START = re.compile(
    r"^(?:(?:photo|image|picture|illustration|graphic|caption|credit|file photo)s?(?: illustration)?"
    r"(?: by)?\s*:|(?:photo|image|picture)(?: illustration)? by\b|illustrative (?:photo|image|picture)\b)",
    re.IGNORECASE,
)
# An outlet's photo credit closing a caption, however long the caption: "(X News photo/Name, Agency)"
OUTLET_PHOTO_CREDIT = re.compile(r"\([^()]{0,40}\b(?i:photo)s?\s*/\s*[^()]{1,100}\)\s*$")
CAPTION_CREDIT = re.compile(
    r"(?:\b(?i:photograph|photo|image|picture)s?(?i: by)?:\s*[^.!?]{1,90}"
    r"|\((?:photos?|image|pictured|file photo)\b[^()]{0,120}\)|\([Cc]redit\s*:[^()]{1,120}\)"
    rf"|\[[^\[\]]{{0,80}}(?:/|\b{_CREDIT_NAMES}\b)[^\[\]]{{0,80}}\]"
    rf"|^[^.!?]{{0,80}}(?:/\s*{_CREDIT_NAMES}\b[^.!?]{{0,40}}|\bvia Getty Images))\s*$"
)

RELATED_HEADER = re.compile(
    r"^\s*(related|recommended|more on this|read more|read also|also read|see also|more from|more news"
    r"|more stories|more in|latest|top stories|top hits|breaking news|trending|popular|featured"
    r"|most (read|popular|viewed|shared)"
    r"|news feed|editor'?s? picks|you (may|might)( also)? like"
    r"|don'?t miss|further reading|useful (?:reading|links)|other (?:topics|stories|articles|news)"
    r"|what to read next|up next|next up|keep reading|list of \d+ items|in case you missed it)\b.{0,30}$",
    re.I,
)
# A link to another story set in the text: "SEE ALSO: <its headline>", "Read more: ..."; the line
# goes however its headline reads ("FROM EARLIER:" is not one: a live blog's recap of its story).
TEASER_LINE = re.compile(
    r"^\s*(?:see also|read more|read also|also read|more on this|don[’']?t miss|related)"
    r"\s*:\s*\S",
    re.I,
)
SOURCE_LINE = re.compile(r"^\s*(?:source|original(?: article)?|via)\s*:\s*(?P<ref>\S.*?)\s*$", re.I)
PUBLISHED_LINE = re.compile(
    r"^\s*(?:published|posted|updated|date)(?: on)?\s*:?\s*(?P<date>[\w ,.:+-]{6,40}?)\s*$", re.I
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_END = re.compile(r"[.!?…](?:[\"'”’»)\]]+)?$")
# A statement ends with a full stop; a headline may end with "?" or "!" (not inside a quote), and a
# teaser cut short with "…".
_STATEMENT_END = re.compile(r"(?:\.[\"'”’»)\]]*|[!?][\"'”’»]+)$")


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line.rstrip()[-12:]))  # the end is all a pattern needs to see


def ends_statement(line: str) -> bool:
    """Ends like a sentence of a story rather than a headline ("Why did X do Y?")."""
    return bool(_STATEMENT_END.search(line.rstrip()[-12:]))


def is_title_case(line: str) -> bool:
    """Most words of four letters or more capitalised, as in a headline or a menu."""
    if len(line) > MAX_TITLE_CHARS:
        return False
    words = [w for w in _WORD.findall(line) if len(w) >= 4]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def is_boilerplate(line: str) -> bool:
    """Whether the whole line is page furniture (see the module docstring)."""
    if len(line) <= MAX_ADVERT_CHARS and EVENT_ADVERT.match(line) and not _QUOTE_MARKS.search(line):
        return True
    if len(line) <= MAX_CAPTION_CHARS and CAPTION_START.match(line):
        return True  # "Image: ..." at the head of a line is a caption, however long its description
    if len(line) <= MAX_CAPTION_CHARS and line.endswith(")") and OUTLET_PHOTO_CREDIT.search(line):
        return True
    if len(line) > MAX_NOTICE_CHARS:
        return False
    if line.startswith("(") and CREDIT_TAIL.match(line):
        return True  # "(Reporting by A; Editing by B)"
    if TEASER_LINE.match(line):
        return True
    low = line.lower()
    if len(line) <= MAX_BOILERPLATE_CHARS:
        if BOILERPLATE_LINE.match(line) or _is_share_bar(low) or GLUED_CALL_TO_ACTION.search(line):
            return True
        if _has(low, _SHORT_CALL_HINT) and SHORT_CALL_TO_ACTION.search(line) and not _reads_as_sentence(line):
            return True
    if len(GLUED_WORDS.findall(line)) >= MIN_GLUED_LIST and not ends_sentence(line):
        return True
    if _has(low, _APPEAL_HINT) and APPEAL.search(line) and not _QUOTE_MARKS.search(line):
        return True
    return bool((_has(low, _CALL_HINT) and CALL_TO_ACTION.search(line)) or is_caption(line))


def is_caption(line: str) -> bool:
    """A photo caption or credit: "Photo: ...", "... [Name/Reuters]", "... Photograph: Name/AFP"."""
    if CAPTION_START.match(line):
        return True
    low = line.lower()
    hints = line.endswith((")", "]")) or "/" in line or "getty" in low or _has(low, _PHOTO_HINT)
    return hints and bool(CAPTION_CREDIT.search(line))


# Words each group of patterns needs: a line without any of them is not tried against it.
_CALL_WORDS = (
    "sign up",
    "subscribe",
    "register",
    "click",
    "tap here",
    "first to",
    "inbox",
    "mailbox",
    "new tab",
    "new window",
    "browser",
    "cookie",
    "alerts",
    "news",
    "updates",
    "blocker",
    "listen to",
    "licensing",
    "this article",
    "this story",
    "this page",
    "personal information",
    "our terms",
    "found a",  # "found a typo", "found an error"
    "spotted a",
    "noticed a",
)
_SHORT_CALL_WORDS = ("sign up", "subscribe", "app", "follow")
_APPEAL_WORDS = (
    "support",
    "like you",
    "donation",
    "survive without",
    "below",
    "first to",
    "send you",
    "recaptcha",
)
_PHOTO_WORDS = ("photo", "image", "picture")
_CALL_HINT, _SHORT_CALL_HINT, _APPEAL_HINT, _PHOTO_HINT = (
    re.compile("|".join(map(re.escape, words)))
    for words in (_CALL_WORDS, _SHORT_CALL_WORDS, _APPEAL_WORDS, _PHOTO_WORDS)
)


def _has(low: str, words: re.Pattern[str]) -> bool:
    return bool(words.search(low))


def _is_share_bar(low: str) -> bool:
    words = re.findall(r"[\w-]+", re.sub(r"\S*://\S*", " ", low))
    return len(words) >= 2 and all(word in SHARE_WORDS for word in words)


def _reads_as_sentence(line: str) -> bool:
    """A quote or a reported sentence, which a menu item or a button is not."""
    return ends_sentence(line) and len(line.split()) >= 8 and not line.lstrip().startswith(("Sign", "Follow"))
