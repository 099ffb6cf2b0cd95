"""Organization phrases: names the tagger cut short, and bodies named by a common noun.

Two rule families, each an ordered list of small named functions with a
debug mode (`OrgPhrases(debug=True)` fills `fired`):

- extension rules grow an ORG mention over what the gold corpora count as
  part of the name: a place adjective before it (`японского МИДа`), a
  `по`/`при` complement after a body noun (`Европейского суда по правам
  человека`) and its owner (`Верховный суд Испании`, the place stays a
  mention of its own inside);
- finding rules make an ORG of a common noun that names a body
  (`правительство Японии`, `министерство обороны`, `военная полиция`).

The words that can head such phrases live in `models/gazetteers/org_heads.tsv`;
the rules are in `org_extensions.py` and `org_finders.py`, what they look at
in `org_view.py`.
The phrases are read from morphology (case, part of speech), not from the
dependency parse, which the pipeline runs only on sentences that can hold a
record.

The two gold corpora disagree about some of these phrases: NEREL and
factRuEval's whole objects count `правительство Японии` and
`Конгресса США` as organizations, while the Naeval convention on factRuEval
scores only name spans (`Японии` as a place). Which rules run is therefore a
choice, made in `DEFAULT_EXTENSIONS` and `DEFAULT_FINDERS` with the
measurements beside them.
"""

from __future__ import annotations

from typing import ClassVar

from rusnews.model import BODY, ORG, Article, Mention
from rusnews.morphology import lemma_key
from rusnews.stages.base import MENTIONS, MORPH, NAMES, SENTENCES, RuleFamily
from rusnews.stages.mentions.org_extensions import EXTENSIONS
from rusnews.stages.mentions.org_finders import FINDERS
from rusnews.stages.mentions.org_view import OWNER_LABELS, OrgLexicon, View, org_lexicon
from rusnews.views import drop_swallowed

# Measured on the dev sets: the owner extension lifts factRuEval object micro
# F1 .841 -> .854 and NEREL ORG .643 -> .694 for at most -.005 under Naeval;
# the finders lift NEREL ORG further (to .745 with the `nerel` profile's
# adjectival places) but cost Naeval ORG .04-.05 token F1, so only the `nerel`
# profile (pipeline.default_stages) runs them.
DEFAULT_EXTENSIONS = ("extend_place_adjective", "extend_complement", "extend_owner")
DEFAULT_FINDERS: tuple[str, ...] = ()
# The `nerel` profile: every finder, and acronyms grown over their owner.
# The genitive finder, acronym owners and naming adjectives took NEREL ORG
# exact F1 from .765 to .791 on nerel-train (.746 -> .755 on nerel-dev).
NEREL_EXTENSIONS = (*DEFAULT_EXTENSIONS, "extend_acronym_owner")
NEREL_FINDERS = tuple(FINDERS)
# What grows an ORG's extent only (rusnews.model.Mention.extent_span): NEREL's acronym owner.
EXTENT_RULES = ("extend_acronym_owner",)


class OrgPhrases(RuleFamily):
    name: ClassVar[str] = "orgs"
    base_requires: ClassVar[tuple[str, ...]] = (SENTENCES, MORPH, NAMES)
    assigns: ClassVar[tuple[str, ...]] = (MENTIONS,)

    def __init__(
        self,
        extensions: tuple[str, ...] = DEFAULT_EXTENSIONS,
        finders: tuple[str, ...] = DEFAULT_FINDERS,
        owner_labels: tuple[str, ...] = OWNER_LABELS,
        extents: tuple[str, ...] = EXTENT_RULES,
        keep_nested: bool = False,
        debug: bool = False,
        lexicon: OrgLexicon | None = None,
    ) -> None:
        # Growing a name and finding one are two families of rules, each first-wins.
        self.extensions = [(name, EXTENSIONS[name]) for name in extensions]
        self.finders = [(name, FINDERS[name]) for name in finders]
        # Rules that grow the extent only, leaving the mention's span as it was.
        self.extents = [(name, EXTENSIONS[name]) for name in extents if name not in extensions]
        super().__init__([*self.extensions, *self.finders], debug)
        self.owner_labels = owner_labels
        # An ORG inside a grown one (`ООН` in `Совбеза ООН`) is a span of its own in
        # Collection5; the pipeline keeps it and each convention's view decides.
        self.keep_nested = keep_nested
        self.lexicon = lexicon or org_lexicon()

    def extend(self, view: View, m: Mention) -> Mention:
        first, last = view.span_tokens(m)
        # The name's core grows over a complement only: a place adjective and an owner
        # are spans of their own where Collection5 annotates them.
        core_first, core_last = first, last
        for _ in range(4):  # each rule may open the way for another (adjective, then owner)
            decided = self.decide(view, first, last, rules=self.extensions)
            if decided is None:
                break
            rule_name, bounds = decided
            self.note(
                rule_name,
                view.article.text[view.tokens[first].start : view.tokens[last].end],
                view.article.text[view.tokens[bounds[0]].start : view.tokens[bounds[1]].end],
            )
            if rule_name == "extend_complement":
                core_last = bounds[1]
            first, last = bounds
        reach = max(
            ((rule(view, first, last) or (first, last))[1] for _, rule in self.extents),
            default=last,
        )
        if (view.tokens[first].start, view.tokens[last].end) == (m.start, m.end) and reach == last:
            return m
        grown = view.make(first, last, m.source, m.sentence_idx)
        grown.kind = m.kind
        tokens = view.tokens
        grown.core_start, grown.core_end = tokens[core_first].start, tokens[core_last].end
        grown.extent_start = min(m.extent_span[0], grown.start)
        grown.extent_end = max(m.extent_span[1], tokens[reach].end)
        return grown

    def find(self, view: View, idx: int) -> list[Mention]:
        found: list[Mention] = []
        i = 0
        while i < len(view.tokens):
            if view.covered(i) is not None or lemma_key(view.tokens[i]) not in view.lexicon.heads:
                i += 1
                continue
            decided = self.decide(view, i, rules=self.finders)
            if decided is not None:
                rule_name, bounds = decided
                m = view.make(*bounds, source="orgs", sentence_idx=idx)
                m.kind = BODY
                self.note(rule_name, view.tokens[i].text, m.text)
                found.append(m)
                i = bounds[1]
            i += 1
        return found

    def process(self, article: Article) -> None:
        by_sentence: list[list[Mention]] = [[] for _ in article.sentences]
        layout = article.layout()
        for m in article.mentions:
            idx = layout.sentence_before(m.start)
            if idx >= 0:
                by_sentence[idx].append(m)
        out: list[Mention] = []
        for idx, (sentence, mentions) in enumerate(zip(article.sentences, by_sentence)):
            names = [m for m in mentions if m.label != "DATE"]
            view = View(article, sentence, names, self.owner_labels, self.lexicon)
            grown = [
                self.extend(view, m) if m.label == ORG and sentence.tokens else m for m in mentions
            ]
            view.mentions = [m for m in grown if m.label != "DATE"]
            grown += self.find(view, idx) if self.finders else []
            out.extend(grown)
        article.mentions = out if self.keep_nested else drop_swallowed(out)

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            self.process(article)
        return articles


class OrgBodies(OrgPhrases):
    """The finding rules alone, after the names are complete: bodies named by a common
    noun, of kind `body`, which the `nerel` view keeps (rusnews.views)."""

    name: ClassVar[str] = "bodies"

    def __init__(self, finders: tuple[str, ...] = NEREL_FINDERS, debug: bool = False) -> None:
        super().__init__(extensions=(), finders=finders, extents=(), keep_nested=True, debug=debug)
