"""Reading the content's data files: Markdown with front matter and language sections, WebVTT.

A document is YAML front matter between two `---` lines, then one `# <language>` section per
language, each holding `## <field>` sections whose text is kept verbatim (trailing spaces and
blank lines around it removed). Every mistake raises `DataFileError` naming the file and the line,
so an editor can fix a file without reading Python.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.utils import translation

from toolkit.content.webvtt import WebVTTError, webvtt_cues

LANGUAGES = ("fi", "sv", "en")
REPOSITORY = Path(__file__).resolve().parents[2]

_LANGUAGE_HEADING = re.compile(r"^#[ \t]+(?P<name>\S.*?)[ \t]*$")
_FIELD_HEADING = re.compile(r"^##[ \t]+(?P<name>\S.*?)[ \t]*$")


class DataFileError(ValueError):
    """A data file that cannot be loaded, with the file and the (1-based) line at fault."""

    def __init__(self, path: Path, line: int | None, message: str) -> None:
        self.path = Path(path)
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = display_path(self.path)
        return f"{where}:{self.line}: {self.message}" if self.line else f"{where}: {self.message}"


def display_path(path: Path) -> str:
    """The path relative to the repository when it lies inside it, as editors see it."""
    try:
        return str(Path(path).resolve().relative_to(REPOSITORY))
    except ValueError:
        return str(path)


def read_text(path: Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise DataFileError(path, 1, f"not UTF-8 text ({error.reason})") from None


@dataclass(frozen=True)
class Document:
    """One Markdown data file: its front matter, its texts, and where each of them was written."""

    path: Path
    meta: dict[str, Any]
    meta_lines: dict[str, int]  # key -> line of its value
    item_lines: dict[str, list[int]]  # key -> line of each item of a list value
    meta_end: int  # the line of the closing `---`
    texts: dict[str, dict[str, str]]  # language -> field -> Markdown
    text_lines: dict[tuple[str, str], int] = field(default_factory=dict)

    def error(self, key: str, message: str, *, item: int | None = None) -> DataFileError:
        """An error at a front-matter key (or one item of its list), or at the closing `---`."""
        lines = self.item_lines.get(key, [])
        if item is not None and item < len(lines):
            return DataFileError(self.path, lines[item], message)
        return DataFileError(self.path, self.meta_lines.get(key, self.meta_end), message)


_REQUIRED: Any = object()


def meta_value(doc: Document, key: str, *, default: Any = _REQUIRED) -> Any:
    """A front-matter value; a missing required key is reported at the closing `---`."""
    if key in doc.meta:
        return doc.meta[key]
    if default is _REQUIRED:
        raise doc.error(key, f'missing "{key}" in the front matter')
    return default


def meta_choice(doc: Document, key: str, allowed: Sequence[str], *, what: str) -> str:
    """One of `allowed` (a model's TextChoices values), or an error naming the known ones."""
    value = meta_value(doc, key)
    if not isinstance(value, str) or value not in allowed:
        raise doc.error(key, f'unknown {what} "{value}" (expected {", ".join(allowed)})')
    return value


def meta_list(doc: Document, key: str, *, what: str, default: Any = _REQUIRED) -> list[str]:
    """A list of distinct words, e.g. `[planning, evaluation]`."""
    values = meta_value(doc, key, default=default)
    if not isinstance(values, list):
        raise doc.error(key, f'"{key}" must be a list such as [a, b]')
    for index, value in enumerate(values):
        if not isinstance(value, str) or not value:
            raise doc.error(key, f'each {what} in "{key}" must be a word', item=index)
        if value in values[:index]:
            raise doc.error(key, f'{what} "{value}" is listed twice', item=index)
    return values


def meta_choices(doc: Document, key: str, allowed: Sequence[str], *, what: str) -> list[str]:
    """A list whose every item is one of `allowed`."""
    values = meta_list(doc, key, what=what)
    for index, value in enumerate(values):
        if value not in allowed:
            message = f'unknown {what} "{value}" (expected {", ".join(allowed)})'
            raise doc.error(key, message, item=index)
    return values


def document_read(path: Path, *, fields: tuple[str, ...], keys: tuple[str, ...]) -> Document:
    """Parse one document whose sections must be `fields` in every language of LANGUAGES and
    whose front matter may only use `keys`."""
    lines = read_text(path).splitlines()
    if not lines or lines[0].strip() != "---":
        raise DataFileError(path, 1, "a content file starts with front matter: a line '---'")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        raise DataFileError(path, 1, "the front matter is not closed by a line '---'")
    meta, meta_lines, item_lines = _front_matter(path, "\n".join(lines[1:end]))
    for key in meta_lines:
        if key not in keys:
            expected = ", ".join(keys)
            raise DataFileError(path, meta_lines[key], f'unknown key "{key}" (expected {expected})')
    texts, text_lines = _sections(path, lines, first=end + 1, fields=fields)
    return Document(path, meta, meta_lines, item_lines, end + 1, texts, text_lines)


def _front_matter(path: Path, text: str) -> tuple[dict, dict[str, int], dict[str, list[int]]]:
    """The YAML mapping and the line of each value; line numbers count the opening `---`."""
    offset = 2  # the first YAML line is the file's second line
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, {}, {}
        if not isinstance(node, yaml.MappingNode):
            raise DataFileError(path, offset, "the front matter must be 'key: value' lines")
        meta_lines: dict[str, int] = {}
        item_lines: dict[str, list[int]] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if not isinstance(key_node, yaml.ScalarNode):
                line = key_node.start_mark.line + offset
                raise DataFileError(path, line, "a front matter key must be a plain word")
            if key in meta_lines:
                line = key_node.start_mark.line + offset
                raise DataFileError(path, line, f'"{key}" appears twice in the front matter')
            meta_lines[key] = value_node.start_mark.line + offset
            if isinstance(value_node, yaml.SequenceNode):
                item_lines[key] = [item.start_mark.line + offset for item in value_node.value]
        return loader.construct_document(node), meta_lines, item_lines
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + offset if mark else offset
        raise DataFileError(path, line, f"bad front matter: {error.problem}") from None
    finally:
        loader.dispose()


def _sections(
    path: Path, lines: list[str], *, first: int, fields: tuple[str, ...]
) -> tuple[dict[str, dict[str, str]], dict[tuple[str, str], int]]:
    """Every `# language` / `## field` section after the front matter, all of them required."""
    bodies: dict[str, dict[str, list[str]]] = {}
    language_lines: dict[str, int] = {}
    text_lines: dict[tuple[str, str], int] = {}
    current: list[str] | None = None
    language: str | None = None
    for index in range(first, len(lines)):
        number, line = index + 1, lines[index].rstrip()
        if heading := _LANGUAGE_HEADING.match(line):
            language = heading["name"]
            if language not in LANGUAGES:
                expected = ", ".join(LANGUAGES)
                message = f'unknown language section "{language}" (expected {expected})'
                raise DataFileError(path, number, message)
            if language in bodies:
                first_line = language_lines[language]
                message = f'language "{language}" appears twice (first on line {first_line})'
                raise DataFileError(path, number, message)
            bodies[language], language_lines[language], current = {}, number, None
        elif heading := _FIELD_HEADING.match(line):
            name = heading["name"]
            if language is None:
                raise DataFileError(path, number, f'field "{name}" before any "# fi" section')
            if name not in fields:
                expected = ", ".join(fields)
                raise DataFileError(path, number, f'unknown field "{name}" (expected {expected})')
            if name in bodies[language]:
                first_line = text_lines[(language, name)]
                message = f'field "{name}" appears twice (first on line {first_line})'
                raise DataFileError(path, number, message)
            current = bodies[language][name] = []
            text_lines[(language, name)] = number
        elif current is not None:
            current.append(line)
        elif line:
            raise DataFileError(path, number, "text outside a '## field' section")
    for language in LANGUAGES:
        if language not in bodies:
            raise DataFileError(path, len(lines), f'missing language section "# {language}"')
        for name in fields:
            if name not in bodies[language]:
                message = f'missing field "## {name}" in language "{language}"'
                raise DataFileError(path, language_lines[language], message)
    texts = {
        language: {name: "\n".join(body).strip("\n") for name, body in by_field.items()}
        for language, by_field in bodies.items()
    }
    for (language, name), number in text_lines.items():
        if not texts[language][name].strip():
            raise DataFileError(path, number, f'field "{name}" in "{language}" is empty')
    return texts, text_lines


def webvtt_check(path: Path, text: str) -> None:
    """Refuse a captions file that is not WebVTT, by the editor's own parser (one rule for both).

    The message is the parser's, in English (a data file's errors are for whoever edits the
    repository), with the file and line in the loader's form.
    """
    with translation.override("en"):
        try:
            webvtt_cues(text)
        except WebVTTError as error:
            raise DataFileError(path, error.line, error.problem.rstrip(".")) from None
