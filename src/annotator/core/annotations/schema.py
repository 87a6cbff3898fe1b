"""The sidecar's JSON Schema: loaded from the package, checked fast, explained by jsonschema.

Every load is checked against the schema that ships in ``annotator/resources``. The
``jsonschema`` package takes about a second for 10,000 annotations, far too slow for
opening an article, so the schema is also compiled here into one generated Python
function (for the keywords it uses; any other keyword is refused at compile time) that
answers valid/invalid quickly. Only when that says "invalid" is ``jsonschema`` run, to
say exactly what and where. The two are kept in agreement by a property test; the
schema file stays the one definition.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from annotator.core.resources import resource
from typing import Any

SCHEMA_RESOURCE = "sidecar.schema.json"

Check = Callable[[Any], bool]

_DESCRIPTIVE_KEYWORDS = {"$schema", "$id", "title", "description", "$defs"}
_SUPPORTED = {
    "type",
    "const",
    "enum",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "minLength",
    "maxLength",
    "pattern",
    "minimum",
    "uniqueItems",
    "$ref",
} | _DESCRIPTIVE_KEYWORDS


@cache
def sidecar_schema() -> dict[str, Any]:
    """The sidecar JSON Schema (draft 2020-12) as shipped in the package."""
    source = resource(SCHEMA_RESOURCE)
    return json.loads(source.read_text(encoding="utf-8"))


def schema_problems(data: Any, limit: int = 5) -> list[str]:
    """Up to ``limit`` readable schema violations of ``data``; empty when it is valid."""
    if _fast_checker()(data):
        return []
    return _explain(data, limit)


def _explain(data: Any, limit: int) -> list[str]:
    from jsonschema import Draft202012Validator  # slow to import; needed only for bad files

    validator = Draft202012Validator(sidecar_schema())
    problems = []
    for error in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path)):
        where = _json_path(error.absolute_path)
        problems.append(f"{where}: {error.message}" if where else error.message)
        if len(problems) >= limit:
            break
    return problems


def _json_path(parts: Any) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


@cache
def _fast_checker() -> Check:
    schema = sidecar_schema()
    return SchemaCompiler(schema).compile(schema)


# -- the compiler ------------------------------------------------------------------------------


def _json_equal(a: Any, b: Any) -> bool:
    """Equality as JSON Schema means it: true is not 1, 1 is 1.0."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (list, dict)) or isinstance(b, (list, dict)):
        if type(a) is not type(b) or len(a) != len(b):
            return False
        if isinstance(a, list):
            return all(_json_equal(x, y) for x, y in zip(a, b))
        return a.keys() == b.keys() and all(_json_equal(a[k], b[k]) for k in a)
    return a == b


def _unique(items: list[Any]) -> bool:
    if all(isinstance(item, str) for item in items):
        return len(set(items)) == len(items)
    return not any(_json_equal(items[i], items[j]) for i in range(len(items)) for j in range(i))


