"""Word lists used by the attribution extractor (:mod:`parley.extract.attribution`).

Only generic English vocabulary lives here: reporting verbs (by lemma), the prepositions and
nouns that name a channel, and a few function-word sets. No names of people, places or outlets.
"""

from __future__ import annotations

# Verbs of saying / writing / asserting. A token with one of these lemmas is a cue when it
# introduces a clause (``ccomp``), a direct quote, or a colon-introduced quote.
SPEECH_VERBS: frozenset[str] = frozenset(
    """
    say tell add write tweet post state note insist warn claim deny refute acknowledge confirm
    announce argue explain suggest report declare assert reply respond answer recall conclude
    continue admit concede stress emphasize emphasise reiterate repeat predict promise pledge vow
    threaten ask complain charge contend maintain observe remark comment indicate signal hint
    allege disclose reveal assure reassure inform caution urge demand propose joke quip muse
    wonder testify proclaim retort counter shout chant scream exclaim whisper yell read reason
    underline underscore highlight clarify elaborate specify recount brief announce affirm
    reaffirm protest object lament decry acknowledge agree boast brag tout speculate estimate
    calculate forecast project mention cite describe characterize characterise summarize
    summarise opine posit preach plead beg implore concur dispute contest rebut deny reject
    dismiss vouch swear guarantee certify attest predict explain tease teach relay echo
    speak talk say communicate telegraph signal assert write scribble text email message
    press interject snap sigh laugh gush marvel scoff fume rail thunder bellow mutter murmur
    stammer grumble huff cry convey bark boom beam exhort holler react question apologize
    confess confide volunteer chide scold lecture recite gripe rave sneer
    """.split()
)

# Verb + particle or object that make a cue of a verb that is not one by itself:
# "she went on", "he shot back", "as X put it".
PHRASAL_CUES: frozenset[tuple[str, str]] = frozenset(
    {
        ("go", "on"),
        ("shoot", "back"),
        ("fire", "back"),
        ("hit", "back"),
        ("chime", "in"),
        ("weigh", "in"),
        ("lash", "out"),
        ("speak", "out"),
        ("put", "it"),
        ("sum", "up"),
        ("cry", "out"),
        ("call", "out"),
        ("point", "out"),
        ("spell", "out"),
        ("bring", "up"),
        ("float", "out"),
    }
)
PHRASAL_HEADS: frozenset[str] = frozenset(v for v, _ in PHRASAL_CUES)

# Verbs whose object is the person spoken to ("told reporters", "asked the crowd").
ADDRESSEE_VERBS: frozenset[str] = frozenset(
    "tell ask inform assure reassure remind warn urge brief answer address thank".split()
)

# Verbs of belief, knowledge or expectation. PolNeAR-style corpora annotate "X believes that
# ..." as attribution; these count as cues only when they govern a clause (ccomp).
COGNITION_VERBS: frozenset[str] = frozenset(
    """
    think believe hope fear expect know feel worry suspect doubt assume reckon guess figure
    consider understand realise realize recognise recognize anticipate imagine trust bet
    find show learn determine conclude assess judge
    """.split()
)

# Verbs whose content is an infinitive clause (xcomp): "X vowed to keep fighting".
COMMISSIVE_VERBS: frozenset[str] = frozenset(
    """
    promise pledge vow threaten refuse decline offer agree swear undertake demand urge call
    ask want seek plan hope intend aim wish prefer expect""".split()
)

# Verbs that characterise someone or something: "called the plan "a disaster"". Their
# complement is content when it holds a quote, or with the preposition listed in
# DESCRIBE_PREPS ("described it as ...", "accused X of ...", "called for ...").
DESCRIBE_VERBS: frozenset[str] = frozenset(
    """
    call describe refer accuse title label brand dub term characterize characterise denounce
    criticize criticise condemn praise hail slam blast decry mock deride ridicule thank blame
    welcome applaud
    """.split()
)
DESCRIBE_PREPS: dict[str, frozenset[str]] = {
    "call": frozenset({"for", "on"}),
    "describe": frozenset({"as"}),
    "refer": frozenset({"as"}),
    "characterize": frozenset({"as"}),
    "characterise": frozenset({"as"}),
    "accuse": frozenset({"of"}),
    "blame": frozenset({"for"}),
    "criticize": frozenset({"for"}),
    "criticise": frozenset({"for"}),
    "praise": frozenset({"for"}),
    "thank": frozenset({"for"}),
    "condemn": frozenset({"as", "for"}),
}
# Of those, the verbs whose preposition makes a statement without an object ("called for
# talks"); the others need what they describe after them ("described the talks as ...").
DESCRIBE_NO_OBJECT: frozenset[str] = frozenset({"call"})

