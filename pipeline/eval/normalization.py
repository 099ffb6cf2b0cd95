"""Normal-form accuracy (names in nominative) and date value accuracy.

A gold name is judged only where a prediction of the same type has exactly
its span, so this measures normalization, not recognition. Comparison is
case-insensitive with ё = е; a PER name is the unordered set of its parts
(`Лужков Юрий` = `Юрий Лужков`), split on spaces and hyphens and without the
dots of initials.

factRuEval gold (`.coref`) belongs to a coreference chain, not to a mention,
so two rules make it fit a single mention:
- ORG/LOC: a chain lists one `name` per variant (`РФ`, `Россия`); a
  prediction is right when it equals any of them.
- PER: a mention is judged on the parts it contains: its `name` span asks for
  the chain's firstname(s), `surname` for lastname(s), `patronymic` for the
  patronymic (`Лужкова` → {Лужков}, not {Юрий, Лужков}). Numbered keys
  (`firstname1`) are further parts of one name (`Реджеп Тайип`); several
  values of one key are alternatives (`Bernd` / `Бернд`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from rusnews.eval.conventions import FACTRU_TYPES, Span, as_annotated
from rusnews.eval.gold import GoldDoc, GoldObject
from rusnews.eval.normal_errors import error_classes
from rusnews.model import DATE, NAME_LABELS, PER, Mention
from rusnews.text import fold_spaced

Key = str | frozenset[str]

# factRuEval span type -> the `.coref` key holding that part's normal form.
PERSON_PARTS: dict[str, str] = {
    "name": "firstname",
    "patronymic": "patronymic",
    "surname": "lastname",
}
MAX_EXAMPLES = 10


def name_key(label: str, text: str) -> Key:
    """What two normal forms must share to count as equal."""
    text = fold_spaced(text)
    if label == PER:
        return frozenset(
            part.strip(".") for part in re.split(r"[\s\-‐–]+", text) if part.strip(".")
        )
    return text


@dataclass(frozen=True, slots=True)
class NormalTarget:
    """A gold span and the normal forms a prediction may give for it."""

    label: str
    start: int
    end: int
    text: str
    forms: tuple[str, ...]


@dataclass(slots=True)
class Tally:
    correct: int = 0
    n: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.n if self.n else None

    def as_dict(self) -> dict[str, float | int | None]:
        return {"accuracy": self.accuracy, "correct": self.correct, "n": self.n}


def person_forms(obj: GoldObject) -> tuple[str, ...]:
    span_types = {span.label for span in obj.spans}
    # (alternatives, optional) per part, in name order: first, patronymic, last
    slots: list[tuple[list[str], bool]] = []
    for span_type, key in PERSON_PARTS.items():
        if span_type not in span_types:
            continue
        if key in obj.attrs:
            slots.append((obj.attrs[key], False))
        # `Реджеп Эрдоган` and `Реджеп Тайип Эрдоган` are both right for a
        # chain with firstname1 Тайип: the further parts are optional.
        for number in itertools.count(1):
            if f"{key}{number}" not in obj.attrs:
                break
            slots.append((obj.attrs[f"{key}{number}"], True))
    n_optional = sum(optional for _, optional in slots)
    forms: list[str] = []
    for keep in itertools.product((False, True), repeat=n_optional):
        kept = iter(keep)
        chosen = [values for values, optional in slots if not optional or next(kept)]
        if chosen:
            forms.extend(" ".join(choice) for choice in itertools.product(*chosen))
    if not forms:
        # Persons known by one name (`Наполеон`) carry it as `name`.
        return tuple(obj.attrs.get("name", ()))
    return tuple(forms)


SpanKey = Callable[[Span, str], Span]


def factru_targets(doc: GoldDoc, span_key: SpanKey = as_annotated) -> list[NormalTarget]:
    """Targets from factRuEval objects; `span_key` is how spans are compared
    (`quote_closed` for the `object` convention)."""
    targets: dict[tuple[str, int, int], NormalTarget] = {}
    for obj in doc.objects:
        label = FACTRU_TYPES.get(obj.label)
        if label is None:
            continue
        _, start, end = span_key((label, obj.start, obj.end), doc.text)
        forms = person_forms(obj) if label == PER else tuple(obj.attrs.get("name", ()))
        if label == PER:
            # Of the optional-part variants, keep those with as many parts as
            # the mention shows, so a normal form that drops a word is wrong.
            pieces = len(name_key(PER, doc.text[start:end]))
            forms = tuple(form for form in forms if len(name_key(PER, form)) == pieces) or forms
        if not forms:
            continue
        # Two objects with one extent (a Location and a LocOrg) are one judgement.
        targets.setdefault(
            (label, start, end), NormalTarget(label, start, end, doc.text[start:end], forms)
        )
    return list(targets.values())


def jsonl_targets(doc: GoldDoc) -> list[NormalTarget]:
    return [
        NormalTarget(span.label, span.start, span.end, span.text, (span.normal,))
        for span in doc.spans
        if span.label in NAME_LABELS and span.normal
    ]


def untyped_targets(doc: GoldDoc, mentions: Iterable[Mention]) -> list[NormalTarget]:
    """Targets from gold without types (RuNormAS): each span a name mention has exactly
    takes that mention's label; a discontinuous span is nobody's extent and is left out."""
    labels: dict[tuple[int, int], str] = {}
    for mention in mentions:
        if mention.label in NAME_LABELS:
            labels.setdefault((mention.start, mention.end), mention.label)
    return [
        NormalTarget(labels[span.start, span.end], span.start, span.end, span.text, (span.normal,))
        for span in doc.spans
        if span.normal and not span.fragments and (span.start, span.end) in labels
    ]


def date_targets(doc: GoldDoc) -> list[NormalTarget]:
    return [
        NormalTarget(DATE, span.start, span.end, span.text, (span.value,))
        for span in doc.spans
        if span.label == DATE and span.value
    ]


def whole_form(mention: Mention) -> str | None:
    return mention.normal


def core_form(mention: Mention) -> str | None:
    """factRuEval's `name` of an organization or place is the name without its descriptor
    (the descriptor is an attribute of its own): the mention's core, where it has one."""
    return mention.core or mention.normal


