"""Offline knowledge tables and entity linking.

`tables` reads `models/kb/` (what the pipeline needs); `linker` gives an article's
entities their Wikidata id, GeoNames id, coordinates and country; `build`,
`build_nerel`, `build_places` and `readme` derive the tables (`rusnews build-kb`, with
the `kb` extra).
"""