# Verbs whose object does what their infinitive says ("prompted analysts to conclude ...",
# "urged voters to say ..."; not "used blunt language to denounce ...", "promised voters to ...").
OBJECT_CONTROL_VERBS: frozenset[str] = frozenset(
    """
    prompt require urge ask force persuade convince encourage lead cause allow invite tell order
    push press compel expect want need inspire pressure drive motivate challenge enable spur
    instruct advise warn remind get leave make
    """.split()
)

# Verbs whose "on X" names who is urged ("called on voters to ..."): X belongs to the content.
CALL_ON_VERBS: frozenset[str] = frozenset({"call"})

# Verbs whose direct object is the content: "X denied the report", "X confirmed the talks".
OBJECT_CONTENT_VERBS: frozenset[str] = frozenset(
    """
    deny refute confirm acknowledge announce reject dismiss admit dispute contest rebut
    endorse oppose support back favor favour propose defend
    """.split()
)

# Of the cue verbs, those whose statement is not words the speaker is reported to have said but
# a thought, a wish or a stand the writer ascribes to them ("Moscow believes it can outlast
# them", "X wants a deal", "X supports the plan"): a statement's ``ascribed`` (a verb of saying
# among them — "concluded", "rejected" — is words said).
WISH_VERBS: frozenset[str] = frozenset("want seek plan hope intend aim wish prefer expect".split())

# Of those, the verbs that name a stand rather than words: as an infinitive of purpose they say
# what something is for ("bases used to support drone operations"), not what anyone said.
STANCE_OBJECT_VERBS: frozenset[str] = frozenset("support back favor favour endorse oppose".split())

# Verbs that mean "quoted/reported ... as saying": the speaker is their object (active) or
# their passive subject.
QUOTING_VERBS: frozenset[str] = frozenset("quote cite report paraphrase".split())

# Lemmas that may introduce a colon quote without being speech verbs: "The message read: ..."
# (any verb is accepted before a colon that introduces a quote; this list is not needed there).

# Channel words, matched on the lower-cased token text (single tokens) or token pairs; the
# value is the channel name returned (platforms capitalised: "Telegram", "X/Twitter", "TV").
CHANNEL_WORDS: dict[str, str] = {
    "interview": "interview",
    "interviews": "interview",
    "telegram": "Telegram",
    "statement": "statement",
    "statements": "statement",
    "communique": "statement",
    "communiqué": "statement",
    "readout": "statement",
    "tweet": "X/Twitter",
    "tweets": "X/Twitter",
    "twitter": "X/Twitter",
    "briefing": "briefing",
    "briefings": "briefing",
    "tv": "TV",
    "television": "TV",
    "telecast": "TV",
    "broadcast": "TV",
    "broadcaster": "TV",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "youtube": "YouTube",
    "video": "video",
    "radio": "radio",
    "podcast": "podcast",
    "speech": "speech",
    "address": "speech",
    "op-ed": "op-ed",
    "oped": "op-ed",
    "column": "op-ed",
    "letter": "letter",
    "email": "email",
    "e-mail": "email",
    "blog": "blog",
    "post": "post",
    "posting": "post",
    "website": "website",
    "newsletter": "newsletter",
    "hearing": "hearing",
    "testimony": "hearing",
    "podium": "press conference",
    "presser": "press conference",
}

# Two-word channels (lower-cased "first second").
CHANNEL_BIGRAMS: dict[str, str] = {
    "press conference": "press conference",
    "news conference": "press conference",
    "press briefing": "briefing",
    "news briefing": "briefing",
    "press release": "statement",
    "news release": "statement",
    "truth social": "Truth Social",
    "social media": "social media",
    "state tv": "TV",
    "state television": "TV",
    "video address": "video",
    "video message": "video",
}

# Verb lemmas that imply a channel by themselves.
CHANNEL_VERBS: dict[str, str] = {
    "tweet": "X/Twitter",
    "retweet": "X/Twitter",
    "email": "email",
    "text": "text message",
    "testify": "hearing",
    "broadcast": "TV",
}

# The token "X" is the platform only after one of these prepositions ("posted on X").
X_PLATFORM_PREPS: frozenset[str] = frozenset({"on", "via"})
X_PLATFORM = "X/Twitter"

# Nouns for documents and messages that can be a source themselves ("a report saying ...").
SOURCE_NOUNS: frozenset[str] = frozenset(
    """
    report study poll survey document memo letter statement message note article editorial
    email tweet post ad advertisement transcript filing complaint lawsuit release analysis
    paper book website petition resolution ruling decision order draft plan proposal text
    """.split()
)

