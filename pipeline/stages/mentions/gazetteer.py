"""Known names from gazetteers in `models/gazetteers/`: found, typed, or added.

The NER tagger misses names it rarely saw (`Европы`, `Голос Америки`) and
types some against both gold corpora (`ЕС` and `Евросоюз` as places,
countries acting as parties as organizations). Gazetteer entries are matched
on word forms reduced to their dictionary forms, so `Голоса Америки` matches
`Голос Америки` and `Соединённых Штатов` matches `Соединённые Штаты`.

What a match does is decided by ordered rules, the first with an opinion
wins; `TagGazetteer(debug=True)` records which fired in `fired`. Separately,
mentions that are not names at all (`СМИ`) are dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import ClassVar

from rusnews import morphology
from rusnews.lexicon import LexiconError, location, numbered_rows, read_words
from rusnews.model import DATE, LOC, ORG, PER, Article, Mention, Token
from rusnews.overlaps import Overlaps
from rusnews.resources import MODELS_DIR
from rusnews.stages.base import MENTIONS, MORPH, NAMES, SENTENCES, RuleFamily
from rusnews.text import QUOTES, fold

GAZETTEERS = MODELS_DIR / "gazetteers"
# Which lists are read, with the label each gives and the labels it overrules.
LISTS = "lists.tsv"
NOT_NAMES = "not_names.txt"
# The tab-separated flag of a name that only retypes what the tagger found.
TAGGED_ONLY = "tagged"
# The flag of an organization named after its building (`Белый дом`, `Кремль`):
# `в Белом доме` is the place (factRuEval Location; NEREL FACILITY).
SEAT = "seat"


@lru_cache(maxsize=100_000)
def word_keys(word: str) -> frozenset[str]:
    """Every dictionary form a word in running text may stand for, and the word itself."""
    if word in QUOTES:
        return frozenset({'"'})
    keys = {fold(word)}
    if any(c.isalpha() for c in word):
        keys.update(fold(p.normal_form) for p in morphology.parse(word))
    return frozenset(keys)


@lru_cache(maxsize=10_000)
def entry_keys(word: str) -> frozenset[str]:
    """The dictionary forms of a gazetteer word, which is written in the nominative:
    only nominative readings count, so `Мали` does not also stand for `малый`."""
    if word in QUOTES:
        return frozenset({'"'})
    keys = {fold(word)}
    for parse in morphology.parse(word):
        if "nomn" in parse.tag or "Fixd" in parse.tag:
            keys.add(fold(parse.normal_form))
    return frozenset(keys)


def tokenize(text: str) -> list[str]:
    from razdel import tokenize as razdel_tokenize

    return [token.text for token in razdel_tokenize(text)]


@dataclass(frozen=True, slots=True)
class Entry:
    text: str
    label: str
    source: str  # the list it comes from (`countries`)
    overrules: frozenset[str]
    words: tuple[frozenset[str], ...]
    add: bool  # False: a common word or surname too, only retypes a tagged span
    seat: bool = False  # an organization named after its building


@dataclass(frozen=True, slots=True)
class Match:
    entry: Entry
    start: int
    end: int
    sentence_idx: int


class Gazetteer:
    """Entries indexed by the dictionary forms of their first word."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.by_first: dict[str, list[Entry]] = {}
        for entry in entries:
            for key in entry.words[0]:
                self.by_first.setdefault(key, []).append(entry)
        for bucket in self.by_first.values():
            bucket.sort(key=lambda e: -len(e.words))  # longest first

    def match_at(self, tokens: list[Token], i: int, label: str | None = None) -> Entry | None:
        first = tokens[i].text
        if not first[:1].isupper():
            return None
        candidates: dict[int, Entry] = {}
        for key in word_keys(first):
            for entry in self.by_first.get(key, ()):
                if label is None or entry.label == label:
                    candidates.setdefault(id(entry), entry)
        best: Entry | None = None
        for entry in candidates.values():
            n = len(entry.words)
            if i + n > len(tokens) or (best and n <= len(best.words)):
                continue
            if all(entry.words[k] & word_keys(tokens[i + k].text) for k in range(1, n)):
                best = entry
        return best

    def find(self, article: Article) -> list[Match]:
        """Longest matches, left to right, not overlapping each other."""
        return [
            match
            for idx, sentence in enumerate(article.sentences)
            for match in self.find_in(sentence.tokens, idx)
        ]

    def find_in(self, tokens: list[Token], idx: int, label: str | None = None) -> list[Match]:
        """Matches among `tokens` (of sentence `idx`), of entries with `label` when given."""
        found: list[Match] = []
        i = 0
        while i < len(tokens):
            entry = self.match_at(tokens, i, label)
            if entry is None:
                i += 1
                continue
            end = i + len(entry.words)
            found.append(Match(entry, tokens[i].start, tokens[end - 1].end, idx))
            i = end
        return found


