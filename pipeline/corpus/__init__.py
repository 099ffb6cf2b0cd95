"""The corpus step: what a whole run knows and no single article does.

After every shard is written, the per-article `entities` are resolved into
`corpus_entities` (one row per real-world thing, `entities.corpus_entity_id`),
and events of one type about the same things within a few days into `stories`
(`events.story_id`). It reads a few columns of the shards' tables and keeps
no state of its own, so a resumed run that adds articles simply does it again.

- `names.py`: the forms names are compared in (official names, country codes,
  transliteration, person name parts and gender)
- `owners.py`: bodies that belong to a place (`МИД России`) and their owner
- `rules.py`: the rules of identity, each a named function, and the loop that applies them
- `entities.py`: the `corpus_entities` table and the id of every entity
- `stories.py`: the `stories` table and the story of every event
- `resolve.py`: the step over a run's tables (frames in, frames out)
"""

from rusnews.corpus.resolve import CorpusResult, resolve_corpus

__all__ = ["CorpusResult", "resolve_corpus"]