# Nouns for a recording of someone speaking: "footage of X saying" is X's speech.
RECORDING_NOUNS: frozenset[str] = frozenset("footage video clip recording tape audio film broadcast".split())
# Nouns for a record of words said: "a transcript in which X said ...", told on another's word,
# is X's statement as well as the teller's.
RECORD_NOUNS: frozenset[str] = RECORDING_NOUNS | frozenset(
    "record transcript readout minutes letter memo email message note call conversation".split()
)

# Words that start a "Word: text" line without being a speaker.
NOT_SPEAKERS: frozenset[str] = frozenset(
    """
    source sources note update updated photo photos image video editor correction read watch
    related see via credit credits disclaimer advertisement ad published posted by tags
    topics filed share comments comment subscribe follow contact email tel phone fax
    """.split()
)

# Nouns for a stretch of time: "the past four years have shown that ..." is no one's statement.
TIME_NOUNS: frozenset[str] = frozenset(
    "year month week day decade century hour minute period era time moment weekend season".split()
)

# Nouns of a two-word adverb ("in essence", "in turn"): after a speaker, not part of its name.
ADVERBIAL_PP_NOUNS: frozenset[str] = frozenset(
    "essence turn fact effect particular response return addition short general contrast".split()
)

# Bare nouns after "according to" that make an idiom, not a source ("going according to plan").
ACCORDING_IDIOMS: frozenset[str] = frozenset("plan plans schedule script form".split())

# Relative pronouns: a subject "who" is the source as written; the statement builder resolves
# it to the noun phrase it refers to.
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "that", "which", "whom"})

# Nested content (:mod:`parley.extract.attribution.embedding`). Nouns whose complement clause
# is a claim someone else made: "reports that X rejected the plan", "assertions that ...".
CLAIM_NOUNS: frozenset[str] = frozenset(
    """
    report claim assertion allegation rumour rumor suggestion speculation accusation insinuation
    contention narrative notion assumption
    """.split()
)
# Nouns of saying whose "that" clause is what was said and whose owner said it ("X's claim that
# ...", for :mod:`.attribution.noun_cues`): the claim nouns but those of a thing no one owner says
# ("rumour", "speculation", "narrative"), a view held ("notion", "assumption"), a text ("report")
# or a hint ("insinuation"), and more nouns of saying.
SAYING_NOUNS: frozenset[str] = (
    CLAIM_NOUNS - frozenset("report rumour rumor speculation insinuation narrative notion assumption".split())
) | frozenset(
    "argument insistence prediction warning promise pledge assurance statement denial admission".split()
)
# Words that open a question clause ("knew what was coming", "clarified what he meant").
QUESTION_WORDS: frozenset[str] = frozenset("how what why where when who whom which whether".split())
# Those that, after a verb of saying, name the matter spoken of rather than what was said
# ("clarified what he meant", "argued whether ..."); "told how the war changed their lives" and
# "explained why he backs the plan" give an account (PolNeAR annotates them).
QUESTION_WORDS_NOT_SAID: frozenset[str] = QUESTION_WORDS - {"how", "why"}
# Verbs and nouns that put a question: "asked whether ...", "questions about whether ...".
ASK_VERBS: frozenset[str] = frozenset("ask inquire enquire query question wonder".split())
QUESTION_NOUNS: frozenset[str] = frozenset("question inquiry enquiry query".split())
# Verbs that deny a claim put to them as their clause or object: "denied that ...", "refuted
# assertions that ...".
DENIAL_VERBS: frozenset[str] = frozenset(
    "deny refute reject dismiss rebut dispute contest debunk disavow repudiate".split()
)
# Predicates that call a clause false ("it is not true that ...", "claims that ... are false").
FALSE_WORDS: frozenset[str] = frozenset(
    """
    false untrue incorrect wrong inaccurate baseless groundless unfounded nonsense lie fake
    fabrication fiction misinformation disinformation
    """.split()
)
TRUE_WORDS: frozenset[str] = frozenset("true correct accurate right".split())
# A source that relays someone else's words: "according to reports, X said ...", "Reports say
# X told ...": X's statement, not the reports' only.
RELAYING_SOURCES: frozenset[str] = frozenset(
    "report media press outlet newspaper agency source broadcaster".split()
)

ASCRIBED_VERBS: frozenset[str] = (
    COGNITION_VERBS | WISH_VERBS | (STANCE_OBJECT_VERBS - {"endorse"}) | {"defend"}
) - SPEECH_VERBS

# A cue with one of these auxiliaries (or the verb it is the infinitive of) is only supposed, no
# one's statement ("Should Russia conclude that ...", "could conclude", "will argue that ...",
# "will likely require Putin to worry that ...").
MODAL_WORDS: frozenset[str] = frozenset("could would might may should must can will shall".split())