def read_list(path: Path) -> Iterable[tuple[str, frozenset[str]]]:
    """A name list: a name a line, with flags after a tab (`tagged`, `seat`)."""
    for number, (name, flags) in numbered_rows(path, ("name", "flags"), optional=1):
        unknown = sorted(set(flags.split()) - {TAGGED_ONLY, SEAT})
        if unknown:
            raise LexiconError(
                f"{location(path, number)}: unknown flag {', '.join(unknown)}; "
                f"write {TAGGED_ONLY} or {SEAT}"
            )
        yield name, frozenset(flags.split())


def read_lists(folder: Path) -> list[tuple[str, str, frozenset[str]]]:
    """(list file, label, labels it overrules) for every list the gazetteer reads."""
    lists = []
    path = folder / LISTS
    for number, (filename, label, overrules, _notes) in numbered_rows(
        path, ("file", "label", "overrules", "notes"), optional=1
    ):
        labels = frozenset() if overrules == "-" else frozenset(overrules.split())
        unknown = sorted(({label} | labels) - {LOC, ORG, PER})
        if unknown:
            raise LexiconError(f"{location(path, number)}: unknown label {', '.join(unknown)}")
        lists.append((filename, label, labels))
    return lists


def read_gazetteer(folder: Path = GAZETTEERS) -> Gazetteer:
    entries = []
    for filename, label, overrules in read_lists(folder):
        for name, flags in read_list(folder / filename):
            words = tuple(entry_keys(word) for word in tokenize(name))
            entries.append(
                Entry(
                    name,
                    label,
                    filename.removesuffix(".txt"),
                    overrules,
                    words,
                    TAGGED_ONLY not in flags,
                    SEAT in flags,
                )
            )
    return Gazetteer(entries)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer in `models/`, read once per process."""
    return read_gazetteer()


def read_not_names(path: Path = GAZETTEERS / NOT_NAMES) -> frozenset[str]:
    return frozenset(read_words(path))


@lru_cache(maxsize=1)
def load_not_names() -> frozenset[str]:
    return read_not_names()


# A rule sees the match and the mentions overlapping it, and returns the
# mentions that replace those, or None when it has no opinion.
Rule = Callable[[Article, Match, list[Mention]], list[Mention] | None]


def as_mention(article: Article, match: Match) -> Mention:
    return Mention(
        match.start,
        match.end,
        article.text[match.start : match.end],
        match.entry.label,
        match.sentence_idx,
        source="gazetteer",
    )


def seat_as_place(
    article: Article, match: Match, overlapping: list[Mention]
) -> list[Mention] | None:
    """`в Белом доме`, `в Кремле`: after `в`/`на` the building is the place,
    not the organization it houses."""
    same = [m for m in overlapping if (m.start, m.end) == (match.start, match.end)]
    if not match.entry.seat or not same:
        return None
    tokens = article.sentences[match.sentence_idx].tokens
    before = [t for t in tokens if t.end <= match.start]
    first = next(t for t in tokens if t.start == match.start)
    if not before or before[-1].text.lower() not in ("в", "на") or first.feats.get("Case") != "Loc":
        return None
    for m in same:
        m.label = LOC
    return overlapping


def retype_same_span(
    article: Article, match: Match, overlapping: list[Mention]
) -> list[Mention] | None:
    """The tagger found the name: the gazetteer only says what it is (`ЕС` is an organization)."""
    same = [m for m in overlapping if (m.start, m.end) == (match.start, match.end)]
    if not same:
        return None
    for m in same:
        if m.label in match.entry.overrules:
            m.label = match.entry.label
    return overlapping


def keep_longer_name(
    article: Article, match: Match, overlapping: list[Mention]
) -> list[Mention] | None:
    """`Русской службе «Голоса Америки»`: the tagger saw a longer name around the match."""
    if any(m.start <= match.start and match.end <= m.end for m in overlapping):
        return overlapping
    return None


def replace_parts(
    article: Article, match: Match, overlapping: list[Mention]
) -> list[Mention] | None:
    """`Голос Америки` where the tagger found only `Америки`: the whole known name
    replaces the parts of its own label or of the other name label; a place inside
    an organization's name stays a place of its own only when it is a known place."""
    if not overlapping or not all(
        match.start <= m.start and m.end <= match.end for m in overlapping
    ):
        return None
    return [as_mention(article, match)]


