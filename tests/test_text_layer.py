"""The bottom of the house: errors.py imports nothing of studylog's, the text layer imports only
itself and errors, and no import inside it runs in a circle (function-level imports count)."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import studylog

PACKAGE = Path(studylog.__file__).parent


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path) for path in PACKAGE.rglob("*.py")}


def studylog_imports(path: Path) -> set[str]:
    """Every studylog module ``path`` imports, at module level or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative import"
            base = node.module or ""
            # `from studylog.text import catalog` imports a module; `from ... import t`, a name
            for alias in node.names:
                whole = f"{base}.{alias.name}"
                found.add(whole if whole in MODULES else base)
    return {name for name in found if name in MODULES}


def test_errors_imports_nothing_of_studylog() -> None:
    assert studylog_imports(PACKAGE / "errors.py") == set()


def test_the_text_layer_imports_only_itself_and_errors_without_a_circle() -> None:
    graph = {
        module_name(path): studylog_imports(path)
        for path in sorted((PACKAGE / "text").rglob("*.py"))
    }
    for module, imported in graph.items():
        above = {name for name in imported if not name.startswith("studylog.text")}
        assert above <= {"studylog.errors"}, f"{module} reaches up to {above}"
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as circle:
        raise AssertionError(f"import circle: {circle.args[1]}") from None
