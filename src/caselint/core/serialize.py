"""JSON in and out for the result dataclasses of :mod:`caselint.core.model`.

Writing needs no pydantic: dataclasses become dicts and ``json`` writes them (UTF-8, Chinese
unescaped). Reading untrusted JSON back (cache entries) and generating the JSON Schema of an
output use pydantic's ``TypeAdapter``, imported only then.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from enum import Enum
from functools import cache
from pathlib import PurePath
from typing import Any, TypeVar

T = TypeVar("T")


def to_jsonable(value: Any) -> Any:
    """Dataclasses, enums and paths as plain JSON values (field order kept)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, PurePath):
        return str(value)
    if hasattr(value, "model_dump"):  # a pydantic model inside a result
        return value.model_dump(mode="json")
    return value


def to_json(value: Any, *, indent: int | None = 2) -> str:
    """JSON text of a result; the same bytes whichever serializer writes them.

    When pydantic is loaded anyway (check, pack) its compiled serializer writes large reports
    about three times faster than ``json`` with indentation; ``count`` never loads it.
    """
    if "pydantic" in sys.modules and dataclasses.is_dataclass(value):
        return _adapter(type(value)).dump_json(value, indent=indent).decode("utf-8")
    return json.dumps(to_jsonable(value), ensure_ascii=False, indent=indent)


@cache
def _adapter(cls: type) -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(cls)


def from_json(cls: type[T], data: str | bytes) -> T:
    """Validate JSON into ``cls`` (raises ``ValueError`` on anything that does not fit)."""
    return _adapter(cls).validate_json(data)


def json_schema(cls: type) -> dict[str, Any]:
    """The JSON Schema of ``cls``: a dataclass of :mod:`caselint.core.model` or a pydantic model."""
    if hasattr(cls, "model_json_schema"):
        return cls.model_json_schema(by_alias=True)
    return _adapter(cls).json_schema(by_alias=True)
