"""Strict reading of shared documents: JSON that a person can trust, then the published schema.

The schema (``schema.json``, served at ``/api/practices/schema/``) is the one description of the
format: the importer checks documents against it with this small validator, which implements the
part of JSON Schema 2020-12 the schema uses (type, const, enum, required, properties,
additionalProperties: false, items, maxItems, minLength, maxLength, pattern, minimum, format
date/date-time/uri/email, anyOf, local $ref). Errors name the place: ``practices[3].title``.
"""

import datetime
import json
import re
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

SCHEMA_PATH = Path(__file__).with_name("schema.json")
MAX_ERRORS = 20
URL_SCHEMES = {"http", "https"}

_TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


class DocumentError(Exception):
    """The document cannot be used; ``messages`` says every reason found (up to MAX_ERRORS)."""

    def __init__(self, messages):
        self.messages = list(messages)
        super().__init__("; ".join(self.messages))


@cache
def schema():
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def parse_json(raw):
    """Bytes → JSON value. UTF-8 only; no duplicate keys, NaN or Infinity."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DocumentError([f"The file is not UTF-8 text (byte {error.start})."]) from error

    def unique_keys(pairs):
        keys = [key for key, _ in pairs]
        duplicates = sorted({key for key in keys if keys.count(key) > 1})
        if duplicates:
            raise DocumentError([f"Duplicate key {duplicates[0]!r} in an object."])
        return dict(pairs)

    def no_constants(name):
        raise DocumentError([f"{name} is not allowed in JSON."])

    try:
        return json.loads(text, object_pairs_hook=unique_keys, parse_constant=no_constants)
    except json.JSONDecodeError as error:
        raise DocumentError(
            [f"Not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})."]
        ) from error


def _format_ok(name, value):
    if name == "date":
        return _parses(datetime.date.fromisoformat, value) and len(value) == 10
    if name == "date-time":
        return _parses(datetime.datetime.fromisoformat, value) and "T" in value
    if name == "uri":
        parts = urlsplit(value)
        return parts.scheme in URL_SCHEMES and bool(parts.netloc) and " " not in value
    if name == "email":
        return _parses(validate_email, value)
    return True


def _parses(function, value):
    try:
        function(value)
    except (ValueError, ValidationError):
        return False
    return True


def _resolve(node):
    while "$ref" in node:
        ref = node["$ref"]
        if not ref.startswith("#/"):
            raise ValueError(f"Only local $ref are supported: {ref}")
        node = schema()
        for part in ref[2:].split("/"):
            node = node[part]
    return node


def errors(value, node=None, where="document"):
    """Every way ``value`` breaks ``node`` (the whole schema by default), as messages."""
    node = _resolve(schema() if node is None else node)
    if "anyOf" in node:
        if any(not errors(value, option, where) for option in node["anyOf"]):
            return []
        return [f"{where}: does not have any of the allowed forms."]
    if "const" in node and value != node["const"]:
        return [f"{where}: must be {json.dumps(node['const'])}."]
    if "enum" in node and value not in node["enum"]:
        return [f"{where}: must be one of {', '.join(map(json.dumps, node['enum']))}."]
    if "type" in node:
        kinds = node["type"] if isinstance(node["type"], list) else [node["type"]]
        if not any(_TYPES[kind](value) for kind in kinds):
            return [f"{where}: must be of type {' or '.join(kinds)}."]
    if isinstance(value, str):
        return _string_errors(value, node, where)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in node and value < node["minimum"]:
            return [f"{where}: must be at least {node['minimum']}."]
        return []
    if isinstance(value, list):
        return _array_errors(value, node, where)
    if isinstance(value, dict):
        return _object_errors(value, node, where)
    return []


def _string_errors(value, node, where):
    found = []
    if len(value) < node.get("minLength", 0):
        found.append(
            f"{where}: must not be empty."
            if node["minLength"] == 1
            else f"{where}: must be at least {node['minLength']} characters."
        )
    if "maxLength" in node and len(value) > node["maxLength"]:
        found.append(f"{where}: must be at most {node['maxLength']} characters.")
    if "pattern" in node and not re.search(node["pattern"], value):
        found.append(f"{where}: {value[:40]!r} is not in the expected form.")
    if "format" in node and not _format_ok(node["format"], value):
        found.append(f"{where}: {value[:60]!r} is not a valid {node['format']}.")
    if "\x00" in value:
        found.append(f"{where}: contains a NUL character.")
    return found


def _array_errors(value, node, where):
    if "maxItems" in node and len(value) > node["maxItems"]:
        return [f"{where}: must have at most {node['maxItems']} items."]
    found = []
    for position, item in enumerate(value):
        found.extend(errors(item, node.get("items", {}), f"{where}[{position}]"))
        if len(found) >= MAX_ERRORS:
            break
    return found


def _object_errors(value, node, where):
    found = [
        f"{where}: {name!r} is required." for name in node.get("required", ()) if name not in value
    ]
    properties = node.get("properties", {})
    if node.get("additionalProperties", True) is False:
        found.extend(
            f"{where}: unknown field {name!r}." for name in value if name not in properties
        )
    for name, child in properties.items():
        if name in value:
            found.extend(errors(value[name], child, f"{where}.{name}"))
        if len(found) >= MAX_ERRORS:
            break
    return found


def check(document):
    """Raise :class:`DocumentError` unless ``document`` follows the schema."""
    found = errors(document)
    if found:
        raise DocumentError(found[:MAX_ERRORS])
    return document
