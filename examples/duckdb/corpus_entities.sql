-- The things the run reports most: one row per corpus entity (persons, organizations and
-- places resolved across articles: `Путин`, `В. Путин` and `Владимир Путин` are one, so
-- are `Россия`, `РФ` and `Российская Федерация`), with the names it went by, most used
-- first, and the days it was reported. A body keeps its owner (МИД России and МИД
-- Казахстана are two rows).
SELECT c.name,
       c.label,
       c.owner,
       c.n_articles AS articles,
       c.n_mentions AS mentions,
       json_keys(c.aliases) AS aliases,
       c.first_published,
       c.last_published
FROM corpus_entities AS c
ORDER BY articles DESC, mentions DESC, c.name
LIMIT 20;
