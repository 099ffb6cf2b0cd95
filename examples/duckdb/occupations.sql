-- Occupations: who holds which position, in which organization or country.
-- Each OCCUPATION event carries one `person`, its `position` (a lowercase
-- nominative phrase, not an entity) and, when the text says, an
-- `organization` or a `place`; the same record in many articles is counted once per article.
WITH records AS (
    SELECT article_id, event_id,
           any_value(name) FILTER (WHERE role = 'person') AS person,
           any_value(name) FILTER (WHERE role = 'position') AS position,
           any_value(name) FILTER (WHERE role = 'organization') AS organization,
           any_value(name) FILTER (WHERE role = 'place') AS place
    FROM event_arguments
    JOIN events USING (article_id, event_id)
    WHERE event_type = 'OCCUPATION'
    GROUP BY article_id, event_id
)
SELECT person, position, organization, place,
       count(DISTINCT article_id) AS articles
FROM records
WHERE person IS NOT NULL
GROUP BY ALL
ORDER BY articles DESC, person, position;
