"""Plain data objects to JSON-ready dictionaries and back, driven by their type hints.

Every record type is a frozen dataclass whose fields are built from a few shapes: ``str``,
``int``, ``float``, ``bool``, ``datetime.date``, :class:`~parley.models.Span`, another dataclass,
``tuple[X, ...]``, ``dict[str, Any]``, ``Literal[...]`` and ``X | None``. :func:`to_data` and
:func:`from_data` handle exactly those, so a new record type (built in or from a plugin) is stored,
exported and served with no code of its own. A ``Span`` is written as ``[start, end]``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
import types
import typing
from functools import cache
from typing import Any

from parley.errors import ConfigError
from parley.models import Span

# A short string field (an article id, a label, an actor id, a name) is shared between the
# records that hold it rather than copied into each: the corpus steps hold every mention of a
# corpus at once, and these are most of their bytes.
SHARED_CHARS = 64


def to_data(obj: Any) -> Any:
    """A JSON-ready value: dataclasses become dicts, spans ``[start, end]``, dates ISO strings."""
    if obj is None or isinstance(obj, str | int | float | bool):
        return obj
    if isinstance(obj, Span):
        return [obj.start, obj.end]
    if isinstance(obj, dt.date):
        return obj.isoformat()
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_data(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, tuple | list | frozenset | set):
        return [to_data(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_data(v) for k, v in obj.items()}
    raise ConfigError(f"cannot store a value of type {type(obj).__name__}: {obj!r}")


def from_data(cls: type, data: dict[str, Any]) -> Any:
    """The dataclass ``cls`` rebuilt from :func:`to_data`'s output; unknown keys are ignored
    (a field a newer Parley added) and missing ones take their defaults."""
    values = {}
    for name, decode in _fields(cls):
        if name in data:
            value = data[name]
            if decode is not None and value is not None:
                value = decode(value)
            elif type(value) is str and len(value) <= SHARED_CHARS:
                value = sys.intern(value)
            values[name] = value
    return cls(**values)


Decoder = typing.Callable[[Any], Any]


@cache
def _fields(cls: type) -> tuple[tuple[str, Decoder | None], ...]:
    """Each field's name and its decoder (None: the JSON value is the value), worked out once
    per class: records are decoded by the hundred thousand."""
    hints = _hints(cls)
    return tuple((f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls))


@cache
def _hints(cls: type) -> dict[str, Any]:
    try:
        return typing.get_type_hints(cls)
    except NameError as exc:
        raise ConfigError(
            f"record type {cls.__name__} has a field type Parley cannot resolve: {exc}"
        ) from exc


def _decode(hint: Any, value: Any) -> Any:
    decode = _decoder(hint)
    return value if value is None or decode is None else decode(value)


def _optional(decode: Decoder | None) -> Decoder | None:
    if decode is None:
        return None
    return lambda x: None if x is None else decode(x)


@cache
def _decoder(hint: Any) -> Decoder | None:
    """How to rebuild a JSON value of type ``hint`` (not None); None when nothing is to do."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _decoder(options[0]) if len(options) == 1 else None
    if hint is Span:
        return lambda x: Span(*x)
    if hint is dt.date:
        return dt.date.fromisoformat
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return lambda x: from_data(hint, x)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return _each(tuple, _optional(_decoder(args[0])))
        items = [_optional(_decoder(a)) or _same for a in args]
        return lambda x: tuple(d(v) for d, v in zip(items, x, strict=False))
    if origin in (frozenset, set):
        (arg,) = typing.get_args(hint)
        return _each(origin, _optional(_decoder(arg)))
    if origin is list:
        (arg,) = typing.get_args(hint) or (Any,)
        return _each(list, _optional(_decoder(arg)))
    return None  # str, int, float, bool, Literal, dict[str, Any], Any


def _each(container: Any, item: Decoder | None) -> Decoder:
    """Build ``container`` from a JSON list, decoding each item when it needs it."""
    if item is None:
        return container
    decode: Decoder = item
    return lambda x: container(map(decode, x))


def _same(value: Any) -> Any:
    return value


def field_names(cls: type) -> list[str]:
    return [f.name for f in dataclasses.fields(cls)]
