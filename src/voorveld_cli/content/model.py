"""The two things the pipeline produces: entries and problems."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal

Severity = Literal["error", "warning"]
ERROR: Final = "error"
WARNING: Final = "warning"

_LAST_PART = re.compile(r"(\.[^.\[\]]+|\[\d+\])$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def escape_controls(text: str) -> str:
    """A newline or other control character as a visible escape (\\n, \\x1b), so a
    file name can never break the one-problem-per-line `path:line:` format."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def parent_key(key: str) -> str:
    """'sources[2].pages' -> 'sources[2]' -> 'sources' -> ''."""
    return _LAST_PART.sub("", key) if _LAST_PART.search(key) else ""


def line_of_key(lines: dict[str, int], key: str, default: int = 1) -> int:
    """The line of a key, or of its nearest enclosing key that has one."""
    while key:
        if key in lines:
            return lines[key]
        key = parent_key(key)
    return default


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file, located as `path:line: field: message`."""

    path: str
    line: int
    field: str
    message: str
    severity: Severity = ERROR

    def __str__(self) -> str:
        path, field, message = (escape_controls(part) for part in (self.path, self.field, self.message))
        where = f"{path}:{self.line}" if self.line else path
        what = f"{field}: {message}" if field else message
        tag = "" if self.severity == ERROR else " (waarschuwing)"
        return f"{where}: {what}{tag}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "field": self.field,
            "message": self.message,
            "severity": self.severity,
        }


class HasProblems:
    """`errors` and `warnings` of `self.problems`: a loaded corpus and a check report alike."""

    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]


@dataclass
class Entry:
    """One Markdown file of the corpus: its front matter, body and where it lives."""

    id: str
    kind: str
    path: Path
    data: dict[str, Any]
    body: str
    lines: dict[str, int] = field(default_factory=dict)
    display_path: str = ""
    # The file line the body starts on (1 when unknown, e.g. from the entry cache).
    body_line: int = 1

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def as_list(self, key: str) -> list[Any]:
        """A field read as a list: absent is empty, a lone string is one item."""
        value = self.data.get(key)
        if value is None:
            return []
        if isinstance(value, list):
            return value
        return [value]

    @property
    def title(self) -> str:
        return str(self.data.get("title", self.id))

    def line_of(self, key: str) -> int:
        return self.lines.get(key, 1)

    def source_ids(self) -> list[str]:
        """The ids of the documents this entry cites, once each, in order."""
        ids = (ref.get("source") for ref in self.as_list("sources") if isinstance(ref, dict))
        return list(dict.fromkeys(str(i) for i in ids if i))
