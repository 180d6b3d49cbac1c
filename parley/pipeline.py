"""The analysis pipeline: an ordered list of components run over each parsed article.

Like spaCy's ``Language``, one object runs the components in order; each component declares
what it ``requires`` and what it ``produces`` (named products of :class:`Analysis`), so a missing
step is caught when the pipeline is built, not deep in a run. Components are registered by name
with :func:`component`; plugins register theirs the same way the built-ins are, from a module
named in the ``parley.components`` entry-point group (:mod:`parley.records`).

The parse itself (``doc``) is made in batches by :meth:`Pipeline.run` with the shared
:class:`parley.nlp.Parser`, once per article, and handed to every component.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc

from parley.errors import ConfigError
from parley.extract.registry import ActorRegistry
from parley.models import Article
from parley.nlp import Parser


@dataclass(frozen=True)
class Analysis:
    """What the pipeline knows about one article: its parse and what each component produced,
    by name (``analysis["statement"]``). A name that is a registered article-scope record type
    (:mod:`parley.records`) is stored; any other (``attribution``) lives only during the run."""

    article: Article
    doc: Doc | None = None
    products: dict[str, tuple[Any, ...]] = field(default_factory=dict)

    @property
    def parsed(self) -> Doc:
        """The parse; components that declare ``requires=("doc",)`` always have it."""
        if self.doc is None:
            raise ConfigError(f"article {self.article.id} has not been parsed")
        return self.doc

    def __getitem__(self, name: str) -> tuple[Any, ...]:
        return self.products.get(name, ())


@dataclass(frozen=True)
class AnalysisFailure:
    """An article a component failed on, with the component and the reason."""

    article_id: str
    component: str
    reason: str


PROVIDED = {"article", "doc"}  # set by Pipeline.run before any component


@dataclass(frozen=True)
class Context:
    """Shared, read-only configuration handed to component factories."""

    registry: ActorRegistry
    parser_name: str = ""
    options: dict[str, Any] = field(default_factory=dict)


Step = Callable[[Analysis], dict[str, Any]]


@dataclass(frozen=True)
class ComponentSpec:
    name: str
    requires: tuple[str, ...]
    produces: tuple[str, ...]
    factory: Callable[[Context], Step]
    version: str
    # a digest of what the component reads besides its code (a file a setting names; "" for none),
    # appended to its version so that records made with other settings are made again
    config: Callable[[], str] | None = None

    @property
    def full_version(self) -> str:
        """``version``, and the digest of its ``config`` when there is one."""
        digest = self.config() if self.config else ""
        return f"{self.version}~{digest}" if digest else self.version


COMPONENTS: dict[str, ComponentSpec] = {}


def component(
    name: str,
    *,
    requires: Iterable[str],
    produces: Iterable[str],
    version: str = "1",
    config: Callable[[], str] | None = None,
):
    """Register a component factory: ``factory(context) -> step(analysis) -> {product: records}``.

    ``produces`` names what the step returns: a registered article-scope record type is stored,
    any other name is handed to later components only. ``config`` gives a digest of what the step
    reads besides its code (see :attr:`ComponentSpec.config`)."""

    def register(factory: Callable[[Context], Step]) -> Callable[[Context], Step]:
        if set(produces) & PROVIDED:
            raise ConfigError(f"component {name!r} cannot produce {sorted(set(produces) & PROVIDED)}")
        COMPONENTS[name] = ComponentSpec(name, tuple(requires), tuple(produces), factory, version, config)
        return factory

    return register


class Pipeline:
    def __init__(self, names: Iterable[str], parser: Parser, context: Context) -> None:
        from parley import components  # noqa: F401  (registers the built-in components)
        from parley.records import load_builtins

        load_builtins()  # the built-in record types, then the plugins

        self.parser = parser
        self.context = context
        self.specs: list[ComponentSpec] = []
        available = set(PROVIDED)
        for name in names:
            spec = COMPONENTS.get(name)
            if spec is None:
                raise ConfigError(f"no component named {name!r}; registered: {sorted(COMPONENTS)}")
            missing = set(spec.requires) - available
            if missing:
                raise ConfigError(
                    f"component {name!r} needs {sorted(missing)}: put a component "
                    f"that produces it earlier in the pipeline"
                )
            available |= set(spec.produces)
            self.specs.append(spec)
        self.steps = [(spec, spec.factory(context)) for spec in self.specs]
        self._current = ""

    @property
    def version(self) -> str:
        """Identifies what produced the stored records: parser and component versions."""
        parts = [self.parser.name] + [f"{s.name}@{s.full_version}" for s in self.specs]
        return "+".join(parts)

    def run(self, articles: Iterable[Article]) -> Iterator[Analysis | AnalysisFailure]:
        """One result per article, in order: its analysis, or the failure that stopped it.
        A component that fails on one article does not stop the others."""
        articles = list(articles)
        for article, doc in zip(articles, self.parser.parse(a.text for a in articles), strict=True):
            try:
                yield self.apply(Analysis(article=article, doc=doc))
            except Exception as exc:  # noqa: BLE001 - recorded with its reason; the batch goes on
                yield AnalysisFailure(article.id, self._current, f"{type(exc).__name__}: {exc}")

    def apply(self, analysis: Analysis) -> Analysis:
        for spec, step in self.steps:
            self._current = spec.name
            produced = step(analysis)
            extra = set(produced) - set(spec.produces)
            if extra:
                raise ConfigError(f"component {spec.name!r} produced undeclared {sorted(extra)}")
            products = {**analysis.products, **{k: tuple(v) for k, v in produced.items()}}
            analysis = replace(analysis, products=products)
        return analysis


DEFAULT_COMPONENTS = ("mentions", "attributions", "times", "statements", "events")  # the built-ins


def default_components() -> tuple[str, ...]:
    """The built-in components, then every component a plugin registered, in load order."""
    from parley import components  # noqa: F401  (registers the built-in components)
    from parley.records import load_builtins

    load_builtins()
    return DEFAULT_COMPONENTS + tuple(n for n in COMPONENTS if n not in DEFAULT_COMPONENTS)
