"""Split a Markdown file into front matter and body, keeping line numbers.

python-frontmatter finds the `---` fences; PyYAML's composer gives every node its
line. We build the Python values ourselves from the composed nodes so that we can
refuse what front matter never needs and what would be unsafe: anchors and
aliases (a "billion laughs" file expands aliases into gigabytes) and tags that
construct objects (`!!python/object`). Every problem is reported with its line;
nothing here raises on bad input.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, cast

import yaml
from frontmatter.default_handlers import YAMLHandler

from voorveld_cli.content.model import Problem, line_of_key, parent_key

try:  # libyaml is much faster and gives the same marks
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

MAX_BYTES = 10 * 1024 * 1024
# Bounds on single values: what the readers (JSON, the index, str()) can always
# take. Integers stay within what JSON readers hold exactly (2**53); a text value
# is far below a page (the longest in the corpus is under 1,000 characters).
MAX_INT = 2**53
MAX_INT_CHARS = 40  # a literal longer than this is refused before it is converted
MAX_TEXT = 10_000
# Scalars front matter may hold; any other tag (!!python/..., !!binary) is refused.
_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
)
_STR = "tag:yaml.org,2002:str"
_HANDLER = YAMLHandler()


@dataclass
class Parsed:
    """What one file holds. `data` is None when the front matter is unusable."""

    data: dict[str, Any] | None
    body: str = ""
    body_line: int = 1
    lines: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


class _Refused(Exception):
    def __init__(self, line: int, key: str, message: str):
        super().__init__(message)
        self.line = line
        self.key = key
        self.message = message


def decode(raw: bytes, path: str) -> tuple[str | None, Problem | None]:
    """Bytes to text: UTF-8 (with or without BOM), newlines normalised to LF."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:4096]:
        return None, Problem(
            path,
            1,
            "bestand",
            "geen UTF-8: het bestand lijkt UTF-16 (of binair); sla het op als UTF-8",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, Problem(
            path,
            line,
            "bestand",
            f"geen geldige UTF-8 (byte 0x{raw[err.start]:02x}); sla het bestand op als UTF-8",
        )
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def parse_text(text: str, path: str) -> Parsed:
    """Parse the text of one content file."""
    if not text.strip():
        return Parsed(None, problems=[Problem(path, 1, "bestand", "leeg bestand")])
    if not _HANDLER.detect(text):
        return Parsed(
            None,
            body=text,
            problems=[
                Problem(
                    path,
                    1,
                    "front matter",
                    "geen front matter: het bestand moet beginnen met een regel '---', "
                    "dan de velden in YAML, dan weer '---'",
                )
            ],
        )
    try:
        fm_text, _ = _HANDLER.split(text)
    except ValueError:
        return Parsed(
            None,
            problems=[
                Problem(
                    path,
                    1,
                    "front matter",
                    "front matter wordt niet afgesloten met een regel '---'",
                )
            ],
        )
    # fm_text starts right after the opening '---', so YAML line 0 is file line 1
    # and the closing '---' sits on the line after the last front matter line. The
    # body is taken from the text itself: the splitter may swallow blank lines.
    closing_line = fm_text.count("\n") + 1
    rest = text.split("\n")[closing_line:]
    blank = next((i for i, line in enumerate(rest) if line.strip()), len(rest))
    body = "\n".join(rest[blank:]).rstrip()
    parsed = Parsed(None, body=body + "\n" if body else "", body_line=closing_line + 1 + blank)

    data, lines, problems = load_yaml(fm_text, path, what="front matter")
    parsed.problems.extend(problems)
    if data is None:
        return parsed
    if not isinstance(data, dict):
        parsed.problems.append(
            Problem(
                path,
                1,
                "front matter",
                "front matter moet bestaan uit velden (sleutel: waarde), niet uit een lijst of losse tekst",
            )
        )
        return parsed
    parsed.data, parsed.lines = data, lines
    return parsed


def load_yaml(text: str, path: str, what: str = "yaml") -> tuple[Any, dict[str, int], list[Problem]]:
    """Safely load one YAML document with the line of every key and list item.

    Returns (value, lines, problems); value is None when the document is unusable.
    """
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        # The context mark is where the broken construct starts (an unclosed '['),
        # the problem mark where the parser gave up, often lines later.
        problem = err.problem_mark.line + 1 if err.problem_mark else None
        start = err.context_mark.line + 1 if err.context_mark else None
        line = start or problem or 1
        reason = err.problem or err.context or "onleesbare YAML"
        if err.context and start:
            reason = f"{err.context}: {reason}"
        if problem and problem != line:
            reason += f" (opgemerkt op regel {problem})"
        return None, {}, [Problem(path, line, what, f"ongeldige YAML: {reason}")]
    except yaml.YAMLError as err:
        return None, {}, [Problem(path, 1, what, f"ongeldige YAML: {err}")]
    if node is None:
        return None, {}, [Problem(path, 1, what, f"{what} is leeg")]
    builder = _Builder(path)
    try:
        value = builder.value(node, "")
    except _Refused as err:
        return None, {}, [Problem(path, err.line, err.key or what, err.message)]
    except RecursionError:
        return None, {}, [Problem(path, 1, what, f"{what} is te diep genest")]
    return value, builder.lines, builder.problems


def parse_bytes(raw: bytes, path: str) -> Parsed:
    if len(raw) > MAX_BYTES:
        return Parsed(
            None,
            problems=[
                Problem(
                    path,
                    1,
                    "bestand",
                    f"te groot ({len(raw) // 1024 // 1024} MB); de grens is 10 MB",
                )
            ],
        )
    text, problem = decode(raw, path)
    if problem or text is None:
        return Parsed(None, problems=[problem] if problem else [])
    return parse_text(text, path)


def _tag_refused(node: yaml.Node) -> str:
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    return f"YAML-tag '{tag}' is niet toegestaan"


class _Builder:
    """Turns composed YAML nodes into plain values, recording each key's line."""

    def __init__(self, path: str):
        self.path = path
        self.lines: dict[str, int] = {}
        self.problems: list[Problem] = []
        self._seen: set[int] = set()
        self._constructor = _Loader("")

    def _visit(self, node: yaml.Node, key: str) -> None:
        # The composer turns an alias into a second reference to the anchored
        # node; seeing a node twice means the file used `*alias`.
        if id(node) in self._seen:
            raise _Refused(
                self._enclosing_line(key),
                key,
                "YAML-ankers en -verwijzingen (&naam, *naam) worden niet ondersteund",
            )
        self._seen.add(id(node))

    def _enclosing_line(self, key: str) -> int:
        # An alias node is the anchored node itself, so its mark points at the
        # anchor; the line of the key that holds the alias is the useful one.
        return line_of_key(self.lines, parent_key(key))

    def value(self, node: yaml.Node, key: str) -> Any:
        self._visit(node, key)
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, key)
        if isinstance(node, yaml.SequenceNode):
            return self.sequence(node, key)
        return self.scalar(cast(yaml.ScalarNode, node), key)  # the third and last kind of node

    def mapping(self, node: yaml.MappingNode, prefix: str) -> dict[str, Any]:
        if node.tag != "tag:yaml.org,2002:map":
            raise _Refused(node.start_mark.line + 1, prefix, _tag_refused(node))
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused(
                    key_node.start_mark.line + 1,
                    prefix,
                    "een sleutel moet een woord zijn, geen lijst of blok",
                )
            if key_node.value == "<<" and key_node.tag.endswith(":merge"):
                raise _Refused(
                    key_node.start_mark.line + 1,
                    prefix,
                    "YAML-samenvoegsleutels (<<) worden niet ondersteund",
                )
            key = str(self.scalar(key_node, prefix))
            name = f"{prefix}.{key}" if prefix else key
            line = key_node.start_mark.line + 1
            if key in result:
                self.problems.append(
                    Problem(
                        self.path,
                        line,
                        name,
                        f"staat twee keer in de front matter (regel {self.lines.get(name, '?')} en {line}); "
                        "haal er één weg",
                    )
                )
            self.lines[name] = line  # the value that is kept is the last one
            result[key] = self.value(value_node, name)
        return result

    def sequence(self, node: yaml.SequenceNode, key: str) -> list[Any]:
        if node.tag != "tag:yaml.org,2002:seq":
            raise _Refused(node.start_mark.line + 1, key, _tag_refused(node))
        items = []
        for index, item in enumerate(node.value):
            name = f"{key}[{index}]"
            self.lines[name] = item.start_mark.line + 1
            items.append(self.value(item, name))
        return items

    def scalar(self, node: yaml.ScalarNode, key: str) -> Any:
        if node.tag not in _PLAIN_TAGS:
            raise _Refused(node.start_mark.line + 1, key, _tag_refused(node))
        line = node.start_mark.line + 1
        if node.tag.endswith(":int") and len(node.value) > MAX_INT_CHARS:
            return self._out_of_bounds(line, key, f"getal van {len(node.value)} tekens is te groot")
        if node.tag == _STR:  # what SafeConstructor gives for a string, without its dispatch
            value: Any = node.value
        else:
            try:
                value = self._constructor.construct_object(node, deep=True)
            except (yaml.YAMLError, ValueError, OverflowError) as err:
                raise _Refused(line, key, f"onleesbare waarde: {err}") from None
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= MAX_INT:
            return self._out_of_bounds(line, key, "getal is te groot (de grens is 2^53)")
        if isinstance(value, float) and not math.isfinite(value):
            return self._out_of_bounds(line, key, f"'{node.value}' is geen eindig getal (NaN of oneindig)")
        if isinstance(value, str) and len(value) > MAX_TEXT:
            return self._out_of_bounds(
                line,
                key,
                f"tekst van {len(value):,} tekens is te lang (de grens is {MAX_TEXT:,})".replace(",", "."),
            )
        return value

    def _out_of_bounds(self, line: int, key: str, message: str) -> None:
        """A value no reader could use: an error on its line, and None in its place,
        so the other fields are still checked."""
        self.problems.append(Problem(self.path, line, key or "front matter", message))
        return None