class SchemaCompiler:
    """Turns the subset of JSON Schema used by the sidecar into one generated Python function.

    Generated source rather than nested closures because a closure call per keyword costs
    more than the checks themselves: 10,000 annotations take ~17 ms this way, ~170 ms
    with closures and over a second with ``jsonschema``.
    """

    def __init__(self, root: dict[str, Any]) -> None:
        self._root = root
        self._constants: dict[str, Any] = {"_json_equal": _json_equal, "_unique": _unique}
        self._functions: dict[str, str] = {}
        self._sources: list[str] = []
        self._counter = 0
        self._inlining: list[str] = []
        self._memos: list[dict[str, str]] = []  # per function being written: pattern -> set name

    def compile(self, schema: dict[str, Any]) -> Check:
        entry = self._function_for(schema, "check_root")
        namespace = dict(self._constants)
        exec("\n\n".join(self._sources), namespace)  # noqa: S102 - source generated from our own schema
        return namespace[entry]

    def source(self) -> str:
        return "\n\n".join(self._sources)

    # -- helpers -------------------------------------------------------------------------

    def _name(self, stem: str) -> str:
        self._counter += 1
        return f"{stem}_{self._counter}"

    def _constant(self, value: Any) -> str:
        name = self._name("K")
        self._constants[name] = value
        return name

    def _function_for(self, schema: dict[str, Any] | bool, name: str) -> str:
        """One function; a required key that is missing raises KeyError where it is read."""
        self._memos.append({})
        body = self._checks(schema, "v", 2)
        memos = self._memos.pop()
        lines = [f"def {name}(v):"]
        lines += [f"    {memo} = set()" for memo in memos.values()]
        lines += ["    try:", *(body or ["        pass"]), "    except KeyError:", "        return False"]
        lines.append("    return True")
        self._sources.append("\n".join(lines))
        return name

    def _definition(self, ref: str) -> dict[str, Any]:
        if not ref.startswith("#/$defs/"):
            raise ValueError(f"only local $defs references are supported, not {ref!r}")
        return self._root["$defs"][ref.removeprefix("#/$defs/")]

    def _ref(self, ref: str) -> str:
        if ref not in self._functions:
            name = "check_def_" + re.sub(r"\W", "_", ref.removeprefix("#/$defs/"))
            self._functions[ref] = name
            self._function_for(self._definition(ref), name)
        return self._functions[ref]

    def _checks(self, schema: dict[str, Any] | bool, var: str, depth: int) -> list[str]:
        """Statements that ``return False`` when ``var`` breaks ``schema``."""
        pad = "    " * depth
        if schema is True:
            return []
        if schema is False:
            return [f"{pad}return False"]
        unsupported = set(schema) - _SUPPORTED
        if unsupported:
            raise ValueError(f"the fast schema check does not support {sorted(unsupported)}")
        lines: list[str] = []
        if "$ref" in schema:
            ref = schema["$ref"]
            if ref in self._inlining:  # recursive definition: call it as a function
                lines.append(f"{pad}if not {self._ref(ref)}({var}): return False")
            else:
                self._inlining.append(ref)
                lines += self._checks(self._definition(ref), var, depth)
                self._inlining.pop()
        types = schema.get("type")
        types = [types] if isinstance(types, str) else types
        if types is not None:
            test = " or ".join(f"({_TYPE_TESTS[name].format(v=var)})" for name in types)
            lines.append(f"{pad}if not ({test}): return False")
        for keyword in ("const", "enum"):
            if keyword in schema:
                options = [schema["const"]] if keyword == "const" else schema["enum"]
                if all(isinstance(o, str) or o is None for o in options):
                    allowed = self._constant(frozenset(options))
                    lines.append(
                        f"{pad}if not (({var} is None or type({var}) is str) and {var} in {allowed}): return False"
                    )
                else:
                    allowed = self._constant(tuple(options))
                    lines.append(f"{pad}if not any(_json_equal({var}, o) for o in {allowed}): return False")
        only = types[0] if types is not None and len(types) == 1 else None
        lines += self._guarded(schema, var, depth, "string", only, self._string_checks)
        lines += self._guarded(schema, var, depth, "number", only, self._number_checks)
        lines += self._guarded(schema, var, depth, "object", only, self._object_checks)
        lines += self._guarded(schema, var, depth, "array", only, self._array_checks)
        return lines

    def _guarded(self, schema, var, depth, kind, only, make) -> list[str]:
        """Keywords for one JSON type apply only to values of that type."""
        if only == kind or (kind == "number" and only == "integer"):
            return make(schema, var, depth)
        inner = make(schema, var, depth + 1)
        if not inner:
            return []
        guard = {"string": "type({v}) is str", "number": "type({v}) in (int, float)",
                 "object": "type({v}) is dict", "array": "type({v}) is list"}[kind]
        return ["    " * depth + f"if {guard.format(v=var)}:"] + inner

    def _string_checks(self, schema, var, depth) -> list[str]:
        pad = "    " * depth
        lines = []
        if schema.get("minLength") == 1:  # the usual "not empty", without a call to len()
            lines.append(f"{pad}if not {var}: return False")
        elif "minLength" in schema:
            lines.append(f"{pad}if len({var}) < {int(schema['minLength'])}: return False")
        if "maxLength" in schema:
            lines.append(f"{pad}if len({var}) > {int(schema['maxLength'])}: return False")
        if "pattern" in schema:
            lines += self._pattern_check(schema["pattern"], var, pad)
        return lines

    def _pattern_check(self, pattern: str, var: str, pad: str) -> list[str]:
        """A regular-expression search, run once per distinct string in one call.

        Timestamps (``created`` equals ``modified`` until an annotation is edited), tags
        and label names repeat across annotations; a set of strings already matched in
        this call is cheaper than the search. The set lives in the call, so nothing is
        kept between files.
        """
        memos = self._memos[-1]
        if pattern not in memos:
            memos[pattern] = self._name("matched")
        memo, search = memos[pattern], self._constant(re.compile(pattern).search)
        return [
            f"{pad}if {var} not in {memo}:",
            f"{pad}    if {search}({var}) is None: return False",
            f"{pad}    {memo}.add({var})",
        ]

    def _number_checks(self, schema, var, depth) -> list[str]:
        if "minimum" not in schema:
            return []
        low = self._constant(schema["minimum"])
        return ["    " * depth + f"if {var} < {low}: return False"]

    def _object_checks(self, schema, var, depth) -> list[str]:
        """Required keys, each property's checks, then no keys beyond the properties.

        A required key is simply read (``v['id']``): when it is missing, the KeyError ends
        the generated function with False. ``additionalProperties: false`` is checked by
        counting the listed properties present (the required ones, plus each optional one
        found while checking it) against the number of keys. Both are cheaper than subset
        tests of the keys, which cost a fifth of checking an annotation.
        """
        pad = "    " * depth
        if isinstance(schema.get("additionalProperties"), dict):
            raise ValueError("additionalProperties with a schema is not supported")
        properties = schema.get("properties", {})
        required = set(schema.get("required", ()))
        closed = schema.get("additionalProperties", True) is False
        count = self._name("n")
        lines = []
        for name in sorted(required - set(properties)):  # required, yet with no checks of its own
            lines.append(f"{pad}{var}[{name!r}]")
        if closed:
            lines.append(f"{pad}{count} = {len(required & set(properties))}")
        for name, sub in properties.items():
            item = self._name("x")
            body = self._checks(sub, item, depth + 1)
            if name in required:
                lines.append(f"{pad}if True:")
                lines.append(f"{pad}    {item} = {var}[{name!r}]")
                lines += body
            elif body or closed:
                lines.append(f"{pad}if {name!r} in {var}:")
                if closed:
                    lines.append(f"{pad}    {count} += 1")
                if body:
                    lines.append(f"{pad}    {item} = {var}[{name!r}]")
                    lines += body
        if closed:
            lines.append(f"{pad}if len({var}) != {count}: return False")
        return lines

    def _array_checks(self, schema, var, depth) -> list[str]:
        pad = "    " * depth
        lines = []
        if "items" in schema:
            item = self._name("item")
            body = self._checks(schema["items"], item, depth + 1)
            if body:
                lines.append(f"{pad}for {item} in {var}:")
                lines += body
        if schema.get("uniqueItems"):
            items = schema.get("items")
            if isinstance(items, dict) and items.get("type") == "string":  # hashable, no 1 == true
                lines.append(f"{pad}if len(set({var})) != len({var}): return False")
            else:
                lines.append(f"{pad}if not _unique({var}): return False")
        return lines


_TYPE_TESTS = {
    "string": "type({v}) is str",
    "integer": "type({v}) is int or (type({v}) is float and {v}.is_integer())",
    "number": "type({v}) in (int, float)",
    "object": "type({v}) is dict",
    "array": "type({v}) is list",
    "boolean": "type({v}) is bool",
    "null": "{v} is None",
}