def _index(mentions: Iterable[Mention], span_key: SpanKey, text: str) -> dict[Span, Mention]:
    return {span_key(mention.span, text): mention for mention in mentions}


def score_normals(
    docs: Sequence[GoldDoc],
    targets: Sequence[Sequence[NormalTarget]],
    predictions: dict[str, list[Mention]],
    span_key: SpanKey = as_annotated,
    labels: Sequence[str] = NAME_LABELS,
    form: Callable[[Mention], str | None] = whole_form,
) -> dict[str, object]:
    """Accuracy per label and overall, the counts compared, wrong examples and the
    classes of the errors."""
    tallies = {label: Tally() for label in labels}
    wrong: list[dict[str, str | None]] = []
    errors: list[tuple[str, str, str | None, str]] = []
    for doc, doc_targets in zip(docs, targets, strict=True):
        by_span = _index(predictions.get(doc.doc_id, ()), span_key, doc.text)
        for target in doc_targets:
            mention = by_span.get((target.label, target.start, target.end))
            if mention is None or target.label not in tallies:
                continue
            tally = tallies[target.label]
            tally.n += 1
            predicted = form(mention)
            if _matches(target, predicted):
                tally.correct += 1
                continue
            errors.append((target.label, target.text, predicted, target.forms[0]))
            if len(wrong) < MAX_EXAMPLES * len(labels):
                wrong.append(
                    {
                        "doc_id": doc.doc_id,
                        "label": target.label,
                        "text": target.text,
                        "predicted": predicted,
                        "gold": " | ".join(target.forms),
                    }
                )
    total = Tally()
    for tally in tallies.values():
        total.correct += tally.correct
        total.n += tally.n
    return {
        "per_type": {label: tally.as_dict() for label, tally in tallies.items() if tally.n},
        "all": total.as_dict(),
        "examples": wrong,
        # Dates are right or wrong as a whole: their classes would say nothing.
        "error_classes": error_classes(errors) if DATE not in labels else [],
    }


def _matches(target: NormalTarget, predicted: str | None) -> bool:
    if not predicted:
        return False
    if target.label == DATE:
        return predicted.strip() == target.forms[0]
    key = name_key(target.label, predicted)
    return any(key == name_key(target.label, form) for form in target.forms)
