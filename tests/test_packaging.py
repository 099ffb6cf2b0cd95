"""The wheel's package list names every folder of code and rule data, so none is left out."""

from __future__ import annotations

import tomllib

from tests.conftest import ROOT


def _declared() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return set(config["tool"]["setuptools"]["packages"])


def _folders(top: str, package: str, wanted: str) -> set[str]:
    base = ROOT / top
    found = set()
    for folder in [base, *(p for p in base.rglob("*") if p.is_dir())]:
        if "__pycache__" in folder.parts or not any(folder.glob(wanted)):
            continue
        found.add(".".join([package, *folder.relative_to(base).parts]))
    return found


def test_every_code_folder_and_rule_data_folder_is_a_declared_package():
    declared = _declared()
    code = _folders("pipeline", "rusnews", "*.py")
    data = _folders("models", "rusnews.models", "*.*")
    assert code - declared == set(), "code folders missing from [tool.setuptools] packages"
    assert data - declared == set(), "rule data folders missing from [tool.setuptools] packages"
    unknown = declared - code - data - {"rusnews.models"}
    assert unknown == set(), "declared packages that do not exist"
