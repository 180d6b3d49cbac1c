"""The built-in record types, registered the same way a plugin registers its own.

Per article (written by the pipeline's components): ``mention``, ``time_expression``,
``statement``, ``event_mention``. Across the corpus (written by corpus steps): ``actor``, ``event``.
The article itself has its own table and is not listed here.
"""

from __future__ import annotations

from parley.models import Actor, Event, EventMention, Mention, Statement, TimeExpression
from parley.records import record_type

record_type(
    "mention",
    scope="article",
    key=lambda m: f"{m.span.start}-{m.span.end}-{m.label}",
    indexes=("actor_id",),
    text_field="text",
    description="a named entity or role phrase, with the actor it resolves to",
)(Mention)

record_type(
    "time_expression",
    scope="article",
    key=lambda t: f"{t.span.start}-{t.span.end}",
    text_field="text",
    description="a time expression normalised against the publication date (TIMEX3-style value)",
)(TimeExpression)

record_type(
    "statement",
    scope="article",
    key=lambda s: s.id,
    indexes=("speaker_actor_id", "said_on", "kind"),
    date_field="said_on",
    text_field="text",
    order=("said_on",),
    description="a quote or reported statement with its resolved speaker",
)(Statement)

record_type(
    "event_mention",
    scope="article",
    key=lambda e: f"{e.span.start}-{e.trigger.start}-{e.type}",
    indexes=("type",),
    date_field="date",
    description="one article's report of an event, before reports are merged",
)(EventMention)

record_type(
    "actor",
    scope="corpus",
    key=lambda a: a.id,
    indexes=("side",),
    text_field="name",
    description="a canonical person or body with every name it goes by",
)(Actor)

record_type(
    "event",
    scope="corpus",
    key=lambda e: e.id,
    indexes=("type", "date"),
    date_field="date",
    text_field="summary",
    order=("date", "type"),
    description="an event merged across the articles reporting it, conflicts kept",
)(Event)
import parley.corpus_state  # noqa: E402, F401  (corpus_step)
import parley.dossier_scope  # noqa: E402, F401  (dossier_terms, and its corpus step)
import parley.extract.stances.records  # noqa: E402, F401  (stance, provision, position, document)
import parley.reconcile.contested_records  # noqa: E402, F401  (claim, contested, signal)
import parley.reconcile.source_records  # noqa: E402, F401  (fingerprint, copy, citation, story, independence)