# Who can hold a view (:mod:`parley.extract.attribution.agentive`). Verbs of showing: with a
# subject that cannot speak ("the data shows that ...", "footage indicates ...") no one's words.
EVIDENTIAL_VERBS: frozenset[str] = frozenset(
    """
    show indicate suggest signal reveal confirm hint demonstrate prove reflect underline
    underscore highlight illustrate mean imply
    """.split()
)
# Verbs of saying that a fact or a situation does too ("This explains why ...", "The crisis echoes
# the 1990s"): their subject must be able to speak, wherever the parse puts it.
AGENT_SPEECH_VERBS: frozenset[str] = frozenset({"explain", "echo"})
# Nouns for people and the bodies they form, which may believe, want or support something
# ("officials believe", "the government wants", "critics oppose"); the nouns for a person with
# a role are :data:`parley.extract.speaker_reading.ROLE_NOUNS`.
PEOPLE_NOUNS: frozenset[str] = frozenset(
    """
    people person public population citizen resident voter civilian worker employee member
    supporter opponent backer ally partner rival neighbour neighbor critic observer commentator
    pundit strategist pollster insider source scientist economist analyst expert scholar
    official politician legislator lawmaker participant attendee survivor refugee veteran
    protester demonstrator activist campaigner investor executive manager owner host guest
    government administration ministry department agency office authority council committee
    commission parliament congress senate cabinet court military army force troop navy command
    headquarters staff team delegation coalition alliance bloc union side party country nation
    state republic kingdom regime camp faction movement organisation organization institution
    bank company firm newspaper outlet media press broadcaster leadership establishment majority
    minority everyone someone anyone nobody other many some most several both all each one
    group family community institute centre center foundation university association society
    blogger milblogger assessment investigation inquiry review finding forecast estimate audit
    evaluation probe research nominee contender hopeful challenger incumbent regulator police
    organizer organiser speaker writer reader viewer insurgent militant rebel fighter consumer
    taxpayer shareholder stakeholder employer farmer elite hardliner hawk dove liberal conservative
    moderate reformer opposition youth student teacher doctor crowd audience household
    """.split()
)
# Pronouns that name someone who can hold a view (not "it", "this", "that": a thing).
PERSON_PRONOUNS: frozenset[str] = frozenset(
    """
    i we you he she they who whom someone somebody everyone everybody anyone anybody one others
    many some most several all both each either those
    """.split()
)
# Verbs of taking a stand that also name a deed ("supported flooding response", "defend control"):
# their plain noun object must be something one can take a stand on ("supports the plan").
STAND_VERBS: frozenset[str] = frozenset("support back defend".split())
POSITION_NOUNS: frozenset[str] = (
    frozenset(
        """
    plan proposal proposition deal agreement accord treaty pact settlement compromise framework
    roadmap ceasefire truce armistice talk negotiation dialogue process position stance view
    idea notion claim argument assessment decision policy measure move step initiative bill law
    legislation amendment resolution motion referendum bid request demand call appeal offer
    sanction ban tariff embargo membership accession candidacy nomination approach strategy
    solution option version draft text peace effort deployment mission vote reform regulation
    rule program programme budget record remark comment statement tweet post word
    """.split()
    )
    | CLAIM_NOUNS
)
# Verbs of refusing: "declined to comment", "refused to confirm that ..." say nothing.
REFUSAL_VERBS: frozenset[str] = frozenset("refuse decline".split())
# Verbs of saying nothing, as the infinitive of a refusal ("declined to comment"; not "refused to
# disclose the records": a deed).
NO_COMMENT_VERBS: frozenset[str] = frozenset(
    "comment discuss elaborate detail expand say speak talk answer respond confirm specify admit".split()
)
# Verbs of holding back from words, with the cue after "of" / "from" ("stopped short of calling it",
# "steered clear of criticizing", "refrained from naming") or as their object ("avoided naming").
HOLDING_BACK_VERBS: frozenset[str] = frozenset("avoid refrain stop steer shy abstain".split())
# Verbs of pressing someone to speak: what they are pressed to say is not said ("daring him to say
# that ...", "urged her to condemn").
PROMPTING_VERBS: frozenset[str] = frozenset("dare challenge urge press pressure implore beg invite".split())
# Conjunctions of a condition: a cue in their clause is supposed ("only if his team recognizes
# that ...", "unless you want to ...").
CONDITION_MARKS: frozenset[str] = frozenset("if unless provided providing lest".split())
# Verbs of wishing whose infinitive did not happen ("wanted to tell them that ...").
UNREALISED_VERBS: frozenset[str] = frozenset("want wish long yearn hope intend plan mean".split())
# Verbs of causing whose object's thought is their effect, no one's statement ("leading people to
# believe ...", "caused markets to expect ...").
CAUSATIVE_VERBS: frozenset[str] = frozenset("lead cause make leave drive".split())