def add_unfound(article: Article, match: Match, overlapping: list[Mention]) -> list[Mention] | None:
    if overlapping or not match.entry.add:
        return None
    return [as_mention(article, match)]


RULES: list[tuple[str, Rule]] = [
    ("seat_as_place", seat_as_place),
    ("retype_same_span", retype_same_span),
    ("keep_longer_name", keep_longer_name),
    ("replace_parts", replace_parts),
    ("add_unfound", add_unfound),
]


class TagGazetteer(RuleFamily):
    name: ClassVar[str] = "gazetteer"
    base_requires: ClassVar[tuple[str, ...]] = (SENTENCES, MORPH, NAMES)
    assigns: ClassVar[tuple[str, ...]] = (MENTIONS,)

    default_rules: ClassVar[list[tuple[str, Rule]]] = RULES

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        rules: list[tuple[str, Rule]] | None = None,
        debug: bool = False,
        nest_places: bool = True,
        not_names: frozenset[str] | None = None,
    ) -> None:
        super().__init__(rules, debug)
        self.gazetteer = gazetteer or load_gazetteer()
        self.not_names = load_not_names() if not_names is None else not_names
        self.nest_places = nest_places

    def tag(self, article: Article) -> None:
        stop = self.not_names
        mentions = Overlaps(m for m in article.mentions if m.text not in stop)
        for m in article.mentions:
            if m.text in stop:
                self.fired_counts["not_a_name"] += 1
                self.note("not_a_name", m.text, "", dropped=1)
        for match in self.gazetteer.find(article):
            overlapping = [
                m for m in mentions.overlapping(match.start, match.end) if m.label != DATE
            ]
            decided = self.decide(article, match, overlapping)
            if decided is None:
                continue
            rule_name, result = decided
            kept = sum(any(m is r for r in result) for m in overlapping)
            self.note(
                rule_name,
                article.text[match.start : match.end],
                " | ".join(f"{m.label} {m.text}" for m in result),
                dropped=len(overlapping) - kept,
            )
            # What a rule returns goes after the rest, even the mentions it kept:
            # among mentions of one span, the last word is the last in the list.
            for m in overlapping:
                mentions.remove(m)
            for m in result:
                mentions.add(m)
        found = list(mentions)
        if self.nest_places:
            found += self.places_inside(article, found)
        article.mentions = sorted(found, key=lambda m: (m.start, -m.end))

    def places_inside(self, article: Article, mentions: list[Mention]) -> list[Mention]:
        """`Голос Америки`, `партия «Единая Россия»`, `Эхо Москвы`: a known place
        named inside an organization's name is a place mention of its own in
        factRuEval's objects and in NEREL (the Naeval convention keeps only the
        outer span, so it costs nothing there)."""
        have = {(m.start, m.end) for m in mentions}
        nested: list[Mention] = []
        for org in mentions:
            if org.label != ORG or not 0 <= org.sentence_idx < len(article.sentences):
                continue
            tokens = [
                t
                for t in article.sentences[org.sentence_idx].tokens
                if org.start <= t.start and t.end <= org.end
            ]
            for match in (
                self.gazetteer.find_in(tokens, org.sentence_idx, LOC) if len(tokens) > 1 else ()
            ):
                if match.entry.add and (match.start, match.end) not in have:
                    self.fired_counts["place_inside_organization"] += 1
                    self.note("place_inside_organization", org.text, match.entry.text)
                    nested.append(as_mention(article, match))
                    have.add((match.start, match.end))
        return nested

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            self.tag(article)
        return articles
