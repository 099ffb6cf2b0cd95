"""The pandas metadata of the output tables: which integer columns pandas reads as nullable."""

from __future__ import annotations

import json

import pyarrow as pa
from rusnews.model import BOUND_FIELDS

# Integer columns that may be empty. Arrow keeps their nulls, but pandas would
# turn such a column into float64; it reads them as its nullable Int64 instead.
NULLABLE_INTEGERS: dict[str, tuple[str, ...]] = {
    "mentions": ("entity_id", *BOUND_FIELDS),
    "entities": ("geonames", "corpus_entity_id"),
    "events": ("story_id",),
    "corpus_entities": ("geonames",),
    "event_arguments": ("entity_id",),
    "occupations": ("person_entity_id", "organization_entity_id", "place_entity_id"),
    "ownerships": ("owner_entity_id", "property_entity_id"),
}


def for_pandas(name: str, schema: pa.Schema) -> pa.Schema:
    """`schema` with the pandas metadata that `to_pandas` (and so `pd.read_parquet`) follows.

    Only the columns named carry an entry: pyarrow converts the rest by their Arrow type.
    """
    columns = [
        {"name": col, "field_name": col, "pandas_type": "int64", "numpy_type": "Int64"}
        for col in NULLABLE_INTEGERS.get(name, ())
    ]
    if not columns:
        return schema
    meta = {"index_columns": [], "column_indexes": [], "columns": columns}
    return schema.with_metadata({b"pandas": json.dumps(meta).encode()})
