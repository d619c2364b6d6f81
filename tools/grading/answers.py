"""Answers out of a student's kernel, as plain data.

The checks run in the grading process, not in the student's kernel (where a
student could have redefined ``check``).  So each answer travels as JSON:
numbers, strings, lists, tuples, sets, dicts, ``...``, ``None``, numpy scalars
and pandas Series/DataFrames are kept; anything else arrives as an
:class:`Unsupported` value that no check accepts.  JSON never runs code when
it is read, unlike pickle.

:data:`KERNEL_CODE` is the code the grader runs in the kernel first: it
defines ``__course_grade_take(exercise, name)``, run right after each
exercise's cells, and ``__course_grade_save(path)``, run last.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

__all__ = ["KERNEL_CODE", "Unsupported", "decode", "take_call", "save_call"]

#: Defined in the student's kernel before any of their cells run.
KERNEL_CODE = r'''
def __course_grade_setup():
    import json as _json

    taken = {}

    def encode(value, depth=0):
        if depth > 30:
            raise ValueError("the answer is nested too deeply")
        if value is Ellipsis:
            return {"t": "ellipsis"}
        if value is None or isinstance(value, bool):
            return value
        if isinstance(value, int):
            return {"t": "int", "v": str(int(value))}
        if isinstance(value, float):
            return {"t": "float", "v": repr(float(value))}
        if isinstance(value, str):
            return str(value)
        if isinstance(value, (list, tuple, set, frozenset)):
            kind = "list" if isinstance(value, list) else "tuple" if isinstance(value, tuple) else "set"
            items = list(value)
            if len(items) > 10000:
                raise ValueError("the answer has more than 10,000 items")
            return {"t": kind, "v": [encode(x, depth + 1) for x in items]}
        if isinstance(value, dict):
            return {"t": "dict", "v": [[encode(k, depth + 1), encode(v, depth + 1)] for k, v in value.items()]}
        module = type(value).__module__ or ""
        if module.startswith("numpy") and hasattr(value, "item") and getattr(value, "ndim", 1) == 0:
            return encode(value.item(), depth + 1)
        if module.startswith("pandas") and type(value).__name__ == "Series":
            return {"t": "series", "v": encode(value.to_dict(), depth + 1), "name": encode(value.name, depth + 1)}
        if module.startswith("pandas") and type(value).__name__ == "DataFrame":
            return {"t": "frame", "v": encode(value.to_dict("split"), depth + 1)}
        return {"t": "unsupported", "type": type(value).__name__, "repr": repr(value)[:300]}

    def take(exercise, name):
        space = globals()
        if name not in space:
            taken[exercise] = {"missing": True}
            return
        try:
            taken[exercise] = {"value": encode(space[name])}
        except Exception as error:
            taken[exercise] = {"error": f"{type(error).__name__}: {error}"[:300]}

    def save(path):
        with open(path, "w", encoding="utf-8") as handle:
            _json.dump(taken, handle)

    return take, save


__course_grade_take, __course_grade_save = __course_grade_setup()
del __course_grade_setup
'''


def take_call(exercise: str, name: str) -> str:
    """The hidden cell that records one exercise's answer, right after its cells ran."""
    return f"__course_grade_take({exercise!r}, {name!r})"


def save_call(path: str) -> str:
    """The hidden last cell that writes every recorded answer to ``path``."""
    return f"__course_grade_save({path!r})"


@dataclass(frozen=True)
class Unsupported:
    """An answer of a kind that cannot leave the kernel as data (a function, a file, ...)."""

    type: str
    repr: str

    def __repr__(self) -> str:
        return f"<{self.type}: {self.repr}>"


def decode(data):
    """The Python value of one encoded answer (the inverse of the kernel's ``encode``)."""
    if data is None or isinstance(data, (bool, str)):
        return data
    if isinstance(data, list):  # not produced by encode, but harmless
        return [decode(x) for x in data]
    kind = data.get("t")
    if kind == "ellipsis":
        return ...
    if kind == "int":
        return int(data["v"])
    if kind == "float":
        return float(data["v"])  # repr() of a float, "nan" and "inf" included
    if kind == "list":
        return [decode(x) for x in data["v"]]
    if kind == "tuple":
        return tuple(decode(x) for x in data["v"])
    if kind == "set":
        items = [decode(x) for x in data["v"]]
        try:
            return set(items)
        except TypeError:
            return items
    if kind == "dict":
        result = {}
        for key, value in data["v"]:
            key = decode(key)
            try:
                result[key] = decode(value)
            except TypeError:  # an unhashable key cannot be rebuilt
                return Unsupported("dict", "a dict with a key that is a list or a dict")
        return result
    if kind in ("series", "frame"):
        import pandas as pd

        if kind == "series":
            return pd.Series(decode(data["v"]), name=decode(data.get("name")), dtype=object).infer_objects()
        split = decode(data["v"])
        return pd.DataFrame(split["data"], index=split["index"], columns=split["columns"])
    if kind == "unsupported":
        return Unsupported(str(data.get("type", "?")), str(data.get("repr", "")))
    raise ValueError(f"not an encoded answer: {json.dumps(data)[:100]}")
