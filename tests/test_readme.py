"""The README's Python examples run and print what the README says they print.

An example is a ```python block followed by a line `prints` and a ```text
block. The examples run in README order in one namespace, as a reader would
type them into one session.
"""

from __future__ import annotations

import contextlib
import io
import re

from tests.conftest import ROOT

EXAMPLE = re.compile(r"```python\n(?P<code>.*?)```\n\nprints\n\n```text\n(?P<out>.*?)```", re.S)


def examples() -> list[tuple[str, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [(m.group("code"), m.group("out")) for m in EXAMPLE.finditer(text)]


def test_the_readme_shows_its_python_examples_with_their_output():
    codes = "".join(code for code, _ in examples())
    assert "pipe(" in codes and "pipe.process(" in codes


def test_the_readme_python_examples_print_what_it_shows():
    namespace: dict[str, object] = {}
    for code, expected in examples():
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(code, "README.md", "exec"), namespace)
        assert printed.getvalue() == expected, code
