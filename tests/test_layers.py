"""The package's layers import one way, with no circle, and each module stays a readable size.

cli on top; documents and transfer beside each other (neither uses the other) over figures;
figures over records; records over store; store over text. The top-level modules (errors,
config, invocation, the version) are shared roots that import no layer. Every import counts:
at module level, inside a function, or only for type checking.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "studylog"

#: layer → rank: a module may import its own layer and any layer of a lower rank.
LAYERS = {
    "cli": 7,
    "web": 6,
    "documents": 5,
    "transfer": 5,
    "figures": 4,
    "records": 3,
    "store": 2,
    "text": 1,
}
ROOTS = {
    "studylog",
    "studylog.errors",
    "studylog.config",
    "studylog.invocation",
    "studylog.outputs",
}
MAX_LINES_OF_CODE = 400


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """Every studylog module ``name`` imports, resolved to a module of the package."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # ``from studylog.store import audit`` imports the module studylog.store.audit
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
                for alias in node.names
            ]
        found.update(target for target in targets if target.split(".")[0] == "studylog")
    found.discard(name)
    return {_module_of(target) for target in found}


def _module_of(dotted: str) -> str:
    while dotted not in MODULES:
        dotted = dotted.rpartition(".")[0]
    return dotted


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _layer(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def test_every_module_belongs_to_a_layer_or_is_a_root() -> None:
    homeless = {name for name in MODULES if _layer(name) is None and name not in ROOTS} - {
        "studylog.__main__"
    }
    assert not homeless, f"modules outside the layer folders: {sorted(homeless)}"


def test_the_package_top_level_stays_small() -> None:
    top = [path.name for path in PACKAGE.glob("*.py")]
    assert len(top) <= 8, top


def test_layers_import_only_downward() -> None:
    wrong = []
    for name, imported in GRAPH.items():
        for target in imported:
            if target in ROOTS:
                continue
            if name in ROOTS:
                wrong.append(f"{name} -> {target} (a root imports a layer)")
                continue
            mine, theirs = _layer(name), _layer(target)
            if name == "studylog.__main__":
                continue
            assert mine is not None and theirs is not None
            if LAYERS[theirs] > LAYERS[mine] or (LAYERS[theirs] == LAYERS[mine] and theirs != mine):
                wrong.append(f"{name} -> {target}")
    assert not wrong, "imports that run against the layers:\n" + "\n".join(sorted(wrong))


def test_no_import_circle() -> None:
    """Tarjan's strongly connected components over the module graph: none larger than one."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in GRAPH[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for node in GRAPH:
        if node not in index:
            visit(node)
    assert not circles, f"import circles: {circles}"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_is_a_house_of_its_own(name: str) -> None:
    lines = MODULES[name].read_text(encoding="utf-8").splitlines()
    code = [line for line in lines if line.strip() and not line.strip().startswith("#")]
    assert len(code) <= MAX_LINES_OF_CODE, f"{name}: {len(code)} lines of code; split it"
