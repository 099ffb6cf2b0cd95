"""The stage contract: orders the facts reject, the ones they accept, and rules that say what
they need."""

from __future__ import annotations

from typing import ClassVar

import pytest
from rusnews.model import ORG, Article, Mention
from rusnews.stages.base import (
    MENTIONS,
    MORPH,
    NAMES,
    SENTENCES,
    RuleFamily,
    check_order,
    needs,
    provided,
)
from rusnews.stages.registry import NER, PROFILES, build_stages

ISSUE_ORDER = (
    "segment morph ner dates normalize entities syntax events repair gazetteer orgs sort".split()
)


@pytest.fixture(scope="module")
def stages() -> dict[str, object]:
    """One of each stage of the nerel profile (it holds every stage of `names`), by name."""
    return {stage.name: stage for stage in build_stages("full", "nerel")}


def names(order: list[object]) -> list[str]:
    return [stage.name for stage in order]


@pytest.mark.parametrize("profile", PROFILES)
def test_the_default_sets_are_accepted(profile: str) -> None:
    check_order(build_stages("full", profile))


def test_the_ner_set_is_accepted_and_needs_no_morphology() -> None:
    ner = build_stages(NER)
    check_order(ner)
    assert names(ner) == ["segment", "ner", "repair", "sort"]
    assert all(MORPH not in stage.requires for stage in ner)


def test_normalizing_before_the_mentions_are_final_is_rejected(stages) -> None:
    """Normalize before the mentions are final would leave the mentions found later without
    a normal form or entity."""
    order = [stages[name] for name in ISSUE_ORDER]
    with pytest.raises(ValueError, match="stage 'normalize' needs mentions_final"):
        check_order(order)


@pytest.mark.parametrize(
    "late", ["repair", "gazetteer", "orgs", "propagate", "places", "platforms", "durations"]
)
def test_changing_mentions_after_they_are_final_is_rejected(stages, late: str) -> None:
    early = "segment morph ner dates sort normalize entities".split()
    order = [stages[name] for name in early] + [stages[late]]
    with pytest.raises(
        ValueError, match=rf"{late!r} sets mentions too late: .*mentions_final \(set by 'sort'\)"
    ):
        check_order(order)


def test_sorting_then_changing_mentions_is_rejected_even_with_nothing_after(stages) -> None:
    order = [stages[name] for name in "segment morph ner sort repair".split()]
    with pytest.raises(ValueError, match="set by 'sort'"):
        check_order(order)


def test_every_stage_that_changes_mentions_declares_it(stages) -> None:
    changing = "ner repair gazetteer orgs propagate places platforms dates durations".split()
    assert [name for name in changing if MENTIONS not in stages[name].assigns] == []
    assert [n for n, s in stages.items() if "mentions_final" in s.assigns] == ["sort"]
    needing = "normalize entities syntax events".split()
    assert [name for name in needing if "mentions_final" not in stages[name].requires] == []


def test_a_missing_requirement_names_the_stage_and_the_order(stages) -> None:
    with pytest.raises(ValueError, match=r"'morph' needs sentences.*order was: morph -> segment"):
        check_order([stages["morph"], stages["segment"]])


@needs(MORPH)
def reads_part_of_speech(article: Article, mention: Mention) -> list[Mention] | None:
    return None


def reads_text(article: Article, mention: Mention) -> list[Mention] | None:
    return [] if mention.text == "x" else None


class Family(RuleFamily):
    name: ClassVar[str] = "family"
    base_requires: ClassVar[tuple[str, ...]] = (SENTENCES, NAMES)
    assigns: ClassVar[tuple[str, ...]] = (MENTIONS,)
    default_rules = [("reads_part_of_speech", reads_part_of_speech), ("reads_text", reads_text)]


def test_rules_declare_what_they_need_and_a_family_without_it_leaves_them_out() -> None:
    assert Family().requires == (SENTENCES, NAMES, MORPH)
    without = Family(available=provided(build_stages(NER)[:2]))
    assert [name for name, _ in without.rules] == ["reads_text"]
    assert without.requires == (SENTENCES, NAMES)


def test_the_ner_sets_repair_leaves_out_the_rules_that_read_parts_of_speech() -> None:
    from rusnews.stages.mentions.repair import RULES

    repair = next(stage for stage in build_stages(NER) if stage.name == "repair")
    left_out = {name for name, _ in RULES} - {name for name, _ in repair.rules}
    assert left_out == {
        "trim_function_words",
        "extend_east_asian_surname",
        "trim_leading_person_noun",
    }


def test_the_family_owns_the_first_wins_loop_its_counts_and_its_trace() -> None:
    family = Family(debug=True)
    article = Article("a", "x y")
    for mention in (Mention(0, 1, "x", ORG), Mention(2, 3, "y", ORG), Mention(0, 1, "x", ORG)):
        decided = family.decide(article, mention)
        if decided is not None:
            family.note(decided[0], mention.text, "", dropped=len(decided[1]) == 0)
    assert family.rule_counts() == {"reads_text": {"fired": 2, "dropped": 2}}
    assert family.fired == [("reads_text", "x", ""), ("reads_text", "x", "")]
