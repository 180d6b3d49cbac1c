"""The in-process executor: today's path, one pipeline in the client's own process."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from parley.embed import drop_embedders
from parley.models import Article
from parley.nlp import Parser, SpacyParser, drop_models
from parley.parallel.base import Executor
from parley.parallel.work import Job, Outcome, build, run_partition
from parley.pipeline import Pipeline


class LocalExecutor(Executor):
    """Runs the pipeline here. ``parser``: a parser object to use (tests share one);
    ``n_process``: spaCy's own worker processes for the parse (``nlp.pipe(n_process=...)``)."""

    name = "local"
    partition = 64

    def __init__(self, parser: Parser | None = None, n_process: int = 1) -> None:
        self.parser = parser
        self.n_process = n_process
        self._pipeline: tuple[str, Pipeline] | None = None

    def map(self, job: Job, partitions: Iterable[list[Article]]) -> Iterator[list[Outcome]]:
        if self._pipeline is None or self._pipeline[0] != job.key:
            parser = self.parser or SpacyParser(job.model, n_process=self.n_process)
            self._pipeline = (job.key, build(job, parser))
        pipeline = self._pipeline[1]
        for articles in partitions:
            yield run_partition(pipeline, articles)

    def release(self) -> None:
        """The pipeline goes, and with it the spaCy model unless it was given (``parser``: a
        watch loop keeps its parser across cycles, so the model loads once). The model is
        process-wide (:func:`~parley.nlp.load_model` keeps it), and its vocabulary grows with
        every new word parsed, so it is dropped from there too: a holder elsewhere keeps its own.
        So is the sentence encoder the stances component loaded (:func:`~parley.embed.drop_embedders`):
        a corpus step that embeds loads its own and lets it go when it ends."""
        self._pipeline = None
        if self.parser is None:
            drop_models()
            drop_embedders()
