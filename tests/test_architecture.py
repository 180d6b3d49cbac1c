"""The shape of the code: modules a reader can hold in one sitting, no import cycles, and the
command line kept to ``parley/present``. Read from the source files, so it fails on the change
that breaks the rule."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "parley"
MAX_LINES = 400


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _top_level_imports(path: Path, module: str, known: set[str]) -> set[str]:
    """Modules imported when this one is imported (not those imported inside functions or only
    for type checking)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    imported: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            for alias in node.names:
                submodule = f"{prefix}.{alias.name}"
                # `from package import submodule` imports the submodule; anything else, the module
                imported.add(submodule if submodule in known else prefix)
    return {name for name in imported if name in known}


def test_every_module_is_at_most_400_lines():
    long = {
        str(path.relative_to(PACKAGE.parent)): n
        for path in _modules().values()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_no_import_cycle():
    modules = _modules()
    graph = {name: _top_level_imports(path, name, set(modules)) - {name} for name, path in modules.items()}
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(" -> ".join(stack[stack.index(nxt) :] + [nxt]))
            elif nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_click_is_only_used_by_the_command_line():
    users = [
        str(path.relative_to(PACKAGE.parent))
        for name, path in _modules().items()
        if not name.startswith("parley.present")
        and any(
            isinstance(n, ast.Import | ast.ImportFrom)
            and any(a.name == "click" or a.name.startswith("click.") for a in n.names)
            or (isinstance(n, ast.ImportFrom) and (n.module or "").startswith("click"))
            for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        )
    ]
    assert users == []


def test_extractors_read_the_kept_text_not_spacys_doc_text():
    """spaCy rebuilds ``Doc.text`` from every token on each access: an extractor reading it per
    mention or per sentence turns linear work quadratic (it once cost the pipeline a quarter of
    spaCy's time). Extractors read :func:`parley.nlp.text_of` instead."""
    found = []
    for path in sorted((PACKAGE / "extract").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Attribute) and node.attr == "text"):
                continue
            owner = node.value
            if (isinstance(owner, ast.Name) and owner.id == "doc") or (
                isinstance(owner, ast.Attribute) and owner.attr == "doc"
            ):
                found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    assert found == []
