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
import types
import typing
from functools import cache
from typing import Any

from parley.errors import ConfigError
from parley.models import Span


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
    hints = _hints(cls)
    values = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            values[f.name] = _decode(hints[f.name], data[f.name])
    return cls(**values)


@cache
def _hints(cls: type) -> dict[str, Any]:
    try:
        return typing.get_type_hints(cls)
    except NameError as exc:
        raise ConfigError(
            f"record type {cls.__name__} has a field type Parley cannot resolve: {exc}"
        ) from exc


def _decode(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _decode(options[0], value) if len(options) == 1 else value
    if hint is Span:
        return Span(*value)
    if hint is dt.date:
        return dt.date.fromisoformat(value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return from_data(hint, value)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], x) for x in value)
        return tuple(_decode(a, x) for a, x in zip(args, value, strict=False))
    if origin in (frozenset, set):
        (arg,) = typing.get_args(hint)
        return origin(_decode(arg, x) for x in value)
    if origin is list:
        (arg,) = typing.get_args(hint) or (Any,)
        return [_decode(arg, x) for x in value]
    return value  # str, int, float, bool, Literal, dict[str, Any], Any


def field_names(cls: type) -> list[str]:
    return [f.name for f in dataclasses.fields(cls)]
