"""The package's layers: stage groups stand side by side, what they share lies below them.

A group (`stages/slovnet/`, `stages/mentions/`, ...) that imports another would
make their order of change and of loading one thing again; what two groups
need belongs in a module below both (`rusnews.morphology`, `rusnews.text`,
`rusnews.offsets`), and a stage that needs another group's knowledge is handed
it where the stage sets are built.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "pipeline"
STAGES = PACKAGE / "stages"
GROUPS = sorted(p.name for p in STAGES.iterdir() if (p / "__init__.py").is_file())
# Below the groups: they may import each other and the model, never a stage.
SHARED = ("model.py", "morphology.py", "offsets.py", "overlaps.py", "text.py")
MAX_LINES = 400


def imported(path: Path) -> set[str]:
    """Every module a file imports, relative imports resolved against its package."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            package = ["rusnews", *path.parent.relative_to(PACKAGE).parts] if node.level else []
            base = package[: len(package) - node.level + 1]
            module = ".".join([*base, *([node.module] if node.module else [])])
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def group_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[:2] == ["rusnews", "stages"] and len(parts) > 2 and parts[2] in GROUPS:
        return parts[2]
    return None


def test_there_are_groups_to_check() -> None:
    assert {"slovnet", "mentions", "dates", "normalize", "events"} <= set(GROUPS)


@pytest.mark.parametrize("group", GROUPS)
def test_a_group_imports_no_other_group(group: str) -> None:
    crossings = sorted(
        f"{path.relative_to(ROOT)} imports {module}"
        for path in (STAGES / group).rglob("*.py")
        for module in imported(path)
        if group_of(module) not in (None, group)
    )
    assert crossings == []


@pytest.mark.parametrize("name", SHARED)
def test_shared_modules_import_no_stage(name: str) -> None:
    stages = sorted(m for m in imported(PACKAGE / name) if m.startswith("rusnews.stages"))
    assert stages == []


def test_the_import_reader_sees_a_crossing(tmp_path: Path) -> None:
    # The check above is only as good as this reader: a crossing written either way is found.
    source = "from rusnews.stages.normalize.persons import x\nimport rusnews.stages.events.tree\n"
    probe = tmp_path / "probe.py"
    probe.write_text(source, encoding="utf-8")
    found = {group_of(m) for m in imported(probe) if group_of(m)}
    assert found == {"normalize", "events"}
    assert group_of("rusnews.stages.base") is None


def test_no_module_is_over_400_lines() -> None:
    long = sorted(
        f"{path.relative_to(ROOT)}: {n} lines"
        for path in PACKAGE.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    )
    assert long == []
