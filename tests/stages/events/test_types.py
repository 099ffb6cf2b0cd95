"""The event taxonomy of models/events/types.tsv: every type can fire, and the README says so."""

from __future__ import annotations

import re

from rusnews.stages.events.learned import OTHER
from rusnews.stages.events.lexicon import event_lexicon

from tests.conftest import ROOT


def listed_types() -> dict[str, str]:
    """event_type -> cameo_root ('-' none), read from the file as a reader of it would."""
    text = (ROOT / "models" / "events" / "types.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {row[0]: row[1] for row in rows}


def test_every_listed_type_is_known_with_its_cameo_root() -> None:
    lex = event_lexicon()
    listed = listed_types()
    assert {name: t.cameo_root or "-" for name, t in lex.types.items()} == listed


def test_every_listed_type_has_a_trigger() -> None:
    """A type no trigger names could never be extracted (OTHER is the learned detector's)."""
    triggered = {t.event_type for t in event_lexicon().triggers.values()}
    assert triggered | {OTHER} == set(listed_types())


def test_triggers_carry_the_root_of_their_type() -> None:
    lex = event_lexicon()
    assert {
        t.cameo_root
        for t in lex.triggers.values()
        if t.event_type in ("MEETING", "NEGOTIATION", "VISIT")
    } == {"04"}
    wrong = [t for t in lex.triggers.values() if t.cameo_root != lex.types[t.event_type].cameo_root]
    assert not wrong


def test_the_readme_counts_the_types_and_gives_their_roots() -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    found = re.search(
        r"\(`models/events/types\.tsv`: (?P<named>[^()]*?) — (?P<n>\d+) types\)", readme
    )
    assert found, "the README's event records section no longer lists the types"
    listed = listed_types()
    assert int(found["n"]) == len(listed)
    named = re.findall(r"([A-Z_]+(?: ?/ ?[A-Z_]+)*) (\d\d)\b", found["named"])
    assert len(named) >= 10, found["named"]
    for names, root in named:
        for name in re.split(r" ?/ ?", names):
            assert listed.get(name) == root, (name, root)
