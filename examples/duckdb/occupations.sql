-- Occupations: who holds which position, in which organization or country.
-- One row of `occupations` per record: the `person`, its `position` (a lowercase
-- nominative phrase, not an entity) and, when the text says, an `organization`
-- or a `place`; `phase` is 'start' or 'end' when the article reports the post
-- changing hands. The same record in many articles is counted once per article.
SELECT person, position, organization, place,
       count(DISTINCT article_id) AS articles,
       count(*) FILTER (WHERE phase = 'start') AS starts,
       count(*) FILTER (WHERE phase = 'end') AS ends
FROM occupations
WHERE person IS NOT NULL
GROUP BY person, position, organization, place
ORDER BY articles DESC, person, position;
