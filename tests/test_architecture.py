"""The layout keeps its promises: geo <- engagement <- toolkit, config above them all, no cycle
between apps, no app writing another's tables, and no module too long to read.

The imports are read from the source (ast), so an import inside a function counts as much as
one at the top. Imports under `if TYPE_CHECKING:` never run and only name types; they count
for the direction and the cycles but not as use of another app's models.
"""

import ast
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ("geo", "engagement", "toolkit", "config")
# Which app may import which: each only from those below it.
ALLOWED = {
    "geo": set(),
    "engagement": {"geo"},
    "toolkit": {"geo", "engagement"},
    "config": {"geo", "engagement", "toolkit"},
}
MAX_LINES = 600


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, e.g. "toolkit.pilots.services"
    target: str  # the imported module, e.g. "engagement.models"
    line: int
    typing_only: bool

    @property
    def where(self) -> str:
        return f"{self.module.replace('.', '/')}.py:{self.line} imports {self.target}"


def _sources() -> list[Path]:
    return sorted(
        path
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.relative_to(ROOT).parts
    )


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports_of(path: Path, module: str | None = None) -> list[Import]:
    module = module or _module_name(path)
    found: list[Import] = []

    def visit(node: ast.AST, typing_only: bool) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.body:
                visit(child, True)
            for child in node.orelse:
                visit(child, typing_only)
            return
        if isinstance(node, ast.Import):
            found.extend(Import(module, a.name, node.lineno, typing_only) for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(Import(module, node.module, node.lineno, typing_only))
            # `from engagement import models` reaches engagement.models too.
            found.extend(
                Import(module, f"{node.module}.{a.name}", node.lineno, typing_only)
                for a in node.names
            )
        for child in ast.iter_child_nodes(node):
            visit(child, typing_only)

    visit(ast.parse(path.read_text(), filename=str(path)), False)
    return found


IMPORTS = [found for path in _sources() for found in _imports_of(path)]


def _app(dotted: str) -> str | None:
    top = dotted.split(".")[0]
    return top if top in APPS else None


def _between_apps() -> list[Import]:
    return [i for i in IMPORTS if _app(i.target) and _app(i.target) != _app(i.module)]


def test_the_reader_sees_imports_in_functions_and_marks_those_for_types_only(tmp_path):
    source = tmp_path / "sample.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "import geo.services\n"
        "if TYPE_CHECKING:\n"
        "    from engagement.models import Campaign\n"
        "def late():\n"
        "    from engagement import models\n"
    )
    found = {(i.target, i.line, i.typing_only) for i in _imports_of(source, "toolkit.sample")}
    assert {
        ("geo.services", 2, False),
        ("engagement.models", 4, True),
        ("engagement.models.Campaign", 4, True),
        ("engagement.models", 6, False),
    } <= found


def test_the_sources_are_read():
    """The checks below stand on real imports, not on an empty list."""
    modules = {i.module for i in IMPORTS}
    assert {"toolkit.pilots.services", "engagement.moderation.services", "geo.services"} <= (
        modules
    )
    assert any(i.target == "engagement.moderation.services" for i in _between_apps())


@pytest.mark.parametrize("app", APPS)
def test_an_app_imports_only_the_apps_below_it(app):
    wrong = [
        i.where
        for i in _between_apps()
        if _app(i.module) == app and _app(i.target) not in ALLOWED[app]
    ]
    assert wrong == []


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle of the graph, each once, from its smallest node."""
    cycles = []

    def walk(start: str, node: str, path: list[str]) -> None:
        for nxt in sorted(edges.get(node, ())):
            if nxt == start:
                cycles.append([*path, start])
            elif nxt > start and nxt not in path:
                walk(start, nxt, [*path, nxt])

    for start in sorted(edges):
        walk(start, start, [start])
    return cycles


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_between_apps():
    edges: dict[str, set[str]] = defaultdict(set)
    for i in _between_apps():
        edges[_app(i.module)].add(_app(i.target))
    assert _cycles(edges) == []


def test_the_toolkit_changes_engagements_tables_only_through_its_services():
    """No runtime import of engagement's models from the toolkit: it reads through
    engagement's selectors and writes through its services."""
    reaching = [
        i.where
        for i in IMPORTS
        if _app(i.module) == "toolkit"
        and not i.typing_only
        and (i.target == "engagement.models" or i.target.startswith("engagement.models."))
    ]
    assert reaching == []


def test_engagement_code_names_no_toolkit_url():
    """A URL name is a dependency too: the pilots' layer URL comes from toolkit's registration."""
    naming = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in _sources()
        if path.relative_to(ROOT).parts[0] == "engagement"
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if '"toolkit:' in line or '"toolkit-api:' in line
    ]
    assert naming == []


def _long_modules() -> list[str]:
    return [
        f"{path.relative_to(ROOT)}: {count} lines"
        for path in _sources()
        if (count := len(path.read_text().splitlines())) > MAX_LINES
    ]


def test_no_module_holds_more_than_600_lines():
    assert _long_modules() == []
