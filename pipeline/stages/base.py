"""The stage contract: a small object called on a batch of articles.

Each stage declares what it needs and what it sets, so the pipeline can check
its order when it is built, before any article is read. A fact holds until a
later stage re-sets something it rests on (`DEPENDS`): a stage that changes the
mentions after they were sorted and numbered would leave the entities pointing
at the wrong ones, so `check_order` rejects it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable
from typing import Any, ClassVar, Protocol

from rusnews.model import Article

# What stages can need and set, in pipeline order.
SENTENCES = "sentences"
MORPH = "morph"
NAMES = "names"  # the tagger's PER/ORG/LOC mentions
DATES = "dates"  # DATE mentions with values
MENTIONS = "mentions"  # set by every stage that adds, drops, retypes or moves a mention
MENTIONS_FINAL = "mentions_final"  # in text order, no duplicates, mention_id the position
NORMALS = "normals"
ENTITIES = "entities"
LINKS = "links"  # the entities' Wikidata ids, places and countries (rusnews.kb)
SYNTAX = "syntax"
EVENTS = "events"
OCCUPATIONS = "occupations"
OWNERSHIPS = "ownerships"

# What each fact rests on: re-setting one of these makes the fact stale.
DEPENDS: dict[str, tuple[str, ...]] = {
    MORPH: (SENTENCES,),
    NAMES: (SENTENCES,),
    DATES: (SENTENCES,),
    MENTIONS: (SENTENCES,),
    MENTIONS_FINAL: (MENTIONS,),
    NORMALS: (MENTIONS,),
    ENTITIES: (MENTIONS_FINAL, NORMALS),
    LINKS: (ENTITIES,),
    SYNTAX: (SENTENCES, MORPH),
    EVENTS: (ENTITIES, SYNTAX),
    OWNERSHIPS: (ENTITIES, SYNTAX),
}


class Stage(Protocol):
    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    assigns: ClassVar[tuple[str, ...]]

    def __call__(self, articles: list[Article]) -> list[Article]: ...


def resting_on(facts: Iterable[str]) -> set[str]:
    """Every fact that rests, directly or through others, on one of `facts`."""
    found: set[str] = set()
    frontier = set(facts)
    while frontier:
        frontier = {f for f, deps in DEPENDS.items() if frontier & set(deps)} - found
        found |= frontier
    return found


def provided(stages: Iterable[Stage]) -> set[str]:
    """What a list of stages sets, in the order given."""
    have: set[str] = set()
    for stage in stages:
        have = (have - resting_on(stage.assigns)) | set(stage.assigns)
    return have


def check_order(stages: list[Stage]) -> None:
    """Raise ValueError when a stage needs something no earlier stage sets, or re-sets
    something a fact of an earlier stage rests on."""
    order = " -> ".join(s.name for s in stages)
    have: dict[str, str] = {}  # fact -> the stage that set it
    for stage in stages:
        missing = [need for need in stage.requires if need not in have]
        if missing:
            raise ValueError(
                f"stage {stage.name!r} needs {', '.join(missing)}, which no earlier stage sets; "
                f"order was: {order}"
            )
        stale = sorted(resting_on(stage.assigns) & have.keys() - set(stage.assigns))
        if stale:
            setters = ", ".join(f"{fact} (set by {have[fact]!r})" for fact in stale)
            raise ValueError(
                f"stage {stage.name!r} sets {', '.join(stage.assigns)} too late: {setters} "
                f"rest on it and would be stale; run it earlier. Order was: {order}"
            )
        have.update((fact, stage.name) for fact in stage.assigns)


def needs(*facts: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Mark a rule as reading what `facts` set (`@needs(MORPH)` for a rule that reads a token's
    part of speech), so a stage set without them leaves the rule out rather than let it
    silently find nothing."""

    def mark(rule: Callable[..., Any]) -> Callable[..., Any]:
        rule.needs = facts  # type: ignore[attr-defined]
        return rule

    return mark


def rule_needs(rule: Callable[..., Any]) -> tuple[str, ...]:
    return getattr(rule, "needs", ())


Named = tuple[str, Callable[..., Any]]


def first_opinion(rules: Iterable[Named], *args: Any) -> tuple[str, Any] | None:
    """(name, opinion) of the first rule whose opinion on `args` is not None; None when no rule
    has one."""
    for rule_name, rule in rules:
        opinion = rule(*args)
        if opinion is not None:
            return rule_name, opinion
    return None


class RuleFamily:
    """A stage that applies ordered lists of named rules, the first with an opinion winning.

    The family owns that loop (`decide`), counts how often each rule fired and how many
    mentions each dropping rule dropped (`fired_counts`, `dropped_counts`, which the engine
    writes to the run's manifest) and, with `debug=True`, records in `fired` which rule changed
    which span, as (rule, before, after). Subclasses set `default_rules` and `base_requires`;
    given `available` (what the earlier stages set), rules needing anything else are left out.
    """

    name: ClassVar[str]
    base_requires: ClassVar[tuple[str, ...]] = ()
    default_rules: ClassVar[list[Named]] = []

    def __init__(
        self,
        rules: list[Named] | None = None,
        debug: bool = False,
        available: Collection[str] | None = None,
    ) -> None:
        rules = list(type(self).default_rules if rules is None else rules)
        self.rules = self.usable(rules, available)
        self.debug = debug
        self.fired: list[tuple[str, ...]] = []
        self.fired_counts: Counter[str] = Counter()
        self.dropped_counts: Counter[str] = Counter()
        self.requires = (*self.base_requires, *self.needs_of(self.rules))

    @staticmethod
    def usable(rules: list[Named], available: Collection[str] | None) -> list[Named]:
        if available is None:
            return rules
        return [(name, rule) for name, rule in rules if set(rule_needs(rule)) <= set(available)]

    def needs_of(self, *lists: list[Named]) -> tuple[str, ...]:
        found = [need for rules in lists for _, rule in rules for need in rule_needs(rule)]
        return tuple(need for need in dict.fromkeys(found) if need not in self.base_requires)

    def decide(self, *args: Any, rules: list[Named] | None = None) -> tuple[str, Any] | None:
        """(rule name, opinion) of the first rule in `rules` (default: `self.rules`) whose
        opinion is not None; None when no rule has one."""
        decided = first_opinion(self.rules if rules is None else rules, *args)
        if decided is not None:
            self.fired_counts[decided[0]] += 1
        return decided

    def note(self, rule: str, before: str, after: str, dropped: int = 0) -> None:
        """What a rule did: counted always, traced under `debug`."""
        if dropped:
            self.dropped_counts[rule] += dropped
        if self.debug:
            self.fired.append((rule, before, after))

    def rule_counts(self) -> dict[str, dict[str, int]]:
        """Rule name -> {"fired": n, "dropped": m} for every rule that fired or dropped."""
        names = dict.fromkeys([*self.fired_counts, *self.dropped_counts])
        return {
            name: {
                "fired": self.fired_counts[name],
                **({"dropped": self.dropped_counts[name]} if self.dropped_counts[name] else {}),
            }
            for name in names
        }
